import type { SampledDesignSpec } from '../contracts.ts';
import type { BootstrapOptions } from './bootstrap.ts';
import type { MorrisAnalysis } from './morris.ts';
import type { SobolAnalysis } from './sobol.ts';
import type { SummaryStat } from './point-values.ts';
import { barChart, escapeHtml, formatNumber, scatterChart } from './svg-chart.ts';

/** Everything sensitivity.csv and sensitivity.html show. */
export interface SensitivityReport {
  /** The sweep folder as the user named it. */
  sweep: string;
  design: SampledDesignSpec;
  seedCount: number;
  metric: string;
  metricUnit: string;
  stat: SummaryStat;
  /** Factor name → unit of its parameter ('' when it has none). */
  factorUnits: Record<string, string>;
  bootstrap: BootstrapOptions;
  generator: string;
  result: { method: 'morris'; analysis: MorrisAnalysis } | { method: 'sobol'; analysis: SobolAnalysis };
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csvLine = (cells: (string | number)[]) => cells.map((c) => csvCell(String(c))).join(',') + '\n';

/** sensitivity.csv: one row per factor, full precision (same inputs ⇒ same bytes). */
export function sensitivityCsv(report: SensitivityReport): string {
  const lead = (factor: string) => [report.result.method, report.metric, report.stat, factor, report.factorUnits[factor] ?? ''];
  if (report.result.method === 'morris') {
    const { analysis } = report.result;
    let text = csvLine(['method', 'metric', 'stat', 'factor', 'factor_unit', 'mu_star', 'mu_star_low', 'mu_star_high', 'mu', 'sigma', 'trajectories']);
    for (const i of analysis.indices) text += csvLine([...lead(i.factor), i.muStar.value, i.muStar.low, i.muStar.high, i.mu, i.sigma, i.effects]);
    return text;
  }
  const { analysis } = report.result;
  let text = csvLine(['method', 'metric', 'stat', 'factor', 'factor_unit', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'base_samples']);
  for (const i of analysis.indices) {
    text += csvLine([...lead(i.factor), i.firstOrder.value, i.firstOrder.low, i.firstOrder.high, i.total.value, i.total.low, i.total.high, analysis.baseSamples]);
  }
  return text;
}

function factorLabel(report: SensitivityReport, factor: string): string {
  const unit = report.factorUnits[factor];
  return unit ? `${factor} (${unit})` : factor;
}

function metricLabel(report: SensitivityReport): string {
  const stat = report.stat === 'final' ? 'final value' : 'mean over the recorded weeks';
  return `${report.metric}${report.metricUnit ? ` [${report.metricUnit}]` : ''}, ${stat}, mean over ${report.seedCount} seed${report.seedCount === 1 ? '' : 's'}`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr><th scope="row">${escapeHtml(r[0])}</th>${r.slice(1).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const interval = (e: { low: number; high: number }) => `${formatNumber(e.low)} to ${formatNumber(e.high)}`;

function morrisBody(report: SensitivityReport, analysis: MorrisAnalysis): string {
  const unit = report.metricUnit ? ` [${report.metricUnit}]` : '';
  const sorted = [...analysis.indices].sort((p, q) => q.muStar.value - p.muStar.value);
  const bars = barChart(
    sorted.map((i) => ({ label: factorLabel(report, i.factor), series: [{ name: 'μ* (mean |elementary effect|)', value: i.muStar.value, low: i.muStar.low, high: i.muStar.high }] })),
    `μ*${unit}: change of ${report.metric} per whole range of the factor`,
    `Bar chart of Morris μ* by factor for ${report.metric}, largest first, with ${report.bootstrap.confidence * 100}% bootstrap intervals`,
  );
  const scatter = scatterChart(
    analysis.indices.map((i) => ({ label: i.factor, x: i.muStar.value, y: i.sigma })),
    `μ*${unit}`,
    `σ${unit}`,
    `Scatter plot of Morris σ against μ* for ${report.metric}`,
  );
  const rows = sorted.map((i) => [factorLabel(report, i.factor), formatNumber(i.muStar.value), interval(i.muStar), formatNumber(i.mu), formatNumber(i.sigma)]);
  return `<h2>Importance: μ*</h2>
<p>Factors with a larger μ* move the metric more. An elementary effect is the change of the metric when one factor moves by Δ = ${formatNumber(
    analysis.levels / (2 * (analysis.levels - 1)),
  )} of its range, divided by Δ: it is in the metric's units per whole range of the factor, so factors compare directly.</p>
${bars}
<h2>Non-linearity and interactions: σ against μ*</h2>
<p>A factor high on σ has effects that change across the space (non-linear, or interacting with other factors); σ near 0 means an additive, linear effect.</p>
${scatter}
<h2>Table</h2>
${table(['factor', 'μ*', `${report.bootstrap.confidence * 100}% interval of μ*`, 'μ', 'σ'], rows)}`;
}

function sobolBody(report: SensitivityReport, analysis: SobolAnalysis): string {
  const sorted = [...analysis.indices].sort((p, q) => q.total.value - p.total.value);
  const bars = barChart(
    sorted.map((i) => ({
      label: factorLabel(report, i.factor),
      series: [
        { name: 'first order S1', ...i.firstOrder },
        { name: 'total ST', ...i.total },
      ],
    })),
    `share of the variance of ${report.metric} (0–1)`,
    `Bar chart of Sobol first-order and total indices by factor for ${report.metric}, with ${report.bootstrap.confidence * 100}% bootstrap intervals`,
  );
  const rows = sorted.map((i) => [factorLabel(report, i.factor), formatNumber(i.firstOrder.value), interval(i.firstOrder), formatNumber(i.total.value), interval(i.total)]);
  const ci = `${report.bootstrap.confidence * 100}% interval`;
  return `<h2>Sobol indices</h2>
<p>S1 is the share of the metric's variance a factor explains alone; ST adds every interaction it takes part in. ST − S1 large: the factor acts through interactions. ST near 0: the factor can be fixed anywhere in its range. Variance of the metric over the design: ${formatNumber(
    analysis.variance,
  )}${report.metricUnit ? ` [${escapeHtml(report.metricUnit)}]²` : ''}; ${analysis.baseSamples} base samples.</p>
${bars}
<h2>Table</h2>
${table(['factor', 'S1', `${ci} of S1`, 'ST', `${ci} of ST`], rows)}`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
table{border-collapse:collapse;margin:1rem 0}th,td{border-bottom:1px solid #ccc;padding:.3rem .7rem;text-align:right}
th[scope=row],thead th:first-child{text-align:left}dt{font-weight:600}dd{margin:0 0 .4rem 1rem}svg{max-width:100%;height:auto}`;

/** sensitivity.html: a self-contained page (inline SVG and CSS, no external assets). */
export function sensitivityHtml(report: SensitivityReport): string {
  const method = report.result.method === 'morris' ? 'Morris elementary effects' : 'Sobol indices (Saltelli scheme)';
  const body = report.result.method === 'morris' ? morrisBody(report, report.result.analysis) : sobolBody(report, report.result.analysis);
  const ranges = Object.entries(report.design.ranges)
    .map(([f, [lo, hi]]) => `${factorLabel(report, f)}: ${formatNumber(lo)} to ${formatNumber(hi)}`)
    .join('; ');
  const estimators =
    report.result.method === 'morris'
      ? 'Morris (1991); μ* of Campolongo, Cariboni &amp; Saltelli (2007)'
      : 'first order: Saltelli et al. (2010); total: Jansen (1999)';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sensitivity of ${escapeHtml(report.metric)}: ${method}</title><style>${STYLE}</style></head>
<body>
<h1>Sensitivity of ${escapeHtml(report.metric)}</h1>
<dl>
<dt>Sweep</dt><dd>${escapeHtml(report.sweep)}</dd>
<dt>Metric</dt><dd>${escapeHtml(metricLabel(report))}</dd>
<dt>Method</dt><dd>${method}; estimators: ${estimators}</dd>
<dt>Factors and ranges</dt><dd>${escapeHtml(ranges)}</dd>
<dt>Confidence intervals</dt><dd>${report.bootstrap.confidence * 100}% percentile bootstrap, ${report.bootstrap.resamples} resamples (seed ${report.bootstrap.seed})</dd>
</dl>
${body}
<p><small>Written by ${escapeHtml(report.generator)}. The numbers are also in sensitivity.csv.</small></p>
</body></html>
`;
}
