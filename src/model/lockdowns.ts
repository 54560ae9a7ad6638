import type { World } from './world.ts';
import type { Params } from './params/registry.ts';
import { hubWorkers } from '../../agents/supplier/production.ts';

/**
 * MODEL.md §9.3 — lockdowns hit labour. A lockdown with factor cf cuts each tier's capacity to
 * 1 − onsite_t · (1 − cf′), where onsite_t is the share of the tier's labour that cannot work
 * remotely and cf′ is rescaled per region so that the region's labour-weighted mean cut equals the
 * scenario's 1 − cf. The tiers, in the order of `regions.labourTrendByTier`:
 * SMEs' local services, components (SMEs' chain work and hub suppliers), assembly (lead-firm
 * plants) and raw inputs (hub suppliers and the domestic source).
 */
export const LOCKDOWN_TIERS = ['localServices', 'components', 'assembly', 'rawInputs'] as const;
export const TIER_COUNT = LOCKDOWN_TIERS.length;
const LOCAL = 0;
const COMPONENTS = 1;
const ASSEMBLY = 2;
const RAW = 3;

/** onsite_t of each tier, in `LOCKDOWN_TIERS` order. */
export function onsiteShares(params: Pick<Params, 'onsiteShareLocalServices' | 'onsiteShareComponents' | 'onsiteShareAssembly' | 'onsiteShareRawInputs'>): number[] {
  return [params.onsiteShareLocalServices, params.onsiteShareComponents, params.onsiteShareAssembly, params.onsiteShareRawInputs];
}

/**
 * Each tier's capacity under a lockdown that cuts the region's labour-weighted mean by `cut`
 * (= 1 − cf): tier t keeps 1 − min(1, onsite_t · x), with one x (= 1 − cf′) for every tier, chosen
 * so that Σ_t w_t · min(1, onsite_t · x) = cut, w_t = labour_t / Σ labour. Where onsite_t · x would
 * exceed 1 the tier stops (capacity 0) and x rises for the others until the mean is met, so the
 * scenario's cut is never clipped: with every onsite_t > 0 (the parameters' range) every cut in
 * [0, 1] is reached, a cut of 1 stopping every tier. A region without labour weighs the tiers
 * equally. Writes TIER_COUNT capacities to `out` from `offset`; returns x.
 */
export function labourWeightedCapacities(
  cut: number, onsite: ArrayLike<number>, labour: ArrayLike<number>, offset: number, out: Float64Array,
): number {
  let total = 0;
  for (let t = 0; t < TIER_COUNT; t++) total += Math.max(0, labour[offset + t]);
  // Tiers reach a full stop in order of their onsite share, largest first.
  const order = [0, 1, 2, 3].sort((a, b) => onsite[b] - onsite[a] || a - b);
  let stopped = 0; // labour share of the tiers already at a full stop
  let slope = 0; // d(mean cut)/dx of the others
  for (let t = 0; t < TIER_COUNT; t++) slope += tierWeight(labour, offset + t, total) * onsite[t];
  let x = 1 / onsite[order[TIER_COUNT - 1]]; // every tier stopped: the cut is the whole labour
  for (const t of order) {
    const stopsAt = 1 / onsite[t];
    if (stopped + slope * stopsAt >= cut) {
      x = slope > 0 ? Math.max(0, (cut - stopped) / slope) : stopsAt;
      break;
    }
    const w = tierWeight(labour, offset + t, total);
    stopped += w;
    slope -= w * onsite[t];
  }
  for (let t = 0; t < TIER_COUNT; t++) out[offset + t] = 1 - Math.min(1, onsite[t] * x);
  return x;
}

/** A tier's share of the region's labour (equal shares in a region without labour). */
function tierWeight(labour: ArrayLike<number>, index: number, total: number): number {
  return total > 0 ? Math.max(0, labour[index]) / total : 1 / TIER_COUNT;
}

/**
 * The region's labour by tier last week, folded into its trend (memory `jobsTrendWeeks`), except in
 * a region that was disrupted last week (its headline capacity factor below 1): a lockdown is
 * weighed by the labour the region had before it, not by what the lockdown left. SMEs' local
 * services: the worker-weeks they spent on the local market; components: the rest of SMEs' staff
 * (their chain labour) and hub suppliers' component workers; assembly: plant workers; raw inputs:
 * hub suppliers' raw-input workers and the domestic and recycled sources'. Run in phase 1, before the week's
 * shocks are set.
 */
export function followLabourByTier(world: World): void {
  const { regions, plants, hubs, params, scratch, rawSources, smeRegions } = world;
  const labour = scratch.regionLabourByTier;
  labour.fill(0);
  for (let r = 0; r < regions.count; r++) {
    labour[r * TIER_COUNT + LOCAL] = smeRegions.smeLocalLabour[r];
    labour[r * TIER_COUNT + COMPONENTS] = Math.max(0, smeRegions.smeEmployment[r] - smeRegions.smeLocalLabour[r]);
    labour[r * TIER_COUNT + RAW] = rawSources.domesticRawEmployment[r] + rawSources.recycledRawEmployment[r];
  }
  for (let p = 0; p < plants.count; p++) labour[plants.region[p] * TIER_COUNT + ASSEMBLY] += plants.employment[p];
  for (let j = 0; j < hubs.count; j++) {
    const base = hubs.region[j] * TIER_COUNT;
    labour[base + COMPONENTS] += hubWorkers(world, j, hubs.componentOutput[j] * params.labourPerComponent);
    labour[base + RAW] += hubWorkers(world, j, (hubs.rawOutputInternal[j] + hubs.rawOutputExternal[j]) * params.labourPerRawUnit);
  }
  const rate = 1 / params.jobsTrendWeeks;
  const trend = regions.labourTrendByTier;
  for (let r = 0; r < regions.count; r++) {
    if (regions.capacityFactor[r] < 1) continue;
    const base = r * TIER_COUNT;
    const started = trend[base] + trend[base + 1] + trend[base + 2] + trend[base + 3] > 0;
    for (let t = base; t < base + TIER_COUNT; t++) trend[t] = started ? trend[t] + rate * (labour[t] - trend[t]) : labour[t];
  }
}

/**
 * Each tier's capacity factor this week from the region's deepest lockdown (`regions.capacityFactor`
 * before the hazard is drawn): 1 where none holds, else `labourWeightedCapacities` of 1 − cf over
 * the region's labour trend.
 */
export function cutTiersByLockdown(world: World): void {
  const { regions, params, scratch } = world;
  const onsite = onsiteShares(params);
  const tiers = scratch.regionTierCapacity;
  for (let r = 0; r < regions.count; r++) {
    const cf = regions.capacityFactor[r];
    const base = r * TIER_COUNT;
    if (cf < 1) labourWeightedCapacities(1 - cf, onsite, regions.labourTrendByTier, base, tiers);
    else tiers.fill(1, base, base + TIER_COUNT);
    regions.localServicesCapacityFactor[r] = tiers[base + LOCAL];
    regions.componentCapacityFactor[r] = tiers[base + COMPONENTS];
    regions.assemblyCapacityFactor[r] = tiers[base + ASSEMBLY];
    regions.rawCapacityFactor[r] = tiers[base + RAW];
  }
}

/** A hazard disruption is not a lockdown: it cuts every tier of region r to `factor` (§7.10), below any lockdown cut. */
export function cutTiersByHazard(world: World, r: number, factor: number): void {
  const { regions } = world;
  regions.capacityFactor[r] = Math.min(regions.capacityFactor[r], factor);
  regions.localServicesCapacityFactor[r] = Math.min(regions.localServicesCapacityFactor[r], factor);
  regions.componentCapacityFactor[r] = Math.min(regions.componentCapacityFactor[r], factor);
  regions.assemblyCapacityFactor[r] = Math.min(regions.assemblyCapacityFactor[r], factor);
  regions.rawCapacityFactor[r] = Math.min(regions.rawCapacityFactor[r], factor);
}
