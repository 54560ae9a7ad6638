import { z } from 'zod';
import { checkScenario, type InputProblem } from '../model/validate.ts';
import { SCENARIO_LIMITS, type PolicyItem, type Rule, type Scenario } from '../model/scenario.ts';
import type { WorldDefinition } from '../model/world-definition.ts';
import { budgetProblems } from './budget.ts';

/**
 * The checks of a scheme's content (docs/compare.md), free of files and Node so that the web
 * app's compare mode runs exactly the CLI's checks on the same library files. A scheme is a
 * policy timeline, adaptive rules (src/model/rules.ts) and parameter settings laid over a scenario.
 */
export const SCHEME_FIELDS = ['name', 'description', 'policy', 'rules', 'params'] as const;

const schemeShape = z.strictObject({
  name: z.string().min(1).max(SCENARIO_LIMITS.name).optional(),
  description: z.string().min(1).max(SCENARIO_LIMITS.description),
  policy: z.array(z.unknown()).max(SCENARIO_LIMITS.policy),
  rules: z.array(z.unknown()).max(SCENARIO_LIMITS.rules).optional(),
  params: z.unknown().optional(),
});

/** A checked scheme: what is laid over a scenario. */
export interface SchemeContent {
  /** The arm's name: the scheme's `name`, else the file name without .json. */
  name: string;
  description: string;
  policy: PolicyItem[];
  rules: Rule[];
  params: Record<string, number | boolean | string>;
}

export type SchemeCheck = { ok: true; scheme: SchemeContent } | { ok: false; problems: InputProblem[] };

/**
 * Checks a scheme's JSON against a (valid) scenario and the world: the scheme's own shape, its
 * policy items and params as a scenario's would be checked, then the merged scenario (params
 * together, lead times) and the budget rule. Every problem names a path in the scheme.
 */
export function checkScheme(json: unknown, fileName: string, world: WorldDefinition, scenario: Scenario, overrides: Record<string, unknown> = {}): SchemeCheck {
  const shape = schemeShape.safeParse(json);
  if (!shape.success) return { ok: false, problems: shapeProblems(json, shape.error) };
  const own = checkScenario(
    {
      policy: shape.data.policy,
      ...(shape.data.rules !== undefined ? { rules: shape.data.rules } : {}),
      ...(shape.data.params !== undefined ? { params: shape.data.params } : {}),
    },
    world,
  );
  if (!own.ok) return { ok: false, problems: own.problems };
  const armName = shape.data.name ?? fileName;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(armName) || armName.endsWith('.json')) {
    return { ok: false, problems: [{ path: shape.data.name !== undefined ? ['name'] : [], message: `the scheme's name "${armName}" names a folder of the results: expected letters, digits, ".", "_" or "-" (at most 100)` }] };
  }
  const scheme: SchemeContent = { name: armName, description: shape.data.description, policy: own.scenario.policy, rules: own.scenario.rules ?? [], params: own.scenario.params ?? {} };
  const merged = checkScenario(mergeScheme(scenario, scheme), world);
  if (!merged.ok) return { ok: false, problems: merged.problems.map((p) => schemeProblem(p, scenario)) };
  const budget = budgetProblems(merged.scenario, scenario.policy.length, (scenario.rules ?? []).length, world, overrides);
  if (budget.length > 0) return { ok: false, problems: budget };
  return { ok: true, scheme };
}

/** The scenario with the scheme laid over it: policy and rules appended, params overridden. */
export function mergeScheme(scenario: Scenario, scheme: Pick<SchemeContent, 'policy' | 'params' | 'name'> & { rules?: Rule[] }): Scenario {
  const params = { ...(scenario.params ?? {}), ...scheme.params };
  // No `rules` field when neither has rules, so a scheme without rules gives the same scenario bytes as before.
  const rules = [...(scenario.rules ?? []), ...(scheme.rules ?? [])];
  return {
    ...scenario,
    ...(scenario.name !== undefined ? { name: `${scenario.name} + ${scheme.name}` } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    shocks: scenario.shocks,
    policy: [...scenario.policy, ...scheme.policy],
    ...(rules.length > 0 ? { rules } : {}),
  };
}

/** A problem of the merged scenario, at its place in the scheme (policy items and rules after the scenario's). */
function schemeProblem(problem: InputProblem, scenario: Scenario): InputProblem {
  const [head, index, ...rest] = problem.path;
  if (head === 'policy' && typeof index === 'number' && index >= scenario.policy.length) {
    return { path: ['policy', index - scenario.policy.length, ...rest], message: problem.message };
  }
  const scenarioRules = (scenario.rules ?? []).length;
  if (head === 'rules' && typeof index === 'number' && index >= scenarioRules) {
    return { path: ['rules', index - scenarioRules, ...rest], message: problem.message };
  }
  if (head === 'params') return problem;
  return { path: [], message: `together with the scenario: at scenario ${problem.path.join('.')}: ${problem.message}` };
}

function shapeProblems(json: unknown, error: z.ZodError): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const why = key === 'shocks' ? 'a scheme holds no shocks (they belong to the scenario it is laid over)' : `expected only ${SCHEME_FIELDS.join(', ')}`;
        problems.push({ path: [...path, key], message: `unknown field "${key}": ${why}` });
      }
      continue;
    }
    const found = path.length > 0 && json && typeof json === 'object' ? (json as Record<string, unknown>)[String(path[0])] : json;
    const expected = path[0] === 'description' ? 'a text saying what the scheme represents' : path[0] === 'policy' ? 'a list of policy items' : path[0] === 'rules' ? 'a list of adaptive rules' : path[0] === 'name' ? 'a non-empty text' : 'a JSON object';
    problems.push({ path, message: `expected ${expected}, got ${found === undefined ? 'nothing (the field is required)' : JSON.stringify(found)?.slice(0, 60)}` });
  }
  return problems;
}
