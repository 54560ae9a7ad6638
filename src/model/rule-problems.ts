import type { Rule } from './scenario.ts';
import type { InputProblem } from './validate.ts';
import { INCOME_GROUPS, type WorldDefinition } from './world-definition.ts';
import { GLOBAL_INDICATORS, REGIONAL_INDICATORS } from './observe/indicators.ts';
import { ConditionError, parseCondition, referencesOf, type IndicatorRef } from './observe/condition.ts';

/**
 * Problems of adaptive rules' conditions: text the grammar cannot parse (with the column), and
 * references to indicators, scopes or groups the run does not record. Targets, instruments and
 * levels are checked like policy items'.
 */
export function ruleConditionProblems(rules: readonly Rule[], world: WorldDefinition): InputProblem[] {
  const problems: InputProblem[] = [];
  rules.forEach((rule, i) => {
    const path = ['rules', i, 'when'];
    try {
      for (const ref of referencesOf(parseCondition(rule.when))) {
        const problem = referenceProblem(ref, world);
        if (problem) problems.push({ path, message: problem });
      }
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      problems.push({ path, message: `cannot read the condition${error.column > 0 ? ` at column ${error.column}` : ''}: ${error.message}` });
    }
  });
  return problems;
}

/** The scopes each indicator is recorded at (loss measures are left out: only paired runs record them). */
function recordedScopes(indicator: string): IndicatorRef['scope'][] | null {
  const regional = REGIONAL_INDICATORS.find((i) => i.name === indicator);
  if (regional) return regional.headline ? ['global', 'bloc', 'incomeGroup', 'region'] : ['global', 'bloc', 'incomeGroup'];
  return GLOBAL_INDICATORS.some((i) => i.name === indicator) ? ['global'] : null;
}

function groupsOf(world: WorldDefinition, scope: IndicatorRef['scope']): string[] {
  if (scope === 'global') return ['world'];
  if (scope === 'bloc') return world.blocs.slice();
  if (scope === 'incomeGroup') return INCOME_GROUPS.slice();
  return world.regions.map((r) => r.code);
}

function referenceProblem(ref: IndicatorRef, world: WorldDefinition): string | null {
  const scopes = recordedScopes(ref.indicator);
  if (!scopes) return `unknown indicator "${ref.indicator}"; expected an indicator of the indicator table in docs/ODD.md, e.g. fillRate`;
  if (!scopes.includes(ref.scope)) return `${ref.indicator} is recorded at scope ${scopes.join(', ')}, not ${ref.scope}`;
  const groups = groupsOf(world, ref.scope);
  if (!groups.includes(ref.group)) return `unknown ${ref.scope} "${ref.group}" in ${ref.indicator}@${ref.scope}:${ref.group}; expected one of ${groups.slice(0, 8).join(', ')}${groups.length > 8 ? ', …' : ''}`;
  return null;
}
