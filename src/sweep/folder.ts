import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { readPart, partPath } from './run-rows.ts';
import type { SweepManifest } from './manifest.ts';
import type { Shard } from './shard.ts';

/** Files a sweep folder may hold besides temporary files. */
const SWEEP_FILES = new Set(['manifest.json', 'results.parquet', 'runs.csv', 'results.csv', 'parts', '.lock']);

export type FolderState = { kind: 'fresh' } | { kind: 'resume'; manifest: SweepManifest } | { kind: 'complete'; manifest: SweepManifest };

/** Reads a sweep folder's manifest, or null when there is none. */
export function readManifest(directory: string): SweepManifest | null {
  const path = join(directory, 'manifest.json');
  if (!existsSync(path)) return null;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as SweepManifest;
    return value && value.kind === 'glocal-sweep' ? value : null;
  } catch {
    return null;
  }
}

/**
 * What an output folder holds: nothing (a fresh sweep), this sweep unfinished (resume) or
 * finished. Anything else — another sweep, other files — is refused before anything is written.
 */
export function inspectFolder(directory: string, specHash: string, shard: Shard | null, resumeHint: string): FolderState {
  if (!existsSync(directory)) return { kind: 'fresh' };
  const entries = readdirSync(directory).filter((name) => !/^\..*\.tmp$/.test(name));
  if (entries.length === 0) return { kind: 'fresh' };
  const manifest = readManifest(directory);
  if (!manifest) {
    throw new UserError(`glocal: ${directory} is not empty and holds no sweep manifest; choose an empty or new --out folder\nnothing was written.`);
  }
  const foreign = entries.filter((name) => !SWEEP_FILES.has(name));
  if (foreign.length > 0) {
    throw new UserError(`glocal: ${directory} holds files that are not a sweep's (${foreign.slice(0, 3).join(', ')}); choose another --out folder\nnothing was written.`);
  }
  const sameShard = (manifest.shard?.index ?? -1) === (shard?.index ?? -1) && (manifest.shard?.count ?? -1) === (shard?.count ?? -1);
  if (manifest.specHash !== specHash || !sameShard) {
    throw new UserError(
      `glocal: ${directory} holds a different sweep (spec hash ${manifest.specHash.slice(0, 12)}…${manifest.shard ? `, shard ${manifest.shard.index}/${manifest.shard.count}` : ''}); this one is ${specHash.slice(0, 12)}…${shard ? `, shard ${shard.index}/${shard.count}` : ''}.\n  To resume the sweep there, run its own spec (${resumeHint}); otherwise choose another --out folder.\nnothing was written.`,
    );
  }
  return manifest.complete ? { kind: 'complete', manifest } : { kind: 'resume', manifest };
}

/** Runs whose part files are complete and belong to this sweep; damaged or stray parts are removed. */
export function finishedParts(partsDirectory: string, specHash: string, runs: readonly number[]): Set<number> {
  const done = new Set<number>();
  if (!existsSync(partsDirectory)) return done;
  const wanted = new Set(runs);
  for (const name of readdirSync(partsDirectory)) {
    const path = join(partsDirectory, name);
    const match = /^run-(\d+)\.bin$/.exec(name);
    if (!match) {
      if (/^\..*\.tmp$/.test(name)) rmSync(path, { force: true }); // a part cut short by a crash
      continue;
    }
    const run = Number(match[1]);
    const part = wanted.has(run) ? readPart(path, specHash) : null;
    if (part && part.run === run && path === partPath(partsDirectory, run)) done.add(run);
    else rmSync(path, { force: true });
  }
  return done;
}

/** Removes temporary files a crashed writer left in the folder. */
export function removeStaleTempFiles(directory: string): void {
  if (!existsSync(directory)) return;
  for (const name of readdirSync(directory)) if (/^\..*\.tmp$/.test(name)) rmSync(join(directory, name), { force: true });
}

/** A lock file naming the process that writes the folder; a lock of a dead process is taken over. */
export function lockFolder(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, '.lock');
  if (existsSync(path)) {
    const [pid, host] = readFileSync(path, 'utf8').trim().split(' ');
    if (host === hostname() && processAlive(Number(pid)) && Number(pid) !== process.pid) {
      throw new UserError(`glocal: another glocal (process ${pid}) is writing ${directory}; wait for it or stop it first\nnothing was written.`);
    }
  }
  writeFileSync(path, `${process.pid} ${hostname()}\n`);
  return () => rmSync(path, { force: true });
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
