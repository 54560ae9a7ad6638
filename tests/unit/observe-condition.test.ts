/**
 * The condition grammar of src/model/observe/condition.ts, token by token: the parsed tree, the
 * exact error messages and columns, the structured form and evaluation at the boundaries of every
 * comparison. Expected trees and columns are written out by hand from the grammar in the file's
 * header (columns are 1-based character positions).
 */
import { describe, expect, it } from 'vitest';
import {
  ConditionError,
  conditionFromItems,
  evaluateCondition,
  parseCondition,
  parseReference,
  referencesOf,
  type Condition,
  type IndicatorRef,
} from '../../src/model/observe/condition.ts';

const g = (indicator: string): { kind: 'indicator'; ref: IndicatorRef } => ({ kind: 'indicator', ref: { indicator, scope: 'global', group: 'world' } });
const n = (value: number) => ({ kind: 'number' as const, value });
const leftOf = (text: string) => (parseCondition(text) as Extract<Condition, { kind: 'compare' }>).left;

/** The ConditionError `text` throws (fails the test when it parses). */
function errorOf(text: string): ConditionError {
  try {
    parseCondition(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ConditionError);
    return e as ConditionError;
  }
  throw new Error(`"${text}" parsed`);
}

describe('condition tokens', () => {
  it('reads every number form: integers, decimals, leading and trailing dots, exponents', () => {
    const right = (text: string) => (parseCondition(`week < ${text}`) as Extract<Condition, { kind: 'compare' }>).right;
    expect(right('12')).toEqual(n(12));
    expect(right('2.5')).toEqual(n(2.5));
    expect(right('3.')).toEqual(n(3));
    expect(right('.25')).toEqual(n(0.25));
    expect(right('1e3')).toEqual(n(1000));
    expect(right('1E+2')).toEqual(n(100));
    expect(right('2.5e-1')).toEqual(n(0.25));
    expect(right('.5E1')).toEqual(n(5));
    // Exponents of more than one digit, and signed exponents after a leading dot.
    expect(right('1e12')).toEqual(n(1e12));
    expect(right('.25e12')).toEqual(n(2.5e11));
    expect(right('.5e-1')).toEqual(n(0.05));
    expect(right('.5e+1')).toEqual(n(5));
  });

  it('reads names with underscores and digits, "week" only as a whole word, keywords only as whole words', () => {
    expect(parseCondition('_fill_rate2 > 0')).toEqual({ kind: 'compare', op: '>', left: g('_fill_rate2'), right: n(0) });
    expect(parseCondition('week > 0')).toEqual({ kind: 'compare', op: '>', left: { kind: 'week' }, right: n(0) });
    expect(parseCondition('weekly > 0')).toEqual({ kind: 'compare', op: '>', left: g('weekly'), right: n(0) });
    // "andy", "order" and "nothing" are indicator names, not "and", "or", "not".
    expect(parseCondition('andy < order')).toEqual({ kind: 'compare', op: '<', left: g('andy'), right: g('order') });
    expect(parseCondition('nothing == 1')).toEqual({ kind: 'compare', op: '==', left: g('nothing'), right: n(1) });
  });

  it('reads every operator with or without spaces (two-character operators before one-character ones)', () => {
    for (const op of ['<', '<=', '>', '>=', '==', '!='] as const) {
      expect(parseCondition(`week${op}3`)).toEqual({ kind: 'compare', op, left: { kind: 'week' }, right: n(3) });
      expect(parseCondition(`  week ${op} 3  `)).toEqual({ kind: 'compare', op, left: { kind: 'week' }, right: n(3) });
    }
  });

  it('reads a scoped reference up to the first space, parenthesis or operator character', () => {
    expect(parseCondition('smeAdoption@region:R01<0.5')).toEqual({
      kind: 'compare',
      op: '<',
      left: { kind: 'indicator', ref: { indicator: 'smeAdoption', scope: 'region', group: 'R01' } },
      right: n(0.5),
    });
    // Group names may hold "-", "." and ":" (the group is everything after the first ":").
    expect(parseCondition('(x@bloc:A-B.c>=1)')).toEqual({
      kind: 'compare',
      op: '>=',
      left: { kind: 'indicator', ref: { indicator: 'x', scope: 'bloc', group: 'A-B.c' } },
      right: n(1),
    });
    expect(leftOf('x@incomeGroup:high_income!=1')).toEqual({
      kind: 'indicator',
      ref: { indicator: 'x', scope: 'incomeGroup', group: 'high_income' },
    });
    expect(leftOf('x@global:world==1')).toEqual({ kind: 'indicator', ref: { indicator: 'x', scope: 'global', group: 'world' } });
  });
});

describe('condition trees', () => {
  it('keeps a single term bare, and nests "and" under "or"', () => {
    const a = { kind: 'compare', op: '<', left: g('a'), right: n(1) };
    const b = { kind: 'compare', op: '<', left: g('b'), right: n(2) };
    const c = { kind: 'compare', op: '<', left: g('c'), right: n(3) };
    expect(parseCondition('a < 1')).toEqual(a);
    expect(parseCondition('a < 1 or b < 2 and c < 3')).toEqual({ kind: 'or', terms: [a, { kind: 'and', terms: [b, c] }] });
    expect(parseCondition('a < 1 and b < 2 or c < 3')).toEqual({ kind: 'or', terms: [{ kind: 'and', terms: [a, b] }, c] });
    expect(parseCondition('a < 1 and b < 2 and c < 3')).toEqual({ kind: 'and', terms: [a, b, c] });
    expect(parseCondition('a < 1 or b < 2 or c < 3')).toEqual({ kind: 'or', terms: [a, b, c] });
    expect(parseCondition('(a < 1 or b < 2) and c < 3')).toEqual({ kind: 'and', terms: [{ kind: 'or', terms: [a, b] }, c] });
    expect(parseCondition('not not a < 1')).toEqual({ kind: 'not', term: { kind: 'not', term: a } });
    expect(parseCondition('not (a < 1 or b < 2)')).toEqual({ kind: 'not', term: { kind: 'or', terms: [a, b] } });
    expect(parseCondition('((a < 1))')).toEqual(a);
  });
});

describe('condition errors: message and column', () => {
  const ops = '(< <= > >= == !=)';
  it('names what was expected and what came', () => {
    const cases: [string, string, number][] = [
      // 'week' ends at column 4; the end is column text.length + 1.
      ['week', `expected a comparison ${ops}, got the end`, 5],
      // four spaces after "week": "1" is the 9th character.
      ['week    1', `expected a comparison ${ops}, got "1"`, 9],
      ['week <', 'expected a number, "week" or an indicator name, got the end', 7],
      ['week < and', 'expected a number, "week" or an indicator name, got "and"', 8],
      ['or < 1', 'expected a number, "week" or an indicator name, got "or"', 1],
      ['not < 1', 'expected a number, "week" or an indicator name, got "<"', 5],
      // "not" is a keyword, never an indicator name, on either side.
      ['week < not', 'expected a number, "week" or an indicator name, got "not"', 8],
      // A parenthesis is not a comparison operator.
      ['week ( 3', `expected a comparison ${ops}, got "("`, 6],
      ['week ) 3', `expected a comparison ${ops}, got ")"`, 6],
      ['week < 1 week', 'expected "and", "or" or the end, got "week"', 10],
      ['(week < 1', 'expected ")", got the end', 10],
      ['(week < 1 week', 'expected ")", got "week"', 11],
      // The unexpected character's column skips the spaces before it: "#" is the 9th character.
      ['week <  #', 'unexpected character "#"', 9],
      ['  ~', 'unexpected character "~"', 3],
      // An unknown scope is reported at the column of its reference: "x@planet:X" starts at 14.
      ['week > 1 and x@planet:X < 1', 'unknown scope "planet" in x@planet:X; expected one of global, bloc, incomeGroup, region', 14],
    ];
    for (const [text, message, column] of cases) {
      const error = errorOf(text);
      expect(error.message, text).toBe(message);
      expect(error.column, text).toBe(column);
      expect(error.name, text).toBe('ConditionError');
    }
  });

  it('ignores trailing whitespace (nothing left to read is not an error)', () => {
    expect(parseCondition('week < 1 \t ')).toEqual({ kind: 'compare', op: '<', left: { kind: 'week' }, right: n(1) });
  });
});

describe('parseReference', () => {
  it('defaults to the world, splits scope and group at the first colon, and rejects unknown scopes at column 0', () => {
    expect(parseReference('fillRate')).toEqual({ indicator: 'fillRate', scope: 'global', group: 'world' });
    expect(parseReference('fillRate@bloc:EU')).toEqual({ indicator: 'fillRate', scope: 'bloc', group: 'EU' });
    expect(parseReference('fillRate@region:R:1')).toEqual({ indicator: 'fillRate', scope: 'region', group: 'R:1' });
    let error: unknown;
    try {
      parseReference('fillRate@Region:R01');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConditionError);
    expect((error as ConditionError).column).toBe(0);
    expect((error as ConditionError).message).toBe('unknown scope "Region" in fillRate@Region:R01; expected one of global, bloc, incomeGroup, region');
  });
});

describe('structured conditions and references', () => {
  it('builds one comparison bare and several as a conjunction, with world defaults', () => {
    expect(conditionFromItems([{ indicator: 'fillRate', op: '<', value: 0.5 }])).toEqual({
      kind: 'compare',
      op: '<',
      left: g('fillRate'),
      right: n(0.5),
    });
    expect(
      conditionFromItems([
        { indicator: 'week', op: '>=', value: 10 },
        { indicator: 'smeAdoption', scope: 'region', group: 'R01', op: '!=', value: 0 },
      ]),
    ).toEqual({
      kind: 'and',
      terms: [
        { kind: 'compare', op: '>=', left: { kind: 'week' }, right: n(10) },
        { kind: 'compare', op: '!=', left: { kind: 'indicator', ref: { indicator: 'smeAdoption', scope: 'region', group: 'R01' } }, right: n(0) },
      ],
    });
  });

  it('lists indicators on either side, under "not", "and" and "or", and never "week" or numbers', () => {
    expect(referencesOf(parseCondition('1 < a'))).toEqual([g('a').ref]);
    expect(referencesOf(parseCondition('a < b@bloc:B'))).toEqual([g('a').ref, { indicator: 'b', scope: 'bloc', group: 'B' }]);
    expect(referencesOf(parseCondition('week < 3'))).toEqual([]);
    expect(referencesOf(parseCondition('not (week < 3 or c > 1) and d > week'))).toEqual([g('c').ref, g('d').ref]);
  });
});

describe('evaluation', () => {
  const values: Record<string, number> = { a: 2, b: 3 };
  const holds = (text: string, week = 5) => evaluateCondition(parseCondition(text), week, (ref) => values[ref.indicator] ?? NaN);

  it('compares at, below and above the boundary with every operator', () => {
    // a = 2.
    expect([holds('a < 1'), holds('a < 2'), holds('a < 3')]).toEqual([false, false, true]);
    expect([holds('a <= 1'), holds('a <= 2'), holds('a <= 3')]).toEqual([false, true, true]);
    expect([holds('a > 1'), holds('a > 2'), holds('a > 3')]).toEqual([true, false, false]);
    expect([holds('a >= 1'), holds('a >= 2'), holds('a >= 3')]).toEqual([true, true, false]);
    expect([holds('a == 1'), holds('a == 2'), holds('a == 3')]).toEqual([false, true, false]);
    expect([holds('a != 1'), holds('a != 2'), holds('a != 3')]).toEqual([true, false, true]);
  });

  it('reads both operands: indicators, the week and numbers on either side', () => {
    expect(holds('b > a')).toBe(true); // 3 > 2
    expect(holds('a > b')).toBe(false);
    expect(holds('week == 5')).toBe(true);
    expect(holds('5 == week', 6)).toBe(false);
    expect(holds('week > a', 3)).toBe(true); // 3 > 2
    expect(holds('week > a', 2)).toBe(false);
  });

  it('"and" needs every term, "or" any term, "not" flips', () => {
    expect(holds('a == 2 and b == 3')).toBe(true);
    expect(holds('a == 2 and b == 4')).toBe(false);
    expect(holds('a == 1 and b == 3')).toBe(false);
    expect(holds('a == 1 or b == 3')).toBe(true);
    expect(holds('a == 2 or b == 4')).toBe(true);
    expect(holds('a == 1 or b == 4')).toBe(false);
    expect(holds('not a == 2')).toBe(false);
    expect(holds('not a == 1')).toBe(true);
  });
});
