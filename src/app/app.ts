import { LitElement, html } from 'lit';
import type { Remote } from 'comlink';
import type { Api } from '../worker/api.ts';
import type { AgentKind } from '../worker/live.ts';
import { buildRunSpec, type RunRequestData } from '../worker/run-spec.ts';
import { WORLDS } from '../../worlds/index.ts';
import { RunController } from './run-controller.ts';
import { decodeState, encodeState, runRequest, scenarioFile, type AppState, type PolicySetting, type ShockSetting, type ParamValue } from './app-state.ts';
import { worldGeometry } from './map/world-geometry.ts';
import type { MapGeometry } from './map/geometry.ts';
import type { MapPointer } from './map/map-view.ts';
import { GlocalMap } from './components/map-element.ts';
import { setLanguage, t } from './i18n/index.ts';
import { describeState } from './announcer.ts';
import { download, exportName, indicatorsCsv } from './exports.ts';
import { lessonById } from './lessons/index.ts';
import type { LessonAction } from './lessons/types.ts';
import type { MapLayer } from '../worker/map-snapshot.ts';
import { appStyles } from './app-styles.ts';
import type { PaletteName } from './map/palette.ts';
import { renderApp } from './app-view.ts';
import { isLibraryScheme } from './scheme-library.ts';

/** The debugging (and test) handle on `window.glocal`. */
export interface GlocalHandle {
  /** Resolves after the first snapshot is drawn. */
  ready: Promise<void>;
  /** The main run's worker API (comlink proxy): the same object the CLI drives. */
  api: Remote<Api>;
  state(): { world: string; scenario: string; seed: number; params: Record<string, ParamValue>; policy: PolicySetting[]; scheme: string; week: number; exploratory: boolean; loading: boolean };
  /** What the runs were last started from: the main (policy) run's request, and the baseline's in compare mode. */
  runs(): { main: RunRequestData | null; baseline: RunRequestData | null };
}

declare global {
  interface Window {
    glocal: GlocalHandle;
  }
}

/** Announce the state in words at most this often (ms) while playing. */
const ANNOUNCE_EVERY_MS = 4000;
/**
 * While playing, map frames are spaced so that drawing them takes at most this share of the time:
 * a map frame in software WebGL can cost tens of milliseconds on the UI thread (and the CPU the
 * worker needs), a frame on a GPU almost nothing.
 */
const MAP_FRAME_BUDGET = 0.4;
/** At least one map frame this often while playing (ms), however costly. */
const MAP_FRAME_MAX_SPACING_MS = 1000;
/**
 * No map frame for this long after a pointer press or a key (ms): the frame that shows the
 * response (a pressed button) is then not held up by a costly map frame drawn with it.
 */
const INPUT_QUIET_MS = 150;

/**
 * The web app: pickers, run controls, the map(s) and the side panels. The state that defines a run
 * lives in `state` and in the URL hash; the simulation lives in Web Workers (RunController).
 */
export class GlocalApp extends LitElement {
  static override styles = appStyles;
  state: AppState = decodeState(location.hash);
  main = new RunController();
  /** The baseline run of compare mode (the main run then holds the policy). */
  baseline: RunController | null = null;
  /** The requests the runs were last started from (for the test handle). */
  private startedRuns: { main: RunRequestData | null; baseline: RunRequestData | null } = { main: null, baseline: null };
  geometry: MapGeometry | null = null;
  /** Every parameter's value in the main run (for the parameter panel). */
  effectiveParams: Record<string, ParamValue> = {};
  selected: number[] = [];
  /** What the inspector shows: a region, or an agent (with the region it is in). */
  inspected: { kind: AgentKind; id: number; region: number } | null = null;
  presentation = false;
  /** Colour-blind-safe palette of the choropleth. */
  palette: PaletteName = 'viridis';
  /** A run is being built (world-2019 takes seconds). */
  loading = true;
  /**
   * While loading, what the play button means: whether the run plays once it is built. A click
   * during a load changes this, so a pause pressed while world-2019 builds is not overridden.
   */
  playWhenReady = true;
  /** Bumped by every restart: a restart that a newer one overtook leaves the end to the newer one. */
  private restartGeneration = 0;
  announcement = '';
  message = '';
  error = '';
  lessonStep = 0;
  /** Bumped on every render so the side panels re-render with the app. */
  revision = 0;
  private lastAnnounce = 0;
  private resolveReady: () => void = () => {};
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  private frameHandle = 0;
  private lastDraw = 0;
  private lastFrame = 0;
  /** Whether the last animation frame drew a map, and the moving average gaps (ms) after frames with and without one. */
  private drewMap = false;
  /** When the user last pressed a pointer or a key (ms, performance.now()). */
  private lastInput = -Infinity;
  private gapAfterMap = 16;
  private gapWithoutMap = 16;

  override connectedCallback(): void {
    super.connectedCallback();
    window.glocal = {
      ready: this.ready,
      api: this.main.api,
      state: () => ({ ...this.state, week: this.main.week, exploratory: this.main.exploratory, loading: this.loading }),
      runs: () => structuredClone(this.startedRuns),
    };
    this.main.addEventListener('update', () => this.onRunUpdate());
    window.addEventListener('keydown', (e) => this.onKey(e));
    for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, () => (this.lastInput = performance.now()), { capture: true });
    window.addEventListener('hashchange', () => this.onHashChange());
    void this.boot();
  }

  private async boot(): Promise<void> {
    setLanguage(this.state.language);
    await this.updateComplete;
    // A link in compare mode opens in compare mode (with its scheme, if any).
    if (this.state.compare) await this.setCompare(true, false);
    await this.loadWorld();
    await this.restart(true);
    this.frameHandle = requestAnimationFrame((time) => this.loop(time));
  }

  maps(): GlocalMap[] {
    return Array.from(this.renderRoot.querySelectorAll('glocal-map'));
  }

  private async loadWorld(): Promise<void> {
    this.geometry = await worldGeometry(this.state.world);
    await this.updateComplete;
    for (const map of this.maps()) await map.setGeometry(this.geometry);
  }

  /** (Re)starts the run(s) from the state: the reset of the controls, and every change that needs one. */
  async restart(play = false): Promise<void> {
    const generation = ++this.restartGeneration;
    this.error = '';
    this.beginLoading(play);
    try {
      await this.startRuns();
    } catch (error) {
      // Bad input (e.g. a hand-edited link): say what was wrong and run without the additions.
      this.error = (error as Error).message;
      this.state = { ...this.state, params: {}, policy: [], shocks: [], scheme: '' };
      try {
        await this.startRuns();
      } catch {
        if (generation !== this.restartGeneration) return;
        this.loading = false;
        this.requestUpdate();
        return;
      }
    }
    const effectiveParams = await this.main.api.params();
    if (generation !== this.restartGeneration) return;
    this.effectiveParams = effectiveParams;
    this.loading = false;
    this.writeHash();
    this.drawMaps();
    this.resolveReady();
    if (this.playWhenReady) this.setPlaying(true);
    else this.requestUpdate();
  }

  /** Shows "loading" and stops the runs; the play button then sets `playWhenReady`. */
  private beginLoading(play: boolean): void {
    this.loading = true;
    this.playWhenReady = play;
    this.main.setPlaying(false);
    this.baseline?.setPlaying(false);
    this.requestUpdate();
  }

  /** Playing now, or going to play once the world being loaded is ready. */
  get playing(): boolean {
    return this.loading ? this.playWhenReady : this.main.playing;
  }

  /** What the play button shows: a pause shows at once, even with a worker call in flight. */
  get playPressed(): boolean {
    return this.playing;
  }

  /** Paused, with a worker call made before the pause still to land (the week may move once more). */
  get settling(): boolean {
    return !this.loading && (this.main.settling || Boolean(this.baseline?.settling));
  }

  private async startRuns(): Promise<void> {
    const main = runRequest(this.state);
    const baseline = this.baseline ? runRequest(this.state, false) : null;
    const starts = [this.main.start(buildRunSpec(main).spec)];
    if (this.baseline && baseline) starts.push(this.baseline.start(buildRunSpec(baseline).spec));
    this.startedRuns = { main, baseline };
    await Promise.all(starts);
  }

  /**
   * Every animation frame: ask the worker(s) for the weeks due, and draw the maps when they
   * changed and, while playing, for the moving flow dots. While playing, map frames are spaced by
   * what they cost (the frame gap after a map frame minus the gap after one without), so that
   * they take at most MAP_FRAME_BUDGET of the time and the controls stay responsive.
   */
  private loop(time: number): void {
    this.main.frame(time);
    this.baseline?.frame(time);
    this.measureFrame(time);
    const playing = this.main.playing;
    const quiet = performance.now() - this.lastInput < INPUT_QUIET_MS;
    const due = !quiet && (!playing || time - this.lastDraw >= this.mapFrameSpacing());
    if (due && playing) this.lastDraw = time;
    let drew = false;
    for (const map of this.maps()) drew = (map.view?.render(time, playing && due, due) ?? false) || drew;
    this.drewMap = drew;
    this.frameHandle = requestAnimationFrame((next) => this.loop(next));
  }

  /** Moving averages of the gap between animation frames: after a map frame, and after one without. */
  private measureFrame(time: number): void {
    if (this.lastFrame > 0) {
      const gap = Math.min(2000, time - this.lastFrame);
      if (this.drewMap) this.gapAfterMap = 0.8 * this.gapAfterMap + 0.2 * gap;
      else this.gapWithoutMap = 0.8 * this.gapWithoutMap + 0.2 * gap;
    }
    this.lastFrame = time;
  }

  /** The least time between two map frames while playing (ms). */
  mapFrameSpacing(): number {
    const cost = Math.max(0, this.gapAfterMap - this.gapWithoutMap);
    return Math.min(MAP_FRAME_MAX_SPACING_MS, cost / MAP_FRAME_BUDGET);
  }

  private onRunUpdate(): void {
    this.drawMaps();
    const now = performance.now();
    if (!this.main.playing || now - this.lastAnnounce > ANNOUNCE_EVERY_MS) this.announce();
    this.requestUpdate();
  }

  announce(): void {
    const { snapshot, series, info } = this.main;
    if (!snapshot || !series || !info) return;
    this.lastAnnounce = performance.now();
    const names = this.geometry?.regions.map((r) => r.name) ?? info.regions;
    this.announcement = describeState(snapshot, series, names, this.main.done);
  }

  drawMaps(): void {
    const [first, second] = this.maps();
    for (const map of [first, second]) if (map?.view) map.view.palette = this.palette;
    const left = this.baseline ?? this.main;
    if (first && left.snapshot) first.draw(left.snapshot, this.state.layer);
    if (second && this.baseline && this.main.snapshot) second.draw(this.main.snapshot, this.state.layer);
    for (const map of this.maps()) map.view?.setSelection(this.selected);
  }

  setPalette(palette: PaletteName): void {
    this.palette = palette;
    for (const map of this.maps()) {
      if (!map.view) continue;
      map.view.palette = palette;
      map.view.recolour();
    }
    this.requestUpdate();
  }

  writeHash(): void {
    const hash = encodeState(this.state);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  private onHashChange(): void {
    if (location.hash === encodeState(this.state)) return;
    const next = decodeState(location.hash);
    const worldChanged = next.world !== this.state.world;
    this.state = next;
    setLanguage(next.language);
    void (async () => {
      if (worldChanged) await this.loadWorld();
      await this.setCompare(next.compare, false);
      await this.restart(true);
    })();
  }

  // ---- controls --------------------------------------------------------------------------

  setPlaying(playing: boolean): void {
    if (this.loading) {
      this.playWhenReady = playing;
      this.requestUpdate();
      return;
    }
    this.main.setPlaying(playing);
    this.baseline?.setPlaying(playing);
    this.requestUpdate();
  }

  togglePlay(): void {
    this.setPlaying(!this.playing);
  }

  async stepOnce(): Promise<void> {
    this.setPlaying(false);
    if (this.loading) return;
    await Promise.all([this.main.step(1), this.baseline?.step(1)]);
    this.announce();
  }

  setSpeed(value: number): void {
    if (!Number.isFinite(value) || value <= 0) return;
    this.main.speed = value;
    if (this.baseline) this.baseline.speed = value;
    this.requestUpdate();
  }

  async setSeed(value: number): Promise<void> {
    if (!Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) return;
    this.state = { ...this.state, seed: value };
    await this.restart(this.playing);
  }

  async setWorld(world: string): Promise<void> {
    if (!WORLDS[world] || world === this.state.world) return;
    this.state = { ...this.state, world, scenario: WORLDS[world].defaultScenario, params: {}, policy: [], shocks: [], lesson: '', scheme: '' };
    this.selected = [];
    this.inspected = null;
    this.beginLoading(true);
    await this.loadWorld();
    await this.restart(this.playWhenReady);
  }

  async setScenario(scenario: string): Promise<void> {
    this.state = { ...this.state, scenario, shocks: [] };
    await this.restart(this.playing);
  }

  setLayer(layer: MapLayer): void {
    this.state = { ...this.state, layer };
    this.writeHash();
    this.drawMaps();
    this.requestUpdate();
  }

  setLanguageChoice(language: AppState['language']): void {
    this.state = { ...this.state, language };
    setLanguage(language);
    this.writeHash();
    this.announce();
    this.requestUpdate();
  }

  async setLesson(id: string): Promise<void> {
    const lesson = lessonById(id);
    this.lessonStep = 0;
    if (!lesson) {
      this.state = { ...this.state, lesson: '' };
      await this.restart(this.playing);
      return;
    }
    const worldChanged = lesson.world !== this.state.world;
    const scenario = typeof lesson.scenario === 'string' ? lesson.scenario : WORLDS[lesson.world].defaultScenario;
    const layer = (lesson.choropleth as MapLayer | undefined) ?? this.state.layer;
    this.state = { ...this.state, world: lesson.world, scenario, seed: lesson.seed, params: { ...(lesson.params ?? {}) }, policy: [], shocks: [], scheme: '', lesson: id, layer };
    if (worldChanged) await this.loadWorld();
    await this.restart(false);
    await this.runLessonAction(lesson.steps[0]?.action);
  }

  async gotoLessonStep(index: number): Promise<void> {
    const lesson = lessonById(this.state.lesson);
    if (!lesson || index < 0 || index >= lesson.steps.length) return;
    this.lessonStep = index;
    this.requestUpdate();
    await this.runLessonAction(lesson.steps[index].action);
  }

  private async runLessonAction(action: LessonAction | undefined): Promise<void> {
    if (!action) return;
    if (action.kind === 'play') this.setPlaying(true);
    else if (action.kind === 'pause') this.setPlaying(false);
    else if (action.kind === 'choropleth') this.setLayer(action.layer as MapLayer);
    else if (action.kind === 'reset') await this.restart(false);
    else if (action.kind === 'setParam') {
      this.state = { ...this.state, params: { ...this.state.params, [action.name]: action.value } };
      this.writeHash();
      this.requestUpdate();
    }
  }

  togglePresentation(): void {
    this.presentation = !this.presentation;
    document.documentElement.classList.toggle('presentation', this.presentation);
    this.toggleAttribute('presentation', this.presentation);
    this.requestUpdate();
  }

  async setCompare(on: boolean, restart = true): Promise<void> {
    if (on === Boolean(this.baseline)) return;
    // The scheme picker belongs to compare mode: leaving it drops the scheme.
    this.state = { ...this.state, compare: on, scheme: on ? this.state.scheme : '' };
    if (on) {
      this.baseline = new RunController();
      this.baseline.speed = this.main.speed;
      this.baseline.addEventListener('update', () => this.onRunUpdate());
    } else {
      this.baseline?.terminate();
      this.baseline = null;
    }
    this.requestUpdate();
    await this.updateComplete;
    if (this.geometry) for (const map of this.maps()) await map.setGeometry(this.geometry);
    if (restart) await this.restart(this.playing);
  }

  /**
   * Compare mode's scheme: a library scheme makes the policy run the scenario plus the scheme
   * (the policy added in the app is dropped, so the run is the scheme's alone); '' goes back to
   * the policy added in the app. Both runs restart from week 0 with the same seed.
   */
  async setScheme(name: string): Promise<void> {
    if (name === this.state.scheme || (name && !isLibraryScheme(this.state.world, name))) return;
    this.state = { ...this.state, scheme: name, policy: name ? [] : this.state.policy };
    await this.restart(this.playing);
  }

  async applyParams(params: Record<string, ParamValue>): Promise<void> {
    this.state = { ...this.state, params };
    await this.restart(this.playing);
  }

  /** Adds a policy setting at the current week: live in the worker, and in the state (link, export). */
  async addPolicy(setting: Omit<PolicySetting, 'week'>): Promise<void> {
    const item: PolicySetting = { ...setting, week: this.main.week };
    try {
      await this.main.api.addPolicy([item]);
    } catch (error) {
      this.error = (error as Error).message;
      this.requestUpdate();
      return;
    }
    this.main.exploratory = true;
    this.state = { ...this.state, policy: [...this.state.policy, item] };
    this.writeHash();
    this.requestUpdate();
  }

  /** Applies a shock from the current week on the selected regions (the hubs when none), live. */
  async applyShock(kind: ShockSetting['kind'], weeks: number): Promise<void> {
    const codes = this.selected.map((r) => this.main.info?.regions[r]).filter((c): c is string => Boolean(c));
    const target: ShockSetting['target'] = codes.length > 0 ? { regions: codes } : { hubs: true };
    const shock: ShockSetting = { kind, target, start: this.main.week, weeks: Math.max(1, Math.round(weeks)) };
    if (kind === 'lockdown') shock.capacityFactor = 0.4;
    if (kind === 'demand') shock.multiplier = 0.7;
    if (kind === 'logistics') Object.assign(shock, { leadTimeMultiplier: 2, freightMultiplier: 2 });
    try {
      await Promise.all([this.main.api.addShocks([shock]), this.baseline?.api.addShocks([shock])]);
    } catch (error) {
      this.error = (error as Error).message;
      this.requestUpdate();
      return;
    }
    this.main.exploratory = true;
    if (this.baseline) this.baseline.exploratory = true;
    this.state = { ...this.state, shocks: [...this.state.shocks, shock] };
    this.writeHash();
    this.requestUpdate();
  }

  selectRegion(pointer: MapPointer, additive: boolean): void {
    const r = pointer.region;
    if (additive) this.selected = this.selected.includes(r) ? this.selected.filter((x) => x !== r) : [...this.selected, r];
    else this.selected = [r];
    this.inspected = pointer.agent ? { ...pointer.agent, region: r } : { kind: 'region', id: r, region: r };
    this.drawMaps();
    this.requestUpdate();
  }

  clearSelection(): void {
    this.selected = [];
    this.inspected = null;
    this.drawMaps();
    this.requestUpdate();
  }

  // ---- share and export ------------------------------------------------------------------

  async share(): Promise<void> {
    this.writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
    } catch {
      // Clipboard refused (permissions, insecure origin): the link is shown instead.
    }
    this.message = `${t('linkCopied')} ${location.href}`;
    this.requestUpdate();
  }

  /**
   * indicators.csv, byte-identical to `glocal run --weeks <week>`'s when nothing changed since
   * reset. After a live change (policy added or shock applied while running) the file is named
   * `…-exploratory.csv` (same columns, no comment line, so every CSV reader still reads it) and a
   * sidecar `…-exploratory.json` says `"exploratory": true` and lists the live changes.
   */
  async exportCsv(): Promise<void> {
    const { info } = this.main;
    if (!info) return;
    await this.main.idle();
    const csv = await indicatorsCsv(this.main.api, info);
    const exploratory = this.main.exploratory;
    download(exportName(info, this.main.week, 'csv', exploratory), new Blob([csv], { type: 'text/csv' }));
    if (exploratory) {
      const note = { exploratory: true, reason: 'live changes after the last reset', liveChanges: { policy: this.state.policy, shocks: this.state.shocks }, scenario: scenarioFile(this.state) };
      download(exportName(info, this.main.week, 'json', true), new Blob([JSON.stringify(note, null, 2) + '\n'], { type: 'application/json' }));
    }
  }

  async exportPng(): Promise<void> {
    const map = this.maps()[0]?.view;
    if (!map || !this.main.info) return;
    download(exportName(this.main.info, this.main.week, 'png'), await map.png());
  }

  exportScenario(): void {
    const file = scenarioFile(this.state);
    const name = `glocal-${this.state.world}-${String(file.name).replace(/[^A-Za-z0-9_.+-]+/g, '_')}.json`;
    download(name, new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' }));
  }

  // ---- keyboard ----------------------------------------------------------------------------

  private onKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement | undefined;
    const typing = target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable);
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ' ' && target?.tagName !== 'BUTTON' && target?.tagName !== 'SUMMARY') {
      event.preventDefault();
      this.togglePlay();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      void this.stepOnce();
    } else if (event.key === 'Escape' && (this.selected.length > 0 || this.inspected)) {
      this.clearSelection();
    }
  }

  override render() {
    return renderApp(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frameHandle);
  }
}
customElements.define('glocal-app', GlocalApp);
