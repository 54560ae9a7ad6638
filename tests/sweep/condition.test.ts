import { describe, expect, it } from 'vitest';
import { ConditionError, conditionFromItems, evaluateCondition, parseCondition, referencesOf } from '../../src/sweep/condition.ts';
import type { MetricRef } from '../../src/sweep/contracts.ts';

const values: Record<string, number> = { fillRate: 0.4, 'smeAdoption@region:R01': 0.7, usageGini: 0.2 };
const lookup = (ref: MetricRef) => values[ref.scope === 'global' ? ref.indicator : `${ref.indicator}@${ref.scope}:${ref.group}`] ?? NaN;
const holds = (text: string, week = 12) => evaluateCondition(parseCondition(text), week, lookup);

describe('stop conditions (safe parser, no eval)', () => {
  it('compares indicators, week and numbers with every operator', () => {
    expect(holds('fillRate < 0.5')).toBe(true);
    expect(holds('fillRate <= 0.4')).toBe(true);
    expect(holds('fillRate > 0.4')).toBe(false);
    expect(holds('fillRate >= 0.41')).toBe(false);
    expect(holds('week == 12')).toBe(true);
    expect(holds('week != 12')).toBe(false);
    expect(holds('0.3 < fillRate')).toBe(true);
    expect(holds('smeAdoption@region:R01 > 0.5')).toBe(true);
    expect(holds('1e-1 < usageGini')).toBe(true);
  });

  it('binds "and" tighter than "or", and honours "not" and parentheses', () => {
    expect(holds('fillRate > 0.5 and week >= 10 or usageGini < 0.3')).toBe(true);
    expect(holds('fillRate > 0.5 and (week >= 10 or usageGini < 0.3)')).toBe(false);
    expect(holds('not fillRate > 0.5')).toBe(true);
    expect(holds('not (fillRate < 0.5 and week >= 10)')).toBe(false);
    expect(holds('fillRate < 0.5 and week >= 10', 9)).toBe(false);
  });

  it('treats an indicator never recorded as NaN: every comparison with it is false', () => {
    for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
      expect(holds(`lostSales ${op} 0`), op).toBe(false);
      expect(holds(`0 ${op} lostSales`), op).toBe(false);
    }
    expect(holds('fillRate != 0.5')).toBe(true); // a recorded value still compares as usual
    expect(holds('fillRate != 0.4')).toBe(false);
  });

  it('names the column of a syntax error', () => {
    const cases: [string, number, RegExp][] = [
      ['fillRate < ', 12, /expected a number/],
      ['fillRate 0.5', 10, /expected a comparison/],
      ['fillRate < 0.5 and', 19, /expected a number/],
      ['(fillRate < 0.5', 16, /expected "\)"/],
      ['fillRate < 0.5 )', 16, /expected "and", "or" or the end/],
      ['fillRate ~ 0.5', 10, /unexpected character "~"/],
      ['process.exit(1) > 0', 8, /unexpected character "\."/],
      ['fillRate@planet:X < 1', 1, /unknown scope "planet"/],
    ];
    for (const [text, column, message] of cases) {
      let error: unknown;
      try {
        parseCondition(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(ConditionError);
      expect((error as ConditionError).column, text).toBe(column);
      expect((error as ConditionError).message, text).toMatch(message);
    }
  });

  it('lists the indicators a condition reads, and builds the structured form as a conjunction', () => {
    const refs = referencesOf(parseCondition('fillRate < 0.5 or not smeAdoption@region:R01 > 0.5 and week > 3'));
    expect(refs).toEqual([
      { indicator: 'fillRate', scope: 'global', group: 'world' },
      { indicator: 'smeAdoption', scope: 'region', group: 'R01' },
    ]);
    const structured = conditionFromItems([
      { indicator: 'fillRate', op: '<', value: 0.5 },
      { indicator: 'week', op: '>=', value: 10 },
    ]);
    expect(evaluateCondition(structured, 10, lookup)).toBe(true);
    expect(evaluateCondition(structured, 9, lookup)).toBe(false);
  });
});
