import { LitElement, css, html, svg } from 'lit';
import type { RunController } from '../run-controller.ts';
import { DISTRIBUTION_ATTRIBUTES, type Distribution, type DistributionAttribute, type DistributionGrouping } from '../../worker/live.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { panelStyles } from './panel-styles.ts';

const GROUPINGS: DistributionGrouping[] = ['all', 'incomeGroup', 'region'];
const MAX_GROUPS = 6;
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];

/**
 * The distribution view: a histogram of an agent attribute (SME capability or size, community
 * access or trust) for the world, by income group or by region, fetched from the worker live.
 */
export class GlocalHistogram extends LitElement {
  static override properties = { run: { attribute: false }, version: { attribute: false }, selected: { attribute: false } };
  /** The run (not its comlink proxy: lit would mistake a proxy for a directive). */
  declare run: RunController | null;
  declare version: number;
  declare selected: number[];
  private attribute: DistributionAttribute = 'smeCapability';
  private grouping: DistributionGrouping = 'incomeGroup';
  private result: Distribution | null = null;
  private lastFetch = 0;
  private fetching = false;
  static override styles = [panelStyles, css`svg { width: 100%; height: auto; } .axis { font-size: 10px; fill: var(--muted); }`];

  constructor() {
    super();
    this.run = null;
    this.version = 0;
    this.selected = [];
  }

  override updated(): void {
    const now = performance.now();
    if (this.run && !this.fetching && now - this.lastFetch > 500) void this.fetch();
  }

  private async fetch(): Promise<void> {
    if (!this.run) return;
    this.fetching = true;
    this.lastFetch = performance.now();
    try {
      this.result = await this.run.api.distribution(this.attribute, this.grouping, 20);
    } catch {
      this.result = null; // no run yet
    }
    this.fetching = false;
    this.requestUpdate();
  }

  /** Groups to draw: all of them when few, else the selected regions (or the largest groups). */
  private groupsToDraw(d: Distribution): number[] {
    const all = d.groups.map((_, g) => g);
    if (d.groups.length <= MAX_GROUPS) return all;
    const total = (g: number) => d.counts.subarray(g * d.bins, (g + 1) * d.bins).reduce((a, b) => a + b, 0);
    const chosen = this.selected.filter((g) => g < d.groups.length);
    return (chosen.length > 0 ? chosen : all.sort((a, b) => total(b) - total(a))).slice(0, MAX_GROUPS);
  }

  private chart(d: Distribution) {
    const groups = this.groupsToDraw(d);
    const [width, height, pad] = [320, 150, 18];
    const barWidth = (width - pad) / d.bins / Math.max(1, groups.length);
    const shares = groups.map((g) => {
      const row = Array.from(d.counts.subarray(g * d.bins, (g + 1) * d.bins));
      const sum = row.reduce((a, b) => a + b, 0) || 1;
      return row.map((c) => c / sum);
    });
    const max = Math.max(0.01, ...shares.flat());
    const bars = shares.flatMap((row, k) => row.map((share, b) => {
      const h = (share / max) * (height - pad);
      return svg`<rect x=${pad + (b * groups.length + k) * barWidth} y=${height - pad - h} width=${Math.max(0.5, barWidth - 0.5)} height=${h} fill=${COLOURS[k % COLOURS.length]}><title>${d.groups[groups[k]]}: ${Math.round(share * 100)}%</title></rect>`;
    }));
    const label = t('histogramLabel', { attribute: t(`attribute_${d.attribute}` as MessageKey), grouping: t(`grouping_${this.grouping}` as MessageKey) });
    return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${label}>${bars}
        <text class="axis" x=${pad} y=${height - 4}>${d.min}</text><text class="axis" x=${width - 4} y=${height - 4} text-anchor="end">${d.max}</text></svg>
      <ul class="note">${groups.map((g, k) => html`<li><span style="color:${COLOURS[k % COLOURS.length]}">■</span> ${this.groupName(d.groups[g])}</li>`)}</ul>`;
  }

  private groupName(name: string): string {
    return this.grouping === 'incomeGroup' ? t(`incomeGroup_${name}` as MessageKey) : name;
  }

  override render() {
    const change = (apply: (v: string) => void) => (e: Event) => {
      apply((e.target as HTMLSelectElement).value);
      void this.fetch();
    };
    return html`<div data-testid="histogram">
      <div class="row">
        <label>${t('attribute')}<select @change=${change((v) => (this.attribute = v as DistributionAttribute))}>
          ${DISTRIBUTION_ATTRIBUTES.map((a) => html`<option value=${a} ?selected=${a === this.attribute}>${t(`attribute_${a}` as MessageKey)}</option>`)}</select></label>
        <label>${t('grouping')}<select @change=${change((v) => (this.grouping = v as DistributionGrouping))}>
          ${GROUPINGS.map((g) => html`<option value=${g} ?selected=${g === this.grouping}>${t(`grouping_${g}` as MessageKey)}</option>`)}</select></label>
      </div>
      ${this.result ? this.chart(this.result) : html`<p class="note">${t('loading')}</p>`}
    </div>`;
  }
}
customElements.define('glocal-histogram', GlocalHistogram);
