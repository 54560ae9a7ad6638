import { LitElement, css, html, svg } from 'lit';
import type { RunController } from '../run-controller.ts';
import type { SeriesStore } from '../series-store.ts';
import type { AgentKind } from '../../worker/live.ts';
import type { StrategyReport } from '../../worker/api.ts';
import { number, percent, t, type MessageKey } from '../i18n/index.ts';
import { panelStyles } from './panel-styles.ts';

/** Region series the inspector draws (headline indicators are recorded per region). */
/** Weeks of an agent's history kept for its sparklines (a long session stays in bounded memory). */
const MAX_HISTORY = 256;
const SPARKLINES = ['fillRate', 'trustFirms', 'trustGovernment', 'smeAdoption', 'digitalUsage', 'unemployment'];

/** One strategy as the inspected plant's lead firm prices it now (`api.strategies(firm)`, agents/firm/strategy-explain.ts). */
type StrategyRow = Extract<StrategyReport, { scope: 'firm' }>['rows'][number];

/**
 * The inspector: the state of the clicked region or agent (from the worker) and its time series;
 * for a plant, also how its lead firm prices the four sourcing strategies now ("Why this
 * strategy?", the numbers of `glocal strategies --firm`). Emits `close`.
 */
export class GlocalInspector extends LitElement {
  static override properties = {
    run: { attribute: false }, region: { attribute: false }, kind: { attribute: false }, agentId: { attribute: false },
    series: { attribute: false }, version: { attribute: false },
  };
  declare kind: AgentKind;
  declare agentId: number;
  /** An agent's numeric fields week by week since it was clicked (agents have no recorded series). */
  private history = new Map<string, number[]>();
  private lastWeek = -1;
  /** The run (not its comlink proxy: lit would mistake a proxy for a directive). */
  declare run: RunController | null;
  declare region: number;
  declare series: SeriesStore | null;
  declare version: number;
  private state: Record<string, number | string> | null = null;
  /** The inspected plant's firm's four strategies (null for other kinds, or a firm no longer alive). */
  private strategies: StrategyRow[] | null = null;
  /** The strategy `strategyOverride` forces, if any (firms then do not review). */
  private strategyOverride: string | null = null;
  private lastFetch = 0;
  static override styles = [panelStyles, css`
    .sparks { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 0.4em; }
    svg { width: 100%; height: 36px; background: var(--field); border-radius: 4px; }
    .head { display: flex; justify-content: space-between; align-items: center; }
    table.strategies { margin-top: 0.6em; font-size: 0.8em; }
    table.strategies caption { text-align: left; font-weight: 600; padding: 0.2em 0; }
    table.strategies th[scope='col'] { font-weight: 600; vertical-align: bottom; }
    table.strategies td { text-align: right; font-variant-numeric: tabular-nums; }
    table.strategies tr.current { background: var(--field); }
  `];

  constructor() {
    super();
    this.run = null;
    this.region = -1;
    this.kind = 'region';
    this.agentId = -1;
    this.series = null;
    this.version = 0;
  }

  override updated(changed: Map<string, unknown>): void {
    const now = performance.now();
    const retarget = changed.has('region') || changed.has('kind') || changed.has('agentId');
    if (retarget) {
      this.history.clear();
      this.lastWeek = -1;
      this.strategies = null;
    }
    if (this.run && this.region >= 0 && (retarget || now - this.lastFetch > 500)) {
      this.lastFetch = now;
      void this.fetch(this.run, this.kind, this.kind === 'region' ? this.region : this.agentId);
    }
  }

  /** Whether the inspector still shows what a fetch for (kind, id) was made for. */
  private showing(kind: AgentKind, id: number): boolean {
    return this.kind === kind && (kind === 'region' ? this.region : this.agentId) === id;
  }

  /** The inspected region's or agent's state, then, for a plant, how its firm prices the strategies. */
  private async fetch(run: RunController, kind: AgentKind, id: number): Promise<void> {
    const state = await run.api.inspect(kind, id);
    if (!this.showing(kind, id)) return;
    this.state = state;
    if (state && kind !== 'region' && run.week !== this.lastWeek) this.remember(state, run.week);
    this.requestUpdate();
    const firm = kind === 'plant' ? state?.firm : undefined;
    if (typeof firm !== 'number') return;
    const report = await run.api.strategies(firm);
    if (!this.showing(kind, id)) return;
    this.strategies = report?.scope === 'firm' ? report.rows : null;
    this.strategyOverride = report?.override ?? null;
    this.requestUpdate();
  }

  private remember(state: Record<string, number | string>, week: number): void {
    this.lastWeek = week;
    for (const [key, value] of Object.entries(state)) {
      if (typeof value !== 'number') continue;
      const list = this.history.get(key) ?? [];
      list.push(value);
      if (list.length > MAX_HISTORY) list.shift();
      this.history.set(key, list);
    }
  }

  private spark(name: string, values: ArrayLike<number>) {
    const list = Array.from(values);
    const [lo, hi] = [Math.min(0, ...list), Math.max(1, ...list)];
    const points = list.map((v, i) => `${(i / Math.max(1, values.length - 1)) * 100},${36 - ((v - lo) / (hi - lo || 1)) * 34 - 1}`).join(' ');
    return html`<div><span class="note">${name}: ${number(list[list.length - 1] ?? NaN)}</span>
      <svg viewBox="0 0 100 36" preserveAspectRatio="none" aria-hidden="true">${svg`<polyline points=${points} fill="none" stroke="#0072B2" stroke-width="1.5" vector-effect="non-scaling-stroke"></polyline>`}</svg></div>`;
  }

  override render() {
    if (this.region < 0) return html`<p class="note">${t('inspectorHint')}</p>`;
    const rows = Object.entries(this.state ?? {});
    return html`<div data-testid="inspector">
      <div class="head"><strong>${this.state?.region ?? ''}</strong>
        <button @click=${() => this.dispatchEvent(new CustomEvent('close'))}>${t('close')}</button></div>
      <p class="note">${t(`agent_${this.kind}` as MessageKey)}${this.kind === 'region' ? '' : ` #${this.agentId}`}</p>
      <div class="sparks">${this.kind === 'region'
        ? SPARKLINES.map((name) => this.spark(name, this.series?.get(name, this.region).values ?? []))
        : [...this.history.entries()].filter(([, v]) => v.length > 0).slice(0, 8).map(([name, v]) => this.spark(name, v))}</div>
      <table><tbody>${rows.filter(([k]) => k !== 'region').map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${typeof v === 'number' ? number(v, 3) : v}</td></tr>`)}</tbody></table>
      ${this.kind === 'plant' && this.strategies ? this.strategyTable(this.strategies) : null}
    </div>`;
  }

  /**
   * "Why this strategy?": the firm's four strategies with their cost per unit C_k, two of its terms
   * (the expected disruption loss, and the local bonus it subtracts), the amortised switching
   * cost and the logit chance at the next quarterly review (MODEL.md §7.1).
   */
  private strategyTable(rows: StrategyRow[]) {
    const money = (value: number) => number(value, 2);
    return html`<table class="strategies" data-testid="strategy-table" aria-describedby="strategy-note">
        <caption>${t('strategyWhy')}</caption>
        <thead><tr>
          <th scope="col">${t('strategyColumn')}</th>
          <th scope="col">${t('strategyCost')}</th>
          <th scope="col">${t('strategyExpectedLoss')}</th>
          <th scope="col">${t('strategyLocalBonus')}</th>
          <th scope="col">${t('strategySwitching')}</th>
          <th scope="col">${t('strategyChance')}</th>
        </tr></thead>
        <tbody>${rows.map((row) => {
          const term = html`<br /><span class="note">${t(`strategy_${row.strategy}` as MessageKey)}</span>`;
          return html`<tr class=${row.current ? 'current' : ''} data-current=${row.current ? 'true' : 'false'}>
            <th scope="row">${row.current ? html`<strong>${row.strategy} ${t('strategyNow')}</strong>` : row.strategy}${term}</th>
            <td>${money(row.cost)}</td>
            <td>${money(row.terms.expectedLoss)}</td>
            <td>${money(row.terms.localBonus > 0 ? -row.terms.localBonus : 0)}</td>
            <td>${money(row.switching)}</td>
            <td>${percent(row.probability, 1)}</td>
          </tr>`;
        })}</tbody>
      </table>
      <p class="note" id="strategy-note">${t('strategyNote')}${this.strategyOverride ? html`<br />${t('strategyOverrideNote', { strategy: this.strategyOverride })}` : null}</p>`;
  }
}
customElements.define('glocal-inspector', GlocalInspector);
