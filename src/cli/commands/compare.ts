import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { quote } from 'shell-quote';
import { workersFlag } from '../whole-number.ts';
import { resolveCompare } from '../../compare/plan.ts';
import { runCompare, type CompareOutcome } from '../../compare/compare.ts';
import { money, show } from '../../compare/tables.ts';

interface CompareFlags {
  world: string;
  scenario?: string;
  scheme: string[];
  seeds: string;
  weeks?: string;
  out: string;
  workers?: string;
  discount: string;
  csv?: boolean;
  set: string[];
  quiet?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The same command again (it resumes an interrupted comparison). */
function resumeCommand(flags: CompareFlags): string {
  const args = ['glocal', 'compare', '--world', flags.world, ...(flags.scenario ? ['--scenario', flags.scenario] : [])];
  for (const scheme of flags.scheme) args.push('--scheme', scheme);
  args.push('--seeds', flags.seeds, ...(flags.weeks ? ['--weeks', flags.weeks] : []), '--out', flags.out, '--discount', flags.discount);
  if (flags.workers) args.push('--workers', flags.workers);
  if (flags.csv) args.push('--csv');
  for (const item of flags.set) args.push('--set', item);
  return quote(args);
}

/** The headline lines printed at the end: each scheme's significant world effects. */
function summary(outcome: CompareOutcome, seconds: number): string {
  const { comparison, outputs } = outcome;
  const lines = [`compare done: ${comparison.plan.arms.length} arms × ${comparison.plan.seeds} seeds, ${outcome.runsThisSession} runs now, in ${seconds.toFixed(1)} s`];
  for (const arm of comparison.plan.arms.filter((a) => a.scheme)) {
    const effects = comparison.rows.filter((r) => r.scheme === arm.name && r.scope === 'global' && r.significant && r.indicator.name !== 'policySpend');
    const text = effects.map((r) => `${r.indicator.name} ${r.effectPoints > 0 ? '+' : ''}${show(r.effectPoints)} ${r.pointUnit}`).join(', ');
    const spent = comparison.rows.find((r) => r.scheme === arm.name)?.extraCost ?? NaN;
    lines.push(`  ${arm.name} (extra spending ${money(spent)}): ${text || 'no effect distinguishable from 0 at the world scope'}`);
  }
  for (const file of Object.values(outputs)) lines.push(`  ${file.path}  (${file.bytes.toLocaleString('en')} bytes)`);
  return lines.join('\n') + '\n';
}

async function compareAction(flags: CompareFlags): Promise<void> {
  const workers = workersFlag(flags.workers);
  const plan = resolveCompare({ world: flags.world, scenario: flags.scenario, schemes: flags.scheme, seeds: flags.seeds, weeks: flags.weeks, set: flags.set, discount: flags.discount });
  const started = Date.now();
  const outcome = await runCompare(plan, { out: flags.out, workers, csv: Boolean(flags.csv), quiet: Boolean(flags.quiet), resumeCommand: resumeCommand(flags) });
  process.stdout.write(summary(outcome, (Date.now() - started) / 1000));
}

const EXAMPLE = `
Schemes: a library name (worlds/<world>/schemes/<name>.json, listed in its README.md)
or a path to your own scheme file (docs/compare.md#scheme-files).

Example:
  glocal compare --world two-hubs --scenario hub-lockdown \\
    --scheme local-sourcing-subsidy --scheme digital-infrastructure-with-training \\
    --seeds 30 --out compare/lockdown
Run the same command again to resume an interrupted comparison.
Writes DIR/comparison.csv, DIR/report.md, DIR/report.html and each arm's sweep in DIR/arms/.`;

/** `glocal compare --world W --scenario S --scheme X [--scheme Y …] --seeds N --out DIR`. */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .exitOverride()
    .description('Compare policy schemes with the baseline over paired seeds: effects with 95% intervals, effect sizes, cost per point; see docs/compare.md.')
    .option('--world <name>', 'world', 'two-hubs')
    .option('--scenario <name|file.json>', 'scenario every arm runs (default: the world’s default)')
    .option('--scheme <name|file.json>', 'a scheme to compare (repeatable)', collect, [])
    .option('--seeds <n>', 'seeds 1…n, the same for every arm (common random numbers)', '30')
    .option('--weeks <n>', 'recorded weeks (default: the scenario’s, else 520)')
    .requiredOption('--out <dir>', 'output folder; the same command resumes an interrupted comparison')
    .option('--workers <n>', `worker threads (default: the number of cores, ${availableParallelism()} here)`)
    .option('--discount <rate>', 'annual discount rate for costs', '0.03')
    .option('--csv', 'also write results.csv in each arm’s folder')
    .option('--set <name=value>', 'set a model parameter in every arm (repeatable)', collect, [])
    .option('--quiet', 'no progress bars')
    .addHelpText('after', EXAMPLE)
    .action(compareAction);
}
