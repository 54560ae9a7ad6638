import { describe, expect, it } from 'vitest';
import { philox4x32 } from '../../src/sim/rng/philox.ts';
import { KeyedDraws } from '../../src/sim/rng/keyed.ts';

// Random123 tests/kat_vectors (DEShawResearch/random123), the three philox4x32 10 lines:
// counter (4 words), key (2 words), expected output (4 words).
const KNOWN_ANSWERS: [number[], number[], number[]][] = [
  [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
  [
    [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    [0xffffffff, 0xffffffff],
    [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  ],
  [
    [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    [0xa4093822, 0x299f31d0],
    [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  ],
];

describe('Philox4x32-10', () => {
  it.each(KNOWN_ANSWERS)('matches the Random123 known-answer vector %#', (counter, key, expected) => {
    const out = new Uint32Array(4);
    philox4x32(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out);
    expect(Array.from(out)).toEqual(expected);
  });

  it('gives uniform draws: chi-square over 64 bins within the 99.9% bound', () => {
    const draws = new KeyedDraws(12345, 'test.uniformity');
    const bins = new Float64Array(64);
    const n = 256_000;
    for (let i = 0; i < n; i++) bins[Math.floor(draws.uniform(i % 1000, Math.floor(i / 1000)) * 64)]++;
    const expected = n / 64;
    let chiSquare = 0;
    for (const count of bins) chiSquare += (count - expected) ** 2 / expected;
    // 63 degrees of freedom: the 0.999 quantile is 103.4.
    expect(chiSquare).toBeLessThan(103.4);
    // And not suspiciously perfect (0.001 quantile is 33.0).
    expect(chiSquare).toBeGreaterThan(33.0);
  });

  it('draws are a pure function of (seed, purpose, entity, tick, draw)', () => {
    const a = new KeyedDraws(7, 'sme.adopt');
    const b = new KeyedDraws(7, 'sme.adopt');
    const values = [a.uniform(3, 10), a.uniform(5, 10), a.uniform(3, 11, 2)];
    // Asked in another order, the same keys give the same values.
    expect([b.uniform(3, 11, 2), b.uniform(5, 10), b.uniform(3, 10)].reverse()).toEqual(values);
    expect(new KeyedDraws(8, 'sme.adopt').uniform(3, 10)).not.toBe(values[0]);
    expect(new KeyedDraws(7, 'sme.exit').uniform(3, 10)).not.toBe(values[0]);
  });

  it('normal draws have mean 0 and variance 1', () => {
    const draws = new KeyedDraws(99, 'test.normal');
    let sum = 0;
    let sumSquares = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = draws.normal(i, 0);
      sum += z;
      sumSquares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.02);
  });

  it('poisson draws have the requested mean', () => {
    const draws = new KeyedDraws(3, 'test.poisson');
    for (const mean of [0.3, 4, 50]) {
      let sum = 0;
      const n = 20_000;
      for (let i = 0; i < n; i++) sum += draws.poisson(i, 0, mean);
      expect(Math.abs(sum / n - mean)).toBeLessThan(4 * Math.sqrt(mean / n));
    }
  });
});
