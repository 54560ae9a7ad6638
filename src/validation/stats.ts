import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Interval {
  mean: number;
  /** t-based 90% confidence interval of the mean. */
  low: number;
  high: number;
  /** 5–95% spread across seeds. */
  p5: number;
  p95: number;
  n: number;
}

export function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/** Empirical quantile by linear interpolation between order statistics. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * Mean with its t-based 90% confidence interval (MODEL.md §1: a pattern passes when the paired
 * 90% interval lies wholly on the required side of its threshold) and the 5–95% spread.
 */
export function interval90(values: readonly number[]): Interval {
  const n = values.length;
  const m = mean(values);
  const half = n > 1 ? tQuantile(0.95, n - 1) * (standardDeviation(values) / Math.sqrt(n)) : Infinity;
  return { mean: m, low: m - half, high: m + half, p5: quantile(values, 0.05), p95: quantile(values, 0.95), n };
}

/** Differences a[i] − b[i] of paired runs (same seeds: common random numbers). */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error('paired samples must have the same length');
  return a.map((v, i) => v - b[i]);
}

/** Ordinary least-squares slope of y on x. */
export function olsSlope(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : NaN;
}

/** Coefficient of variation of a series (sd / mean; NaN for a zero mean). */
export function coefficientOfVariation(values: readonly number[]): number {
  const m = mean(values);
  return m !== 0 ? standardDeviation(values) / Math.abs(m) : NaN;
}
