import { hazardPerYear } from '../../src/model/shocks.ts';
import type { World } from '../../src/model/world.ts';
import { DOMESTIC_SOURCE, NO_BUYER } from './schema.ts';
import { LOCAL } from '../firm/index.ts';
import { canShip, currentFreight, currentLeadTime, tariffRate } from '../../src/model/geography.ts';
import { domesticRawPrice } from '../supplier/index.ts';
import { smeComponentPrice } from './costs.ts';
import { exp } from '../../src/sim/math.ts';

/** Landed raw-input cost from hub supplier j into region r; Infinity when it cannot ship. */
export function landedRawCost(world: World, hub: number, region: number): number {
  const { hubs, regions, geo } = world;
  const origin = hubs.region[hub];
  if (!canShip(regions, origin, region)) return Infinity;
  const price = hubs.rawPrice[hub];
  return price + currentFreight(geo, regions, origin, region) + tariffRate(regions, origin, region) * price;
}

/**
 * A hub's raw shipment of `shipped` units to a buyer in `destination` (an SME or an importer),
 * paid on dispatch: the hub's raw sales and the ledger's freight and tariff are tallied. Returns
 * what the buyer pays, landed (price, freight and tariff).
 */
export function dispatchHubRaw(world: World, hub: number, destination: number, shipped: number): number {
  const { hubs, regions, geo, ledger, scratch } = world;
  const origin = hubs.region[hub];
  const payment = hubs.rawPrice[hub] * shipped;
  const freight = currentFreight(geo, regions, origin, destination) * shipped;
  const tariff = tariffRate(regions, origin, destination) * payment;
  scratch.hubRawRevenue[hub] += payment;
  scratch.hubRawShipped[hub] += shipped;
  ledger.freight += freight;
  ledger.tariffs += tariff;
  return payment + freight + tariff;
}

/**
 * How buyers of raw inputs in region r spread over hub suppliers, as tier-1 buyers do (§2,
 * `updateHubWeights`): weights ∝ capacity × exp(−(landed raw cost − cheapest) / (hubChoiceTemp
 * × reference raw price)), written into `out` (one per hub, summing to 1; all 0 where no hub can ship). Returns
 * the weighted landed cost (Infinity where no hub can ship).
 */
export function hubWeightsForRegion(world: World, r: number, out: Float64Array): number {
  const { hubs, params, economy } = world;
  let best = Infinity;
  for (let j = 0; j < hubs.count; j++) best = Math.min(best, landedRawCost(world, j, r));
  out.fill(0);
  if (!Number.isFinite(best)) return Infinity;
  const temperature = params.hubChoiceTemp * economy.referenceRawPrice;
  let total = 0;
  let cost = 0;
  for (let j = 0; j < hubs.count; j++) {
    const landed = landedRawCost(world, j, r);
    if (!Number.isFinite(landed)) continue;
    out[j] = hubs.componentCapacity[j] * exp(-(landed - best) / temperature);
    total += out[j];
    cost += out[j] * landed;
  }
  if (!(total > 0)) return Infinity;
  for (let j = 0; j < hubs.count; j++) out[j] /= total;
  return cost / total;
}

/**
 * Phase 5, quarterly (§2) — tier-1 suppliers choose their raw-input source: the cheapest hub
 * (landed) or the costlier domestic source, each priced with their own risk perception:
 * cost + (π/π0) · margin · ĥ · max(0, L + d̄ − cover). Suppliers of a LOCAL firm buy domestic.
 */
export function chooseRawSources(world: World): void {
  const { smes, regions, hubs, plants, firms, params, geo } = world;
  const R = regions.count;
  const bestHub = new Int32Array(R).fill(-1);
  const bestCost = new Float64Array(R).fill(Infinity);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < hubs.count; j++) {
      const cost = landedRawCost(world, j, r);
      if (cost < bestCost[r]) {
        bestCost[r] = cost;
        bestHub[r] = j;
      }
    }
  }
  const domestic = domesticRawPrice(world);
  // Priors (§9.1): a hub region's own hazard for the hub source, the SME's region's for the domestic one.
  const hubPrior = params.hubHazardPerYear / 52;
  const cover = params.inventoryCoverWeeks;
  const handling = Math.max(1, params.handlingWeeks);
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    const buyer = smes.buyerPlant[i];
    const forcedDomestic = buyer !== NO_BUYER && firms.strategy[plants.firm[buyer]] === LOCAL;
    let choice = DOMESTIC_SOURCE;
    const hub = bestHub[r];
    if (!forcedDomestic && hub >= 0) {
      const riskWeight =
        params.riskPerceptionInitial > 0 ? smes.riskPerception[i] / params.riskPerceptionInitial : 1;
      const margin = params.markup * smeComponentPrice(world, i);
      const hubLead = currentLeadTime(geo, regions, hubs.region[hub], r);
      const hubHazard = smes.rawSource[i] >= 0 && hubs.region[smes.rawSource[i]] === hubs.region[hub] ? smes.observedHazard[i] : hubPrior;
      const hubCost = bestCost[r] + riskWeight * margin * hubHazard * Math.max(0, hubLead + params.meanDisruptionWeeks - cover);
      const domesticCost = domestic + riskWeight * margin * (hazardPerYear(world, r) / 52) * Math.max(0, handling + params.meanDisruptionWeeks - cover);
      if (hubCost < domesticCost) choice = hub;
    }
    if (choice !== smes.rawSource[i]) {
      smes.rawSource[i] = choice;
      smes.owedByHub[i] = 0; // an open order with the old hub is cancelled
      smes.rawHubShare[i] = choice >= 0 ? 1 : 0;
      smes.hubReliability[i] = 1;
      smes.observedHazard[i] = choice >= 0 ? hubPrior : hazardPerYear(world, r) / 52;
    }
  }
}
