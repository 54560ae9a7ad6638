import { describe, expect, it } from 'vitest';
import { money } from '../../src/compare/tables.ts';

describe('money in the comparison reports', () => {
  it('3 significant digits with k, M, bn and tn', () => {
    expect(money(0)).toBe('$0');
    expect(money(512.4)).toBe('$512');
    expect(money(0.0123)).toBe('$0.0123');
    expect(money(12_345)).toBe('$12.3 k');
    expect(money(-4_330_000)).toBe('−$4.33 M');
    expect(money(-1e-9)).toBe('−$0.000000001');
    expect(money(19.7e9)).toBe('$19.7 bn');
    expect(money(999e9)).toBe('$999 bn');
    expect(money(2.5e12)).toBe('$2.5 tn');
    // Each unit starts at its own power of ten.
    expect([1e3, 1e6, 1e9, 1e12].map(money)).toEqual(['$1 k', '$1 M', '$1 bn', '$1 tn']);
    expect([999.4, 999_400, 999.4e6, 999.4e9].map(money)).toEqual(['$999', '$999 k', '$999 M', '$999 bn']);
  });

  it('groups thousands where the figure passes the largest unit, and says n/a for what is not a number', () => {
    expect(money(1.15e15)).toBe('$1,150 tn');
    expect(money(4.87e18)).toBe('$4,870,000 tn');
    expect(money(Number.NaN)).toBe('n/a');
    expect(money(Number.POSITIVE_INFINITY)).toBe('n/a');
  });
});
