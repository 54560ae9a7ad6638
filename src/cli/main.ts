import { Command, CommanderError, Option } from 'commander';
import { UserError } from './errors.ts';
import { removePendingFiles } from './atomic.ts';
import { runCommand } from './commands/run.ts';
import { paramsCommand } from './commands/params.ts';
import { startCommand } from './commands/start.ts';
import { kebab } from './run-inputs.ts';
import { allParams, PARAM_NAMES } from '../model/params/registry.ts';
import { WORLDS, WORLD_NAMES } from '../../worlds/index.ts';
import packageJson from '../../package.json' with { type: 'json' };

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** One `--kebab-name <value>` option per parameter, generated from the schema. */
function addParameterOptions(command: Command): void {
  for (const name of PARAM_NAMES) {
    const spec = allParams[name];
    const range = spec.kind === 'number' ? `${spec.min}–${spec.max}${spec.unit ? ` ${spec.unit}` : ''}` : spec.kind === 'boolean' ? 'true|false' : spec.options.join('|');
    const option = new Option(`--${kebab(name)} <value>`, `${spec.doc} [${range}; default ${String(spec.default)}]`);
    option.helpGroup('Model parameters (each is also --set name=value):');
    command.addOption(option);
  }
}

function parameterFlags(options: Record<string, unknown>): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const name of PARAM_NAMES) if (typeof options[name] === 'string') flags[name] = options[name] as string;
  return flags;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('glocal')
    .description('Glocal: an agent-based simulator of glocalization (firms, SMEs, communities and policymakers on a world map).')
    .version(packageJson.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const run = program
    .command('run')
    .exitOverride()
    .description('Run one scenario and write DIR/indicators.csv (long format) and DIR/manifest.json.')
    .option('--world <name>', `world: ${WORLD_NAMES.join(', ')}`, 'two-hubs')
    .option('--scenario <name|file.json>', 'a scenario name of the world, or a path to your own scenario JSON file')
    .option('--start-year <year>', 'world-2019: start from the internet use of this year (2019 default; 2010 for the backcast)')
    .option('--blocs <scheme>', 'world-2019: bloc scheme, 4region (default) or 6region')
    .option('--seed <n>', 'random seed (same seed and inputs ⇒ the same bytes out)', '1')
    .option('--weeks <n>', 'weeks to record after the warm-up (default: the scenario’s, else 520)')
    .requiredOption('--out <dir>', 'output folder (created if needed; files appear only when complete)')
    .option('--set <name=value>', 'override a parameter (repeatable); see glocal params', collect, [])
    .option('--no-paired', 'skip the same-seed reference run without shocks (no loss measures)')
    .option('--quiet', 'no progress bar')
    .addHelpText('after', '\nExample:\n  glocal run --world two-hubs --scenario hub-lockdown --seed 1 --weeks 520 --out runs/lockdown\n');
  addParameterOptions(run);
  run.action(async (options: Record<string, unknown>) => {
    const outcome = await runCommand(
      {
        world: options.world as string,
        startYear: options.startYear as string | undefined,
        blocs: options.blocs as string | undefined,
        scenario: options.scenario as string | undefined,
        seed: options.seed as string,
        weeks: options.weeks as string | undefined,
        set: options.set as string[],
        flags: parameterFlags(options),
        paired: options.paired === false ? false : undefined,
      },
      options.out as string,
      Boolean(options.quiet),
    );
    process.stdout.write(
      `wrote ${outcome.directory}/indicators.csv (${outcome.rows.toLocaleString('en')} rows, sha256 ${outcome.indicatorsSha256.slice(0, 12)}…) and ${outcome.directory}/manifest.json\n`,
    );
  });

  program
    .command('params')
    .description('List every parameter with its unit, range, default and source.')
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

  program
    .command('start')
    .description('Run the default world headless and print a summary table (what `npm start` does until the web app lands).')
    .option('--world <name>', 'world', 'two-hubs')
    .option('--scenario <name|file.json>', 'scenario')
    .action(async (options: { world: string; scenario?: string }) => {
      process.stdout.write((await startCommand(options.world, options.scenario)) + '\n');
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const interrupt = () => {
    removePendingFiles();
    process.stderr.write('\nglocal: interrupted; partial files removed.\n');
    process.exit(130);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    removePendingFiles();
    if (error instanceof CommanderError) {
      // Help and version are not errors; every usage error exits 2 like other bad input.
      const fine = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      process.exit(fine ? 0 : 2);
    }
    if (error instanceof UserError) {
      process.stderr.write(error.message + '\n');
      process.exit(error.exitCode);
    }
    process.stderr.write(`glocal: internal error: ${(error as Error).message}\n`);
    if (process.env.GLOCAL_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write('(set GLOCAL_DEBUG=1 for the stack trace; please report it)\n');
    process.exit(1);
  }
}
