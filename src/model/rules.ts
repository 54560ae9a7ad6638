import type { PolicyItem, Rule } from './scenario.ts';
import { selectRegions, type SelectionContext } from './selection.ts';
import { evaluateCondition, parseCondition, type Condition, type IndicatorRef } from './observe/condition.ts';

/**
 * Adaptive rules of scenarios and schemes (docs/compare.md#adaptive-rules). After each recorded
 * week the run evaluates every rule's condition on the values just recorded (no look-ahead);
 * a rule that fires sets its instrument in its regions from the next week on. Timeline items
 * apply first, then the active rules in list order (a later one overrides an earlier one).
 */

/** `until` of a setting that holds while its condition does (no end known yet). */
export const OPEN_END = 2_147_483_647;

/** One rule with its target resolved, and its state in the run. */
export interface ResolvedRule {
  condition: Condition;
  regions: number[];
  instrument: PolicyItem['instrument'];
  level: number;
  linked: boolean;
  budgetPerYear: number;
  /** Weeks the setting holds once fired; -1 = while the condition holds. */
  weeks: number;
  once: boolean;
  /** The setting holds in scenario weeks from ≤ week < until (both 0 before it first fires). */
  from: number;
  until: number;
  /** How often it fired. */
  fired: number;
}

/** The state of the rules that changes during a run (what a checkpoint keeps). */
export type RuleState = Pick<ResolvedRule, 'from' | 'until' | 'fired'>;

/** Resolves validated rules against the world's regions (conditions were checked on input). */
export function resolveRules(rules: readonly Rule[], context: SelectionContext): ResolvedRule[] {
  return rules.map((rule) => ({
    condition: parseCondition(rule.when),
    regions: selectRegions(rule.target, context),
    instrument: rule.instrument,
    level: rule.level,
    linked: rule.linked ?? false,
    budgetPerYear: rule.budgetPerYear ?? 0,
    weeks: rule.weeks ?? -1,
    once: rule.once ?? false,
    from: 0,
    until: 0,
    fired: 0,
  }));
}

/**
 * Evaluates every rule after recorded week `week`; `value` reads an indicator's latest recorded
 * value. A rule fires when its condition holds and its setting does not hold next week already.
 */
export function evaluateRules(rules: readonly ResolvedRule[], week: number, value: (ref: IndicatorRef) => number): void {
  const next = week + 1;
  for (const rule of rules) {
    const holds = evaluateCondition(rule.condition, week, value);
    const activeNext = rule.from <= next && next < rule.until;
    if (holds && !activeNext && !(rule.once && rule.fired > 0)) {
      rule.from = next;
      rule.until = rule.weeks < 0 ? OPEN_END : next + rule.weeks;
      rule.fired++;
    } else if (!holds && rule.weeks < 0 && activeNext) {
      rule.until = next;
    }
  }
}

/** Whether a rule's setting holds in scenario week `week`. */
export function ruleActive(rule: ResolvedRule, week: number): boolean {
  return rule.from <= week && week < rule.until;
}

export function ruleStates(rules: readonly ResolvedRule[]): RuleState[] {
  return rules.map(({ from, until, fired }) => ({ from, until, fired }));
}

export function restoreRuleStates(rules: ResolvedRule[], states: readonly RuleState[]): void {
  rules.forEach((rule, i) => Object.assign(rule, states[i]));
}
