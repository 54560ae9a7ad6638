import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { parameterGroups } from '../../model/params/registry.ts';
import type { ParamSpec } from '../../sim/params/define.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { ParamValue } from '../app-state.ts';
import { panelStyles } from './panel-styles.ts';

/**
 * The parameter panel, generated from the one parameter schema (src/model/params/registry.ts):
 * one input per parameter (`data-testid="param-<name>"`) with its unit, range, description and
 * source. Changes apply on "Apply and reset" (event `apply-params`, detail: the overrides).
 */
export class GlocalParams extends LitElement {
  static override properties = { overrides: { attribute: false }, effective: { attribute: false }, language: { attribute: false }, world: { attribute: false } };
  /** The world the values belong to: another world gets fresh fields (nothing typed comes along). */
  declare world: string;
  declare overrides: Record<string, ParamValue>;
  declare effective: Record<string, ParamValue>;
  declare language: string;
  private draft: Record<string, ParamValue> = {};
  static override styles = [panelStyles, css`
    .param { display: grid; grid-template-columns: 1fr 8.5em; gap: 0.3em; align-items: center; margin: 0.2em 0; }
    .param input[type='number'], .param select { width: 100%; }
    .doc { grid-column: 1 / -1; font-size: 0.8em; color: var(--muted); margin: 0 0 0.4em; }
    details details { margin-left: 0.4em; }
  `];

  constructor() {
    super();
    this.overrides = {};
    this.effective = {};
    this.language = 'en';
    this.world = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('overrides') || changed.has('world')) this.draft = { ...this.overrides };
  }

  private currentValue(name: string, spec: ParamSpec): ParamValue {
    return this.draft[name] ?? this.effective[name] ?? spec.default;
  }

  private set(name: string, spec: ParamSpec, input: HTMLInputElement | HTMLSelectElement): void {
    if (spec.kind === 'boolean') this.draft[name] = (input as HTMLInputElement).checked;
    else if (spec.kind === 'number') {
      const value = Number(input.value);
      if (input.value !== '' && Number.isFinite(value)) this.draft[name] = Math.min(spec.max, Math.max(spec.min, value));
    } else this.draft[name] = input.value;
  }

  private input(name: string, spec: ParamSpec) {
    const id = `param-${name}`;
    const value = this.currentValue(name, spec);
    const title = `${spec.doc} ${t('source')}: ${spec.source}`;
    // A field of another world (its change fires as it is removed, focused) writes no draft.
    const world = this.world;
    const onChange = (e: Event) => {
      if (world === this.world) this.set(name, spec, e.target as HTMLInputElement);
    };
    if (spec.kind === 'boolean') return html`<input id=${id} data-testid=${id} type="checkbox" title=${title} .checked=${value === true} @change=${onChange} />`;
    if (spec.kind === 'choice') {
      return html`<select id=${id} data-testid=${id} title=${title} @change=${onChange}>
        ${spec.options.map((o) => html`<option value=${o} ?selected=${o === value}>${o}</option>`)}</select>`;
    }
    return html`<input id=${id} data-testid=${id} type="number" title=${title} min=${spec.min} max=${spec.max}
      step=${spec.integer ? 1 : 'any'} .value=${String(value)} @change=${onChange} />`;
  }

  private row(name: string, spec: ParamSpec) {
    const unit = spec.kind === 'number' ? ` (${spec.unit}; ${spec.min}–${spec.max})` : '';
    return html`<div class="param"><label for=${`param-${name}`}>${name}${unit}</label>${this.input(name, spec)}
      <p class="doc">${spec.doc} <em>${t('source')}: ${spec.source}</em></p></div>`;
  }

  override render() {
    const groups = Object.entries(parameterGroups) as [string, Record<string, ParamSpec>][];
    return html`<p class="note">${t('paramsNote')}</p>
      <button data-testid="apply-params" class="primary" @click=${() => this.dispatchEvent(new CustomEvent('apply-params', { detail: { ...this.draft } }))}>${t('applyParams')}</button>
      ${keyed(this.world, groups.map(([group, specs]) => html`<details open><summary>${t(`group_${group}` as MessageKey)}</summary>
        ${Object.entries(specs).map(([name, spec]) => this.row(name, spec))}</details>`))}
      ${nothing}`;
  }
}
customElements.define('glocal-params', GlocalParams);
