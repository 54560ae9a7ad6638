import type { Comparison, ComparisonRow } from './analysis.ts';
import { BASELINE } from './plan.ts';
import { costText, effectText, groupsWithRows, money, rowsAt, show } from './tables.ts';

/** A table of the report, rendered to Markdown and to HTML from the same cells. */
export interface ReportTable {
  id: string;
  title: string;
  intro: string;
  header: string[];
  rows: string[][];
}

export const HOW_TO_READ = [
  'Every arm ran with the same seeds (common random numbers), so each seed gives one paired difference, scheme − baseline.',
  'Difference: the mean paired difference over seeds in percentage points (pp) for shares, in % of the baseline mean otherwise; [brackets]: its 95% confidence interval (paired t).',
  'd_z: Cohen’s effect size for paired data (mean difference / standard deviation of the differences); about 0.2 small, 0.5 medium, 0.8 large.',
  'Cost per point: the scheme’s extra policy spending over the run (real 2019 PPP $, all regions) per pp or % of change, with a 95% bootstrap interval over seeds; n/a where the interval of the effect spans 0 or the scheme spends nothing extra (tariffs, closures).',
  '* marks an effect whose 95% interval excludes 0.',
];

export function reportTitle(comparison: Comparison): string {
  const { plan } = comparison;
  return `Comparison of ${plan.arms.length - 1} scheme${plan.arms.length > 2 ? 's' : ''} against the baseline: ${plan.world}, ${plan.scenarioName.replace(/^file:/, '')}`;
}

export function settingsLines(comparison: Comparison): string[] {
  const { plan } = comparison;
  const params = Object.entries(plan.params).map(([k, v]) => `${k}=${v}`).join(', ');
  return [
    `World ${plan.world}, scenario ${plan.scenarioName.replace(/^file:/, '')}; ${plan.seeds} seeds (1–${plan.seeds}) per arm; ${plan.weeks} recorded weeks${params ? `; parameters ${params}` : ''}.`,
    `Costs discounted at ${(plan.discount * 100).toPrecision(3).replace(/\.?0+$/, '')}% a year (to week 0); values are means over the recorded weeks unless marked (final).`,
    ...plan.arms.filter((a) => a.scheme).map((a) => `Scheme ${a.name}: ${a.scheme?.description}`),
    ...(plan.world === 'world-2019' ? ['World data: Free data from Gapminder.org (CC-BY 4.0).'] : []),
  ];
}

const star = (row: ComparisonRow) => (row.significant ? '*' : '');
const label = (row: ComparisonRow) => `${row.indicator.label}${row.indicator.summary === 'final' ? ' (final)' : ''}`;

/** Headline table of one scheme at the world scope. */
function headlineTable(comparison: Comparison, scheme: string): ReportTable {
  const rows = rowsAt(comparison, scheme, 'global', 'world').map((row) => [
    label(row),
    row.unit,
    show(row.baseline),
    show(row.schemeValue),
    `${effectText(row)}${star(row)}`,
    show(row.effect.dz, 2),
    costText(row.costPerPoint, row),
  ]);
  return {
    id: `headline-${scheme}`,
    title: `${scheme}: headline (world)`,
    intro: `Extra spending per run: ${money(comparison.rows.find((r) => r.scheme === scheme)?.extraCost ?? NaN)} (discounted ${money(comparison.rows.find((r) => r.scheme === scheme)?.extraCostDiscounted ?? NaN)}).`,
    header: ['indicator', 'unit', BASELINE, 'with scheme', 'difference [95% CI]', 'd_z', 'cost per point [95%]'],
    rows,
  };
}

/** Effects of one scheme by income group (or bloc): one row per indicator, one column per group. */
function groupTable(comparison: Comparison, scheme: string, scope: 'incomeGroup' | 'bloc'): ReportTable {
  const groups = groupsWithRows(comparison, scheme, scope);
  const indicators = comparison.plan.indicators.filter((i) => i.regional);
  const rows = indicators.map((indicator) => [
    indicator.label,
    ...groups.map((group) => {
      const row = rowsAt(comparison, scheme, scope, group).find((r) => r.indicator.name === indicator.name);
      return row ? `${effectText(row)}${star(row)}` : 'n/a';
    }),
  ]);
  const what = scope === 'incomeGroup' ? 'income group (World Bank groups; groups without a region are left out)' : 'bloc';
  return { id: `${scope}-${scheme}`, title: `${scheme}: by ${scope === 'incomeGroup' ? 'income group' : 'bloc'}`, intro: `Difference [95% CI] by ${what}.`, header: ['indicator', ...groups], rows };
}

/** Cost per point of every scheme and indicator with an effect (world). */
function costTable(comparison: Comparison): ReportTable {
  const rows = comparison.rows
    .filter((r) => r.scope === 'global' && r.indicator.name !== 'policySpend')
    .map((row) => [row.scheme, label(row), `${effectText(row)}${star(row)}`, money(row.extraCost), money(row.extraCostDiscounted), costText(row.costPerPoint, row), costText(row.costPerPointDiscounted, row)]);
  return {
    id: 'cost-effectiveness',
    title: 'Cost-effectiveness (world)',
    intro: `Extra spending of the scheme over the whole run against the baseline, and what one percentage point (pp) or one per cent (%) of change costs; discounted at ${(comparison.plan.discount * 100).toPrecision(3).replace(/\.?0+$/, '')}% a year.`,
    header: ['scheme', 'indicator', 'difference [95% CI]', 'extra spending', 'discounted', 'cost per point [95%]', 'discounted cost per point [95%]'],
    rows,
  };
}

/** Every table of the report, in order. */
export function reportTables(comparison: Comparison): ReportTable[] {
  const schemes = comparison.plan.arms.filter((a) => a.scheme).map((a) => a.name);
  return [
    ...schemes.map((s) => headlineTable(comparison, s)),
    ...schemes.map((s) => groupTable(comparison, s, 'incomeGroup')),
    ...schemes.map((s) => groupTable(comparison, s, 'bloc')),
    costTable(comparison),
  ];
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** report.md: the settings, how to read it, and every table. */
export function reportMarkdown(comparison: Comparison): string {
  const lines = [`# ${reportTitle(comparison)}`, '', ...settingsLines(comparison).map((l) => `- ${l}`), '', '## How to read it', '', ...HOW_TO_READ.map((l) => `- ${l}`), ''];
  for (const table of reportTables(comparison)) {
    lines.push(`## ${table.title}`, '', table.intro, '', `| ${table.header.map(cell).join(' | ')} |`, `|${table.header.map(() => '---').join('|')}|`);
    for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
    lines.push('');
  }
  lines.push('Made by `glocal compare` (docs/compare.md). Files: comparison.csv (every number), report.html (with trajectories), arms/ (each arm’s sweep).', '');
  return lines.join('\n');
}
