import { LitElement, css, html } from 'lit';
import { t } from '../i18n/index.ts';
import type { GlocalApp } from '../app.ts';
import { panelStyles } from './panel-styles.ts';
import { exportPanel, policyPanel, shockPanel } from './forms.ts';
import { lessonPanel } from './lesson-panel.ts';
import './charts.ts';
import './histogram.ts';
import './inspector.ts';
import './param-panel.ts';

/** The side panels: lesson, inspector, charts, distribution, policy, shocks, parameters, export. */
export class GlocalPanels extends LitElement {
  static override properties = { app: { attribute: false }, version: { attribute: false } };
  declare app: GlocalApp | null;
  declare version: number;
  static override styles = [panelStyles, css`
    details.panel { border: 1px solid var(--border); border-radius: 8px; padding: 0.3em 0.7em; margin-bottom: 0.6em; background: var(--panel); }
    details.panel > summary h2 { display: inline; font-size: 1.05em; margin: 0; }
    h3, h4 { margin: 0.4em 0; }
    .lesson { border: 2px solid var(--accent); border-radius: 8px; padding: 0.4em 0.8em; margin-bottom: 0.6em; background: var(--panel); }
  `];

  constructor() {
    super();
    this.app = null;
    this.version = 0;
  }

  override render() {
    const app = this.app;
    if (!app) return html``;
    const root = this.renderRoot;
    const region = app.inspected?.region ?? -1;
    return html`${lessonPanel(app)}
      <details class="panel" open><summary><h2>${t('inspector')}</h2></summary>
        <glocal-inspector .run=${app.main} .region=${region} .kind=${app.inspected?.kind ?? 'region'} .agentId=${app.inspected?.id ?? -1} .series=${app.main.series} .version=${this.version}
          @close=${() => app.clearSelection()}></glocal-inspector></details>
      <details class="panel" open><summary><h2>${t('charts')}</h2></summary>
        <glocal-charts .series=${app.main.series} .baseline=${app.baseline?.series ?? null} .region=${region}
          .regionName=${region >= 0 ? (app.geometry?.regions[region]?.name ?? '') : ''} .version=${this.version}></glocal-charts></details>
      <details class="panel" open><summary><h2>${t('distribution')}</h2></summary>
        <glocal-histogram .run=${app.main} .selected=${app.selected} .version=${this.version}></glocal-histogram></details>
      <details class="panel" open><summary><h2>${t('policy')}</h2></summary>${policyPanel(app, root)}</details>
      <details class="panel" open><summary><h2>${t('shocks')}</h2></summary>${shockPanel(app, root)}</details>
      <details class="panel" open><summary><h2>${t('exports')}</h2></summary>${exportPanel(app)}</details>
      <details class="panel" open><summary><h2>${t('parameters')}</h2></summary>
        <glocal-params .world=${app.state.world} .overrides=${app.state.params} .effective=${app.effectiveParams} .language=${app.state.language}
          @apply-params=${(e: CustomEvent<Record<string, number | boolean | string>>) => void app.applyParams(e.detail)}></glocal-params></details>`;
  }
}
customElements.define('glocal-panels', GlocalPanels);
