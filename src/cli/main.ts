import { availableParallelism } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { UserError } from './errors.ts';
import { abortPendingOutputs, releaseAllLocks } from '../output/index.ts';
import { runCommand, runReport } from './commands/run.ts';
import { rerunCommand } from './commands/rerun.ts';
import { paramsCommand } from './commands/params.ts';
import { summaryCommand } from './commands/summary.ts';
import { strategiesCommand } from './commands/strategies.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerSlurm } from './commands/slurm.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerMerge } from './commands/merge.ts';
import { registerCompare } from './commands/compare.ts';
import { kebab, type RunRequest } from './run-inputs.ts';
import { allParams, PARAM_NAMES } from '../model/params/registry.ts';
import { WORLDS, WORLD_NAMES } from '../../worlds/index.ts';
import packageJson from '../../package.json' with { type: 'json' };

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * One hidden `--kebab-name <value>` option per parameter (kept so older command lines work);
 * `--set name=value` is the documented way, and `glocal params` lists them.
 */
function addParameterOptions(command: Command): void {
  for (const name of PARAM_NAMES) command.addOption(new Option(`--${kebab(name)} <value>`, allParams[name].doc).hideHelp());
}

function parameterFlags(options: Record<string, unknown>): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const name of PARAM_NAMES) if (typeof options[name] === 'string') flags[name] = options[name] as string;
  return flags;
}

/** The options that choose what runs (shared by run and summary). */
function addInputOptions(command: Command, defaultWeeks: string): Command {
  return command
    .option('--world <name>', `world: ${WORLD_NAMES.join(', ')}`, 'two-hubs')
    .option('--scenario <name|file.json>', 'a scenario of the world (see glocal worlds), or your own scenario JSON file')
    .option('--seed <n>', 'random seed: same seed and inputs ⇒ the same bytes out', '1')
    .option('--weeks <n>', `weeks to record after the warm-up (default: ${defaultWeeks})`)
    .option('--set <name=value>', 'set a model parameter (repeatable); list them with glocal params', collect, [])
    .option('--paired', 'also run the same-seed reference without shocks, for the loss measures (default when the scenario has shocks)')
    .option('--no-paired', 'skip the reference run (no loss measures)')
    .option('--start-year <year>', 'world-2019 only: internet use of this year (default 2019; 2010 for the backcast)')
    .option('--blocs <scheme>', 'world-2019 only: bloc scheme, 4region (default) or 6region')
    .option('--quiet', 'no progress bar');
}

function runRequest(options: Record<string, unknown>): RunRequest {
  return {
    world: options.world as string,
    startYear: options.startYear as string | undefined,
    blocs: options.blocs as string | undefined,
    scenario: options.scenario as string | undefined,
    seed: options.seed as string,
    weeks: options.weeks as string | undefined,
    set: options.set as string[],
    flags: parameterFlags(options),
    paired: typeof options.paired === 'boolean' ? options.paired : undefined,
  };
}

const MODEL_PARAMETERS_HELP = `
Model parameters:
  Every model parameter (${PARAM_NAMES.length} of them) is set with --set name=value, e.g. --set scale=0.5.
  glocal params lists them with unit, range, default, source and each world's defaults
  (world-2019 runs at scale 160 unless you set it).`;

function registerRun(program: Command, argv: string[]): void {
  const run = addInputOptions(
    program
      .command('run')
      .description('Run one scenario; write DIR/indicators.csv (long format) and DIR/manifest.json, all or nothing.')
      .requiredOption('--out <dir>', 'output folder (required); must not exist unless --force'),
    'the scenario’s, else 520',
  )
    .option('--force', 'replace an existing output folder (once the new run is complete)')
    .addHelpText('after', `${MODEL_PARAMETERS_HELP}\n\nExample:\n  glocal run --world two-hubs --scenario hub-lockdown --seed 1 --weeks 520 --out runs/lockdown\n`);
  addParameterOptions(run);
  run.action(async (options: Record<string, unknown>) => {
    const outcome = await runCommand(runRequest(options), { out: options.out as string, force: Boolean(options.force), quiet: Boolean(options.quiet), argv });
    process.stdout.write(runReport(outcome) + '\n');
  });
}

function registerRerun(program: Command, argv: string[]): void {
  program
    .command('rerun')
    .description('Run again what a manifest.json records (its embedded scenario, seed, weeks, flags) and check the outputs are byte-identical.')
    .argument('<manifest>', 'a manifest.json written by glocal run')
    .option('--out <dir>', 'output folder (default: the manifest’s folder name + "-rerun", beside it)')
    .option('--force', 'replace an existing output folder')
    .option('--quiet', 'no progress bar')
    .action(async (manifest: string, options: { out?: string; force?: boolean; quiet?: boolean }) => {
      const { run, differing } = await rerunCommand(manifest, { ...options, argv });
      process.stdout.write(runReport(run) + '\n');
      if (differing.length > 0) {
        throw new UserError(`glocal: rerun differs from ${manifest} in ${differing.join(', ')} (a different glocal version or data?)`, 1);
      }
      process.stdout.write(`Reproduced byte for byte: ${[...run.files.keys()].filter((f) => f !== 'manifest.json').join(', ')} match ${manifest}\n`);
    });
}

function registerSummary(program: Command, name: string, hidden: boolean): void {
  const command = addInputOptions(
    program.command(name, { hidden }).description('Run a scenario headless and print what happened (lowest and highest week of each headline indicator, losses); writes nothing.'),
    'the scenario’s, else 520',
  ).addHelpText('after', MODEL_PARAMETERS_HELP);
  addParameterOptions(command);
  command.action(async (options: Record<string, unknown>) => {
    process.stdout.write((await summaryCommand(runRequest(options), Boolean(options.quiet))) + '\n');
  });
}

function registerStrategies(program: Command): void {
  const command = addInputOptions(
    program
      .command('strategies')
      .description('Run a scenario headless and print how lead firms price the four sourcing strategies at the end, term by term (components, freight, coordination, expected disruption loss, local bonus, …) with each one’s chance at the next review; writes nothing.')
      .option('--firm <n>', 'one lead firm (numbered from 0) instead of the means over firms')
      .option('--seeds <n>', 'run seeds seed … seed + n − 1 and print means ± half the 90% interval over them', '1')
      .option('--workers <n>', `worker threads for --seeds (default: the number of cores, ${availableParallelism()} here)`)
      .option('--json', 'print the numbers as JSON (with --seeds, every run’s)'),
    'the scenario’s, else 520',
  ).addHelpText('after', `${MODEL_PARAMETERS_HELP}

Example:
  glocal strategies --world two-hubs --scenario baseline --weeks 260 --seeds 10 --set freightPerUnitKm=0.0002
`);
  addParameterOptions(command);
  command.action(async (options: Record<string, unknown>) => {
    const text = await strategiesCommand(runRequest(options), {
      quiet: Boolean(options.quiet),
      firm: options.firm as string | undefined,
      json: Boolean(options.json),
      seeds: options.seeds as string,
      workers: options.workers as string | undefined,
    });
    process.stdout.write(text + '\n');
  });
}

export function buildProgram(argv: string[] = []): Command {
  const program = new Command();
  program
    .name('glocal')
    .description('Glocal: an agent-based simulator of glocalization (firms, SMEs, communities and policymakers on a world map).')
    .version(packageJson.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerRun(program, argv);
  registerRerun(program, argv);
  registerSummary(program, 'summary', false);
  registerSummary(program, 'start', true); // the old name of `summary`
  registerStrategies(program);
  program
    .command('params')
    .description('List every model parameter with its unit, range, default, source, and each world’s defaults.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown', 'csv']).default('text'))
    .action((options: { format: 'text' | 'json' | 'markdown' | 'csv' }) => {
      process.stdout.write(paramsCommand(options.format));
    });
  program
    .command('worlds')
    .description('List the worlds and their scenarios.')
    .action(() => {
      for (const [name, entry] of Object.entries(WORLDS)) {
        process.stdout.write(`${name}: ${entry.description}\n  scenarios: ${Object.keys(entry.scenarios).join(', ')} (default ${entry.defaultScenario})\n`);
      }
    });
  registerSweep(program);
  registerSlurm(program);
  registerAnalyze(program);
  registerMerge(program);
  registerCompare(program);
  program.commands.forEach((command) => command.exitOverride());
  return program;
}

function fail(error: unknown): never {
  abortPendingOutputs();
  if (error instanceof CommanderError) {
    // Help and version are not errors; every usage error exits 2 like other bad input.
    const fine = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    process.exit(fine ? 0 : 2);
  }
  if (error instanceof UserError) {
    process.stderr.write(error.message + '\n');
    process.exit(error.exitCode);
  }
  const system = error as NodeJS.ErrnoException;
  if (typeof system?.code === 'string' && typeof system.syscall === 'string') {
    // The disk or the system said no (full disk, permissions, read-only): say so, not "internal error".
    process.stderr.write(`glocal: ${system.syscall} ${system.path ?? ''} failed: ${system.code} (${system.message.split(',')[0].replace(/^\w+: /, '')})\nno result was written; earlier results are untouched.\n`);
    process.exit(1);
  }
  process.stderr.write(`glocal: internal error: ${(error as Error).message}\n`);
  if (process.env.GLOCAL_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  else process.stderr.write('(set GLOCAL_DEBUG=1 for the stack trace; please report it)\n');
  process.exit(1);
}

export async function main(argv: string[]): Promise<void> {
  const interrupt = () => {
    abortPendingOutputs();
    releaseAllLocks();
    process.stderr.write('\nglocal: interrupted; unfinished files removed, earlier results untouched.\n');
    process.exit(130);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    await buildProgram(argv.slice(2)).parseAsync(argv);
  } catch (error) {
    fail(error);
  }
}
