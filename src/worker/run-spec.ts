import { WORLDS } from '../../worlds/index.ts';
import { checkScenario, formatPath } from '../model/validate.ts';
import { resolveParams, ParamError, type Params } from '../model/params/registry.ts';
import type { RunSpec } from '../model/simulation.ts';
import { MAX_WEEKS, type Scenario } from '../model/scenario.ts';

/** What a browser (or any DOM-free caller) asks for: the same inputs as `glocal run`. */
export interface RunRequestData {
  world: string;
  /** A built-in scenario name of the world, or a scenario object in the scenario-file format. */
  scenario: string | Record<string, unknown>;
  seed: number;
  /** Recorded weeks; default: the scenario's, else 520 (as the CLI). */
  weeks?: number;
  /** Parameter overrides (as `--set name=value`). */
  params: Record<string, number | boolean | string>;
  /** Same-seed reference run; default: true when the scenario has shocks (as the CLI). */
  paired?: boolean;
}

export interface BuiltRun {
  spec: RunSpec;
  /** Every parameter's value for this run. */
  params: Params;
}

/** Bad input for a run, with one line per problem (path first). */
export class RunSpecError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'RunSpecError';
  }
}

/**
 * Builds the RunSpec exactly as `resolveRun` in src/cli/run-inputs.ts does (same scenario
 * validation, same weeks default, same `paired` default, overrides kept apart from the
 * scenario's params), so a browser run and `glocal run` with the same inputs write the same
 * bytes. Pure and DOM-free: the app and tests can both call it.
 */
export function buildRunSpec(request: RunRequestData): BuiltRun {
  const entry = WORLDS[request.world];
  if (!entry) throw new RunSpecError([`world: unknown world "${request.world}"; expected one of ${Object.keys(WORLDS).join(', ')}`]);
  const definition = entry.definition(undefined);
  let raw: unknown;
  let scenarioName: string;
  if (typeof request.scenario === 'string') {
    if (!Object.hasOwn(entry.scenarios, request.scenario)) {
      throw new RunSpecError([`scenario: unknown scenario "${request.scenario}"; expected one of ${Object.keys(entry.scenarios).join(', ')}`]);
    }
    raw = JSON.parse(JSON.stringify(entry.scenarios[request.scenario]));
    scenarioName = request.scenario;
  } else {
    raw = request.scenario;
    scenarioName = typeof request.scenario.name === 'string' ? request.scenario.name : 'custom';
  }
  const check = checkScenario(raw, definition);
  if (!check.ok) throw new RunSpecError(check.problems.map((p) => `scenario.${formatPath(p.path)}: ${p.message}`));
  const scenario: Scenario = check.scenario;
  const seed = request.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new RunSpecError([`seed: expected a whole number in [0, 4294967295], got ${seed}`]);
  const weeks = request.weeks ?? scenario.weeks ?? 520;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) throw new RunSpecError([`weeks: expected a whole number in [1, ${MAX_WEEKS}], got ${weeks}`]);
  let params: Params;
  try {
    params = resolveParams({ ...(scenario.params ?? {}), ...request.params }, definition.parameterDefaults ?? {}, 'parameters');
  } catch (error) {
    if (error instanceof ParamError) throw new RunSpecError(error.problems.map((p) => `${p.path}: ${p.message}`));
    throw error;
  }
  const paired = request.paired ?? scenario.shocks.length > 0;
  return {
    spec: { world: request.world, worldOptions: undefined, scenarioName, scenario, seed, weeks, params: { ...request.params }, paired },
    params,
  };
}
