import { UserError } from '../cli/errors.ts';
import { wholeNumberFlag } from '../cli/whole-number.ts';
import { loadScenario, parseOverrides, resolveWorld } from '../cli/run-inputs.ts';
import { leadTimeLimitMessage } from '../model/lead-times.ts';
import { ParamError, resolveParams } from '../model/params/registry.ts';
import { MAX_WEEKS, type Scenario } from '../model/scenario.ts';
import type { WorldDefinition } from '../model/world-definition.ts';
import { canonicalJson, sha256 } from '../output/index.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { headlineFor, metricsFor, type HeadlineIndicator } from './indicators.ts';
import { loadScheme, mergeScheme, type Scheme } from './scheme.ts';

/** What the user asked for (raw command-line text where it still needs checking). */
export interface CompareRequest {
  world: string;
  scenario?: string;
  schemes: string[];
  seeds: string | number;
  weeks?: string | number;
  set: string[];
  discount: string | number;
}

/** One arm: the baseline (the scenario alone) or the scenario with one scheme laid over it. */
export interface Arm {
  name: string;
  scenario: Scenario;
  scheme: Scheme | null;
}

/** A checked comparison: everything needed to run the arms and analyse them. */
export interface ComparePlan {
  world: string;
  definition: WorldDefinition;
  scenarioName: string;
  arms: Arm[];
  seeds: number;
  weeks: number;
  params: Record<string, number | boolean | string>;
  discount: number;
  paired: boolean;
  indicators: HeadlineIndicator[];
  metrics: string[];
  /** sha256 of what the runs depend on (not the discount rate: a new rate only rewrites the report). */
  runsHash: string;
}

export const BASELINE = 'baseline';

function rate(raw: string | number): number {
  const value = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UserError(`glocal: --discount expects an annual rate in [0, 1] (0.03 is 3% a year), got "${raw}"\nnothing was written.`);
  return value;
}

/** Checks every input (world, scenario, schemes, numbers, parameters) before anything is written. */
export function resolveCompare(request: CompareRequest): ComparePlan {
  const { definition } = resolveWorld(request.world);
  const loaded = loadScenario(request.world, request.scenario);
  const seeds = wholeNumberFlag(request.seeds, '--seeds', 2, 10_000, 30);
  const weeks = wholeNumberFlag(request.weeks, '--weeks', 1, MAX_WEEKS, loaded.scenario.weeks ?? 520);
  const discount = rate(request.discount);
  const params = parseOverrides(request.set, {});
  if (request.schemes.length === 0) throw new UserError('glocal: give at least one --scheme (a library name such as local-sourcing-subsidy, or a path)\nnothing was written.');
  const arms: Arm[] = [{ name: BASELINE, scenario: loaded.scenario, scheme: null }];
  for (const argument of request.schemes) {
    const scheme = loadScheme(argument, definition, loaded.scenario, params);
    if (arms.some((arm) => arm.name === scheme.name)) {
      throw new UserError(`glocal: scheme "${scheme.name}" is given twice${scheme.name === BASELINE ? ' (the name baseline is kept for the scenario alone)' : ''}; give each scheme once, under its own name\nnothing was written.`);
    }
    arms.push({ name: scheme.name, scenario: mergeScheme(loaded.scenario, scheme), scheme });
  }
  for (const arm of arms) checkParameters(arm, definition, params);
  const paired = loaded.scenario.shocks.length > 0;
  const indicators = headlineFor(paired);
  const runsHash = sha256(canonicalJson({ glocal: packageJson.version, world: request.world, arms: arms.map((a) => ({ name: a.name, scenario: a.scenario })), seeds, weeks, params }));
  return { world: request.world, definition, scenarioName: loaded.name, arms, seeds, weeks, params, discount, paired, indicators, metrics: metricsFor(indicators), runsHash };
}

/** The command-line parameters together with each arm's scenario (ranges, lead-time limits). */
function checkParameters(arm: Arm, definition: WorldDefinition, overrides: Record<string, number | boolean | string>): void {
  try {
    const params = resolveParams({ ...(arm.scenario.params ?? {}), ...overrides }, definition.parameterDefaults ?? {}, 'parameters');
    const limit = leadTimeLimitMessage(definition, params, arm.scenario);
    if (limit) throw new UserError(`glocal: invalid parameters for arm ${arm.name}: ${limit}\nnothing was written.`);
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    throw new UserError(`glocal: invalid parameters for arm ${arm.name}\n${error.problems.map((p) => `  at ${p.path}: ${p.message}`).join('\n')}\nnothing was written.`);
  }
}

/** The sweep spec of one arm (its scenario file sits beside it). */
export function armSpec(plan: ComparePlan, arm: Arm): Record<string, unknown> {
  return {
    description: `glocal compare arm "${arm.name}" (${arm.scheme ? arm.scheme.description : 'the scenario alone'})`,
    world: plan.world,
    scenario: `${arm.name}.scenario.json`,
    ...(Object.keys(plan.params).length > 0 ? { params: plan.params } : {}),
    seeds: plan.seeds,
    weeks: plan.weeks,
    metrics: plan.metrics,
    paired: plan.paired,
  };
}
