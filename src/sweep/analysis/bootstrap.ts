import { initStream } from '../../sim/rng/init-stream.ts';

/** Bootstrap settings: resamples, confidence level and the seed of the resampling stream. */
export interface BootstrapOptions {
  resamples: number;
  confidence: number;
  seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, confidence: 0.95, seed: 1 };

/** A point estimate with its bootstrap percentile interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/**
 * Deterministic resampling with replacement: `resamples` index sets of size n, drawn from a seeded
 * stream named after `purpose` (so Morris and Sobol analyses never share draws).
 */
export function resampleIndices(n: number, options: BootstrapOptions, purpose: string): Uint32Array[] {
  const rng = initStream(options.seed, `analysis.bootstrap.${purpose}`);
  return Array.from({ length: options.resamples }, () => {
    const indices = new Uint32Array(n);
    for (let i = 0; i < n; i++) indices[i] = rng.integer(0, n - 1);
    return indices;
  });
}

/** Percentile q ∈ [0, 1] of sorted values, by linear interpolation (NumPy's default). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** The equal-tailed percentile interval of bootstrap replicates around a point estimate. */
export function percentileInterval(value: number, replicates: number[], confidence: number): Estimate {
  const sorted = Float64Array.from(replicates).sort();
  const tail = (1 - confidence) / 2;
  return { value, low: percentile(sorted, tail), high: percentile(sorted, 1 - tail) };
}
