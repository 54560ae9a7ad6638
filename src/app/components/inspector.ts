import { LitElement, css, html, svg } from 'lit';
import type { RunController } from '../run-controller.ts';
import type { SeriesStore } from '../series-store.ts';
import type { AgentKind } from '../../worker/live.ts';
import { number, t, type MessageKey } from '../i18n/index.ts';
import { panelStyles } from './panel-styles.ts';

/** Region series the inspector draws (headline indicators are recorded per region). */
/** Weeks of an agent's history kept for its sparklines (a long session stays in bounded memory). */
const MAX_HISTORY = 256;
const SPARKLINES = ['fillRate', 'trustFirms', 'trustGovernment', 'smeAdoption', 'digitalUsage', 'unemployment'];

/**
 * The inspector: the state of the clicked region (from the worker) and its time series.
 * Emits `close`.
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
  private lastFetch = 0;
  static override styles = [panelStyles, css`
    .sparks { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 0.4em; }
    svg { width: 100%; height: 36px; background: var(--field); border-radius: 4px; }
    .head { display: flex; justify-content: space-between; align-items: center; }
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
    }
    if (this.run && this.region >= 0 && (retarget || now - this.lastFetch > 500)) {
      this.lastFetch = now;
      const run = this.run;
      const id = this.kind === 'region' ? this.region : this.agentId;
      void run.api.inspect(this.kind, id).then((state) => {
        this.state = state;
        if (state && this.kind !== 'region' && run.week !== this.lastWeek) this.remember(state, run.week);
        this.requestUpdate();
      });
    }
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
      <table><tbody>${rows.filter(([k]) => k !== 'region').map(([k, v]) => html`<tr><th>${k}</th><td>${typeof v === 'number' ? number(v, 3) : v}</td></tr>`)}</tbody></table>
    </div>`;
  }
}
customElements.define('glocal-inspector', GlocalInspector);
