import type { World } from '../../src/model/world.ts';
import { canShip } from '../../src/model/geography.ts';
import { exp } from '../../src/sim/math.ts';
import { CIRCULAR_PROCUREMENT_SUBSIDY, paySubsidy } from '../policymaker/index.ts';
import { recycledBuyerPrice, recycledRawPrice } from './costs.ts';

/**
 * Phase 6 — hub suppliers produce (§3): raw inputs first, for their own use and for the SMEs
 * that ordered from them (capacity × the raw-input tier's shock factor, shared in proportion),
 * then components from raw stock (capacity × the component tier's factor, §9.3), up to the
 * deliverable backlog plus the local-market orders of §9.4 (`scratch.hubLocalOrders`, placed by
 * the model's contested-market split; what it cannot fill is lost). Each publishes one fill fraction for components and one for raw inputs
 * (§7.3). Needs `scratch.hubRawDeliverable` from the SME pass.
 */
export function produceAtHubs(world: World): void {
  const { hubs, plantHub, plants, regions, params, ledger, scratch } = world;
  const H = hubs.count;
  for (let j = 0; j < H; j++) {
    const region = hubs.region[j];
    const rawFactor = regions.rawCapacityFactor[region];
    const componentFactor = regions.componentCapacityFactor[region];
    let owed = 0;
    let deliverable = 0;
    for (let p = 0; p < plantHub.plants; p++) {
      const amount = plantHub.owed[p * H + j];
      if (amount <= 0) continue;
      owed += amount;
      if (canShip(regions, region, plants.region[p])) deliverable += amount;
    }
    hubs.componentOwed[j] = owed;
    hubs.componentDeliverable[j] = deliverable;
    const rawExternal = scratch.hubRawDeliverable[j];
    // §9.5: the recycled share of its own raw needs comes from its region's recycled source.
    const recycledWanted = hubRecycledShare(world, j) * hubs.rawOrderInternal[j];
    const ownInternal = hubs.rawOrderInternal[j] - recycledWanted;
    const rawWanted = ownInternal + rawExternal;
    // One fill fraction for its own needs and its SME customers alike (proportional rationing).
    const rawFill = rawWanted > 0 ? Math.min(1, (hubs.rawCapacity[j] * rawFactor) / rawWanted) : 1;
    const internal = rawFill * ownInternal;
    const external = rawFill * rawExternal;
    const rawOutput = internal + external;
    hubs.rawOutputInternal[j] = internal;
    hubs.rawOutputExternal[j] = external;
    hubs.rawFill[j] = rawFill;
    hubs.rawStock[j] += internal;
    buyRecycledAtHub(world, j, recycledWanted * rawFactor);
    // Plants' reachable backlog and this week's local-market orders (§9.4) share one fill fraction.
    const wanted = deliverable + scratch.hubLocalOrders[j];
    const components = Math.min(hubs.componentCapacity[j] * componentFactor, hubs.rawStock[j], wanted);
    hubs.rawStock[j] -= components;
    hubs.componentOutput[j] = components;
    hubs.componentFill[j] = wanted > 0 ? components / wanted : 1;
    hubs.localOutput[j] = hubs.componentFill[j] * scratch.hubLocalOrders[j];
    ledger.rawProduced += rawOutput + hubs.recycledIn[j];
    ledger.rawUsed += components;
    ledger.componentsProduced += components;
    ledger.componentsSoldLocally += hubs.localOutput[j];
    const utilisation = hubs.componentCapacity[j] > 0 ? components / hubs.componentCapacity[j] : 0;
    hubs.utilisation[j] += params.hubUtilisationMemoryRate * (utilisation - hubs.utilisation[j]);
    hubs.employment[j] = hubWorkers(world, j, rawOutput * params.labourPerRawUnit + components * params.labourPerComponent);
  }
}

/**
 * §9.5 — the share of hub j's own raw needs it buys from its region's recycled source: the
 * region's recycling capacity when the recycled price after the subsidy is not above what the hub
 * pays to make a virgin raw unit in-house (its raw unit cost), else 0.
 */
export function hubRecycledShare(world: World, j: number): number {
  const { rawSources } = world;
  const region = world.hubs.region[j];
  const capacity = rawSources.recyclingCapacity[region];
  if (!(capacity > 0)) return 0;
  return recycledBuyerPrice(world, region) <= world.hubs.rawUnitCost[j] ? capacity : 0;
}

/**
 * Hub j takes `units` of recycled raw inputs into its raw stock this week (local: no freight, no
 * lead time) and pays the recycled price, less the circular-procurement subsidy (within budget).
 */
function buyRecycledAtHub(world: World, j: number, units: number): void {
  const { hubs, regions, ledger } = world;
  hubs.recycledIn[j] = 0;
  hubs.recycledPurchases[j] = 0;
  hubs.recycledSubsidy[j] = 0;
  if (!(units > 0)) return;
  const region = hubs.region[j];
  const payment = recycledRawPrice(world) * units;
  const subsidy = paySubsidy(world, region, CIRCULAR_PROCUREMENT_SUBSIDY, regions.circularSubsidy[region] * payment);
  hubs.recycledIn[j] = units;
  hubs.recycledPurchases[j] = payment;
  hubs.recycledSubsidy[j] = subsidy;
  hubs.rawStock[j] += units;
  hubs.cash[j] -= payment - subsidy;
  ledger.recycledRawPurchases += payment;
}

/** Workers hub supplier j needs for this many worker-weeks at reference productivity (its labour factor, its region's productivity). */
export function hubWorkers(world: Pick<World, 'hubs' | 'regions' | 'params'>, j: number, workerWeeks: number): number {
  return (workerWeeks * world.params.hubLabourFactor) / world.regions.productivity[world.hubs.region[j]];
}

/** Phase 6 — the generic domestic raw source of each region delivers its raw-input capacity factor of what it owes. */
export function produceDomesticRaw(world: World): void {
  const { regions, params, ledger, rawSources, smeRegions } = world;
  for (let r = 0; r < regions.count; r++) {
    const output = smeRegions.domesticRawOwed[r] * regions.rawCapacityFactor[r];
    rawSources.domesticRawOutput[r] = output;
    rawSources.domesticRawEmployment[r] = (output * params.labourPerRawUnit) / regions.productivity[r];
    ledger.rawProduced += output;
  }
}

/**
 * Phase 6 — each region's recycled raw-input source (§9.5) delivers its raw-input capacity factor
 * of what the region's SMEs ordered from it (within the recycling capacity they read when
 * ordering); its output also counts what the region's hub suppliers took (produceAtHubs); then its capacity moves for next week: up toward `recycledMaxShare` at a rate that
 * grows with the region's mean SME capability and its circular-procurement subsidy, down by wear
 * (both in saturating form, so it stays in [0, recycledMaxShare]).
 */
export function produceRecycledRaw(world: World): void {
  const { regions, params, ledger, rawSources, smeRegions } = world;
  const { hubs } = world;
  rawSources.recycledRawOutput.fill(0);
  for (let j = 0; j < hubs.count; j++) rawSources.recycledRawOutput[hubs.region[j]] += hubs.recycledIn[j]; // counted in produceAtHubs
  for (let r = 0; r < regions.count; r++) {
    const output = smeRegions.recycledRawOwed[r] * regions.rawCapacityFactor[r];
    rawSources.recycledRawOutput[r] += output;
    rawSources.recycledRawEmployment[r] = (rawSources.recycledRawOutput[r] * params.labourPerRawUnit) / regions.productivity[r];
    ledger.rawProduced += output;
    rawSources.recyclingCapacity[r] = nextRecyclingCapacity(
      rawSources.recyclingCapacity[r], meanSmeCapability(world, r), regions.circularSubsidy[r], params,
    );
  }
}

/** Mean capability of a region's living SMEs (their last aggregate); 0 without SMEs. */
function meanSmeCapability(world: World, r: number): number {
  const { smeRegions } = world;
  const n = smeRegions.smeCount[r];
  return n > 0 ? smeRegions.smeCapabilitySum[r] / n : 0;
}

type RecyclingParams = Pick<
  World['params'],
  'recycledMaxShare' | 'recyclingGrowthCapability' | 'recyclingGrowthSubsidy' | 'recyclingDepreciation'
>;

/** Annual growth rate of recycling capacity at mean capability `q` and subsidy share `s` (§9.5). */
export function recyclingGrowthRate(q: number, s: number, p: RecyclingParams): number {
  return p.recyclingGrowthCapability * q + p.recyclingGrowthSubsidy * s;
}

/**
 * One week of a region's recycling capacity c (share of a buyer's raw inputs):
 * c ← c + (cMax − c)(1 − e^{−g/52}) − c(1 − e^{−δ/52}), g = γ_q·q̄ + γ_s·s.
 */
export function nextRecyclingCapacity(c: number, q: number, s: number, p: RecyclingParams): number {
  const grow = 1 - exp(-recyclingGrowthRate(q, s, p) / 52);
  const wear = 1 - exp(-p.recyclingDepreciation / 52);
  const next = c + (p.recycledMaxShare - c) * grow - c * wear;
  return Math.min(p.recycledMaxShare, Math.max(0, next));
}

/**
 * The capacity a region starts from (build time): where the weekly rule settles at its starting
 * mean SME capability and no subsidy, so the calm baseline starts in balance.
 */
export function settledRecyclingCapacity(q: number, s: number, p: RecyclingParams): number {
  const grow = 1 - exp(-recyclingGrowthRate(q, s, p) / 52);
  const wear = 1 - exp(-p.recyclingDepreciation / 52);
  return grow + wear > 0 ? (p.recycledMaxShare * grow) / (grow + wear) : 0;
}

/** Build time: every region's recycling capacity at its settled level (needs the SME aggregates). */
export function initializeRecycling(world: World): void {
  const { regions, params, rawSources } = world;
  for (let r = 0; r < regions.count; r++) {
    rawSources.recyclingCapacity[r] = settledRecyclingCapacity(meanSmeCapability(world, r), 0, params);
  }
}
