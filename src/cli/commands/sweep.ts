import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { quote } from 'shell-quote';
import { wholeNumberFlag, workersFlag } from '../whole-number.ts';
import { MAX_WEEKS } from '../../model/scenario.ts';
import { parseOverrides } from '../run-inputs.ts';
import { runSweep, type SweepOutcome } from '../../sweep/sweep.ts';
import { parseShard, shardFromSlurm, type Shard } from '../../sweep/shard.ts';
import { sweepProgress } from '../../sweep/progress.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface SweepFlags {
  workers?: string;
  out: string;
  csv?: boolean;
  shard?: string;
  weeks?: string;
  set: string[];
  quiet?: boolean;
}

/** The command that continues this sweep (same spec, folder and overrides). */
function resumeCommand(spec: string, flags: SweepFlags, shard: Shard | null): string {
  const args = ['glocal', 'sweep', spec, '--out', flags.out];
  if (flags.workers) args.push('--workers', flags.workers);
  if (flags.csv) args.push('--csv');
  if (shard) args.push('--shard', `${shard.index}/${shard.count}`);
  if (flags.weeks) args.push('--weeks', flags.weeks);
  for (const item of flags.set) args.push('--set', item);
  return quote(args);
}

function summary(outcome: SweepOutcome, seconds: number): string {
  const { plan, outputs } = outcome;
  if (outcome.alreadyComplete) return `${outcome.directory}: this sweep is already complete (${outcome.runsInFolder} runs); nothing to do.\n`;
  const rows = outputs['results.parquet']?.rows ?? 0;
  const lines = [
    `sweep done: ${outcome.runsInFolder} runs (${plan.points.length} points × ${plan.seeds.length} seeds${outcome.runsInFolder !== plan.runCount ? `, this shard of ${plan.runCount}` : ''}); ${outcome.runsThisSession} ran now${outcome.resumedFrom > 0 ? `, ${outcome.resumedFrom} before` : ''}, in ${seconds.toFixed(1)} s`,
    `  ${rows.toLocaleString('en')} result rows, ${plan.metrics.length} metric series per run`,
    ...Object.entries(outputs).map(([name, file]) => `  ${outcome.directory}/${name}  (${file.bytes.toLocaleString('en')} bytes, sha256 ${file.sha256.slice(0, 12)}…)`),
    `  ${outcome.directory}/manifest.json`,
  ];
  return lines.join('\n') + '\n';
}

async function sweepAction(spec: string, flags: SweepFlags): Promise<void> {
  const workers = workersFlag(flags.workers);
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : shardFromSlurm(process.env);
  const overrides = { weeks: flags.weeks === undefined ? undefined : wholeNumberFlag(flags.weeks, '--weeks', 1, MAX_WEEKS, 0), params: parseOverrides(flags.set, {}) };
  const progress = sweepProgress('sweep', Boolean(flags.quiet));
  const started = Date.now();
  try {
    const outcome = await runSweep({
      specPath: spec,
      out: flags.out,
      workers,
      csv: Boolean(flags.csv),
      shard,
      overrides,
      resumeCommand: resumeCommand(spec, flags, shard),
      onStart: ({ total, alreadyDone }) => progress.start(total, alreadyDone),
      onRun: (done) => progress.update(done),
    });
    progress.stop();
    process.stdout.write(summary(outcome, (Date.now() - started) / 1000));
  } finally {
    progress.stop();
  }
}

/** `glocal sweep SPEC --out DIR [--workers N] [--csv] [--shard i/N]`. */
export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .exitOverride()
    .description('Run a parameter sweep (a JSON spec: factors or a design, seeds, metrics) on a pool of worker threads; see docs/sweeps.md.')
    .argument('<spec>', 'sweep spec JSON file (e.g. worlds/two-hubs/sweeps/digital-grid.json)')
    .requiredOption('--out <dir>', 'output folder; run the same command again to resume an interrupted sweep')
    .option('--workers <n>', `worker threads (default: the number of cores, ${availableParallelism()} here)`)
    .option('--csv', 'also write results.csv (the same rows as results.parquet)')
    .option('--shard <i/N>', 'run only shard i of N (0-based) into DIR/shard-i-of-N; inside a Slurm array job the shard comes from SLURM_ARRAY_TASK_*')
    .option('--weeks <n>', 'override the spec’s weeks')
    .option('--set <name=value>', 'override a base parameter of the spec (repeatable)', collect, [])
    .option('--quiet', 'no progress bar')
    .addHelpText('after', '\nExamples:\n  glocal sweep worlds/two-hubs/sweeps/digital-grid.json --out sweeps/grid --workers 4\n  glocal sweep spec.json --out sweeps/big --shard 0/8   # then: glocal merge sweeps/big\n')
    .action(sweepAction);
}
