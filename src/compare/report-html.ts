import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Comparison } from './analysis.ts';
import { HOW_TO_READ, reportTables, reportTitle, settingsLines, type ReportTable } from './report.ts';
import { show } from './tables.ts';

/**
 * report.html: one self-contained page (inline CSS and SVG; no script, no external asset) with
 * the trajectories of every arm (mean over seeds with a 95% band) and the report's tables.
 */

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies); the baseline is grey. */
const COLOURS = ['#555555', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Band {
  mean: number[];
  low: number[];
  high: number[];
}

/** Mean over seeds per week with a 95% t-interval of the mean (weeks without data: NaN). */
function band(perSeed: number[][], weeks: number): Band {
  const out: Band = { mean: [], low: [], high: [] };
  for (let t = 0; t < weeks; t++) {
    const values = perSeed.map((s) => s[t]).filter(Number.isFinite);
    const n = values.length;
    const m = n > 0 ? values.reduce((a, b) => a + b, 0) / n : NaN;
    const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1)) : 0;
    const half = n > 1 ? tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) : 0;
    out.mean.push(m);
    out.low.push(m - half);
    out.high.push(m + half);
  }
  return out;
}

const WIDTH = 520;
const HEIGHT = 180;
const PAD = { left: 64, right: 12, top: 12, bottom: 30 };

/** One chart: the arms' bands and mean lines of one world-scope indicator. */
function chart(comparison: Comparison, indicator: string, title: string): string {
  const bands = comparison.arms.map((arm) => band(arm.series.get(indicator) ?? [], comparison.weeks));
  const all = bands.flatMap((b) => [...b.low, ...b.high]).filter(Number.isFinite);
  if (all.length === 0) return '';
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-12) [lo, hi] = [lo - 0.5 * Math.abs(lo || 1) * 0.01, hi + 0.5 * Math.abs(hi || 1) * 0.01];
  const weeks = comparison.weeks;
  const x = (t: number) => (PAD.left + (t / Math.max(1, weeks - 1)) * (WIDTH - PAD.left - PAD.right)).toFixed(1);
  const y = (v: number) => (PAD.top + (1 - (v - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom)).toFixed(1);
  const points = (values: number[]) => values.map((v, t) => (Number.isFinite(v) ? `${x(t)},${y(v)}` : '')).filter(Boolean);
  const path = (values: number[]) => points(values).join(' ');
  const shapes = bands.map((b, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const upper = path(b.high);
    const lower = points(b.low).reverse().join(' ');
    return `<polygon points="${upper} ${lower}" fill="${colour}" fill-opacity="0.18" stroke="none"/><polyline points="${path(b.mean)}" fill="none" stroke="${colour}" stroke-width="1.6"/>`;
  });
  // The baseline (arm 0) again on top, dashed, so it stays visible where a scheme changes nothing.
  shapes.push(`<polyline points="${path(bands[0].mean)}" fill="none" stroke="${COLOURS[0]}" stroke-width="1.2" stroke-dasharray="4 3"/>`);
  const ticks = [lo, (lo + hi) / 2, hi].map((v) => `<text x="${PAD.left - 6}" y="${y(v)}" text-anchor="end" dominant-baseline="middle">${escapeHtml(show(v))}</text>`);
  const axis = `<line x1="${PAD.left}" y1="${HEIGHT - PAD.bottom}" x2="${WIDTH - PAD.right}" y2="${HEIGHT - PAD.bottom}" stroke="#999"/><text x="${PAD.left}" y="${HEIGHT - 8}">week 0</text><text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end">week ${weeks - 1}</text>`;
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(`${title}: mean over seeds with 95% band, by arm`)}"><title>${escapeHtml(title)}</title>${shapes.join('')}${axis}${ticks.join('')}</svg></figure>`;
}

function legend(comparison: Comparison): string {
  const items = comparison.arms.map((arm, i) => `<li><span class="swatch" style="background:${COLOURS[i % COLOURS.length]}"></span>${escapeHtml(arm.name)}</li>`);
  return `<ul class="legend">${items.join('')}</ul>`;
}

function table(t: ReportTable): string {
  const head = `<tr>${t.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('\n');
  return `<section id="${escapeHtml(t.id)}"><h2>${escapeHtml(t.title)}</h2><p>${escapeHtml(t.intro)}</p><table><thead>${head}</thead><tbody>\n${body}\n</tbody></table></section>`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:13px}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f0f0f0}figure{display:inline-block;margin:0 1rem 1rem 0}figcaption{font-weight:600}svg text{font-size:11px;fill:#333}
.legend{list-style:none;padding:0;display:flex;gap:1.2rem;flex-wrap:wrap}.swatch{display:inline-block;width:1.2em;height:.8em;margin-right:.4em;vertical-align:middle}`;

/** The whole page. */
export function reportHtml(comparison: Comparison): string {
  const title = reportTitle(comparison);
  const tables = reportTables(comparison);
  const charts = comparison.plan.indicators.map((i) => chart(comparison, i.name, `${i.label} (world)`)).filter(Boolean);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<ul>${settingsLines(comparison).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<h2>How to read it</h2><ul>${HOW_TO_READ.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    ...tables.filter((t) => t.id.startsWith('headline-')).map(table),
    `<section id="trajectories"><h2>Trajectories (world)</h2><p>Mean over seeds of each arm, week by week, with its 95% confidence band (the baseline dashed on top).</p>${legend(comparison)}${charts.join('\n')}</section>`,
    ...tables.filter((t) => !t.id.startsWith('headline-')).map(table),
    '<p>Made by <code>glocal compare</code> (docs/compare.md). Every number is in comparison.csv.</p>',
    '</main></body></html>',
    '',
  ].join('\n');
}
