import { quote } from 'shell-quote';

/**
 * The sbatch job-array script `glocal slurm` writes: one array task per shard of the sweep. The
 * task's index in the array as written (0 … N − 1) is its shard, passed as `--shard i/N`, so
 * resubmitting only the failed indices (`sbatch --array=3,7 sweep.sbatch`) reruns exactly those
 * shards, each resuming where it stopped; `glocal merge DIR` then joins DIR/shard-i-of-N.
 */
export interface SlurmJobOptions {
  /** Absolute paths: the spec, the sweep's output folder, the glocal launcher, the project root. */
  specPath: string;
  outDir: string;
  glocalBin: string;
  projectRoot: string;
  tasks: number;
  /** Wall time per task, Slurm's `[D-]HH:MM:SS` (or minutes). */
  time: string;
  /** Memory per task, Slurm's `--mem` (e.g. 4G). */
  mem: string;
  cpusPerTask: number;
  jobName: string;
  partition?: string;
  account?: string;
  /** At most this many tasks at once (`--array=0-N%M`). */
  maxRunning?: number;
  /** Environment modules to load first (`module load …`), e.g. nodejs/20. */
  modules: string[];
  /** Extra `glocal sweep` arguments (--csv, --weeks, --set), already split. */
  sweepArgs: string[];
  /** What wrote the script (glocal and its version). */
  generator: string;
}

/** Slurm's defaults cap arrays at MaxArraySize = 1001 (indices 0–1000); centres often set less. */
export const SLURM_DEFAULT_MAX_ARRAY_SIZE = 1001;

export const SLURM_DEFAULTS = { time: '04:00:00', mem: '4G', cpusPerTask: 4, jobName: 'glocal-sweep' } as const;

/** Checks the wall-time form Slurm accepts: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S. */
export function slurmTimeProblem(time: string): string | null {
  return /^(\d+(:\d{1,2}){0,2}|\d+-\d{1,2}(:\d{1,2}){0,2})$/.test(time) ? null : `expected a Slurm time such as 04:00:00, 90 or 1-12:00:00, got "${time}"`;
}

/** Checks `--mem`: a whole number with an optional K, M, G or T suffix. */
export function slurmMemoryProblem(mem: string): string | null {
  return /^\d+[KMGT]?$/i.test(mem) ? null : `expected a memory size such as 4G or 500M, got "${mem}"`;
}

/** A value inside an #SBATCH line must not carry spaces or a newline (sbatch stops there). */
export function sbatchValueProblem(value: string): string | null {
  return /^[^\s#]+$/.test(value) ? null : `expected a value without spaces or #, got "${value}"`;
}

function directives(options: SlurmJobOptions): string[] {
  const throttle = options.maxRunning !== undefined ? `%${options.maxRunning}` : '';
  const lines = [
    `--job-name=${options.jobName}`,
    `--array=0-${options.tasks - 1}${throttle}`,
    `--time=${options.time}`,
    `--mem=${options.mem}`,
    `--cpus-per-task=${options.cpusPerTask}`,
    '--ntasks=1',
    `--output=${options.outDir}/logs/%x-%A_%a.out`,
  ];
  if (options.partition) lines.push(`--partition=${options.partition}`);
  if (options.account) lines.push(`--account=${options.account}`);
  return lines.map((line) => `#SBATCH ${line}`);
}

/** The job script (bash, sbatch directives first). */
export function sbatchScript(options: SlurmJobOptions): string {
  const sweep = quote(['node', options.glocalBin, 'sweep', options.specPath, '--out', options.outDir, ...options.sweepArgs, '--quiet']);
  const merge = quote(['node', options.glocalBin, 'merge', options.outDir]);
  const self = quote([`${options.outDir}/sweep.sbatch`]);
  return [
    '#!/bin/bash',
    `# A Glocal sweep as a Slurm job array of ${options.tasks} tasks, written by ${options.generator}.`,
    `# Spec: ${options.specPath}`,
    `# Each task runs one shard into ${options.outDir}/shard-<i>-of-${options.tasks}.`,
    `#   submit:            sbatch ${self}`,
    `#   after the last:    ${merge}`,
    `#   redo failed tasks: sbatch --array=3,7 ${self}   (each shard resumes where it stopped)`,
    ...directives(options),
    '',
    'set -euo pipefail',
    ...options.modules.map((name) => `module load ${quote([name])}`),
    `cd ${quote([options.projectRoot])}`,
    `echo "glocal: shard \${SLURM_ARRAY_TASK_ID} of ${options.tasks} on $(hostname), job \${SLURM_ARRAY_JOB_ID}, started $(date -u +%FT%TZ)"`,
    '# srun gets the CPUs explicitly: Slurm 22.05 stopped passing --cpus-per-task from sbatch to srun.',
    `srun --cpus-per-task="\${SLURM_CPUS_PER_TASK:-1}" ${sweep} --workers "\${SLURM_CPUS_PER_TASK:-1}" --shard "\${SLURM_ARRAY_TASK_ID}/${options.tasks}"`,
    '',
  ].join('\n');
}
