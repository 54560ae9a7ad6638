import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { designPointCount, designProblem, morrisDelta, morrisTrajectories, sampleDesign } from '../../src/sweep/designs/index.ts';
import { sobolPoints, SOBOL_MAX_DIMENSION } from '../../src/sweep/designs/sobol-sequence.ts';
import type { SampledDesignSpec } from '../../src/sweep/contracts.ts';

const PROPERTY_SETTINGS = { seed: 20261125, numRuns: 40 };

const ranges: Record<string, [number, number]> = {
  bassImitation: [0.1, 0.9],
  trainingBudget: [0, 1000],
  tariff: [-0.2, 0.3],
};

describe('Sobol sequence (Joe–Kuo new-joe-kuo-6.21201 direction numbers)', () => {
  it('gives the published first points (Joe & Kuo 2008; SciPy qmc.Sobol, scramble=False)', () => {
    const points = sobolPoints(8, 6);
    expect(points).toEqual([
      [0, 0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375, 0.125],
      [0.875, 0.875, 0.125, 0.375, 0.875, 0.625],
      [0.625, 0.125, 0.875, 0.625, 0.625, 0.875],
      [0.125, 0.625, 0.375, 0.125, 0.125, 0.375],
    ]);
  });

  it('matches the reference at later points and in high dimensions (×1024 to stay exact)', () => {
    const points = sobolPoints(1024, SOBOL_MAX_DIMENSION);
    const pick = (row: number[]) => [0, 1, 9, 19, 29, 40].map((d) => row[d] * 1024);
    expect(pick(points[100])).toEqual([424, 264, 712, 344, 744, 728]);
    expect(pick(points[1023])).toEqual([1, 771, 871, 327, 445, 647]);
  });

  it('is balanced: the first 2^m points put one point in each interval [i/2^m, (i+1)/2^m) of every dimension', () => {
    const m = 7;
    const points = sobolPoints(2 ** m, SOBOL_MAX_DIMENSION);
    for (let d = 0; d < SOBOL_MAX_DIMENSION; d++) {
      const strata = points.map((row) => Math.floor(row[d] * 2 ** m)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 2 ** m }, (_, i) => i));
    }
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSION + 1)).toThrow(/dimension must be an integer from 1 to 41/);
  });
});

describe('Latin hypercube', () => {
  const design: SampledDesignSpec = { type: 'lhs', samples: 50, ranges };

  it('has n points inside the ranges, factors in the order of ranges', () => {
    const { factors, points } = sampleDesign(design, 7);
    expect(factors).toEqual(Object.keys(ranges));
    expect(points).toHaveLength(50);
    for (const row of points) row.forEach((x, j) => expect(x >= ranges[factors[j]][0] && x <= ranges[factors[j]][1]).toBe(true));
  });

  it('is deterministic from the seed, and another seed gives other points', () => {
    expect(sampleDesign(design, 7)).toEqual(sampleDesign(design, 7));
    expect(sampleDesign(design, 8).points).not.toEqual(sampleDesign(design, 7).points);
  });

  test.prop([fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], PROPERTY_SETTINGS)(
    'is Latin: every factor has exactly one point in each of its n equal strata',
    (samples, factorCount, seed) => {
      const designRanges = Object.fromEntries(Array.from({ length: factorCount }, (_, j) => [`f${j}`, [j, j + 2 + j * 3] as [number, number]]));
      const { points } = sampleDesign({ type: 'lhs', samples, ranges: designRanges }, seed);
      expect(points).toHaveLength(samples);
      for (let j = 0; j < factorCount; j++) {
        const [low, high] = designRanges[`f${j}`];
        const strata = points.map((row) => Math.min(samples - 1, Math.floor(((row[j] - low) / (high - low)) * samples))).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: samples }, (_, i) => i));
      }
    },
  );
});

describe('Morris trajectories', () => {
  const design: SampledDesignSpec = { type: 'morris', samples: 12, ranges };
  const k = Object.keys(ranges).length;

  it('has r(k + 1) points, every coordinate on the p = 4 level grid of its range', () => {
    const { factors, points } = sampleDesign(design, 3);
    expect(points).toHaveLength(12 * (k + 1));
    expect(designPointCount(design)).toBe(12 * (k + 1));
    for (const row of points) {
      row.forEach((x, j) => {
        const [low, high] = ranges[factors[j]];
        const level = ((x - low) / (high - low)) * 3;
        expect(Math.abs(level - Math.round(level))).toBeLessThan(1e-9);
        expect(Math.round(level) >= 0 && Math.round(level) <= 3).toBe(true);
      });
    }
  });

  test.prop([fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom(2, 4, 6, 8), fc.integer({ min: 0, max: 2 ** 31 - 1 })], PROPERTY_SETTINGS)(
    'moves one factor at a time by exactly ±Δ = p/(2(p−1)), each factor once per trajectory',
    (r, factorCount, levels, seed) => {
      const delta = morrisDelta(levels);
      for (const trajectory of morrisTrajectories(r, factorCount, levels, seed)) {
        expect(trajectory.points).toHaveLength(factorCount + 1);
        expect([...trajectory.changed].sort((a, b) => a - b)).toEqual(Array.from({ length: factorCount }, (_, j) => j));
        for (let s = 0; s < factorCount; s++) {
          const before = trajectory.points[s];
          const after = trajectory.points[s + 1];
          const moved = before.map((x, j) => j).filter((j) => before[j] !== after[j]);
          expect(moved).toEqual([trajectory.changed[s]]);
          expect(Math.abs(Math.abs(after[moved[0]] - before[moved[0]]) - delta)).toBeLessThan(1e-12);
        }
        for (const row of trajectory.points) for (const x of row) expect(x >= 0 && x <= 1).toBe(true);
      }
    },
  );

  it('scales steps to the range: Δ = 2/3 of each range at p = 4', () => {
    const { factors, points } = sampleDesign(design, 3);
    for (let t = 0; t < 12; t++) {
      for (let s = 0; s < k; s++) {
        const before = points[t * (k + 1) + s];
        const after = points[t * (k + 1) + s + 1];
        const moved = before.map((_, j) => j).filter((j) => before[j] !== after[j]);
        expect(moved).toHaveLength(1);
        const [low, high] = ranges[factors[moved[0]]];
        expect(Math.abs(after[moved[0]] - before[moved[0]])).toBeCloseTo((2 / 3) * (high - low), 9);
      }
    }
  });

  it('is deterministic from the seed', () => {
    expect(sampleDesign(design, 3)).toEqual(sampleDesign(design, 3));
    expect(sampleDesign(design, 4).points).not.toEqual(sampleDesign(design, 3).points);
  });

  it('refuses an odd number of levels, where ±Δ would leave the grid', () => {
    expect(designProblem({ ...design, levels: 5 })).toMatch(/levels must be an even integer/);
    expect(() => sampleDesign({ ...design, levels: 5 }, 1)).toThrow(/even integer/);
  });
});

describe('Sobol design (Saltelli scheme)', () => {
  const design: SampledDesignSpec = { type: 'sobol', samples: 64, ranges };
  const k = Object.keys(ranges).length;

  it('has N(k + 2) points in blocks A, AB_1 … AB_k, B inside the ranges', () => {
    const { points } = sampleDesign(design, 1);
    expect(points).toHaveLength(64 * (k + 2));
    expect(designPointCount(design)).toBe(64 * (k + 2));
    for (let i = 0; i < 64; i++) {
      const block = points.slice(i * (k + 2), (i + 1) * (k + 2));
      const a = block[0];
      const b = block[k + 1];
      for (let j = 0; j < k; j++) {
        const ab = block[1 + j];
        ab.forEach((x, m) => expect(x).toBe(m === j ? b[m] : a[m]));
      }
    }
    const factors = Object.keys(ranges);
    for (const row of points) row.forEach((x, j) => expect(x >= ranges[factors[j]][0] && x <= ranges[factors[j]][1]).toBe(true));
  });

  it('takes A and B from the first and last k coordinates of a digitally shifted 2k-dimensional Sobol sequence', () => {
    const { points } = sampleDesign({ type: 'sobol', samples: 16, ranges: { x: [0, 1], y: [0, 1] } }, 1);
    const raw = sobolPoints(16, 4);
    // The shift is one XOR word per dimension: recover it from point 0 (the raw origin).
    const word = (u: number) => Math.round(u * 2 ** 32) >>> 0;
    const shift = [...points[0], ...points[3]].map(word);
    for (let i = 0; i < 16; i++) {
      const shifted = raw[i].map((u, d) => ((word(u) ^ shift[d]) >>> 0) / 2 ** 32);
      expect([...points[i * 4], ...points[i * 4 + 3]]).toEqual(shifted);
    }
    expect(points[0]).not.toEqual(points[3]); // A_0 ≠ B_0, unlike the unshifted sequence
    expect(points[4]).not.toEqual(points[7]);
  });

  it('keeps the balance of the sequence: 2^m base samples fill each of 2^m strata of every factor once', () => {
    const { points } = sampleDesign({ type: 'sobol', samples: 64, ranges: { x: [0, 1], y: [0, 1], z: [0, 1] } }, 5);
    for (const offset of [0, 4]) {
      for (let j = 0; j < 3; j++) {
        const strata = Array.from({ length: 64 }, (_, i) => Math.floor(points[i * 5 + offset][j] * 64)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: 64 }, (_, i) => i));
      }
    }
  });

  it('is deterministic from the seed, and another seed shifts it elsewhere', () => {
    expect(sampleDesign(design, 1)).toEqual(sampleDesign(design, 1));
    expect(sampleDesign(design, 2).points).not.toEqual(sampleDesign(design, 1).points);
  });

  it('refuses more factors than the direction numbers cover', () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, j) => [`f${j}`, [0, 1] as [number, number]]));
    expect(designProblem({ type: 'sobol', samples: 8, ranges: many })).toMatch(/at most 20 factors/);
  });
});
