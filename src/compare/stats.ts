import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import seedrandom from 'seedrandom';
import { mean, standardDeviation, quantile } from '../validation/stats.ts';

/** A paired comparison over seeds: differences scheme − baseline (common random numbers). */
export interface PairedEffect {
  n: number;
  mean: number;
  /** Two-sided 95% confidence interval of the mean difference (paired t). */
  low: number;
  high: number;
  /** Cohen's d_z: mean difference / standard deviation of the differences (NaN when undefined). */
  dz: number;
}

/** Mean paired difference with its paired-t interval at `level` (default 95%) and Cohen's d_z. */
export function pairedEffect(differences: readonly number[], level = 0.95): PairedEffect {
  const n = differences.length;
  const m = mean(differences);
  // Differences equal up to rounding (a deterministic effect) have no spread.
  const raw = standardDeviation(differences);
  const sd = raw <= 1e-12 * Math.max(Math.abs(m), 1e-300) ? 0 : raw;
  const half = n > 1 ? tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n)) : NaN;
  const dz = sd > 0 ? m / sd : m === 0 ? 0 : NaN;
  return { n, mean: m, low: m - half, high: m + half, dz };
}

/** Whether an interval lies wholly on one side of 0 (an effect distinguishable from none). */
export function excludesZero(effect: Pick<PairedEffect, 'low' | 'high'>): boolean {
  return effect.low > 0 || effect.high < 0;
}

export interface RatioInterval {
  value: number;
  low: number;
  high: number;
}

/**
 * Cost per unit of effect, mean(cost) / |mean(effect)|, with a percentile bootstrap interval
 * over seeds (pairs resampled together, `resamples` times, from a seeded stream so the same data
 * give the same interval).
 */
export function bootstrapRatio(costs: readonly number[], effects: readonly number[], seed: string, resamples = 2000, level = 0.95): RatioInterval {
  const n = costs.length;
  const ratio = (c: number, e: number) => c / Math.abs(e);
  const value = ratio(mean(costs), mean(effects));
  const random = seedrandom(seed);
  const draws: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let cost = 0;
    let effect = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      cost += costs[j];
      effect += effects[j];
    }
    draws.push(ratio(cost / n, effect / n));
  }
  const tail = (1 - level) / 2;
  return { value, low: quantile(draws, tail), high: quantile(draws, 1 - tail) };
}

/** Σ value_t / (1 + rate)^(t / 52): a weekly flow discounted to week 0 at an annual rate. */
export function discountedSum(ticks: ArrayLike<number>, values: ArrayLike<number>, annualRate: number, weeksPerValue = 1): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += (values[i] * weeksPerValue) / (1 + annualRate) ** (ticks[i] / 52);
  return total;
}

export { mean, standardDeviation };
