import type { Comparison, ComparisonRow } from './analysis.ts';
import type { RatioInterval } from './stats.ts';

/**
 * comparison.csv (long: one row per scheme × indicator × scope × group) and the text pieces the
 * Markdown and HTML reports share. Numbers in the CSV keep 12 significant digits; empty = n/a.
 */
export const CSV_COLUMNS = [
  'scheme', 'indicator', 'unit', 'scope', 'group', 'statistic', 'seeds', 'baseline', 'scheme_value', 'difference', 'ci95_low', 'ci95_high',
  'effect_points', 'point_unit', 'cohen_dz', 'significant', 'extra_cost', 'extra_cost_discounted', 'cost_per_point', 'cost_per_point_low',
  'cost_per_point_high', 'cost_per_point_discounted', 'cost_per_point_discounted_low', 'cost_per_point_discounted_high', 'cost_note',
] as const;

const number = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(12))) : '');
const csvText = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const interval = (r: RatioInterval | null) => (r ? [number(r.value), number(r.low), number(r.high)] : ['', '', '']);

export function comparisonCsv(comparison: Comparison): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const row of comparison.rows) {
    lines.push(
      [
        csvText(row.scheme), row.indicator.name, csvText(row.unit), row.scope, csvText(row.group), row.indicator.summary === 'mean' ? 'mean over weeks' : 'final',
        String(row.effect.n), number(row.baseline), number(row.schemeValue), number(row.effect.mean), number(row.effect.low), number(row.effect.high),
        number(row.effectPoints), row.pointUnit, number(row.effect.dz), row.significant ? 'true' : 'false', number(row.extraCost), number(row.extraCostDiscounted),
        ...interval(row.costPerPoint), ...interval(row.costPerPointDiscounted), csvText(row.costNote),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** A value for people: 3 significant digits, thousands grouped. */
export function show(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1000) return Math.round(x).toLocaleString('en');
  return Number(x.toPrecision(digits)).toString();
}

/** Money in real 2019 PPP dollars, 3 significant digits with k / M / bn / tn (thousands grouped beyond), −$ when negative. */
export function money(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const magnitude = Math.abs(x);
  const [div, suffix] =
    magnitude >= 1e12 ? [1e12, ' tn'] : magnitude >= 1e9 ? [1e9, ' bn'] : magnitude >= 1e6 ? [1e6, ' M'] : magnitude >= 1e3 ? [1e3, ' k'] : [1, ''];
  const digits = Number((magnitude / div).toPrecision(3));
  return `${x < 0 ? '−' : ''}$${digits.toLocaleString('en', { maximumFractionDigits: 20 })}${suffix}`;
}

/** "+1.2 pp [0.4, 2.0]" for a row's effect. */
export function effectText(row: ComparisonRow): string {
  const scale = row.effectPoints / row.effect.mean;
  const signed = (x: number) => `${x > 0 ? '+' : ''}${show(x)}`;
  if (!Number.isFinite(scale)) return `${signed(row.effect.mean)} [${show(row.effect.low)}, ${show(row.effect.high)}]`;
  return `${signed(row.effectPoints)} ${row.pointUnit} [${show(row.effect.low * scale)}, ${show(row.effect.high * scale)}]`;
}

/** "$12 k per pp [8 k, 20 k]" or "n/a (why)". */
export function costText(cost: RatioInterval | null, row: ComparisonRow): string {
  if (!cost) return `n/a (${row.costNote})`;
  return `${money(cost.value)} [${money(cost.low)}, ${money(cost.high)}]`;
}

/** Rows of one scheme at one scope and group, in the indicator order. */
export function rowsAt(comparison: Comparison, scheme: string, scope: ComparisonRow['scope'], group: string): ComparisonRow[] {
  return comparison.rows.filter((r) => r.scheme === scheme && r.scope === scope && r.group === group);
}

/** Groups of a scope that have rows (an income group with no region has none). */
export function groupsWithRows(comparison: Comparison, scheme: string, scope: ComparisonRow['scope']): string[] {
  return [...new Set(comparison.rows.filter((r) => r.scheme === scheme && r.scope === scope).map((r) => r.group))];
}
