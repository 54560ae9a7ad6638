import type { z } from 'zod';
import { scenarioSchema, type PolicyItem, type Scenario, type Target } from './scenario.ts';
import { createRegionStore } from './regions.ts';
import { incomeQuartiles, selectRegions, type SelectionContext } from './selection.ts';
import type { WorldDefinition } from './world-definition.ts';
import { checkParamValue, describe as describeValue } from '../sim/params/define.ts';
import { paramSpec, suggest } from './params/registry.ts';
import { INSTRUMENTS } from '../../agents/policymaker/index.ts';
import { leadTimeProblems } from './lead-time-problems.ts';
import { ruleConditionProblems } from './rule-problems.ts';

/** One problem in an input file: where (a JSON path) and what was expected. */
export interface InputProblem {
  path: (string | number)[];
  message: string;
  /** Character offset in the file, when the path alone does not say which line (a duplicate key). */
  offset?: number;
}

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: InputProblem[] };

/** `shocks[1].weeks` from ['shocks', 1, 'weeks']. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${part}` : part;
  }
  return text || '(top level)';
}

const SHOCK_KINDS = ['lockdown', 'borderClosure', 'demand', 'logistics'];

/** A found value for a message, long texts cut short (a message never copies a huge field). */
function describe(value: unknown): string {
  if (typeof value === 'string' && value.length > 60) return `${JSON.stringify(value.slice(0, 40))}… (${value.length.toLocaleString('en')} characters)`;
  return describeValue(value);
}

/** Turns a zod issue into a message that says what was expected and what was found. */
function messageFor(issue: z.core.$ZodIssue, input: unknown): string {
  const got = describe(input);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return `expected a text of at least ${issue.minimum} character(s), got ${got}`;
      return issue.origin === 'array'
        ? `expected at least ${issue.minimum} item(s), got ${Array.isArray(input) ? input.length : got}`
        : `expected a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${got}`;
    case 'too_big':
      if (issue.origin === 'string') return `expected a text of at most ${Number(issue.maximum).toLocaleString('en')} characters, got ${got}`;
      return issue.origin === 'array'
        ? `expected at most ${Number(issue.maximum).toLocaleString('en')} item(s), got ${Array.isArray(input) ? input.length.toLocaleString('en') : got}`
        : `expected a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${got}`;
    case 'invalid_type':
      if (issue.expected === 'int') return `expected a whole number, got ${got}`;
      return `expected ${article(issue.expected)}, got ${input === undefined ? 'nothing (the field is required)' : got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value': {
      const last = issue.path[issue.path.length - 1];
      if (last === 'instrument') return `unknown instrument ${got}; expected one of ${INSTRUMENTS.join(', ')}`;
      if (last === 'kind') return `unknown shock kind ${got}; expected one of ${SHOCK_KINDS.join(', ')}`;
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    }
    case 'invalid_union':
      if ((issue as { note?: string }).note === 'No matching discriminator') {
        return `unknown shock kind ${describe((input as { kind?: unknown } | undefined)?.kind)}; expected one of ${SHOCK_KINDS.join(', ')}`;
      }
      return `expected ${unionExpectation(issue.path)}, got ${got}`;
    default:
      return issue.message;
  }
}

function unionExpectation(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === 'target') return `"all" or an object with regions, blocs, incomeGroups, hubs, incomeQuartiles or except`;
  if (last === 'capacityFactor') return 'a share in [0, 1] or a [min, max] range of shares';
  if (last === 'weeks' || last === 'start') return 'a whole number of weeks or a [min, max] range of them';
  return 'one of the allowed forms';
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Checks a parsed scenario JSON value: shape, types and ranges (zod), then against the world —
 * region codes and bloc names — and every parameter override against the schema.
 */
/** A smart sourcing node (§9.5) runs or does not: its level is 0 (off) or 1 (platform running). */
function switchLevelProblems(instrument: string, level: number, path: (string | number)[]): InputProblem[] {
  if (instrument !== 'smartSourcingNode' || level === 0 || level === 1) return [];
  return [{ path, message: `smartSourcingNode is 0 (off) or 1 (platform running), got ${level}` }];
}

export function checkScenario(json: unknown, world: WorldDefinition): ScenarioCheck {
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: shapeProblems(json, parsed.error.issues) };
  const scenario = parsed.data;
  const problems: InputProblem[] = [];
  scenario.shocks.forEach((shock, i) => {
    problems.push(...targetProblems(shock.target, ['shocks', i], world));
    for (const key of ['start', 'weeks'] as const) {
      const value = shock[key];
      if (Array.isArray(value) && value[0] > value[1]) {
        problems.push({ path: ['shocks', i, key], message: `expected [min, max] with min ≤ max, got [${value.join(', ')}]` });
      }
    }
  });
  scenario.policy.forEach((item, i) => {
    problems.push(...targetProblems(item.target, ['policy', i], world));
    if (item.linked !== undefined && item.instrument !== 'training') {
      problems.push({ path: ['policy', i, 'linked'], message: `"linked" applies only to the training instrument` });
    }
    problems.push(...switchLevelProblems(item.instrument, item.level, ['policy', i, 'level']));
  });
  (scenario.rules ?? []).forEach((rule, i) => {
    problems.push(...targetProblems(rule.target, ['rules', i], world));
    if (rule.linked !== undefined && rule.instrument !== 'training') {
      problems.push({ path: ['rules', i, 'linked'], message: `"linked" applies only to the training instrument` });
    }
    problems.push(...switchLevelProblems(rule.instrument, rule.level, ['rules', i, 'level']));
  });
  problems.push(...ruleConditionProblems(scenario.rules ?? [], world));
  problems.push(...paramProblems(scenario.params ?? {}), ...leadTimeProblems(scenario, world));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario };
}

/** zod's issues as path-precise problems: one per unknown field, at the field (so its line can be named). */
function shapeProblems(json: unknown, issues: readonly z.core.$ZodIssue[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: [...path, key], message: `unknown field "${key}"` });
      continue;
    }
    problems.push({ path, message: messageFor(issue, 'input' in issue ? issue.input : valueAt(json, issue.path)) });
  }
  return dedupe(problems);
}

/** Region codes and bloc names of a shock's or policy item's target that the world lacks. */
function targetProblems(target: Target, base: (string | number)[], world: WorldDefinition): InputProblem[] {
  if (target === 'all') return [];
  const problems: InputProblem[] = [];
  const codes = new Set(world.regions.map((r) => r.code));
  const examples = world.regions.slice(0, 4).map((r) => r.code).join(', ');
  for (const key of ['regions', 'except'] as const) {
    target[key]?.forEach((code, i) => {
      if (!codes.has(code)) {
        problems.push({ path: [...base, 'target', key, i], message: `unknown region "${code}"; expected a region code of world ${world.name}, e.g. ${examples}` });
      }
    });
  }
  target.blocs?.forEach((bloc, i) => {
    if (!world.blocs.includes(bloc)) {
      problems.push({ path: [...base, 'target', 'blocs', i], message: `unknown bloc "${bloc}"; expected one of ${world.blocs.join(', ')}` });
    }
  });
  return problems;
}

/** Parameter overrides that are unknown or out of their schema's range. */
function paramProblems(params: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [name, value] of Object.entries(params)) {
    const spec = paramSpec(name);
    if (!spec) {
      problems.push({ path: ['params', name], message: `unknown parameter "${name}"${suggest(name)}` });
      continue;
    }
    const error = checkParamValue(spec, value);
    if (error) problems.push({ path: ['params', name], message: error });
  }
  return problems;
}

function dedupe(problems: InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${formatPath(p.path)}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A region selection context from a world definition alone (no world built). */
function selectionContext(world: WorldDefinition): SelectionContext {
  const regions = createRegionStore(world);
  return { regions, blocs: world.blocs, quartiles: incomeQuartiles(regions) };
}

const firstWeek = (value: number | [number, number]) => (typeof value === 'number' ? value : value[0]);

/**
 * Items of a valid scenario that do nothing or conflict, for warnings (the run goes ahead): a
 * shock or policy item that starts after the run's last week, a target (of rules too) that selects no region,
 * and two settings of one instrument that hold in the same region at the same time (one then
 * overrides the other: both with a duration and overlapping, or starting the same week).
 */
export function scenarioWarnings(scenario: Scenario, world: WorldDefinition, weeks: number): InputProblem[] {
  const warnings: InputProblem[] = [];
  const context = selectionContext(world);
  const selected = (target: Target) => selectRegions(target, context);
  scenario.shocks.forEach((shock, i) => {
    const start = firstWeek(shock.start);
    if (start >= weeks) warnings.push({ path: ['shocks', i, 'start'], message: `starts at week ${start}, after the run's last week (${weeks - 1}): this shock does nothing` });
    if (selected(shock.target).length === 0) warnings.push({ path: ['shocks', i, 'target'], message: `selects no region of world ${world.name}: this shock does nothing` });
  });
  const policyRegions = scenario.policy.map((item) => selected(item.target));
  scenario.policy.forEach((item, i) => {
    if (item.week >= weeks) warnings.push({ path: ['policy', i, 'week'], message: `starts at week ${item.week}, after the run's last week (${weeks - 1}): this setting does nothing` });
    if (policyRegions[i].length === 0) warnings.push({ path: ['policy', i, 'target'], message: `selects no region of world ${world.name}: this setting does nothing` });
  });
  warnings.push(...policyOverlaps(scenario.policy, policyRegions, context.regions.codes));
  (scenario.rules ?? []).forEach((rule, i) => {
    if (selected(rule.target).length === 0) warnings.push({ path: ['rules', i, 'target'], message: `selects no region of world ${world.name}: this rule does nothing` });
  });
  return warnings;
}

function policyOverlaps(policy: PolicyItem[], regionsOf: number[][], codes: readonly string[]): InputProblem[] {
  const warnings: InputProblem[] = [];
  const end = (item: PolicyItem) => (item.weeks === undefined ? Infinity : item.week + item.weeks);
  for (let j = 0; j < policy.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = policy[i];
      const b = policy[j];
      if (a.instrument !== b.instrument) continue;
      const overlapStart = Math.max(a.week, b.week);
      const overlapEnd = Math.min(end(a), end(b));
      const conflicting = a.week === b.week || (a.weeks !== undefined && b.weeks !== undefined);
      if (!conflicting || overlapStart >= overlapEnd) continue;
      const inB = new Set(regionsOf[j]);
      const shared = regionsOf[i].filter((r) => inB.has(r));
      if (shared.length === 0) continue;
      const where = shared.slice(0, 5).map((r) => codes[r]).join(', ') + (shared.length > 5 ? ` and ${shared.length - 5} more` : '');
      const weeksText = overlapEnd === Infinity ? `from week ${overlapStart}` : `in weeks ${overlapStart}–${overlapEnd - 1}`;
      warnings.push({
        path: ['policy', j],
        message: `overlaps policy[${i}] (${a.instrument}) in ${where} ${weeksText}: policy[${j}]'s level ${b.level} overrides level ${a.level} there`,
      });
    }
  }
  return warnings;
}
