import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { UserError } from '../errors.ts';
import { collectWholeNumber } from '../whole-number.ts';
import { checkOutputPath, writeFileAtomic } from '../../output/index.ts';
import { readJsonFile } from '../json-input.ts';
import { parseOverrides } from '../run-inputs.ts';
import { resolveSweep } from '../../sweep/spec.ts';
import {
  sbatchScript,
  sbatchValueProblem,
  slurmMemoryProblem,
  slurmTimeProblem,
  SLURM_DEFAULT_MAX_ARRAY_SIZE,
  SLURM_DEFAULTS,
  type SlurmJobOptions,
} from '../../sweep/slurm.ts';
import packageJson from '../../../package.json' with { type: 'json' };

interface SlurmFlags {
  tasks: string;
  out: string;
  time: string;
  mem: string;
  cpusPerTask: string;
  jobName: string;
  partition?: string;
  account?: string;
  maxRunning?: string;
  module: string[];
  csv?: boolean;
  weeks?: string;
  set: string[];
  dryRun?: boolean;
}

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Checks every flag; all problems are reported together, and nothing is written. */
function jobOptions(spec: string, flags: SlurmFlags): SlurmJobOptions {
  const problems: string[] = [];
  const tasks = collectWholeNumber(flags.tasks, '--tasks', 1, 1_000_000, problems);
  const cpusPerTask = collectWholeNumber(flags.cpusPerTask, '--cpus-per-task', 1, 1024, problems);
  const maxRunning = flags.maxRunning !== undefined ? collectWholeNumber(flags.maxRunning, '--max-running', 1, 1_000_000, problems) : undefined;
  const checks: [string, string | null][] = [
    ['--time', slurmTimeProblem(flags.time)],
    ['--mem', slurmMemoryProblem(flags.mem)],
    ['--job-name', sbatchValueProblem(flags.jobName)],
    ['--partition', flags.partition !== undefined ? sbatchValueProblem(flags.partition) : null],
    ['--account', flags.account !== undefined ? sbatchValueProblem(flags.account) : null],
    ['--out', sbatchValueProblem(resolve(flags.out)) && `the folder goes into #SBATCH --output, so it cannot hold spaces or #: "${resolve(flags.out)}"`],
  ];
  for (const [flag, problem] of checks) if (problem) problems.push(`  ${flag}: ${problem}`);
  if (problems.length > 0) throw new UserError(`glocal slurm: invalid options\n${problems.join('\n')}\nnothing was written.`);
  const sweepArgs = [...(flags.csv ? ['--csv'] : []), ...(flags.weeks ? ['--weeks', flags.weeks] : []), ...flags.set.flatMap((item) => ['--set', item])];
  return {
    specPath: resolve(spec),
    outDir: resolve(flags.out),
    glocalBin: join(PROJECT_ROOT, 'bin', 'glocal.mjs'),
    projectRoot: PROJECT_ROOT,
    tasks,
    time: flags.time,
    mem: flags.mem,
    cpusPerTask,
    jobName: flags.jobName,
    partition: flags.partition,
    account: flags.account,
    maxRunning,
    modules: flags.module,
    sweepArgs,
    generator: `glocal slurm (glocal ${packageJson.version})`,
  };
}

/** Checks the spec the way `glocal sweep` will (so a bad spec fails here, not on the cluster). */
function runCountOf(spec: string, flags: SlurmFlags): number {
  const weeks = flags.weeks !== undefined && /^\d+$/.test(flags.weeks) ? Number(flags.weeks) : undefined;
  if (flags.weeks !== undefined && weeks === undefined) throw new UserError(`glocal slurm: --weeks expects a whole number, got "${flags.weeks}"\nnothing was written.`);
  return resolveSweep(readJsonFile(spec, 'sweep spec'), { weeks, params: parseOverrides(flags.set, {}) }).runCount;
}

/** `glocal slurm`: the job script's text and where it goes, after every check. */
export function slurmCommand(spec: string, flags: SlurmFlags): { script: string; path: string; runs: number; options: SlurmJobOptions } {
  const options = jobOptions(spec, flags);
  checkOutputPath(options.outDir, { allowExisting: true });
  const runs = runCountOf(spec, flags);
  if (options.tasks > runs) {
    throw new UserError(`glocal slurm: --tasks ${options.tasks} is more than the sweep's ${runs} runs; use at most ${runs} tasks\nnothing was written.`);
  }
  return { script: sbatchScript(options), path: join(options.outDir, 'sweep.sbatch'), runs, options };
}

function slurmAction(spec: string, flags: SlurmFlags): void {
  const { script, path, runs, options } = slurmCommand(spec, flags);
  if (flags.dryRun) {
    process.stdout.write(script);
    return;
  }
  mkdirSync(join(options.outDir, 'logs'), { recursive: true }); // Slurm does not create the log folder
  writeFileAtomic(path, script);
  const perTask = `${Math.floor(runs / options.tasks)}${runs % options.tasks ? `–${Math.ceil(runs / options.tasks)}` : ''}`;
  const lines = [
    `wrote ${path}: a job array of ${options.tasks} tasks, ${runs} runs (${perTask} per task)`,
    options.tasks > SLURM_DEFAULT_MAX_ARRAY_SIZE
      ? `  note: ${options.tasks} tasks is more than Slurm's default MaxArraySize (${SLURM_DEFAULT_MAX_ARRAY_SIZE}); check yours with: scontrol show config | grep MaxArraySize`
      : '',
    `  submit:          sbatch ${path}`,
    `  when all finish: glocal merge ${options.outDir}`,
    `  logs:            ${options.outDir}/logs/`,
  ];
  process.stdout.write(lines.filter(Boolean).join('\n') + '\n');
}

/** `glocal slurm SPEC --tasks N --out DIR [--dry-run]`. */
export function registerSlurm(program: Command): void {
  program
    .command('slurm')
    .exitOverride()
    .description('Write an sbatch job-array script that runs a sweep on a Slurm cluster, one shard per array task (see docs/cluster.md).')
    .argument('<spec>', 'sweep spec JSON file')
    .requiredOption('--tasks <n>', 'array tasks (shards); each runs about runs/N runs')
    .requiredOption('--out <dir>', 'the sweep’s output folder on shared storage (scratch); the script goes to DIR/sweep.sbatch, logs to DIR/logs/')
    .option('--time <limit>', 'wall time per task, [D-]HH:MM:SS', SLURM_DEFAULTS.time)
    .option('--mem <size>', 'memory per task (e.g. 4G)', SLURM_DEFAULTS.mem)
    .option('--cpus-per-task <n>', 'CPUs per task = worker threads of each shard', String(SLURM_DEFAULTS.cpusPerTask))
    .option('--job-name <name>', 'job name', SLURM_DEFAULTS.jobName)
    .option('--partition <name>', 'partition (queue); default: the cluster’s')
    .option('--account <name>', 'account to charge; default: yours')
    .option('--max-running <m>', 'at most m tasks at once (--array=0-N%m)')
    .option('--module <name>', 'environment module to load first, e.g. nodejs/20 (repeatable)', collect, [])
    .option('--csv', 'shards also write results.csv')
    .option('--weeks <n>', 'override the spec’s weeks')
    .option('--set <name=value>', 'override a base parameter of the spec (repeatable)', collect, [])
    .option('--dry-run', 'print the script instead of writing it')
    .addHelpText('after', '\nExample:\n  glocal slurm worlds/two-hubs/sweeps/digital-grid.json --tasks 16 --out /scratch/$USER/grid --module nodejs/20\n  sbatch /scratch/$USER/grid/sweep.sbatch\n')
    .action(slurmAction);
}
