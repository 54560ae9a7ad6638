import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { bootstrapRatio, discountedSum, pairedEffect } from '../../src/compare/stats.ts';

/** Standard normal draws (Box–Muller) from a seeded stream. */
function normals(random: () => number, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const u = 1 - random();
    const v = random();
    out.push(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  return out;
}

/**
 * Synthetic paired experiments with a known effect: each seed has a large shared component (the
 * common random numbers) that the pairing removes, plus independent noise in each arm.
 */
function coverage(seeds: number, trials: number, effect: number, streamSeed: string): number {
  const random = seedrandom(streamSeed);
  let inside = 0;
  for (let trial = 0; trial < trials; trial++) {
    const shared = normals(random, seeds).map((z) => 10 + 5 * z);
    const baseline = shared.map((s) => s + normals(random, 1)[0] * 0.8);
    const scheme = shared.map((s) => s + effect + normals(random, 1)[0] * 0.8);
    const result = pairedEffect(scheme.map((v, i) => v - baseline[i]));
    if (result.low <= effect && effect <= result.high) inside++;
  }
  return inside / trials;
}

describe('paired comparison statistics', () => {
  it.each([
    [10, 'coverage-10'],
    [30, 'coverage-30'],
  ])('the 95%% paired-t interval covers a known effect in 93–97%% of 1,000 trials (%i seeds)', (seeds, streamSeed) => {
    const share = coverage(seeds, 1000, 0.37, streamSeed);
    expect(share).toBeGreaterThanOrEqual(0.93);
    expect(share).toBeLessThanOrEqual(0.97);
  });

  it('gives the mean difference, a symmetric interval and Cohen’s d_z', () => {
    const result = pairedEffect([1, 2, 3, 4]);
    expect(result.mean).toBe(2.5);
    // sd = 1.2910, se = 0.6455, t(0.975, 3) = 3.1824
    expect(result.high - result.mean).toBeCloseTo(3.182446 * 0.645497, 5);
    expect(result.mean - result.low).toBeCloseTo(result.high - result.mean, 12);
    expect(result.dz).toBeCloseTo(2.5 / 1.290994, 5);
  });

  it('treats differences equal up to rounding as a deterministic effect (zero width, no d_z)', () => {
    const result = pairedEffect([115384615.38461539, 115384615.38461538, 115384615.3846154]);
    expect(result.low).toBe(result.mean);
    expect(Number.isNaN(result.dz)).toBe(true);
  });

  it('bootstraps a cost ratio deterministically, with an interval around the plug-in value', () => {
    const random = seedrandom('ratio');
    const effects = normals(random, 30).map((z) => 2 + 0.3 * z);
    const costs = normals(random, 30).map((z) => 1000 + 50 * z);
    const first = bootstrapRatio(costs, effects, 'same-seed');
    const again = bootstrapRatio(costs, effects, 'same-seed');
    expect(again).toEqual(first);
    expect(first.low).toBeLessThan(first.value);
    expect(first.high).toBeGreaterThan(first.value);
    expect(first.value).toBeGreaterThan(400);
    expect(first.value).toBeLessThan(600);
  });

  it('discounts a weekly flow at an annual rate (one year of $1/week at 3%)', () => {
    const ticks = Array.from({ length: 53 }, (_, t) => t);
    const values = ticks.map(() => 1);
    expect(discountedSum(ticks, values, 0)).toBe(53);
    // week 52 is worth 1 / 1.03 exactly
    expect(discountedSum([52], [1], 0.03)).toBeCloseTo(1 / 1.03, 12);
    const total = discountedSum(ticks, values, 0.03);
    expect(total).toBeLessThan(53);
    expect(total).toBeGreaterThan(52);
  });
});
