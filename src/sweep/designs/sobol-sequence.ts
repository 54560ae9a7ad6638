/**
 * The Sobol' low-discrepancy sequence (unscrambled, Gray-code order, 32 bits), with the
 * direction numbers of Joe & Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654: file new-joe-kuo-6.21201 (search
 * criterion 6), dimensions 2–41, as published at web.maths.unsw.edu.au/~fkuo/sobol/. The same
 * numbers drive SciPy's `qmc.Sobol(scramble=False)`; the first points are checked in
 * tests/sweep/designs.test.ts. Dimension 1 is the van der Corput sequence (all m = 1).
 */

/** Row of new-joe-kuo-6.21201: degree s of the primitive polynomial, its coefficients a, initial m_1…m_s. */
type DirectionRow = readonly [s: number, a: number, m: readonly number[]];

const JOE_KUO_6: readonly DirectionRow[] = [
  [1, 0, [1]], // d=2
  [2, 1, [1, 3]], // d=3
  [3, 1, [1, 3, 1]], // d=4
  [3, 2, [1, 1, 1]], // d=5
  [4, 1, [1, 1, 3, 3]], // d=6
  [4, 4, [1, 3, 5, 13]], // d=7
  [5, 2, [1, 1, 5, 5, 17]], // d=8
  [5, 4, [1, 1, 5, 5, 5]], // d=9
  [5, 7, [1, 1, 7, 11, 19]], // d=10
  [5, 11, [1, 1, 5, 1, 1]], // d=11
  [5, 13, [1, 1, 1, 3, 11]], // d=12
  [5, 14, [1, 3, 5, 5, 31]], // d=13
  [6, 1, [1, 3, 3, 9, 7, 49]], // d=14
  [6, 13, [1, 1, 1, 15, 21, 21]], // d=15
  [6, 16, [1, 3, 1, 13, 27, 49]], // d=16
  [6, 19, [1, 1, 1, 15, 7, 5]], // d=17
  [6, 22, [1, 3, 1, 15, 13, 25]], // d=18
  [6, 25, [1, 1, 5, 5, 19, 61]], // d=19
  [7, 1, [1, 3, 7, 11, 23, 15, 103]], // d=20
  [7, 4, [1, 3, 7, 13, 13, 15, 69]], // d=21
  [7, 7, [1, 1, 3, 13, 7, 35, 63]], // d=22
  [7, 8, [1, 3, 5, 9, 1, 25, 53]], // d=23
  [7, 14, [1, 3, 1, 13, 9, 35, 107]], // d=24
  [7, 19, [1, 3, 1, 5, 27, 61, 31]], // d=25
  [7, 21, [1, 1, 5, 11, 19, 41, 61]], // d=26
  [7, 28, [1, 3, 5, 3, 3, 13, 69]], // d=27
  [7, 31, [1, 1, 7, 13, 1, 19, 1]], // d=28
  [7, 32, [1, 3, 7, 5, 13, 19, 59]], // d=29
  [7, 37, [1, 1, 3, 9, 25, 29, 41]], // d=30
  [7, 41, [1, 3, 5, 13, 23, 1, 55]], // d=31
  [7, 42, [1, 3, 7, 3, 13, 59, 17]], // d=32
  [7, 50, [1, 3, 1, 3, 5, 53, 69]], // d=33
  [7, 55, [1, 1, 5, 5, 23, 33, 13]], // d=34
  [7, 56, [1, 1, 7, 7, 1, 61, 123]], // d=35
  [7, 59, [1, 1, 7, 9, 13, 61, 49]], // d=36
  [7, 62, [1, 3, 3, 5, 3, 55, 33]], // d=37
  [8, 14, [1, 3, 1, 15, 31, 13, 49, 245]], // d=38
  [8, 21, [1, 3, 5, 15, 31, 59, 63, 97]], // d=39
  [8, 22, [1, 3, 1, 11, 11, 11, 77, 249]], // d=40
  [8, 38, [1, 3, 1, 11, 27, 43, 71, 9]], // d=41
];

const BITS = 32;
/** Most dimensions this file supports (Saltelli's scheme uses 2k, so up to 20 factors). */
export const SOBOL_MAX_DIMENSION = JOE_KUO_6.length + 1;
/** At most 2³² − 1 points can be drawn with 32-bit direction numbers. */
const SCALE = 2 ** -BITS;

/** Direction numbers V[d][i] (i = 1…32), left-aligned in 32 bits. */
function directionNumbers(dimension: number): Uint32Array[] {
  const tables: Uint32Array[] = [];
  const first = new Uint32Array(BITS + 1);
  for (let i = 1; i <= BITS; i++) first[i] = (1 << (BITS - i)) >>> 0;
  tables.push(first);
  for (let d = 1; d < dimension; d++) {
    const [s, a, m] = JOE_KUO_6[d - 1];
    const v = new Uint32Array(BITS + 1);
    for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1] << (BITS - i)) >>> 0;
    for (let i = s + 1; i <= BITS; i++) {
      let value = (v[i - s] ^ (v[i - s] >>> s)) >>> 0;
      for (let k = 1; k <= s - 1; k++) if ((a >>> (s - 1 - k)) & 1) value = (value ^ v[i - k]) >>> 0;
      v[i] = value;
    }
    tables.push(v);
  }
  return tables;
}

/**
 * The first `count` points of the `dimension`-dimensional Sobol' sequence, starting with the
 * origin (as SciPy's unscrambled engine does); each point in [0, 1)^dimension. With
 * `digitalShift` (one 32-bit word per dimension), every point is XORed with it: a random digital
 * shift, which keeps the sequence's net (balance) properties (Dick & Pillichshammer 2010, §13).
 */
export function sobolPoints(count: number, dimension: number, digitalShift?: Uint32Array): number[][] {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
    throw new RangeError(`Sobol sequence: dimension must be an integer from 1 to ${SOBOL_MAX_DIMENSION}, got ${dimension}`);
  }
  if (!Number.isInteger(count) || count < 0 || count >= 2 ** BITS) throw new RangeError(`Sobol sequence: cannot draw ${count} points`);
  const v = directionNumbers(dimension);
  const state = new Uint32Array(dimension);
  const points: number[][] = [];
  for (let n = 0; n < count; n++) {
    if (n > 0) {
      // Gray-code update: flip the direction number of the lowest zero bit of n − 1.
      let c = 1;
      let value = n - 1;
      while (value & 1) {
        value = Math.floor(value / 2);
        c++;
      }
      for (let d = 0; d < dimension; d++) state[d] = (state[d] ^ v[d][c]) >>> 0;
    }
    points.push(Array.from(state, (x, d) => ((digitalShift ? x ^ digitalShift[d] : x) >>> 0) * SCALE));
  }
  return points;
}
