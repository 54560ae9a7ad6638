/**
 * Small inline-SVG charts for the sensitivity report: horizontal bars with confidence whiskers,
 * and a labelled scatter plot. Plain strings, no external assets; colours from the Okabe–Ito
 * palette (distinguishable with colour-vision deficiencies), every mark with a <title>.
 */

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];

export interface BarSeries {
  name: string;
  value: number;
  low?: number;
  high?: number;
}

export interface BarRow {
  label: string;
  series: BarSeries[];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Shortest readable form of a number for labels and tables. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e5 || magnitude < 1e-3 ? value.toExponential(2) : Number(value.toPrecision(3)).toString();
}

/** About five round tick values covering [min, max]. */
export function ticks(min: number, max: number): number[] {
  const span = max - min || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const result: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) result.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return result;
}

interface Frame {
  left: number;
  width: number;
  min: number;
  max: number;
}

const x = (frame: Frame, value: number) => frame.left + ((value - frame.min) / (frame.max - frame.min)) * frame.width;

function axis(frame: Frame, top: number, bottom: number, label: string): string {
  const parts = ticks(frame.min, frame.max).map((t) => {
    const px = x(frame, t).toFixed(1);
    return `<line x1="${px}" x2="${px}" y1="${top}" y2="${bottom}" stroke="#ddd"/><text x="${px}" y="${bottom + 16}" text-anchor="middle">${formatNumber(t)}</text>`;
  });
  const zero = frame.min < 0 && frame.max > 0 ? `<line x1="${x(frame, 0).toFixed(1)}" x2="${x(frame, 0).toFixed(1)}" y1="${top}" y2="${bottom}" stroke="#555"/>` : '';
  return `${parts.join('')}${zero}<text x="${frame.left + frame.width / 2}" y="${bottom + 36}" text-anchor="middle" font-weight="600">${escapeHtml(label)}</text>`;
}

function bar(frame: Frame, y: number, height: number, s: BarSeries, color: string, rowLabel: string): string {
  const start = x(frame, Math.min(0, s.value));
  const end = x(frame, Math.max(0, s.value));
  const interval = s.low !== undefined && s.high !== undefined ? ` (95% interval ${formatNumber(s.low)} to ${formatNumber(s.high)})` : '';
  let svg = `<rect x="${start.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0.5, end - start).toFixed(1)}" height="${height}" fill="${color}"><title>${escapeHtml(`${rowLabel}, ${s.name}: ${formatNumber(s.value)}${interval}`)}</title></rect>`;
  if (s.low !== undefined && s.high !== undefined) {
    const [lo, hi, mid] = [x(frame, s.low), x(frame, s.high), y + height / 2];
    svg += `<path d="M${lo.toFixed(1)} ${mid}H${hi.toFixed(1)}M${lo.toFixed(1)} ${mid - 4}V${mid + 4}M${hi.toFixed(1)} ${mid - 4}V${mid + 4}" stroke="#222" stroke-width="1.5"/>`;
  }
  return svg;
}

function legend(names: string[], left: number): string {
  return names.map((name, i) => `<rect x="${left + i * 170}" y="6" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/><text x="${left + i * 170 + 18}" y="16">${escapeHtml(name)}</text>`).join('');
}

/** Horizontal bars, one group per row, with whiskers where a series has an interval. */
export function barChart(rows: BarRow[], axisLabel: string, description: string): string {
  const names = rows[0]?.series.map((s) => s.name) ?? [];
  const values = rows.flatMap((r) => r.series.flatMap((s) => [s.value, s.low ?? s.value, s.high ?? s.value])).filter(Number.isFinite);
  const frame: Frame = { left: 190, width: 480, min: Math.min(0, ...values), max: Math.max(...values, 1e-12) };
  const barHeight = 14;
  const rowHeight = names.length * barHeight + 14;
  const top = 28;
  const bottom = top + rows.length * rowHeight;
  const marks = rows.map((row, r) => {
    const y0 = top + r * rowHeight + 7;
    const label = `<text x="${frame.left - 8}" y="${y0 + (names.length * barHeight) / 2 + 4}" text-anchor="end">${escapeHtml(row.label)}</text>`;
    return label + row.series.map((s, i) => bar(frame, y0 + i * barHeight, barHeight - 2, s, PALETTE[i % PALETTE.length], row.label)).join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(description)}" viewBox="0 0 700 ${bottom + 46}" width="700" height="${bottom + 46}" font-family="system-ui, sans-serif" font-size="12">${legend(names, frame.left)}${axis(frame, top, bottom, axisLabel)}${marks.join('')}</svg>`;
}

/** A scatter plot of labelled points (Morris μ* against σ). */
export function scatterChart(points: { label: string; x: number; y: number }[], xLabel: string, yLabel: string, description: string): string {
  const xs = points.map((p) => p.x).filter(Number.isFinite);
  const ys = points.map((p) => p.y).filter(Number.isFinite);
  const frame: Frame = { left: 70, width: 560, min: 0, max: Math.max(...xs, 1e-12) * 1.1 };
  const [top, bottom, yMax] = [20, 320, Math.max(...ys, 1e-12) * 1.1];
  const y = (v: number) => bottom - (v / yMax) * (bottom - top);
  const yTicks = ticks(0, yMax)
    .map((t) => `<line x1="${frame.left}" x2="${frame.left + frame.width}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#eee"/><text x="${frame.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${formatNumber(t)}</text>`)
    .join('');
  const marks = points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .map((p) => {
      const [px, py] = [x(frame, p.x).toFixed(1), y(p.y).toFixed(1)];
      return `<circle cx="${px}" cy="${py}" r="5" fill="${PALETTE[0]}"><title>${escapeHtml(`${p.label}: ${xLabel} ${formatNumber(p.x)}, ${yLabel} ${formatNumber(p.y)}`)}</title></circle><text x="${Number(px) + 8}" y="${Number(py) + 4}">${escapeHtml(p.label)}</text>`;
    });
  const yTitle = `<text transform="translate(16 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" font-weight="600">${escapeHtml(yLabel)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(description)}" viewBox="0 0 700 ${bottom + 46}" width="700" height="${bottom + 46}" font-family="system-ui, sans-serif" font-size="12">${yTicks}${axis(frame, top, bottom, xLabel)}${yTitle}${marks.join('')}</svg>`;
}
