import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { ATOMIC_TEMP_PATTERN } from '../output/output-file.ts';
import { readPart, partPath } from './run-rows.ts';
import type { SweepManifest } from './manifest.ts';
import type { Shard } from './shard.ts';

/** Files a sweep folder may hold besides temporary files. */
const SWEEP_FILES = new Set(['manifest.json', 'results.parquet', 'runs.csv', 'results.csv', 'agents.parquet', 'parts']);

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
  const entries = readdirSync(directory).filter((name) => !ATOMIC_TEMP_PATTERN.test(name));
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
      if (ATOMIC_TEMP_PATTERN.test(name)) rmSync(path, { force: true }); // a part cut short by a crash (the folder is locked: not ours in flight)
      continue;
    }
    const run = Number(match[1]);
    const part = wanted.has(run) ? readPart(path, specHash) : null;
    if (part && part.run === run && path === partPath(partsDirectory, run)) done.add(run);
    else rmSync(path, { force: true });
  }
  return done;
}
