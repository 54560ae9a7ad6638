/**
 * Edge cases of src/model/observe/inequality.ts beyond engine.test.ts's hand values: all-zero
 * values, ignored non-positive weights, and negative sizes in the HHI.
 */
import { describe, expect, it } from 'vitest';
import { herfindahl, weightedGini } from '../../src/model/observe/inequality.ts';

describe('weightedGini edge cases', () => {
  it('is 0 when every value is 0 (no total to share), not 0/0', () => {
    expect(weightedGini([0, 0, 0], [1, 2, 3])).toBe(0);
    expect(weightedGini([0], [5])).toBe(0);
  });

  it('is 0 when the weighted total is negative', () => {
    expect(weightedGini([-1, -2], [1, 1])).toBe(0);
  });

  it('ignores negative weights as it ignores zero ones', () => {
    // Only [1, 2, 3, 4] with equal weights count: 0.25 (engine.test.ts's hand value).
    expect(weightedGini([1, 2, 3, 4, 100], [1, 1, 1, 1, -1])).toBeCloseTo(0.25, 12);
    // [0, 10] with weights [3, 1] = [0, 0, 0, 10]: 0.75; the −2-weighted 50 is left out.
    expect(weightedGini([50, 10, 0], [-2, 1, 3])).toBeCloseTo(0.75, 12);
  });

  it('a single positive-weight holder of everything among n equal weights: 1 − 1/n', () => {
    // Lorenz area: shares 1/n each, the curve stays at 0 until the last: area = (1/n)·(0 + 1) → G = 1 − 1/n.
    expect(weightedGini([0, 0, 0, 0, 7], [1, 1, 1, 1, 1])).toBeCloseTo(0.8, 12);
    expect(weightedGini([7, 0], [1, 1])).toBeCloseTo(0.5, 12);
  });
});

describe('herfindahl edge cases', () => {
  it('counts negative sizes as 0 in the total and the shares', () => {
    // Total max(0, ·): 2 + 0 + 2 = 4; shares 0.5, 0, 0.5 → 0.5.
    expect(herfindahl([2, -6, 2])).toBeCloseTo(0.5, 12);
    expect(herfindahl([-1, -2])).toBe(0);
  });
});
