/**
 * The scenario check of issue 11's lead-time limit: a logistics shock that would stretch some
 * lead time past MAX_LEAD_TIME_WEEKS is a problem at the shock's path. Apart from lead-times.ts
 * because it reads the parameter defaults (the registry imports the agent kinds, whose stores
 * import geography and lead-times: importing the registry there would be a cycle).
 */
import type { Scenario } from './scenario.ts';
import type { WorldDefinition } from './world-definition.ts';
import type { InputProblem } from './validate.ts';
import { defaultParams } from './params/registry.ts';
import { MAX_LEAD_TIME_WEEKS, longestRoute, shockedLeadTime, type LeadParams } from './lead-times.ts';

/** Lead-time parameters: defaults, then the world's, then the scenario's own. */
function leadParamsOf(scenario: Scenario, world: WorldDefinition): LeadParams {
  const params = { ...defaultParams() } as LeadParams;
  for (const own of [world.parameterDefaults ?? {}, scenario.params ?? {}]) {
    if (typeof own.handlingWeeks === 'number') params.handlingWeeks = own.handlingWeeks;
    if (typeof own.shipKmPerWeek === 'number') params.shipKmPerWeek = own.shipKmPerWeek;
  }
  return params;
}

/** One problem per logistics shock that would make some lead time exceed MAX_LEAD_TIME_WEEKS. */
export function leadTimeProblems(scenario: Scenario, world: WorldDefinition): InputProblem[] {
  const route = longestRoute(world, leadParamsOf(scenario, world));
  const problems: InputProblem[] = [];
  scenario.shocks.forEach((shock, i) => {
    if (shock.kind !== 'logistics') return;
    const weeks = shockedLeadTime(route.weeks, shock.leadTimeMultiplier);
    if (weeks <= MAX_LEAD_TIME_WEEKS) return;
    problems.push({
      path: ['shocks', i, 'leadTimeMultiplier'],
      message: `a lead-time multiplier of ${shock.leadTimeMultiplier} makes the lead time from ${route.from} to ${route.to} ${route.weeks} × ${shock.leadTimeMultiplier} ≈ ${weeks} weeks; the model holds at most ${MAX_LEAD_TIME_WEEKS} weeks (expected a multiplier ≤ ${Math.floor((MAX_LEAD_TIME_WEEKS / route.weeks) * 100) / 100})`,
    });
  });
  return problems;
}

