import type { Params } from './params/registry.ts';
import type { RegionStore } from './regions.ts';
import { log, pow } from '../sim/math.ts';

/** Wage per worker-week from GDP per capita (§7.5). */
export function wageFor(gdpPerCapita: number, params: Params): number {
  return (gdpPerCapita * params.labourShareOfGdp) / 52;
}

/** Labour productivity relative to the reference GDP per capita. */
export function productivityFor(gdpPerCapita: number, referenceGdpPerCapita: number, params: Params): number {
  if (!(gdpPerCapita > 0) || !(referenceGdpPerCapita > 0)) return 1;
  return pow(gdpPerCapita / referenceGdpPerCapita, params.productivityElasticity);
}

/** Unit labour cost of one reference worker-week in a region: wage / productivity. */
export function unitLabourCost(regions: RegionStore, region: number): number {
  return regions.wage[region] / regions.productivity[region];
}

/**
 * f(g) of §7.7: ln(g / g_min) / ln(g_max / g_min) over the world's range, clipped to [0, 1]
 * (1 in a world where every region has the same GDP per capita).
 */
export function incomeDiffusionFactors(gdpPerCapita: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const g of gdpPerCapita) {
    if (g > 0) {
      min = Math.min(min, g);
      max = Math.max(max, g);
    }
  }
  const factors = new Float64Array(gdpPerCapita.length);
  for (let r = 0; r < gdpPerCapita.length; r++) {
    const g = gdpPerCapita[r];
    factors[r] = !(max > min) ? 1 : !(g > 0) ? 0 : Math.min(1, Math.max(0, log(g / min) / log(max / min)));
  }
  return factors;
}

/** Splits `total` items over weights by the largest-remainder method (deterministic, sums to total). */
export function apportion(total: number, weights: ArrayLike<number>, minimumEach = 0): Uint32Array {
  const n = weights.length;
  const counts = new Uint32Array(n);
  if (n === 0) return counts;
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += Math.max(0, weights[i]);
  const reserved = minimumEach * n;
  const remaining = Math.max(0, total - reserved);
  const remainders: { index: number; fraction: number }[] = [];
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const exact = weightSum > 0 ? (remaining * Math.max(0, weights[i])) / weightSum : remaining / n;
    const whole = Math.floor(exact);
    counts[i] = whole + minimumEach;
    assigned += whole;
    remainders.push({ index: i, fraction: exact - whole });
  }
  remainders.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let k = 0; k < remaining - assigned && k < remainders.length; k++) counts[remainders[k].index]++;
  return counts;
}
