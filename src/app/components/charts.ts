import { LitElement, css, html, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { STRATEGY_NAMES } from '../../../agents/firm/strategy-codes.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { SeriesStore, Series } from '../series-store.ts';

/** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];
const capitalised = (s: string) => s[0] + s.slice(1).toLowerCase();

/** The headline indicator charts: test id `chart-<id>`, one or more recorded indicators each. */
export const CHARTS: { id: string; indicators: string[]; labels?: string[] }[] = [
  { id: 'unitCost', indicators: ['unitCost'] },
  { id: 'fillRate', indicators: ['fillRate'] },
  { id: 'localSourcingShare', indicators: ['localSourcingShare'] },
  { id: 'strategyShares', indicators: STRATEGY_NAMES.map((s) => `strategyShare${capitalised(s)}`), labels: STRATEGY_NAMES.slice() },
  { id: 'smeChainShare', indicators: ['smeChainShare'] },
  { id: 'usageGapQuartiles', indicators: ['usageGapQuartiles'] },
  { id: 'trustFirms', indicators: ['trustFirms'] },
  { id: 'trustGovernment', indicators: ['trustGovernment'] },
  { id: 'hhiFinal', indicators: ['hhiFinal'] },
];

/** Your policy − baseline at the weeks both series hold (their thinning may differ for a moment). */
function difference(a: Series, b: Series): Series {
  const weeks: number[] = [];
  const values: number[] = [];
  for (let i = 0, j = 0; i < a.weeks.length && j < b.weeks.length; ) {
    if (a.weeks[i] < b.weeks[j]) i++;
    else if (a.weeks[i] > b.weeks[j]) j++;
    else (weeks.push(a.weeks[i]), values.push(a.values[i++] - b.values[j++]));
  }
  return { weeks: Float64Array.from(weeks), values: Float64Array.from(values) };
}

/** Redraw the charts at most this often (ms), and only when new rows came in or the scope changed. */
const CHART_EVERY_MS = 500;

/**
 * Live uPlot charts of the headline indicators, for the world or the selected region; in compare
 * mode each chart shows the difference (your policy − baseline).
 */
export class GlocalCharts extends LitElement {
  static override properties = { series: { attribute: false }, baseline: { attribute: false }, region: { attribute: false }, regionName: { attribute: false }, version: { attribute: false } };
  declare version: number;
  declare series: SeriesStore | null;
  declare baseline: SeriesStore | null;
  declare region: number;
  declare regionName: string;
  private plots = new Map<string, uPlot>();
  private lastDraw = 0;
  /** What the plots show now: the store, its next row, the region, the baseline. */
  private drawn: unknown[] = [];
  static override styles = [unsafeCSS(uPlotCss), css`
    :host { display: block; }
    .chart { margin: 0.4em 0 0.8em; min-height: 150px; }
    h3 { margin: 0.2em 0; font-size: 0.9em; }
    .uplot { font-family: inherit; }
  `];

  constructor() {
    super();
    this.series = null;
    this.baseline = null;
    this.region = -1;
    this.regionName = '';
    this.version = 0;
  }

  override render() {
    const scope = this.region >= 0 ? this.regionName : t('chartWorld');
    return html`<p class="note">${t('chartScope')}: <strong>${scope}</strong>${this.baseline ? html` — ${t('chartDifference')}` : ''}</p>
      ${CHARTS.map((c) => html`<div class="chart" data-testid=${`chart-${c.id}`}><h3>${t(`indicator_${c.id}` as MessageKey)}</h3><div class="plot" id=${`plot-${c.id}`}></div></div>`)}`;
  }

  private seriesFor(indicator: string): Series {
    const store = this.series as SeriesStore;
    const own = this.region >= 0 && store.get(indicator, this.region).values.length > 0 ? this.region : -1;
    const mine = store.get(indicator, own);
    return this.baseline ? difference(mine, this.baseline.get(indicator, own)) : mine;
  }

  /** Redraws at most every CHART_EVERY_MS, when there is something new to show. */
  override updated(): void {
    const now = performance.now();
    if (!this.series || now - this.lastDraw < CHART_EVERY_MS) return;
    const showing = [this.series, this.series.next, this.region, this.baseline, this.baseline?.next];
    if (showing.every((x, k) => x === this.drawn[k])) return;
    this.drawn = showing;
    this.lastDraw = now;
    for (const chart of CHARTS) this.draw(chart);
  }

  private draw(chart: (typeof CHARTS)[number]): void {
    const data = chart.indicators.map((name) => this.seriesFor(name));
    const length = Math.min(...data.map((s) => s.values.length));
    const weeks = data[0]?.weeks.subarray(0, length) ?? new Float64Array(0);
    const aligned: uPlot.AlignedData = [weeks, ...data.map((s) => s.values.subarray(0, length))];
    let plot = this.plots.get(chart.id);
    const host = this.renderRoot.querySelector(`#plot-${chart.id}`) as HTMLElement | null;
    if (!host) return;
    if (!plot || plot.series.length !== aligned.length) {
      plot?.destroy();
      const options: uPlot.Options = {
        width: Math.max(240, host.clientWidth || 320),
        height: 120,
        legend: { show: chart.indicators.length > 1 },
        scales: { x: { time: false } },
        series: [{ label: t('week') }, ...chart.indicators.map((name, k) => ({ label: chart.labels?.[k] ?? name, stroke: COLOURS[k % COLOURS.length], width: 2 }))],
        axes: [{}, { size: 56 }],
      };
      plot = new uPlot(options, aligned, host);
      this.plots.set(chart.id, plot);
    } else plot.setData(aligned);
  }

  /** Forgets the plots (a new run or a new world). */
  clear(): void {
    for (const plot of this.plots.values()) plot.destroy();
    this.plots.clear();
  }
}
customElements.define('glocal-charts', GlocalCharts);
