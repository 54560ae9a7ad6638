import { UserError } from '../cli/errors.ts';

/** One of `count` disjoint slices of a sweep's runs (index 0-based). */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard i/N` with 0 ≤ i < N. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index >= count) {
    throw new UserError(`glocal: --shard expects i/N with 0 ≤ i < N (e.g. --shard 0/4), got "${text}"\nnothing was written.`);
  }
  return { index, count };
}

/**
 * The shard of a Slurm array task: index = SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN (arrays
 * need not start at 0), count = SLURM_ARRAY_TASK_COUNT; null outside an array job.
 */
export function shardFromSlurm(env: NodeJS.ProcessEnv): Shard | null {
  const id = env.SLURM_ARRAY_TASK_ID;
  if (id === undefined || id === '') return null;
  const min = Number(env.SLURM_ARRAY_TASK_MIN ?? '0');
  const count = Number(env.SLURM_ARRAY_TASK_COUNT ?? '');
  const index = Number(id) - min;
  if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 0 || index >= count) {
    throw new UserError(
      `glocal: cannot take the shard from Slurm: SLURM_ARRAY_TASK_ID=${id}, SLURM_ARRAY_TASK_MIN=${env.SLURM_ARRAY_TASK_MIN ?? '(unset)'}, SLURM_ARRAY_TASK_COUNT=${env.SLURM_ARRAY_TASK_COUNT ?? '(unset)'} (array steps other than 1 are not supported; pass --shard i/N)\nnothing was written.`,
    );
  }
  return { index, count };
}

/**
 * The runs of a shard: a contiguous block of run indices (shard i of N gets runs
 * ⌊i·R/N⌋ … ⌊(i+1)·R/N⌋ − 1), so the blocks are disjoint, cover every run, and differ in size
 * by at most one.
 */
export function shardRuns(runCount: number, shard: Shard | null): number[] {
  const from = shard ? Math.floor((shard.index * runCount) / shard.count) : 0;
  const to = shard ? Math.floor(((shard.index + 1) * runCount) / shard.count) : runCount;
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The folder name merge looks for: `shard-2-of-4`. */
export function shardFolder(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}`;
}
