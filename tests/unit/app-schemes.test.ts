/** Compare mode's scheme picker: the app offers the CLI's scheme library and lays a scheme over the policy run as `glocal compare` does. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeState, defaultState, encodeState, runRequest, scenarioFile, type AppState } from '../../src/app/app-state.ts';
import { librarySchemes } from '../../src/app/scheme-library.ts';
import { schemeLibrary } from '../../src/compare/scheme.ts';
import { buildRunSpec } from '../../src/worker/run-spec.ts';
import { WORLDS, WORLD_NAMES } from '../../worlds/index.ts';

const filesOf = (world: string) =>
  readdirSync(schemeLibrary(world))
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -5))
    .sort();
const schemeJson = (world: string, name: string) => JSON.parse(readFileSync(join(schemeLibrary(world), `${name}.json`), 'utf8')) as { description: string; policy: unknown[]; params?: Record<string, unknown> };
const compareState = (world: string, scheme: string): AppState => ({ ...defaultState(), world, scenario: WORLDS[world].defaultScenario, compare: true, scheme });
const scenarioOf = (request: ReturnType<typeof runRequest>) => (typeof request.scenario === 'string' ? WORLDS[request.world].scenarios[request.scenario] : request.scenario) as { policy?: unknown[]; params?: Record<string, unknown> };

describe('app: compare mode’s scheme library', () => {
  it.each(WORLD_NAMES)('offers every scheme file of %s, with its description', (world) => {
    const offered = librarySchemes(world);
    expect(offered.map((s) => s.name)).toEqual(filesOf(world));
    expect(offered.length).toBeGreaterThan(0);
    for (const s of offered) expect(s.description).toBe(schemeJson(world, s.name).description);
  });

  it.each(WORLD_NAMES.flatMap((world) => filesOf(world).map((name) => [world, name])))('%s/%s: the policy run is the scenario plus the scheme, the baseline the scenario alone', (world, name) => {
    const state = compareState(world, name);
    const scenario = WORLDS[world].scenarios[state.scenario] as { policy?: unknown[]; params?: Record<string, unknown> };
    const scheme = schemeJson(world, name);
    const policyRun = runRequest(state);
    expect(scenarioOf(policyRun).policy).toEqual([...(scenario.policy ?? []), ...scheme.policy]);
    expect(scenarioOf(policyRun).params ?? {}).toEqual({ ...(scenario.params ?? {}), ...(scheme.params ?? {}) });
    expect(runRequest(state, false)).toEqual(runRequest({ ...state, scheme: '' }, false));
    expect(runRequest(state, false).seed).toBe(policyRun.seed);
    // The worker accepts it, and the exported scenario file reproduces the policy run.
    expect(() => buildRunSpec(policyRun)).not.toThrow();
    const file = scenarioFile(state);
    expect(file.policy).toEqual(scenarioOf(policyRun).policy);
    expect(file.params).toEqual(scenarioOf(policyRun).params);
  });

  it('carries a scheme’s params into the policy run (adaptive-resilience), under the app’s own overrides', () => {
    const scheme = schemeJson('two-hubs', 'adaptive-resilience');
    expect(Object.keys(scheme.params ?? {}).length).toBeGreaterThan(0);
    const state = { ...compareState('two-hubs', 'adaptive-resilience'), params: { scale: 0.5 } };
    const request = runRequest(state);
    expect(scenarioOf(request).params).toMatchObject(scheme.params ?? {});
    expect(request.params).toEqual({ scale: 0.5 });
    expect(scenarioOf(runRequest(state, false)).params ?? {}).not.toMatchObject(scheme.params ?? {});
  });

  it('lays the scheme after the policy the app added, which the baseline leaves out too', () => {
    const added = { week: 3, target: 'all' as const, instrument: 'training', level: 0.2 };
    const state = { ...compareState('two-hubs', 'digital-infrastructure-with-training'), policy: [added] };
    const scheme = schemeJson('two-hubs', 'digital-infrastructure-with-training');
    expect(scenarioOf(runRequest(state)).policy).toEqual([...scheme.policy, added]);
    expect(runRequest(state, false).scenario).toBe('baseline');
  });

  it('survives the link, and an unknown scheme or one outside compare mode falls back to none', () => {
    const state = compareState('two-hubs', 'digital-infrastructure-with-training');
    const hash = encodeState(state);
    expect(hash).toContain('scheme=digital-infrastructure-with-training');
    expect(decodeState(hash)).toEqual(state);
    expect(decodeState(hash.replace('scheme=digital-infrastructure-with-training', 'scheme=no-such-scheme')).scheme).toBe('');
    expect(decodeState(hash.replace('compare=1', 'compare=0')).scheme).toBe('');
    expect(encodeState(defaultState())).not.toContain('scheme=');
  });

  it('without a scheme the runs are today’s (the scenario by name)', () => {
    const state = { ...defaultState(), compare: true };
    expect(runRequest(state).scenario).toBe('baseline');
    expect(runRequest(state, false).scenario).toBe('baseline');
  });
});
