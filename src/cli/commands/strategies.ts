import { resolveRun, type RunRequest } from '../run-inputs.ts';
import { streamRun } from '../stream-run.ts';
import { UserError } from '../errors.ts';
import type { StrategyReport } from '../../worker/api.ts';
import type { StrategyTerms } from '../../../agents/firm/strategy.ts';

/** The rows of the table: label and how to read the value from a strategy's row. */
type Row = Extract<StrategyReport, { scope: 'all' }>['rows'][number] | Extract<StrategyReport, { scope: 'firm' }>['rows'][number];
const money = (v: number) => v.toFixed(2);
const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const term = (key: keyof StrategyTerms, sign = 1) => (row: Row) => money(sign * row.terms[key]);
const LINES: [string, (row: Row) => string][] = [
  ['  components (hubs and SMEs, delivered)', term('components')],
  ['+ assembly', term('assembly')],
  ['+ plant overhead', term('overhead')],
  ['+ freight and tariffs to customers', term('outbound')],
  ['+ coordination', term('coordination')],
  ['+ SME contracts', term('contracts')],
  ['− local-sourcing subsidy', term('subsidy')],
  ['+ expected disruption loss', term('expectedLoss')],
  ['− local bonus (what customers value)', term('localBonus')],
  ['= cost per unit C_k', (row) => money(row.cost)],
  ['+ switching cost, amortised', (row) => money(row.switching)],
  ['share of components from SMEs', (row) => percent(row.smeShare)],
  ['chance at a review now (logit)', (row) => percent(row.probability)],
];

/** The table of `glocal strategies`: one column per strategy. */
export function strategiesTable(report: StrategyReport): string[] {
  const header = ['', ...report.rows.map((row) => row.strategy + ('current' in row && row.current ? ' (now)' : ''))];
  const body: string[][] = [];
  if (report.scope === 'all') body.push(['firms holding it now', ...report.rows.map((row) => String(row.holding))]);
  for (const [label, read] of LINES) body.push([label, ...report.rows.map(read)]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((line) => line[c].length)));
  const format = (line: string[]) => line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c] + 2))).join('');
  return [format(header), ...body.map(format)];
}

/**
 * `glocal strategies`: runs a scenario headless (no files) and prints how lead firms price the
 * four sourcing strategies at the last week (MODEL.md §7.1, §9.1), term by term: the means over
 * living firms, or one firm's with `--firm`. `--json` prints the numbers instead.
 */
export async function strategiesCommand(request: RunRequest, options: { quiet?: boolean; firm?: string; json?: boolean }): Promise<string> {
  const firm = options.firm === undefined ? undefined : Number(options.firm);
  if (firm !== undefined && !(Number.isInteger(firm) && firm >= 0)) {
    throw new UserError(`glocal: --firm expects a firm number (0, 1, …), got "${options.firm}"`);
  }
  const resolved = resolveRun(request);
  for (const warning of resolved.warnings) process.stderr.write(`${warning}\n`);
  const { spec } = resolved;
  const asked: { report: StrategyReport | null } = { report: null };
  await streamRun(resolved, {
    quiet: options.quiet,
    atEnd: async (api) => {
      asked.report = await api.strategies(firm);
    },
  });
  const found = asked.report;
  if (!found) throw new UserError(`glocal: there is no living lead firm ${firm} at the end of this run (firms are numbered from 0)`);
  if (options.json) return JSON.stringify({ world: spec.world, scenario: spec.scenarioName, seed: spec.seed, weeks: spec.weeks, ...found }, null, 2);
  const who = found.scope === 'firm' ? `lead firm ${found.firm} prices the four sourcing strategies` : `the ${found.firms} living lead firms price the four sourcing strategies (means over firms)`;
  return [
    `Glocal — ${spec.world}, scenario "${spec.scenarioName}", seed ${spec.seed}, after ${spec.weeks} weeks: how ${who}`,
    '$ per unit of final good. Each quarter a firm draws its strategy by logit over C_k plus the amortised switching cost,',
    'with a temperature of strategyTemp × the mean C_k (MODEL.md §7.1, §9.1; docs/strategies.md).',
    '',
    ...strategiesTable(found),
  ].join('\n');
}
