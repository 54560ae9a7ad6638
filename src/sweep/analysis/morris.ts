import { morrisTrajectories, MORRIS_DEFAULT_LEVELS } from '../designs/index.ts';
import type { SampledDesignSpec } from '../contracts.ts';
import { percentileInterval, resampleIndices, DEFAULT_BOOTSTRAP, type BootstrapOptions, type Estimate } from './bootstrap.ts';

/**
 * Morris elementary effects (Morris 1991), with μ* (Campolongo, Cariboni & Saltelli 2007).
 * The elementary effect of factor j on trajectory t is EE = (f(x + Δe_j) − f(x)) / Δ with Δ on
 * the unit scale, so it is in the metric's units per whole range of the factor, comparable
 * across factors. μ = mean EE, μ* = mean |EE|, σ = standard deviation of EE (n − 1, as SALib);
 * μ* has a percentile bootstrap interval over trajectories.
 */
export interface MorrisIndex {
  factor: string;
  muStar: Estimate;
  mu: number;
  sigma: number;
  /** Elementary effects behind the figures (one per trajectory). */
  effects: number;
}

export interface MorrisAnalysis {
  trajectories: number;
  levels: number;
  indices: MorrisIndex[];
}

/**
 * Elementary effects per factor (rows) and trajectory (columns), from the outputs of a Morris
 * design in run order (r trajectories of k + 1 points each), regenerated from the design and
 * its seed to know which factor each step moved, and in which direction.
 */
export function elementaryEffects(design: SampledDesignSpec, designSeed: number, outputs: ArrayLike<number>): number[][] {
  const factorCount = Object.keys(design.ranges).length;
  const levels = design.levels ?? MORRIS_DEFAULT_LEVELS;
  const trajectories = morrisTrajectories(design.samples, factorCount, levels, designSeed);
  if (outputs.length !== trajectories.length * (factorCount + 1)) {
    throw new RangeError(`a Morris design of ${trajectories.length} trajectories and ${factorCount} factors has ${trajectories.length * (factorCount + 1)} points, got ${outputs.length}`);
  }
  const effects = Array.from({ length: factorCount }, (): number[] => []);
  trajectories.forEach((trajectory, t) => {
    const first = t * (factorCount + 1);
    trajectory.changed.forEach((factor, step) => {
      const signedDelta = trajectory.points[step + 1][factor] - trajectory.points[step][factor];
      effects[factor].push((outputs[first + step + 1] - outputs[first + step]) / signedDelta);
    });
  });
  return effects;
}

function mean(values: ArrayLike<number>, rows?: Uint32Array): number {
  const n = rows ? rows.length : values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[rows ? rows[i] : i];
  return sum / n;
}

function sampleStandardDeviation(values: number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, x) => sum + (x - m) ** 2, 0) / (values.length - 1));
}

/** μ*, μ and σ of every factor, in the order of the design's ranges. */
export function morrisIndices(design: SampledDesignSpec, designSeed: number, outputs: ArrayLike<number>, options: BootstrapOptions = DEFAULT_BOOTSTRAP): MorrisAnalysis {
  const factors = Object.keys(design.ranges);
  const effects = elementaryEffects(design, designSeed, outputs);
  const resamples = resampleIndices(design.samples, options, 'morris');
  const indices = factors.map((factor, j): MorrisIndex => {
    const absolute = effects[j].map(Math.abs);
    const replicates = resamples.map((rows) => mean(absolute, rows));
    return {
      factor,
      muStar: percentileInterval(mean(absolute), replicates, options.confidence),
      mu: mean(effects[j]),
      sigma: sampleStandardDeviation(effects[j]),
      effects: effects[j].length,
    };
  });
  return { trajectories: design.samples, levels: design.levels ?? MORRIS_DEFAULT_LEVELS, indices };
}
