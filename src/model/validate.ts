import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './scenario.ts';
import type { WorldDefinition } from './world-definition.ts';
import { checkParamValue, describe } from '../sim/params/define.ts';
import { paramSpec, suggest } from './params/registry.ts';
import { INSTRUMENTS } from '../../agents/policymaker/index.ts';

/** One problem in an input file: where (a JSON path) and what was expected. */
export interface InputProblem {
  path: (string | number)[];
  message: string;
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

/** Turns a zod issue into a message that says what was expected and what was found. */
function messageFor(issue: z.core.$ZodIssue, input: unknown): string {
  const got = describe(input);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${issue.minimum} item(s), got ${Array.isArray(input) ? input.length : got}`
        : `expected a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${got}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `expected at most ${issue.maximum} item(s)`
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
export function checkScenario(json: unknown, world: WorldDefinition): ScenarioCheck {
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const problems: InputProblem[] = [];
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      if (issue.code === 'unrecognized_keys') {
        // One problem per unknown field, at the field itself (so its line can be named).
        for (const key of issue.keys) problems.push({ path: [...path, key], message: `unknown field "${key}"` });
        continue;
      }
      problems.push({ path, message: messageFor(issue, 'input' in issue ? issue.input : valueAt(json, issue.path)) });
    }
    return { ok: false, problems: dedupe(problems) };
  }
  const scenario = parsed.data;
  const problems: InputProblem[] = [];
  const codes = new Set(world.regions.map((r) => r.code));
  const checkTarget = (target: Scenario['shocks'][number]['target'], base: (string | number)[]) => {
    if (target === 'all') return;
    const lists: ['regions' | 'except', string[] | undefined][] = [
      ['regions', target.regions],
      ['except', target.except],
    ];
    for (const [key, list] of lists) {
      list?.forEach((code, i) => {
        if (!codes.has(code)) {
          problems.push({
            path: [...base, 'target', key, i],
            message: `unknown region "${code}"; expected a region code of world ${world.name}, e.g. ${world.regions
              .slice(0, 4)
              .map((r) => r.code)
              .join(', ')}`,
          });
        }
      });
    }
    target.blocs?.forEach((bloc, i) => {
      if (!world.blocs.includes(bloc)) {
        problems.push({
          path: [...base, 'target', 'blocs', i],
          message: `unknown bloc "${bloc}"; expected one of ${world.blocs.join(', ')}`,
        });
      }
    });
  };
  scenario.shocks.forEach((shock, i) => {
    checkTarget(shock.target, ['shocks', i]);
    for (const key of ['start', 'weeks'] as const) {
      const value = shock[key];
      if (Array.isArray(value) && value[0] > value[1]) {
        problems.push({ path: ['shocks', i, key], message: `expected [min, max] with min ≤ max, got [${value.join(', ')}]` });
      }
    }
  });
  scenario.policy.forEach((item, i) => {
    checkTarget(item.target, ['policy', i]);
    if (item.linked !== undefined && item.instrument !== 'training') {
      problems.push({ path: ['policy', i, 'linked'], message: `"linked" applies only to the training instrument` });
    }
  });
  for (const [name, value] of Object.entries(scenario.params ?? {})) {
    const spec = paramSpec(name);
    if (!spec) {
      problems.push({ path: ['params', name], message: `unknown parameter "${name}"${suggest(name)}` });
      continue;
    }
    const error = checkParamValue(spec, value);
    if (error) problems.push({ path: ['params', name], message: error });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario };
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
