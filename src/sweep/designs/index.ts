import type { DesignPoints, SampleDesign, SampledDesignSpec } from '../contracts.ts';
import { initStream, type InitStream } from '../../sim/rng/init-stream.ts';
import { sobolPoints, SOBOL_MAX_DIMENSION } from './sobol-sequence.ts';

/**
 * Sampled designs of a sweep: Latin hypercube, Morris elementary-effects trajectories and Sobol
 * (Saltelli's scheme). Each is generated in the unit cube [0, 1]^k and then scaled to the
 * factors' ranges; every draw comes from a seeded stream (src/sim/rng), never Math.random, so
 * the same design and seed give the same points everywhere.
 */

/** Default Morris grid levels p (Morris 1991; Campolongo, Cariboni & Saltelli 2007). */
export const MORRIS_DEFAULT_LEVELS = 4;
/** Most factors a Sobol design takes (Saltelli's scheme uses a 2k-dimensional sequence). */
export const SOBOL_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSION / 2);

/** Points in the unit cube, one row per design point, in run order. */
export type UnitPoints = number[][];

/** Morris step Δ = p / (2(p − 1)) on the unit scale (2/3 for p = 4). */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/** Number of points a design produces (LHS: n; Morris: r(k + 1); Sobol: N(k + 2)). */
export function designPointCount(design: SampledDesignSpec): number {
  const k = Object.keys(design.ranges).length;
  if (design.type === 'lhs') return design.samples;
  if (design.type === 'morris') return design.samples * (k + 1);
  return design.samples * (k + 2);
}

/** A message for a design that cannot be sampled, or null (the runner's spec check adds the path). */
export function designProblem(design: SampledDesignSpec): string | null {
  const k = Object.keys(design.ranges).length;
  if (k < 1) return 'a design needs at least one factor in `ranges`';
  if (!Number.isInteger(design.samples) || design.samples < 1) return `samples must be an integer ≥ 1, got ${design.samples}`;
  for (const [name, [low, high]] of Object.entries(design.ranges)) {
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) return `ranges.${name} must be [min, max] with min < max, got [${low}, ${high}]`;
  }
  if (design.type === 'morris') {
    const p = design.levels ?? MORRIS_DEFAULT_LEVELS;
    if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) return `levels must be an even integer ≥ 2 (Δ = p/(2(p−1)) stays on the grid), got ${p}`;
  }
  if (design.type === 'sobol' && k > SOBOL_MAX_FACTORS) return `a Sobol design takes at most ${SOBOL_MAX_FACTORS} factors, got ${k}`;
  return null;
}

/** Fisher–Yates shuffle of 0…n−1 from a seeded stream. */
function permutation(n: number, rng: InitStream): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.integer(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Latin hypercube: each factor's n strata [i/n, (i+1)/n) hold exactly one point, jittered inside. */
export function latinHypercubeUnit(samples: number, factorCount: number, seed: number): UnitPoints {
  const rng = initStream(seed, 'design.lhs');
  const columns = Array.from({ length: factorCount }, () => permutation(samples, rng).map((stratum) => (stratum + rng.uniform()) / samples));
  return Array.from({ length: samples }, (_, i) => columns.map((column) => column[i]));
}

/** One Morris trajectory as its k + 1 unit points and the factor changed at each step. */
export interface MorrisTrajectory {
  points: UnitPoints;
  /** changed[s] is the factor moved between points s and s + 1. */
  changed: number[];
}

/**
 * Morris (1991) trajectories B* = J·x* + (Δ/2)[(2B − J)D* + J]P*: a random base x* on the grid
 * {0, 1/(p−1), …, 1 − Δ}, random directions D* = ±1 and a random factor order P*; each step moves
 * one factor by ±Δ and every point stays on the p-level grid in [0, 1].
 */
export function morrisTrajectories(trajectories: number, factorCount: number, levels: number, seed: number): MorrisTrajectory[] {
  const rng = initStream(seed, 'design.morris');
  const stepLevels = levels / 2; // Δ = p/(2(p−1)) is p/2 grid steps
  const result: MorrisTrajectory[] = [];
  for (let t = 0; t < trajectories; t++) {
    // Grid levels, as integers so every point lands exactly on {0, 1/(p−1), …, 1}.
    const base = Array.from({ length: factorCount }, () => rng.integer(0, stepLevels - 1));
    const direction = Array.from({ length: factorCount }, () => (rng.uniform() < 0.5 ? -1 : 1));
    const order = permutation(factorCount, rng);
    let current = base.map((level, j) => (direction[j] > 0 ? level : level + stepLevels));
    const toUnit = (row: number[]) => row.map((level) => level / (levels - 1));
    const points: UnitPoints = [toUnit(current)];
    for (const factor of order) {
      current = current.slice();
      current[factor] += direction[factor] * stepLevels;
      points.push(toUnit(current));
    }
    result.push({ points, changed: order });
  }
  return result;
}

/**
 * Saltelli's (2002, 2010) scheme on a Sobol' sequence of dimension 2k: row i of A is the first k
 * coordinates of point i, row i of B the last k; AB_j is A with column j from B. Points are in
 * blocks of k + 2 per base sample i: A_i, AB_1,i … AB_k,i, B_i (as SALib orders them). The
 * sequence gets a random digital shift drawn from the seed: unshifted, its first two points
 * have A = B (all 0, then all ½), which would waste two base samples and bias small designs.
 */
export function saltelliUnit(samples: number, factorCount: number, seed: number): UnitPoints {
  const rng = initStream(seed, 'design.sobol.shift');
  const shift = Uint32Array.from({ length: 2 * factorCount }, () => Math.floor(rng.uniform() * 2 ** 32));
  const sequence = sobolPoints(samples, 2 * factorCount, shift);
  const points: UnitPoints = [];
  for (const row of sequence) {
    const a = row.slice(0, factorCount);
    const b = row.slice(factorCount);
    points.push(a);
    for (let j = 0; j < factorCount; j++) points.push(a.map((x, m) => (m === j ? b[j] : x)));
    points.push(b);
  }
  return points;
}

/** The unit-cube points of a design, in run order. */
export function unitDesign(design: SampledDesignSpec, seed: number): UnitPoints {
  const problem = designProblem(design);
  if (problem) throw new RangeError(`${design.type} design: ${problem}`);
  const k = Object.keys(design.ranges).length;
  if (design.type === 'lhs') return latinHypercubeUnit(design.samples, k, seed);
  if (design.type === 'morris') {
    return morrisTrajectories(design.samples, k, design.levels ?? MORRIS_DEFAULT_LEVELS, seed).flatMap((t) => t.points);
  }
  return saltelliUnit(design.samples, k, seed);
}

/** Maps a unit value to [min, max]; the ends map exactly onto the range's ends. */
function scale(unit: number, [low, high]: [number, number]): number {
  if (unit <= 0) return low;
  if (unit >= 1) return high;
  return low + unit * (high - low);
}

/** The design's points scaled to its ranges (factors in the order of `ranges`). */
export const sampleDesign: SampleDesign = (design, seed): DesignPoints => {
  const factors = Object.keys(design.ranges);
  const ranges = factors.map((name) => design.ranges[name]);
  const points = unitDesign(design, seed).map((row) => row.map((u, j) => scale(u, ranges[j])));
  return { factors, points };
};
