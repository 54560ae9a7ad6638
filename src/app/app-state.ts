import { WORLDS } from '../../worlds/index.ts';
import type { RunRequestData } from '../worker/run-spec.ts';
import { MAP_LAYERS, type MapLayer } from '../worker/map-snapshot.ts';
import type { Language } from './lessons/types.ts';
import { lessonById } from './lessons/index.ts';
import { checkedLibraryScheme, isLibraryScheme, withScheme } from './scheme-library.ts';
import type { SchemeContent } from '../compare/scheme-check.ts';
import { MAX_WEEKS } from '../model/scenario.ts';

export type ParamValue = number | boolean | string;

/** A policy setting as a scenario file's `policy` item. */
export interface PolicySetting {
  week: number;
  target: 'all' | { regions?: string[]; blocs?: string[]; incomeGroups?: string[] };
  instrument: string;
  level: number;
  budgetPerYear?: number;
}

/** A shock as a scenario file's `shocks` item. */
export interface ShockSetting {
  kind: 'lockdown' | 'borderClosure' | 'demand' | 'logistics';
  target: 'all' | { regions?: string[]; hubs?: boolean };
  start: number;
  weeks: number;
  capacityFactor?: number;
  multiplier?: number;
  leadTimeMultiplier?: number;
  freightMultiplier?: number;
}

/** What the link encodes: everything that determines a run, plus the view. */
export interface AppState {
  world: string;
  scenario: string;
  seed: number;
  /** Parameter overrides (as `--set`). */
  params: Record<string, ParamValue>;
  /** Policy settings added in the app (on top of the scenario's). */
  policy: PolicySetting[];
  /** Shocks added in the app (on top of the scenario's). */
  shocks: ShockSetting[];
  layer: MapLayer;
  language: Language;
  lesson: string;
  compare: boolean;
  /**
   * Compare mode's library scheme (worlds/<world>/schemes/NAME.json) laid over the policy run;
   * '': the policy added in the app instead.
   */
  scheme: string;
  /** Weeks the run lasts; 0: the lesson's or the scenario's own length. */
  weeks: number;
}

export function defaultState(): AppState {
  return {
    world: 'two-hubs',
    scenario: WORLDS['two-hubs'].defaultScenario,
    seed: 1,
    params: {},
    policy: [],
    shocks: [],
    layer: 'access',
    language: 'en',
    lesson: '',
    compare: false,
    scheme: '',
    weeks: 0,
  };
}

/** The state as a URL hash (`#world=…&seed=…`); defaults are left out. */
export function encodeState(state: AppState): string {
  const query = new URLSearchParams();
  query.set('world', state.world);
  query.set('scenario', state.scenario);
  query.set('seed', String(state.seed));
  if (Object.keys(state.params).length > 0) query.set('params', JSON.stringify(state.params));
  if (state.policy.length > 0) query.set('policy', JSON.stringify(state.policy));
  if (state.shocks.length > 0) query.set('shocks', JSON.stringify(state.shocks));
  query.set('layer', state.layer);
  if (state.language !== 'en') query.set('lang', state.language);
  if (state.lesson) query.set('lesson', state.lesson);
  if (state.compare) query.set('compare', '1');
  if (state.scheme) query.set('scheme', state.scheme);
  if (state.weeks > 0) query.set('weeks', String(state.weeks));
  return `#${query.toString()}`;
}

function parseJson<T>(text: string | null, fallback: T, check: (value: unknown) => boolean): T {
  if (!text) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return check(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a hash written by `encodeState`; anything missing or invalid falls back to the default. */
export function decodeState(hash: string): AppState {
  const state = defaultState();
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const world = query.get('world');
  if (world && WORLDS[world]) {
    state.world = world;
    state.scenario = WORLDS[world].defaultScenario;
  }
  const scenario = query.get('scenario');
  if (scenario && Object.hasOwn(WORLDS[state.world].scenarios, scenario)) state.scenario = scenario;
  const seed = Number(query.get('seed'));
  if (query.has('seed') && Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1) state.seed = seed;
  state.params = parseJson(query.get('params'), {}, isRecord);
  state.policy = parseJson(query.get('policy'), [], Array.isArray);
  state.shocks = parseJson(query.get('shocks'), [], Array.isArray);
  const layer = query.get('layer');
  if (layer && (MAP_LAYERS as readonly string[]).includes(layer)) state.layer = layer as MapLayer;
  const lang = query.get('lang');
  if (lang === 'fr' || lang === 'es' || lang === 'en') state.language = lang;
  state.lesson = query.get('lesson') ?? '';
  state.compare = query.get('compare') === '1';
  // A scheme only in compare mode, and only one of this world's library (else none).
  const scheme = query.get('scheme');
  if (state.compare && scheme && isLibraryScheme(state.world, scheme)) state.scheme = scheme;
  const weeks = Number(query.get('weeks'));
  if (query.has('weeks') && Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS) state.weeks = weeks;
  return state;
}

/** The scenario before the app's additions: the lesson's own scenario object, or the built-in one. */
function baseScenario(state: AppState): { name: string; scenario: Record<string, unknown> } {
  const lesson = lessonById(state.lesson);
  if (lesson && lesson.world === state.world && typeof lesson.scenario === 'object') {
    return { name: `lesson-${lesson.id}`, scenario: { name: `lesson-${lesson.id}`, ...lesson.scenario } };
  }
  return { name: state.scenario, scenario: WORLDS[state.world].scenarios[state.scenario] as Record<string, unknown> };
}

/** The scheme laid over the policy run, checked as `glocal compare` checks it; throws its problems. */
function appliedScheme(state: AppState): SchemeContent | null {
  if (!state.scheme) return null;
  return checkedLibraryScheme(state.world, state.scheme, baseScenario(state).scenario, state.params);
}

/** The base scenario with the scheme (if any) laid over it, and the name that says so. */
function schemeScenario(state: AppState, withPolicy: boolean): { name: string; scenario: Record<string, unknown> } {
  const base = baseScenario(state);
  const scheme = withPolicy ? appliedScheme(state) : null;
  if (!scheme) return base;
  return { name: `${base.name} + ${scheme.name}`, scenario: withScheme(base.scenario, scheme) };
}

/**
 * The scenario the run uses: the built-in one by name when nothing was added (so `glocal run
 * --scenario NAME` reproduces it), else the scenario object with the scheme (policy run only),
 * the added shocks and the added policy (policy run only).
 */
export function runScenario(state: AppState, withPolicy = true): string | Record<string, unknown> {
  const policy = withPolicy ? state.policy : [];
  const { name, scenario: base } = schemeScenario(state, withPolicy);
  if (policy.length === 0 && state.shocks.length === 0) return name === state.scenario ? name : { ...base, name };
  return {
    ...base,
    name: `${name}+app`,
    shocks: [...((base.shocks as unknown[]) ?? []), ...state.shocks],
    policy: [...((base.policy as unknown[]) ?? []), ...policy],
  };
}

export function runRequest(state: AppState, withPolicy = true): RunRequestData {
  const lesson = lessonById(state.lesson);
  const weeks = state.weeks > 0 ? state.weeks : lesson && lesson.world === state.world ? lesson.weeks : undefined;
  return { world: state.world, scenario: runScenario(state, withPolicy), seed: state.seed, params: { ...state.params }, weeks };
}

/**
 * A scenario file that `glocal run --scenario FILE --seed SEED` accepts and that reproduces the
 * app's (policy) run: the scenario with the scheme, the added shocks and policy, and the
 * parameter overrides folded in.
 */
export function scenarioFile(state: AppState): Record<string, unknown> {
  const { name, scenario: base } = schemeScenario(state, true);
  const params = { ...((base.params as Record<string, ParamValue>) ?? {}), ...state.params };
  const weeks = runRequest(state).weeks;
  const file: Record<string, unknown> = {
    ...base,
    ...(weeks !== undefined ? { weeks } : {}),
    name: state.policy.length + state.shocks.length > 0 || Object.keys(state.params).length > 0 ? `${name}+app` : name,
    shocks: [...((base.shocks as unknown[]) ?? []), ...state.shocks],
    policy: [...((base.policy as unknown[]) ?? []), ...state.policy],
  };
  if (Object.keys(params).length > 0) file.params = params;
  return file;
}
