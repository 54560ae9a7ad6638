/**
 * Philox4x32-10, the counter-based generator of Salmon et al. (2011, "Parallel random
 * numbers: as easy as 1, 2, 3"), checked against Random123's `kat_vectors`.
 *
 * A draw is a pure function of (key, counter): no state, so any agent's draw in any tick
 * can be computed in any order, on any worker, with the same result.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
// 16-bit halves of the multipliers, so the high word of a 32x32 product is exact in doubles.
const M0_HI = M0 >>> 16;
const M0_LO = M0 & 0xffff;
const M1_HI = M1 >>> 16;
const M1_LO = M1 & 0xffff;
const INV_2_16 = 1 / 65536;

/** High 32 bits of a * M for a uint32 `a`, exact (every intermediate stays below 2^53). */
function mulHi(a: number, mHi: number, mLo: number): number {
  const lowPart = a * mLo; // < 2^48
  const highPart = a * mHi; // < 2^48
  return Math.floor((highPart + Math.floor(lowPart * INV_2_16)) * INV_2_16) >>> 0;
}

/**
 * Computes Philox4x32-10 of counter (c0..c3) under key (k0, k1) and writes the four
 * output words into `out[0..3]`.
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
): void {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let key0 = k0 >>> 0;
  let key1 = k1 >>> 0;
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      key0 = (key0 + W0) >>> 0;
      key1 = (key1 + W1) >>> 0;
    }
    const hi0 = mulHi(x0, M0_HI, M0_LO);
    const lo0 = Math.imul(x0, M0) >>> 0;
    const hi1 = mulHi(x2, M1_HI, M1_LO);
    const lo1 = Math.imul(x2, M1) >>> 0;
    x0 = (hi1 ^ x1 ^ key0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ key1) >>> 0;
    x3 = lo0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
}
