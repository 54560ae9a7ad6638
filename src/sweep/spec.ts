import { dirname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { describeProblems, type JsonInput } from '../cli/json-input.ts';
import { loadScenario, resolveWorld } from '../cli/run-inputs.ts';
import { canonicalJson, sha256 } from '../output/index.ts';
import { checkParamValue } from '../sim/params/define.ts';
import { paramSpec, suggest } from '../model/params/registry.ts';
import { INCOME_GROUPS, type WorldDefinition } from '../model/world-definition.ts';
import { GLOBAL_INDICATORS, REGIONAL_INDICATORS } from '../model/observe/indicators.ts';
import { LOSS_INDICATORS } from '../model/observe/losses.ts';
import type { InputProblem } from '../model/validate.ts';
import type { RunSpec } from '../model/simulation.ts';
import type { Scenario } from '../model/scenario.ts';
import { metricKey, type MetricRef, type SampledDesignSpec } from './contracts.ts';
import { designProblem, sampleDesign } from './designs/index.ts';
import { ConditionError, conditionFromItems, parseCondition, parseReference, referencesOf, type Condition } from './condition.ts';
import { problemsOf, sweepSpecSchema, type MetricInput, type SweepSpec } from './spec-schema.ts';
import { AGENT_TABLES, type AgentKindName } from '../model/observe/agent-tables.ts';
import packageJson from '../../package.json' with { type: 'json' };

export type FactorValue = number | boolean | string;

/** A validated sweep: everything needed to build the spec of any run, by run index. */
export interface SweepPlan {
  spec: SweepSpec;
  /** sha256 of the spec, the scenario, the world data and the package version. */
  specHash: string;
  definition: WorldDefinition;
  scenario: Scenario;
  scenarioName: string;
  factorNames: string[];
  /** Design points in point order; point i sets factor j to points[i][j]. */
  points: FactorValue[][];
  seeds: number[];
  weeks: number;
  paired: boolean;
  /** Metrics with every group spelled out, in column order. */
  metrics: MetricRef[];
  stop: Condition | null;
  /** Agent microdata to record (agents.parquet), or null. */
  agents: AgentSampling | null;
  design: SampledDesignSpec | null;
  designSeed: number;
  runCount: number;
}

/** Which agents' fields a sweep records, and how often (recorded weeks 0, every, 2·every, …). */
export interface AgentSampling {
  kind: AgentKindName;
  fields: string[];
  every: number;
}

/** Command-line overrides applied to the spec before it is checked and hashed. */
export interface SpecOverrides {
  weeks?: number;
  params?: Record<string, FactorValue>;
}

export function applyOverrides(value: unknown, overrides: SpecOverrides): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const spec = { ...(value as Record<string, unknown>) };
  if (overrides.weeks !== undefined) spec.weeks = overrides.weeks;
  if (overrides.params && Object.keys(overrides.params).length > 0) {
    const base = spec.params && typeof spec.params === 'object' ? (spec.params as Record<string, unknown>) : {};
    spec.params = { ...base, ...overrides.params };
  }
  return spec;
}

/** Parses and checks a sweep spec; any problem is a UserError listing paths and lines. */
export function resolveSweep(input: JsonInput, overrides: SpecOverrides = {}): SweepPlan {
  const json = applyOverrides(input.value, overrides);
  const parsed = sweepSpecSchema.safeParse(json);
  if (!parsed.success) throw new UserError(describeProblems(input, 'sweep spec', problemsOf(parsed.error, json)));
  const spec = parsed.data;
  const { definition } = resolveWorld(spec.world, spec.worldOptions);
  const problems: InputProblem[] = [];
  const scenarioArgument = scenarioPath(spec.scenario, input.label);
  const loaded = loadScenario(spec.world, scenarioArgument, spec.worldOptions);
  checkParams(spec, problems);
  const factors = factorPoints(spec, problems);
  const paired = spec.paired ?? loaded.scenario.shocks.length > 0;
  const metrics = expandMetrics(spec.metrics, definition, paired, problems);
  const stop = stopCondition(spec, definition, paired, problems);
  const agents = agentSampling(spec, problems);
  if (problems.length > 0) throw new UserError(describeProblems(input, 'sweep spec', problems));
  const seeds = typeof spec.seeds === 'number' ? Array.from({ length: spec.seeds }, (_, i) => i + 1) : spec.seeds;
  const specHash = sha256(
    canonicalJson({ glocal: packageJson.version, spec, scenario: loaded.scenario, world: sha256(canonicalJson(definition)) }),
  );
  const design = spec.design ? { type: spec.design.type, samples: spec.design.samples, ranges: spec.design.ranges, ...(spec.design.levels !== undefined ? { levels: spec.design.levels } : {}) } : null;
  return {
    spec,
    specHash,
    definition,
    scenario: loaded.scenario,
    // As written in the spec (not relative to the working folder), so a resume from elsewhere writes the same manifest.
    scenarioName: scenarioArgument !== spec.scenario ? `file:${spec.scenario}` : loaded.name,
    factorNames: factors.names,
    points: factors.points,
    seeds,
    weeks: spec.weeks ?? loaded.scenario.weeks ?? 520,
    paired,
    metrics,
    stop,
    agents,
    design,
    designSeed: spec.design?.seed ?? 1,
    runCount: factors.points.length * seeds.length,
  };
}

/** A scenario given as a path is relative to the spec file; a name is the world's scenario. */
function scenarioPath(scenario: string | undefined, specLabel: string): string | undefined {
  if (scenario === undefined || !(scenario.endsWith('.json') || scenario.includes('/'))) return scenario;
  return isAbsolute(scenario) ? scenario : resolve(dirname(specLabel), scenario);
}

function checkParams(spec: SweepSpec, problems: InputProblem[]): void {
  for (const [name, value] of Object.entries(spec.params ?? {})) {
    const problem = parameterProblem(name, value);
    if (problem) problems.push({ path: ['params', name], message: problem });
  }
  if (spec.recordEvery !== undefined && spec.params?.recordEvery !== undefined) {
    problems.push({ path: ['params', 'recordEvery'], message: 'recordEvery is set twice: keep the top-level "recordEvery"' });
  }
}

function parameterProblem(name: string, value: unknown): string | null {
  const spec = paramSpec(name);
  if (!spec) return `unknown parameter "${name}"${suggest(name)} (see glocal params)`;
  return checkParamValue(spec, value);
}

/** The design points of a checked spec (what `resolveSweep` computed), e.g. from a manifest. */
export function pointsOf(spec: SweepSpec): { names: string[]; points: FactorValue[][] } {
  const problems: InputProblem[] = [];
  const result = factorPoints(spec, problems);
  if (problems.length > 0) throw new Error(`spec has problems: ${problems.map((p) => p.message).join('; ')}`);
  return result;
}

/** Full factorial of the factors (the first factor varies slowest), or the design's points. */
function factorPoints(spec: SweepSpec, problems: InputProblem[]): { names: string[]; points: FactorValue[][] } {
  if (spec.design && spec.factors && Object.keys(spec.factors).length > 0) {
    problems.push({ path: ['design'], message: 'a spec has either "factors" or one "design", not both' });
    return { names: [], points: [[]] };
  }
  if (spec.design) return designPoints(spec.design, problems);
  const names = Object.keys(spec.factors ?? {});
  const levels = names.map((name) => factorLevels(name, spec.factors![name], problems));
  let points: FactorValue[][] = [[]];
  for (const values of levels) points = points.flatMap((point) => values.map((v) => [...point, v]));
  if (points.length * (typeof spec.seeds === 'number' ? spec.seeds : spec.seeds.length) > 10_000_000) {
    problems.push({ path: ['factors'], message: `the design has ${points.length} points: more than 10⁷ runs with the seeds` });
  }
  return { names, points };
}

function factorLevels(name: string, factor: NonNullable<SweepSpec['factors']>[string], problems: InputProblem[]): FactorValue[] {
  const path = ['factors', name];
  if (!paramSpec(name)) {
    problems.push({ path, message: `unknown parameter "${name}"${suggest(name)} (see glocal params)` });
    return [];
  }
  if ('values' in factor) {
    factor.values.forEach((value, i) => {
      const problem = parameterProblem(name, value);
      if (problem) problems.push({ path: [...path, 'values', i], message: problem });
    });
    if (new Set(factor.values).size !== factor.values.length) problems.push({ path: [...path, 'values'], message: 'values repeat' });
    return factor.values;
  }
  const values = steppedValues(factor.from, factor.step, factor.to);
  if (factor.to < factor.from) problems.push({ path: [...path, 'to'], message: `expected to ≥ from (${factor.from}), got ${factor.to}` });
  else if (values.length > 10_000) problems.push({ path: [...path, 'step'], message: `expected at most 10000 levels, got ${values.length}` });
  else {
    for (const key of ['from', 'to'] as const) {
      const problem = parameterProblem(name, key === 'from' ? values[0] : values[values.length - 1]);
      if (problem) problems.push({ path: [...path, key], message: problem });
    }
  }
  return values;
}

/** from, from + step, … up to `to` (inclusive, allowing for rounding), each rounded to 12 significant digits. */
export function steppedValues(from: number, step: number, to: number): number[] {
  const count = Math.min(10_001, Math.floor((to - from) / step + 1e-9) + 1);
  if (!(count >= 1)) return [];
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}

function designPoints(design: NonNullable<SweepSpec['design']>, problems: InputProblem[]): { names: string[]; points: FactorValue[][] } {
  let ok = true;
  for (const [name, [low, high]] of Object.entries(design.ranges)) {
    const spec = paramSpec(name);
    const path = ['design', 'ranges', name];
    if (!spec) problems.push({ path, message: `unknown parameter "${name}"${suggest(name)} (see glocal params)` });
    else if (spec.kind !== 'number' || spec.integer) problems.push({ path, message: `a sampled design needs continuous parameters; ${name} is ${spec.kind === 'number' ? 'an integer' : spec.kind === 'boolean' ? 'true/false' : 'a choice'}` });
    else if (low < spec.min || high > spec.max) problems.push({ path, message: `expected a range inside [${spec.min}, ${spec.max}]${spec.unit ? ` (${spec.unit})` : ''}, got [${low}, ${high}]` });
    else continue;
    ok = false;
  }
  const problem = designProblem(design);
  if (problem) problems.push({ path: ['design'], message: problem });
  if (!ok || problem) return { names: [], points: [[]] };
  const sampled = sampleDesign({ type: design.type, samples: design.samples, ranges: design.ranges, levels: design.levels }, design.seed ?? 1);
  return { names: sampled.factors, points: sampled.points };
}

interface IndicatorKind {
  scopes: readonly MetricRef['scope'][];
  pairedOnly: boolean;
}

/** Which scopes each indicator is recorded at (see the Recorder). */
function indicatorKinds(): Map<string, IndicatorKind> {
  const kinds = new Map<string, IndicatorKind>();
  for (const i of REGIONAL_INDICATORS) kinds.set(i.name, { scopes: i.headline ? ['global', 'bloc', 'incomeGroup', 'region'] : ['global', 'bloc', 'incomeGroup'], pairedOnly: false });
  for (const i of GLOBAL_INDICATORS) kinds.set(i.name, { scopes: ['global'], pairedOnly: false });
  for (const i of LOSS_INDICATORS) kinds.set(i.name, { scopes: i.name === 'lostDeliveriesShare' ? ['region'] : ['global', 'region'], pairedOnly: true });
  return kinds;
}

export function groupsOf(definition: WorldDefinition, scope: MetricRef['scope']): string[] {
  if (scope === 'global') return ['world'];
  if (scope === 'bloc') return definition.blocs.slice();
  if (scope === 'incomeGroup') return INCOME_GROUPS.slice();
  return definition.regions.map((r) => r.code);
}

/** Checks one reference; returns a problem message or null. */
function referenceProblem(ref: { indicator: string; scope: MetricRef['scope']; group?: string }, definition: WorldDefinition, paired: boolean): string | null {
  const kind = indicatorKinds().get(ref.indicator);
  if (!kind) return `unknown indicator "${ref.indicator}"; see the indicator table in docs/ODD.md`;
  if (kind.pairedOnly && !paired) return `${ref.indicator} is recorded only by paired runs (a scenario with shocks, or "paired": true)`;
  if (!kind.scopes.includes(ref.scope)) return `${ref.indicator} is recorded at scope ${kind.scopes.join(', ')}, not ${ref.scope}`;
  if (ref.group !== undefined && !groupsOf(definition, ref.scope).includes(ref.group)) {
    const groups = groupsOf(definition, ref.scope);
    return `unknown ${ref.scope} "${ref.group}"; expected one of ${groups.slice(0, 8).join(', ')}${groups.length > 8 ? ', …' : ''}`;
  }
  return null;
}

/** Metrics as references with every group spelled out; no group means every group of the scope. */
function expandMetrics(inputs: MetricInput[], definition: WorldDefinition, paired: boolean, problems: InputProblem[]): MetricRef[] {
  const out: MetricRef[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    let ref: { indicator: string; scope: MetricRef['scope']; group?: string };
    try {
      ref = typeof input === 'string' ? stringMetric(input) : { indicator: input.indicator, scope: input.scope ?? 'global', group: input.group };
    } catch (error) {
      problems.push({ path: ['metrics', i], message: (error as Error).message });
      return;
    }
    const problem = referenceProblem(ref, definition, paired);
    if (problem) {
      problems.push({ path: ['metrics', i], message: problem });
      return;
    }
    for (const group of ref.group !== undefined ? [ref.group] : groupsOf(definition, ref.scope)) {
      const metric = { indicator: ref.indicator, scope: ref.scope, group };
      if (seen.has(metricKey(metric))) continue;
      seen.add(metricKey(metric));
      out.push(metric);
    }
  });
  return out;
}

/** `fillRate`, `fillRate@region:CHN`, or `fillRate@region` (every region). */
function stringMetric(text: string): { indicator: string; scope: MetricRef['scope']; group?: string } {
  if (text.includes('@') && !text.includes(':')) {
    const ref = parseReference(`${text}:*`);
    return { indicator: ref.indicator, scope: ref.scope };
  }
  return parseReference(text);
}

function stopCondition(spec: SweepSpec, definition: WorldDefinition, paired: boolean, problems: InputProblem[]): Condition | null {
  if (spec.stop === undefined) return null;
  let condition: Condition;
  try {
    condition = typeof spec.stop === 'string' ? parseCondition(spec.stop) : conditionFromItems(spec.stop);
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    problems.push({ path: ['stop'], message: `${error.column > 0 ? `at column ${error.column}: ` : ''}${error.message}` });
    return null;
  }
  for (const ref of referencesOf(condition)) {
    const problem = referenceProblem(ref, definition, paired);
    if (problem) problems.push({ path: ['stop'], message: problem });
  }
  return condition;
}

/** The spec's `agents` block, checked against the fields each agent kind offers. */
function agentSampling(spec: SweepSpec, problems: InputProblem[]): AgentSampling | null {
  if (!spec.agents) return null;
  const { kind, fields, every } = spec.agents;
  const offered = Object.keys(AGENT_TABLES[kind].fields);
  fields.forEach((field, i) => {
    if (!offered.includes(field)) problems.push({ path: ['agents', 'fields', i], message: `unknown ${kind} field "${field}"; expected one of ${offered.join(', ')}` });
    else if (fields.indexOf(field) !== i) problems.push({ path: ['agents', 'fields', i], message: `field "${field}" is listed twice` });
  });
  return { kind, fields, every };
}

/** The run's point, seed index and seed (run = point × seedCount + seedIndex). */
export function runCoordinates(plan: SweepPlan, run: number): { point: number; seedIndex: number; seed: number } {
  const seedIndex = run % plan.seeds.length;
  return { point: Math.floor(run / plan.seeds.length), seedIndex, seed: plan.seeds[seedIndex] };
}

/** The engine's spec of one run of the sweep. */
export function runSpecOf(plan: SweepPlan, run: number): RunSpec {
  const { point, seed } = runCoordinates(plan, run);
  const params: Record<string, FactorValue> = { ...(plan.spec.params ?? {}) };
  if (plan.spec.recordEvery !== undefined) params.recordEvery = plan.spec.recordEvery;
  plan.factorNames.forEach((name, j) => (params[name] = plan.points[point][j]));
  return {
    world: plan.spec.world,
    worldOptions: plan.spec.worldOptions,
    scenarioName: plan.scenarioName,
    scenario: plan.scenario,
    seed,
    weeks: plan.weeks,
    params,
    paired: plan.paired,
  };
}
