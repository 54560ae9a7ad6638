import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the CLI is run from there, as a user would). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'glocal.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/glocal.mjs ...args` from the repository root and collects its output. */
export function glocal(args: string[], timeoutMs = 90_000): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, CI: 'true', GLOCAL_DEBUG: '' }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Like `glocal`, from another working directory and with extra environment variables; also reports the signal. */
export function glocalWith(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, CI: 'true', GLOCAL_DEBUG: '', ...options.env }, timeout: options.timeoutMs ?? 90_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const signal = error && 'signal' in error ? ((error as { signal?: NodeJS.Signals | null }).signal ?? null) : null;
        done({ code, signal, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Starts `glocal ...args` in the background (for kill and concurrency tests); `exited` resolves with its result. */
export function startGlocal(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; exited: Promise<CliResult & { signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true', GLOCAL_DEBUG: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliResult & { signal: NodeJS.Signals | null }>((done) => {
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** Polls `condition` every 20 ms until it holds (or `timeoutMs` passes: then throws). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A fresh folder under the OS temp folder. */
export function tempDir(prefix = 'glocal-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The files in a folder, sorted, or [] if it does not exist. */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The RFC 4180 reader the world-2019 data build uses (quoted fields, "" escapes, \n or \r\n line ends). */
export { parseCsv } from '../../worlds/world-2019/scripts/build-data-lib.ts';

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineContaining(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in the text`);
  return index + 1;
}

/** The hub-lockdown scenario of two-hubs, as shipped. */
export const HUB_LOCKDOWN_PATH = join(ROOT, 'worlds', 'two-hubs', 'scenarios', 'hub-lockdown.json');

/** Anything that looks like a JavaScript stack frame or an internal-error banner. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?\s*$|internal error|\bError: |\.[cm]?[jt]s:\d+:\d+/m;
