import type { RegionStore } from './regions.ts';
import { INCOME_GROUPS } from './world-definition.ts';
import type { Target } from './scenario.ts';

/**
 * Income quartile (1 = bottom … 4 = top) of each region by GDP per capita, population-weighted:
 * a region's quartile is where the midpoint of its population falls in the cumulative
 * population of regions sorted by GDP per capita.
 */
export function incomeQuartiles(regions: RegionStore): Uint8Array {
  const order = Array.from({ length: regions.count }, (_, i) => i).sort(
    (a, b) => regions.gdpPerCapita[a] - regions.gdpPerCapita[b] || a - b,
  );
  let total = 0;
  for (let r = 0; r < regions.count; r++) total += regions.population[r];
  const quartile = new Uint8Array(regions.count);
  let cumulative = 0;
  for (const r of order) {
    const midpoint = total > 0 ? (cumulative + regions.population[r] / 2) / total : 0.5;
    quartile[r] = Math.min(4, Math.max(1, Math.ceil(midpoint * 4)));
    cumulative += regions.population[r];
  }
  return quartile;
}

export interface SelectionContext {
  regions: RegionStore;
  blocs: readonly string[];
  quartiles: Uint8Array;
}

/** Region indices a target selects (all criteria must hold), in ascending order. */
export function selectRegions(target: Target, context: SelectionContext): number[] {
  const { regions, blocs, quartiles } = context;
  const all = Array.from({ length: regions.count }, (_, i) => i);
  if (target === 'all') return all;
  const regionSet = target.regions ? new Set(target.regions) : null;
  const blocSet = target.blocs ? new Set(target.blocs.map((b) => blocs.indexOf(b))) : null;
  const groupSet = target.incomeGroups ? new Set(target.incomeGroups.map((g) => INCOME_GROUPS.indexOf(g))) : null;
  const quartileSet = target.incomeQuartiles ? new Set(target.incomeQuartiles) : null;
  const excluded = new Set(target.except ?? []);
  return all.filter(
    (r) =>
      (!regionSet || regionSet.has(regions.codes[r])) &&
      (!blocSet || blocSet.has(regions.bloc[r])) &&
      (!groupSet || groupSet.has(regions.incomeGroup[r])) &&
      (target.hubs === undefined || (regions.isHub[r] === 1) === target.hubs) &&
      (!quartileSet || quartileSet.has(quartiles[r])) &&
      !excluded.has(regions.codes[r]),
  );
}
