/**
 * Drawn start values of community cells (MODEL.md §9.6; agents/community/start-spread.ts) against
 * hand-computed values, and the properties that keep each region's data: mean access, mean
 * literacy and mean internet use a · l equal the region's, every value in [1e-6, 1].
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { demean, removeProjection, shiftWithin, spreadStartValues } from '../../../agents/community/start-spread.ts';
import { initStream } from '../../../src/sim/rng/init-stream.ts';
import { HOM, threeRegions, tinyWorld } from './tiny-world.ts';

const mean = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v, 0) / x.length;

describe('§9.6 drawn start values of cells', () => {
  it('demeans, orthogonalises and shrinks as computed by hand', () => {
    const x = new Float64Array([1, 2, 6]);
    demean(x); // mean 3
    expect(Array.from(x)).toEqual([-2, -1, 3]);
    const y = new Float64Array([1, 0, -1]);
    const z = new Float64Array([-2, -1, 3]);
    removeProjection(z, y); // z·y = −5, y·y = 2, β = −2.5: z + 2.5 y
    expect(Array.from(z)).toEqual([0.5, -1, 0.5]);
    // Center 0.9: highest +0.5 would reach 1.4, so s = 0.1 / 0.5 = 0.2; values 0.9 + 0.2·d.
    const d = new Float64Array([0.5, -1, 0.5]);
    shiftWithin(d, 0.9);
    expect(d[0]).toBeCloseTo(1, 12);
    expect(d[1]).toBeCloseTo(0.7, 12);
    expect(d[2]).toBeCloseTo(1, 12);
    // Room on both sides: s = 1.
    const e = new Float64Array([0.1, -0.1]);
    shiftWithin(e, 0.5);
    expect(Array.from(e)).toEqual([0.6, 0.4]);
  });

  it('shrinks toward the floor as toward 1, finding the lowest and highest departure wherever they are', () => {
    // Center 0.2: lowest −0.4 would reach −0.2, so s = (0.2 − 1e-6) / 0.4; the highest (+0.3, last) has room.
    const d = new Float64Array([-0.4, 0.1, 0.3]);
    shiftWithin(d, 0.2);
    const s = (0.2 - 1e-6) / 0.4;
    expect(d[0]).toBeCloseTo(1e-6, 12);
    expect(d[1]).toBeCloseTo(0.2 + 0.1 * s, 12);
    expect(d[2]).toBeCloseTo(0.2 + 0.3 * s, 12);
    // Center 0.9, the highest first and the lowest last: s = 0.1 / 0.5 = 0.2.
    const f = new Float64Array([0.5, 0.2, -0.7]);
    shiftWithin(f, 0.9);
    expect(f[0]).toBeCloseTo(1, 12);
    expect(f[1]).toBeCloseTo(0.94, 12);
    expect(f[2]).toBeCloseTo(0.76, 12);
    // A region at 1 with no departures stays at 1 (no 0 / 0).
    const g = new Float64Array([0, 0]);
    shiftWithin(g, 1);
    expect(Array.from(g)).toEqual([1, 1]);
  });

  it('draws departures of sd `spread` where the bounds are far', () => {
    const n = 400;
    const a = new Float64Array(n);
    const l = new Float64Array(n);
    spreadStartValues(0.5, 0.5, 0.01, initStream(7, 'sd'), a, l);
    const sd = (x: Float64Array) => Math.sqrt(mean(Array.from(x, (v) => (v - 0.5) ** 2)));
    expect(sd(a)).toBeGreaterThan(0.008);
    expect(sd(a)).toBeLessThan(0.012);
    expect(sd(l)).toBeGreaterThan(0.008);
    expect(sd(l)).toBeLessThan(0.012);
  });

  it('gives one cell, or a spread of 0, its region’s values exactly', () => {
    const a = new Float64Array(1);
    const l = new Float64Array(1);
    spreadStartValues(0.3, 0.7, 0.2, initStream(1, 't'), a, l);
    expect([a[0], l[0]]).toEqual([0.3, 0.7]);
    const a3 = new Float64Array(3);
    const l3 = new Float64Array(3);
    spreadStartValues(0.3, 0.7, 0, initStream(1, 't'), a3, l3);
    expect(Array.from(a3)).toEqual([0.3, 0.3, 0.3]);
    expect(Array.from(l3)).toEqual([0.7, 0.7, 0.7]);
  });

  test.prop([fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 1000 })])(
    'keeps the region’s mean access, mean literacy and mean a · l, and every value in [1e-6, 1]',
    (n, access, literacy, spread, seed) => {
      const a = new Float64Array(n);
      const l = new Float64Array(n);
      spreadStartValues(access, literacy, spread, initStream(seed, 'prop'), a, l);
      expect(mean(a)).toBeCloseTo(access, 9);
      expect(mean(l)).toBeCloseTo(literacy, 9);
      expect(mean(Array.from(a, (v, k) => v * l[k]))).toBeCloseTo(access * literacy, 9);
      for (let k = 0; k < n; k++) {
        expect(a[k]).toBeGreaterThanOrEqual(0);
        expect(a[k]).toBeLessThanOrEqual(1 + 1e-12);
        expect(l[k]).toBeGreaterThanOrEqual(1e-6 - 1e-12);
        expect(l[k]).toBeLessThanOrEqual(1 + 1e-12);
      }
    },
  );

  it('makes the cells of a built world differ, with their region’s means, and differ again with another seed', () => {
    const definition = threeRegions({ cellsAtScaleOne: 9 });
    definition.regions[1].population = 1e6; // equal populations: three cells per region
    const starts = (seed: number) => {
      const world = tinyWorld(definition, {}, undefined, seed);
      const cells: number[] = [];
      for (let c = 0; c < world.cells.count; c++) if (world.cells.region[c] === HOM) cells.push(c);
      return { world, access: cells.map((c) => world.cells.access[c]), literacy: cells.map((c) => world.cells.literacy[c]) };
    };
    const one = starts(1);
    expect(Array.from(one.world.communityRegions.cellCount)).toEqual([3, 3, 3]);
    expect(new Set(one.access).size).toBe(3);
    expect(new Set(one.literacy).size).toBe(3);
    const spreadOff = tinyWorld(definition, { cellDigitalSpread: 0 }, undefined, 1);
    let a0 = 0;
    let l0 = 0;
    for (let c = 0; c < spreadOff.cells.count; c++) {
      if (spreadOff.cells.region[c] !== HOM) continue;
      a0 = spreadOff.cells.access[c];
      l0 = spreadOff.cells.literacy[c];
    }
    expect(mean(one.access)).toBeCloseTo(a0, 12);
    expect(mean(one.literacy)).toBeCloseTo(l0, 12);
    expect(starts(2).access).not.toEqual(one.access);
  });
});
