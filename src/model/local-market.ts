import type { World } from './world.ts';
import { canShip, currentFreight, tariffRate } from './geography.ts';
import { exp, log } from '../sim/math.ts';
import { setLocalDemand, followCustomers, serveSmeSide } from '../../agents/sme/index.ts';

/**
 * Phase 4 (local markets, MODEL.md §9.4) — each region's local market for components and services
 * is contested between its SMEs and hub suppliers (by import). The region's demand is set, SMEs'
 * customer bases follow their capacity, buyers split the market between the two sides by a logit
 * on landed price and availability (`splitContestedMarkets`), and the SME side is served.
 * Cross-kind composition: it reads the SME and hub stores and writes only the region aggregates
 * `localHub*`/`localSme*` and the hub-indexed input buffers `scratch.hubLocal*`, which the
 * supplier kind reads when it produces and settles.
 */
export function serveLocalMarkets(world: World): void {
  setLocalDemand(world);
  followCustomers(world);
  splitContestedMarkets(world);
  serveSmeSide(world);
  recordSmeFill(world);
}

/**
 * The hub side's share of a local market's spending (§9.4): a binary logit whose hub utility,
 * relative to the SME side's, is
 * `ln(s₀/(1 − s₀)) + ln(W₀/W) + (1 − σ) · ln(p_H/p_H₀ ÷ p_S/p_S₀) + β_a · (a_H − a_S)`:
 * `s₀` the contested share at the start (the Armington weight is calibrated on it), `W/W₀` the SME
 * side's customer base relative to the start (each SME is one more supplier to choose: exits and
 * shrinking SMEs lower it), `p/p₀` each side's landed price relative to the start (spending shares
 * with substitution elasticity σ move with price^(1 − σ)), and `a` each side's availability
 * (share of its buyers served). `s₀` = 0 leaves the market uncontested; a region without an SME
 * customer base (W = 0) buys from hubs only.
 */
export function contestedHubShare(
  startShare: number,
  smeWeightRatio: number,
  relativePrice: number,
  availabilityGap: number,
  elasticity: number,
  availabilityWeight: number,
): number {
  if (startShare <= 0) return 0;
  if (startShare >= 1 || smeWeightRatio <= 0) return 1;
  const odds =
    (startShare / (1 - startShare) / smeWeightRatio) *
    exp((1 - elasticity) * log(relativePrice) + availabilityWeight * availabilityGap);
  return odds / (1 + odds);
}

/** Landed price of a component from hub j in region r ($/unit): price + freight + tariff on the price. */
export function hubLandedPrice(world: World, j: number, r: number): number {
  const { hubs, regions, geo } = world;
  const origin = hubs.region[j];
  return hubs.price[j] * (1 + tariffRate(regions, origin, r)) + currentFreight(geo, regions, origin, r);
}

/**
 * The hub side of region r's market: the capacity-weighted mean landed price of the hubs that can
 * ship there, their availability (capacity share that can ship × its published fill), and the
 * capacity that can ship (0 = no hub side this week).
 */
export function hubSideOffer(world: World, r: number): { price: number; availability: number; capacity: number } {
  const { hubs, regions } = world;
  let capacity = 0;
  let total = 0;
  let priceSum = 0;
  let served = 0;
  for (let j = 0; j < hubs.count; j++) {
    const weight = hubs.componentCapacity[j];
    total += weight;
    if (weight <= 0 || !canShip(regions, hubs.region[j], r)) continue;
    capacity += weight;
    priceSum += weight * hubLandedPrice(world, j, r);
    served += weight * hubs.componentFill[j];
  }
  return { price: capacity > 0 ? priceSum / capacity : 0, availability: total > 0 ? served / total : 0, capacity };
}

/** The SME side's reference price in region r ($ per component-equivalent): labour at the typical SME, cost plus markup. */
export function smeSidePrice(world: World, r: number): number {
  const { regions, params, economy } = world;
  return (params.labourPerComponent * regions.wage[r] * (1 + params.markup)) / (regions.productivity[r] * economy.referenceSmeProductivity);
}

/** Whether region r's market is contested: a contested share, an SME side and a hub side at the start. */
function contested(world: World, r: number): boolean {
  const { regions } = world;
  return world.params.localImportShare > 0 && regions.localSmeWeightStart[r] > 0 && regions.localHubPriceStart[r] > 0;
}

/** Splits each region's local demand between the hub side and the SME side, and places the hub side's orders. */
export function splitContestedMarkets(world: World): void {
  const { regions, params, scratch, smeRegions } = world;
  scratch.hubLocalOrders.fill(0);
  scratch.hubLocalFreight.fill(0);
  scratch.hubLocalTariff.fill(0);
  for (let r = 0; r < regions.count; r++) {
    let share = 0;
    if (contested(world, r)) {
      const offer = hubSideOffer(world, r);
      if (offer.capacity > 0) {
        const relativePrice =
          offer.price / regions.localHubPriceStart[r] / (smeSidePrice(world, r) / regions.localSmePriceStart[r]);
        share = contestedHubShare(
          params.localImportShare,
          scratch.regionSmeWeight[r] / regions.localSmeWeightStart[r],
          relativePrice,
          offer.availability - regions.localSmeFill[r],
          params.localSubstitutionElasticity,
          params.availabilityWeight,
        );
        placeHubOrders(world, r, share * smeRegions.localDemand[r], offer.capacity);
      }
    }
    regions.localHubShare[r] = share;
    regions.localHubDemand[r] = share * smeRegions.localDemand[r];
    regions.localSmeDemand[r] = (1 - share) * smeRegions.localDemand[r];
  }
}

/** The hub side's spending in region r goes to the hubs that can ship there in proportion to capacity, in units at their landed price. */
function placeHubOrders(world: World, r: number, spending: number, capacity: number): void {
  const { hubs, regions, geo, scratch } = world;
  for (let j = 0; j < hubs.count; j++) {
    const origin = hubs.region[j];
    if (hubs.componentCapacity[j] <= 0 || !canShip(regions, origin, r)) continue;
    const units = (spending * hubs.componentCapacity[j]) / capacity / hubLandedPrice(world, j, r);
    scratch.hubLocalOrders[j] += units;
    scratch.hubLocalFreight[j] += units * currentFreight(geo, regions, origin, r);
    scratch.hubLocalTariff[j] += units * hubs.price[j] * tariffRate(regions, origin, r);
  }
}

/** The SME side's availability for next week: the share of its demand SMEs served. */
function recordSmeFill(world: World): void {
  const { regions, smeRegions } = world;
  for (let r = 0; r < regions.count; r++) {
    const demand = regions.localSmeDemand[r];
    regions.localSmeFill[r] = demand > 0 ? Math.min(1, smeRegions.localServed[r] / demand) : 1;
  }
}

/**
 * Build time (§9.4): the references the split is calibrated on — each region's SME customer base,
 * SME-side price and hub-side landed price at the start — and the local market grossed up so the
 * SME side keeps its starting size (`localMarketShare` of GDP, which sized the sampled economy) and
 * hub imports take `localImportShare` of the whole. Needs hub prices and (provisional) capacities.
 */
export function setLocalMarketReferences(world: World): void {
  const { regions, smes, params, smeRegions } = world;
  regions.localSmeWeightStart.fill(0);
  for (let i = 0; i < smes.count; i++) if (smes.alive[i]) regions.localSmeWeightStart[smes.region[i]] += smes.customers[i];
  for (let r = 0; r < regions.count; r++) {
    regions.localSmePriceStart[r] = smeSidePrice(world, r);
    const offer = hubSideOffer(world, r);
    regions.localHubPriceStart[r] = offer.capacity > 0 ? offer.price : 0;
    if (!contested(world, r) || params.localImportShare >= 1) continue;
    regions.localMarketBase[r] /= 1 - params.localImportShare;
    smeRegions.localDemandTrend[r] = regions.localMarketBase[r];
  }
}

/** Components per week hub imports supply to local markets at the start (for hub capacity, §9.2's 80% rule). */
export function startingLocalHubUnits(world: World): number {
  const { regions, params } = world;
  let units = 0;
  for (let r = 0; r < regions.count; r++) {
    if (!contested(world, r)) continue;
    units += (params.localImportShare * regions.localMarketBase[r]) / regions.localHubPriceStart[r];
  }
  return units;
}
