import { html } from 'lit';
import { INSTRUMENTS } from '../../../agents/policymaker/schema.ts';
import { INCOME_GROUPS } from '../../model/world-definition.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { GlocalApp } from '../app.ts';
import type { PolicySetting, ShockSetting } from '../app-state.ts';

const SHOCK_KINDS: ShockSetting['kind'][] = ['lockdown', 'borderClosure', 'demand', 'logistics'];

function field(root: ParentNode, testid: string): HTMLInputElement | HTMLSelectElement {
  return root.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement | HTMLSelectElement;
}

/** A target select value (all, a bloc, an income group or a region code) as a scenario target. */
export function targetFor(value: string, blocs: string[]): PolicySetting['target'] {
  if (value === 'all') return 'all';
  if (blocs.includes(value)) return { blocs: [value] };
  if ((INCOME_GROUPS as readonly string[]).includes(value)) return { incomeGroups: [value] };
  return { regions: [value] };
}

function describeTarget(target: PolicySetting['target'] | ShockSetting['target']): string {
  if (target === 'all') return t('targetAll');
  return 'hubs' in target ? t('noneSelectedHubs') : Object.values(target).flat().join(', ');
}

/** The policy panel: every instrument of the model's instrument list, by region, bloc or income group. */
export function policyPanel(app: GlocalApp, root: ParentNode) {
  const info = app.main.info;
  const blocs = info?.blocs ?? [];
  const add = () => {
    const level = Number(field(root, 'policy-level').value);
    const budgetText = field(root, 'policy-budget').value;
    const instrument = field(root, 'policy-instrument').value;
    const clamped = Math.min(1, Math.max(0, Number.isFinite(level) ? level : 0));
    const setting: Omit<PolicySetting, 'week'> = {
      instrument,
      target: targetFor(field(root, 'policy-target').value, blocs),
      // A smart sourcing node runs or not (§9.5): any level from 0.5 up starts the platform.
      level: instrument === 'smartSourcingNode' ? (clamped >= 0.5 ? 1 : 0) : clamped,
    };
    if (budgetText !== '' && Number(budgetText) > 0) setting.budgetPerYear = Number(budgetText);
    void app.addPolicy(setting);
  };
  return html`<p class="note">${t('policyNote')}</p>
    <div class="row">
      <label>${t('instrument')}<select data-testid="policy-instrument">
        ${INSTRUMENTS.map((i) => html`<option value=${i}>${t(`instrument_${i}` as MessageKey)}</option>`)}</select></label>
      <label>${t('target')}<select data-testid="policy-target">
        <option value="all">${t('targetAll')}</option>
        <optgroup label=${t('targetBlocs')}>${blocs.map((b) => html`<option value=${b}>${b}</option>`)}</optgroup>
        <optgroup label=${t('targetIncomeGroups')}>${INCOME_GROUPS.map((g) => html`<option value=${g}>${t(`incomeGroup_${g}` as MessageKey)}</option>`)}</optgroup>
        <optgroup label=${t('targetRegions')}>${(info?.regions ?? []).map((code, r) => html`<option value=${code}>${app.geometry?.regions[r]?.name ?? code} (${code})</option>`)}</optgroup>
      </select></label>
      <label>${t('level')}<input data-testid="policy-level" type="number" min="0" max="1" step="0.05" value="0.5" /></label>
      <label>${t('budget')}<input data-testid="policy-budget" type="number" min="0" step="1000000" placeholder="—" /></label>
      <button data-testid="policy-add" class="primary" @click=${add}>${t('addPolicy')}</button>
    </div>
    <h3>${t('policyTimeline')}</h3>
    ${app.state.policy.length === 0 ? html`<p class="note">${t('noPolicy')}</p>` : html`<table><tbody>
      ${app.state.policy.map((p) => html`<tr><td>${t('week')} ${p.week}</td><td>${t(`instrument_${p.instrument}` as MessageKey)}</td><td>${describeTarget(p.target)}</td><td>${p.level}</td></tr>`)}
    </tbody></table>`}`;
}

/** The shock panel: a lockdown, border closure, demand or logistics shock on the selected regions, live. */
export function shockPanel(app: GlocalApp, root: ParentNode) {
  const apply = () => void app.applyShock(field(root, 'shock-kind').value as ShockSetting['kind'], Number(field(root, 'shock-weeks').value));
  const names = app.selected.map((r) => app.geometry?.regions[r]?.name ?? String(r));
  return html`<p class="note">${t('shockNote')}</p>
    <p>${t('selectedRegions')}: <strong>${names.length > 0 ? names.join(', ') : t('noneSelectedHubs')}</strong>
      ${names.length > 0 ? html`<button @click=${() => app.clearSelection()}>${t('clearSelection')}</button>` : ''}</p>
    <div class="row">
      <label>${t('shockKind')}<select data-testid="shock-kind">${SHOCK_KINDS.map((k) => html`<option value=${k}>${t(`shock_${k}` as MessageKey)}</option>`)}</select></label>
      <label>${t('shockWeeks')}<input data-testid="shock-weeks" type="number" min="1" max="520" step="1" value="8" /></label>
      <button data-testid="shock-apply" class="primary" @click=${apply}>${t('applyShock')}</button>
    </div>`;
}

export function exportPanel(app: GlocalApp) {
  return html`<div class="row">
      <button data-testid="export-csv" @click=${() => void app.exportCsv()}>⬇ ${t('exportCsv')}</button>
      <button data-testid="export-png" @click=${() => void app.exportPng()}>⬇ ${t('exportPng')}</button>
      <button data-testid="export-scenario" @click=${() => app.exportScenario()}>⬇ ${t('exportScenario')}</button>
    </div>
    <p class="note">${app.main.exploratory ? t('exploratoryNote') : t('reproducibleNote')}</p>`;
}
