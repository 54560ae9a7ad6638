import { resolveRun, type RunRequest } from '../run-inputs.ts';
import { streamRun } from '../stream-run.ts';
import { progressBar } from '../progress.ts';
import { UserError } from '../errors.ts';
import { wholeNumberFlag, workersFlag } from '../whole-number.ts';
import { interval90 } from '../../validation/stats.ts';
import type { StrategyReport } from '../../worker/api.ts';
import type { StrategyTerms } from '../../../agents/firm/strategy.ts';

type Row = StrategyReport['rows'][number];
type Format = 'money' | 'percent' | 'count';
/** The lines of the table: label, format, and the number read from a strategy's row. */
const term = (key: keyof StrategyTerms) => (row: Row) => row.terms[key];
/** A line's number for one strategy's row (`rows` are the four of the same firm or means, GLOBAL first). */
type Read = (row: Row, rows: readonly Row[]) => number;
const LINES: [string, Format, Read][] = [
  ['  components (hubs and SMEs, delivered)', 'money', term('components')],
  ['+ assembly', 'money', term('assembly')],
  ['+ plant overhead', 'money', term('overhead')],
  ['+ freight and tariffs to customers', 'money', term('outbound')],
  ['+ coordination', 'money', term('coordination')],
  ['+ SME contracts', 'money', term('contracts')],
  ['− local-sourcing subsidy', 'money', term('subsidy')],
  ['+ expected disruption loss', 'money', term('expectedLoss')],
  ['− local bonus (what customers value)', 'money', term('localBonus')],
  ['= cost per unit C_k', 'money', (row) => row.cost],
  ['+ switching cost, amortised', 'money', (row) => row.switching],
  ['share of components from SMEs', 'percent', (row) => row.smeShare],
  ['chance at a review now (logit)', 'percent', (row) => row.probability],
  ['C_k − C_GLOBAL', 'money', (row, rows) => row.cost - rows[0].cost],
];
const HOLDING: [string, Format, Read] = ['firms holding it now', 'count', (row) => ('holding' in row ? row.holding : 0)];

function formatValue(value: number, format: Format): string {
  return format === 'percent' ? `${(100 * value).toFixed(1)}%` : format === 'count' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : value.toFixed(2);
}

/** `mean ± half-width of the 90% interval` over seeds. */
function formatInterval(values: number[], format: Format): string {
  const { mean, low, high } = interval90(values);
  const half = (high - low) / 2;
  const centre = format === 'count' ? mean.toFixed(1) : formatValue(mean, format);
  return `${centre} ± ${format === 'percent' ? (100 * half).toFixed(1) : half.toFixed(format === 'count' ? 1 : 2)}`;
}

/** The table of `glocal strategies`: one column per strategy; with several seeds, means ± 90% intervals over them. */
export function strategiesTable(reports: readonly StrategyReport[]): string[] {
  const first = reports[0];
  const lines = first.scope === 'all' ? [HOLDING, ...LINES] : LINES;
  const header = ['', ...first.rows.map((row) => row.strategy + (reports.length === 1 && 'current' in row && row.current ? ' (now)' : ''))];
  const body = lines.map(([label, format, read]) => [
    label,
    ...first.rows.map((_, k) => {
      const values = reports.map((report) => read(report.rows[k], report.rows));
      return values.length === 1 ? formatValue(values[0], format) : formatInterval(values, format);
    }),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((line) => line[c].length)));
  const format = (line: string[]) => line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c] + 2))).join('');
  return [format(header), ...body.map(format)];
}

/**
 * `glocal strategies`: runs a scenario headless (no files) and prints how lead firms price the
 * four sourcing strategies at the last week (MODEL.md §7.1, §9.1), term by term: the means over
 * living firms, or one firm's with `--firm`. With `--seeds N` it runs seeds seed … seed + N − 1
 * (on `--workers` threads) and prints means with 90% intervals over them. `--json` prints the numbers.
 */
export async function strategiesCommand(
  request: RunRequest,
  options: { quiet?: boolean; firm?: string; json?: boolean; seeds?: string; workers?: string },
): Promise<string> {
  const firm = options.firm === undefined ? undefined : Number(options.firm);
  if (firm !== undefined && !(Number.isInteger(firm) && firm >= 0)) {
    throw new UserError(`glocal: --firm expects a firm number (0, 1, …), got "${options.firm}"`);
  }
  const seedCount = wholeNumberFlag(options.seeds, '--seeds', 1, 1000, 1);
  const workers = Math.min(seedCount, workersFlag(options.workers));
  const resolved = resolveRun(request);
  for (const warning of resolved.warnings) process.stderr.write(`${warning}\n`);
  const { spec } = resolved;
  const seeds = Array.from({ length: seedCount }, (_, k) => spec.seed + k);
  const reports: (StrategyReport | null)[] = new Array(seedCount).fill(null);
  const bar = options.quiet || seedCount === 1 ? { update() {}, stop() {} } : progressBar(seedCount, `${spec.world}/${spec.scenarioName}`, 'seed');
  let next = 0;
  let done = 0;
  const runNext = async (): Promise<void> => {
    while (next < seedCount) {
      const k = next++;
      await streamRun({ ...resolved, spec: { ...spec, seed: seeds[k] } }, {
        quiet: options.quiet || seedCount > 1,
        atEnd: async (api) => {
          reports[k] = await api.strategies(firm);
        },
      });
      bar.update(++done);
    }
  };
  await Promise.all(Array.from({ length: workers }, runNext));
  bar.stop();
  const missing = seeds.filter((_, k) => reports[k] === null);
  if (missing.length > 0) {
    throw new UserError(`glocal: there is no living lead firm ${firm} at the end of the run with seed ${missing.join(', ')} (firms are numbered from 0)`);
  }
  const found = reports as StrategyReport[];
  if (options.json) {
    return JSON.stringify({ world: spec.world, scenario: spec.scenarioName, weeks: spec.weeks, ...(seedCount === 1 ? { seed: spec.seed, ...found[0] } : { seeds, runs: found }) }, null, 2);
  }
  const first = found[0];
  const who = first.scope === 'firm' ? `lead firm ${first.firm} prices the four sourcing strategies` : `the living lead firms price the four sourcing strategies (means over firms)`;
  const which = seedCount === 1 ? `seed ${spec.seed}` : `seeds ${seeds[0]}–${seeds[seedCount - 1]} (means ± half the 90% interval over seeds)`;
  return [
    `Glocal — ${spec.world}, scenario "${spec.scenarioName}", ${which}, after ${spec.weeks} weeks: how ${who}`,
    '$ per unit of final good. Each quarter a firm draws its strategy by logit over C_k plus the amortised switching cost,',
    'with a temperature of strategyTemp × the mean C_k (MODEL.md §7.1, §9.1; docs/strategies.md).',
    '',
    ...strategiesTable(found),
    ...(first.override ? ['', `strategyOverride = ${first.override}: every firm is held at ${first.override} and reviews nothing; the chances are what a review would give.`] : []),
  ].join('\n');
}
