import type { World } from '../../src/model/world.ts';
import { DUAL, GLOBAL, LOCAL, MULTILOCAL, NEARSHORE } from './schema.ts';
import { smeComponentCapacity, smeComponentPrice } from '../sme/index.ts';

/** Strategy codes that source from SMEs, each with its own least capability qMin. */
export const SME_STRATEGIES = [DUAL, NEARSHORE, MULTILOCAL, LOCAL] as const;
const LEVELS = 5;

/**
 * What lead firms can see of each region's SMEs, per strategy (qMin differs): capacity they
 * could contract, its mean price, and — for digitally visible SMEs only — which hub regions
 * their raw inputs come from (tier-2 exposure, §2).
 */
export interface SmePools {
  regionCount: number;
  hubRegions: number[];
  /** levels × R: contractable capacity (units/week), Σ capacity × price, number of SMEs. */
  capacity: Float64Array;
  priceTimesCapacity: Float64Array;
  count: Float64Array;
  /** levels × R × hubRegions: capacity buying raw inputs from each hub region (visible only). */
  tierTwo: Float64Array;
}

export function minCapability(world: World, strategy: number): number {
  const p = world.params;
  switch (strategy) {
    case DUAL:
      return p.minCapabilityDual;
    case NEARSHORE:
      return p.minCapabilityNearshore;
    case MULTILOCAL:
      return p.minCapabilityMultilocal;
    case LOCAL:
      return p.minCapabilityLocal;
    default:
      return 1;
  }
}

/**
 * Whether lead firms can see SME `id` (§7.6): it has adopted digital technology, or its region
 * runs a smart sourcing node that lists every SME of the region (§9.5, the regional input
 * `regions.sourcingNode` the policymaker sets), or visibility is switched off (P6 ablation).
 */
export function isVisible(world: World, id: number): boolean {
  return !world.params.visibilityRequired || world.smes.digital[id] === 1 || world.regions.sourcingNode[world.smes.region[id]] > 0;
}

/**
 * Whether SME `id` is one a firm following `strategy` could contract (ignoring who holds it now).
 * Renationalisation (LOCAL) takes whatever its home region has: visibility and the minimum
 * order do not apply there.
 */
export function isEligible(world: World, id: number, strategy: number, offer: number): boolean {
  const { smes, params } = world;
  if (!smes.alive[id]) return false;
  if (smes.capability[id] < minCapability(world, strategy)) return false;
  if (strategy === LOCAL) return true;
  if (!isVisible(world, id)) return false;
  return offer >= params.minOrderUnits;
}

/** Capacity an SME offers one contract: a share of its component capacity (all of it under LOCAL). */
export function contractOffer(world: World, id: number, strategy = GLOBAL): number {
  const share = strategy === LOCAL ? 1 : world.params.smeMaxChainShare;
  return share * smeComponentCapacity(world, id);
}

export function computeSmePools(world: World): SmePools {
  const { smes, regions, hubs } = world;
  const R = regions.count;
  const hubRegions: number[] = [];
  for (let j = 0; j < hubs.count; j++) if (!hubRegions.includes(hubs.region[j])) hubRegions.push(hubs.region[j]);
  const hubRegionIndex = new Int32Array(R).fill(-1);
  hubRegions.forEach((r, k) => (hubRegionIndex[r] = k));
  const HR = hubRegions.length;
  const pools: SmePools = {
    regionCount: R,
    hubRegions,
    capacity: new Float64Array(LEVELS * R),
    priceTimesCapacity: new Float64Array(LEVELS * R),
    count: new Float64Array(LEVELS * R),
    tierTwo: new Float64Array(LEVELS * R * Math.max(1, HR)),
  };
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    const price = smeComponentPrice(world, i);
    const r = smes.region[i];
    const source = smes.rawSource[i];
    const tierTwoRegion = source >= 0 && smes.digital[i] ? hubRegionIndex[hubs.region[source]] : -1;
    for (const level of SME_STRATEGIES) {
      const offer = contractOffer(world, i, level);
      if (!isEligible(world, i, level, offer)) continue;
      const cell = level * R + r;
      pools.capacity[cell] += offer;
      pools.priceTimesCapacity[cell] += offer * price;
      pools.count[cell] += 1;
      if (tierTwoRegion >= 0) pools.tierTwo[cell * HR + tierTwoRegion] += offer * smes.rawHubShare[i];
    }
  }
  return pools;
}
