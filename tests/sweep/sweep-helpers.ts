import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/cli-helpers.ts';

export const BIN = join(ROOT, 'bin', 'glocal.mjs');

/** A small sweep: 16 runs (8 points × 2 seeds) of two-hubs at a tenth of the scale; number, text and true/false factors; SME microdata every 5 weeks. */
export const SMALL_SPEC = {
  description: 'test sweep',
  world: 'two-hubs',
  scenario: 'hub-lockdown',
  params: { scale: 0.1, warmupWeeks: 4 },
  factors: { bassImitation: { from: 0.2, step: 0.6, to: 0.8 }, strategyOverride: { values: ['none', 'LOCAL'] }, hazardEnabled: { values: [true, false] } },
  seeds: [1, 5],
  weeks: 16,
  recordEvery: 2,
  metrics: ['smeAdoption', 'fillRate@bloc', 'lostFinalDeliveries'],
  agents: { kind: 'sme', fields: ['capability', 'digital', 'buyerPlant'], every: 5 },
};

/** Starts the CLI without waiting (to kill or interrupt it). */
export function startGlocal(args: string[], env: Record<string, string> = {}): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => child.on('exit', (code, signal) => done({ code, signal, stderr })));
  return { child, exited };
}

/** Finished part files in a sweep folder. */
export function partCount(directory: string): number {
  const parts = join(directory, 'parts');
  return existsSync(parts) ? readdirSync(parts).filter((name) => /^run-\d+\.bin$/.test(name)).length : 0;
}

/** Waits until `test` holds (polling), or fails after `timeoutMs`. */
export async function waitFor(test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** The manifest without its provenance block (what must match between sweeps). */
export function manifestCore(directory: string): unknown {
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.provenance;
  return manifest;
}

export function bytes(directory: string, name: string): Buffer {
  return readFileSync(join(directory, name));
}
