import { html, nothing } from 'lit';
import { WORLDS, WORLD_NAMES } from '../../worlds/index.ts';
import { MAP_LAYERS, SME_ALIVE, SME_DIGITAL, SME_IN_CHAIN, type MapLayer } from '../worker/map-snapshot.ts';
import { LANGUAGES, LANGUAGE_NAMES, language, t, type MessageKey } from './i18n/index.ts';
import { LESSONS } from './lessons/index.ts';
import type { Language } from './lessons/types.ts';
import { cssGradient, cssColour, type PaletteName } from './map/palette.ts';
import type { GlocalApp } from './app.ts';
import type { MapPointer } from './map/map-view.ts';
import { librarySchemes } from './scheme-library.ts';
import './components/map-element.ts';
import './components/panels.ts';

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

function header(app: GlocalApp) {
  const { state } = app;
  const scenarios = Object.keys(WORLDS[state.world].scenarios);
  return html`<header>
    <h1>Glocal</h1>
    <label>${t('world')}
      <select data-testid="world" .value=${state.world} @change=${(e: Event) => void app.setWorld(value(e))}>
        ${WORLD_NAMES.map((w) => html`<option value=${w} ?selected=${w === state.world}>${w}</option>`)}
      </select></label>
    <label>${t('scenario')}
      <select data-testid="scenario" .value=${state.scenario} @change=${(e: Event) => void app.setScenario(value(e))}>
        ${scenarios.map((s) => html`<option value=${s} ?selected=${s === state.scenario}>${s}</option>`)}
      </select></label>
    <label>${t('lesson')}
      <select data-testid="lesson" .value=${state.lesson} @change=${(e: Event) => void app.setLesson(value(e))}>
        <option value="" ?selected=${!state.lesson}>${t('noLesson')}</option>
        ${LESSONS.map((l) => html`<option value=${l.id} ?selected=${l.id === state.lesson}>${l.title[language()]}</option>`)}
      </select></label>
    <label>${t('language')}
      <select data-testid="language" .value=${state.language} @change=${(e: Event) => app.setLanguageChoice(value(e) as Language)}>
        ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === state.language}>${LANGUAGE_NAMES[l]}</option>`)}
      </select></label>
    <button data-testid="presentation" aria-pressed=${app.presentation} @click=${() => app.togglePresentation()}>${t('presentation')}</button>
    <button data-testid="compare" aria-pressed=${Boolean(app.baseline)} @click=${() => void app.setCompare(!app.baseline)}>${t('compare')}</button>
    ${app.baseline ? schemePicker(app) : nothing}
    <button data-testid="share" @click=${() => void app.share()}>${t('share')}</button>
  </header>`;
}

/** Compare mode's policy: the policy added in the app, or a scheme of the world's library (as `glocal compare --scheme`). */
function schemePicker(app: GlocalApp) {
  const { state } = app;
  return html`<label>${t('schemePicker')}
      <select data-testid="scheme" .value=${state.scheme} @change=${(e: Event) => void app.setScheme(value(e))}>
        <option value="" ?selected=${!state.scheme}>${t('ownPolicy')}</option>
        ${librarySchemes(state.world).map((s) => html`<option value=${s.name} title=${s.description} ?selected=${s.name === state.scheme}>${s.name}</option>`)}
      </select></label>`;
}

function controls(app: GlocalApp) {
  const run = app.main;
  return html`<div class="controls" role="group" aria-label=${t('appTitle')}>
    <button data-testid="play" class="primary" aria-pressed=${app.playPressed} aria-busy=${app.settling} @click=${() => app.togglePlay()}>${app.playPressed ? `❚❚ ${t('pause')}` : `▶ ${t('play')}`}</button>
    <button data-testid="step" @click=${() => void app.stepOnce()}>+1 ${t('step')}</button>
    <button data-testid="reset" @click=${() => void app.restart(false)}>↺ ${t('reset')}</button>
    <label>${t('seed')} <input data-testid="seed" type="number" min="0" max="4294967295" step="1" .value=${String(app.state.seed)}
      @change=${(e: Event) => void app.setSeed(Number(value(e)))} /></label>
    <label>${t('speed')} <input data-testid="speed" type="range" min="1" max="104" step="1" .value=${String(run.speed)}
      @input=${(e: Event) => app.setSpeed(Number(value(e)))} /> <output>${run.speed}</output></label>
    <span class="readout">${t('week')} <strong data-testid="week">${run.week}</strong></span>
    <span class="readout">${t('measuredSpeed')} <strong data-testid="wps">${run.measuredWps}</strong> ${t('weeksPerSecond')}</span>
  </div>`;
}

function legend(app: GlocalApp) {
  const agent = (colour: number, key: MessageKey, shape = 'dot') => html`<li><span class="swatch ${shape}" style="background:${cssColour(colour)}"></span>${t(key)}</li>`;
  return html`<div class="legend">
    <label>${t('choropleth')}
      <select data-testid="choropleth" .value=${app.state.layer} @change=${(e: Event) => app.setLayer(value(e) as MapLayer)}>
        ${MAP_LAYERS.map((l) => html`<option value=${l} ?selected=${l === app.state.layer}>${t(`layer_${l}` as MessageKey)}</option>`)}
      </select></label>
    <label>${t('palette')}
      <select @change=${(e: Event) => app.setPalette(value(e) as PaletteName)}>
        ${(['viridis', 'cividis'] as const).map((p) => html`<option value=${p} ?selected=${p === app.palette}>${t(`palette_${p}`)}</option>`)}
      </select></label>
    <div class="ramp" style="background:${cssGradient(app.palette)}" aria-hidden="true"></div>
    <div class="ramp-labels"><span>0 — ${t('legendLow')}</span><span>${t('legendHigh')} — 1</span></div>
    <ul class="agents">
      ${agent(0xffffff, 'legendPlant', 'square')}${agent(0xe7298a, 'legendHub', 'diamond')}
      ${agent(0xf2a541, 'legendSmeOffline')}${agent(0x3ec5f0, 'legendSmeDigital')}${agent(0x3ec5f0, 'legendSmeChain', 'ring')}
      ${agent(0xa08f7a, 'legendCell')}${agent(0x1b1b3a, 'legendFlow', 'line')}
      ${agent(0xd7191c, 'legendLockdown', 'square')}${agent(0xff7f00, 'legendBorder', 'outline')}
    </ul>
  </div>`;
}

function tooltipText(app: GlocalApp, pointer: MapPointer): string {
  const shape = app.geometry?.regions[pointer.region];
  const values = app.maps()[0]?.view?.layerValues();
  const v = values ? values[pointer.region] : NaN;
  const layer = t(`layer_${app.state.layer}` as MessageKey);
  const snapshot = app.main.snapshot;
  let [count, adopted, chain] = [0, 0, 0];
  if (snapshot) {
    for (let i = 0; i < snapshot.smeRegion.length; i++) {
      const s = snapshot.smeState[i];
      if (snapshot.smeRegion[i] !== pointer.region || !(s & SME_ALIVE)) continue;
      count++;
      if (s & SME_DIGITAL) adopted++;
      if (s & SME_IN_CHAIN) chain++;
    }
  }
  const agent = pointer.agent ? `${t(`agent_${pointer.agent.kind}` as MessageKey)} #${pointer.agent.id}\n` : '';
  return `${agent}${shape?.name ?? ''} (${shape?.code ?? ''})\n${layer}: ${Number.isFinite(v) ? `${Math.round(v * 100)}%` : t('noData')}\n${t('tooltipAgentsIn', { count, adopted, chain })}`;
}

function hover(app: GlocalApp, e: CustomEvent<MapPointer | null>) {
  const map = e.target as HTMLElement & { tooltip: { x: number; y: number; text: string } | null };
  map.tooltip = e.detail ? { x: e.detail.screenX, y: e.detail.screenY, text: tooltipText(app, e.detail) } : null;
}

function mapArea(app: GlocalApp) {
  const layer = t(`layer_${app.state.layer}` as MessageKey);
  const onSelect = (e: CustomEvent<{ pointer: MapPointer; additive: boolean }>) => app.selectRegion(e.detail.pointer, e.detail.additive);
  const compare = Boolean(app.baseline);
  return html`<section class="maps ${compare ? 'two' : ''}" id="map" aria-label=${t('mapLabel', { layer })}>
    <figure>
      ${compare ? html`<figcaption>${t('baselineTitle')}</figcaption>` : nothing}
      <glocal-map testid="map" label=${t('mapLabel', { layer })} @region-hover=${(e: CustomEvent<MapPointer | null>) => hover(app, e)} @region-select=${onSelect}></glocal-map>
    </figure>
    ${compare
      ? html`<figure><figcaption>${app.state.scheme ? t('schemeTitle', { scheme: app.state.scheme }) : t('policyTitle')}</figcaption>
          <glocal-map testid="map-compare" label=${app.state.scheme ? t('mapSchemeLabel', { scheme: app.state.scheme, layer }) : t('mapCompareLabel', { layer })} @region-hover=${(e: CustomEvent<MapPointer | null>) => hover(app, e)} @region-select=${onSelect}></glocal-map></figure>`
      : nothing}
  </section>`;
}

function footer(app: GlocalApp) {
  return html`<footer>
    <p>${app.state.world === 'world-2019' ? t('credits') : t('syntheticCredit')}</p>
    <p class="hint">${t('keyboardHelp')}</p>
  </footer>`;
}

export function renderApp(app: GlocalApp) {
  const skip = () => (app.renderRoot.querySelector('glocal-map') as HTMLElement | null)?.shadowRoot?.querySelector('canvas')?.focus();
  return html`<button class="skip" @click=${skip}>${t('skipToMap')}</button>
    ${header(app)}
    <main>
    ${controls(app)}
    ${app.loading ? html`<p class="message" role="status" data-testid="loading">${t('loading')}</p>` : nothing}
    ${app.error ? html`<p class="error" role="alert">${t('errorTitle')}: ${app.error}</p>` : nothing}
    ${app.message ? html`<p class="message" role="status">${app.message}</p>` : nothing}
    <div class="layout">
      <div class="left">${mapArea(app)} ${legend(app)}</div>
      <glocal-panels class="right" .app=${app} .version=${app.revision++}></glocal-panels>
    </div>
    <div class="sr-only" data-testid="announcer" aria-live="polite" aria-atomic="true">${app.announcement}</div>
    </main>
    ${footer(app)}`;
}
