import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { currentLeadTime } from '../../src/model/geography.ts';
import { stermanOrder, updateForecast } from '../firm/index.ts';
import { domesticRawPrice, recycledBuyerPrice } from '../supplier/index.ts';
import { landedRawCost } from './sourcing.ts';
import { refreshInputsPerSale } from './inputs.ts';
import { orderImportedInputs } from './importers.ts';
import { localRevenuePerWorker } from './costs.ts';

/** Lead time of recycled raw inputs (§9.5: local, no freight, no lead time beyond one week). */
export const RECYCLED_LEAD_WEEKS = 1;

/** This week's prices behind the recycled-input test (§9.5): the same for every SME of a region. */
export interface RecycledTestPrices {
  domestic: number;
  /** Per region: what a buyer pays per recycled unit. */
  recycled: Float64Array;
  /** Hub × region: the hub's landed raw cost there (`landedRawCost`). */
  landed: Float64Array;
}

/** Computes this week's `RecycledTestPrices` into scratch, once for a loop over SMEs. */
export function recycledTestPrices(world: World): RecycledTestPrices {
  const { regions, hubs, scratch } = world;
  const R = regions.count;
  for (let r = 0; r < R; r++) {
    scratch.regionRecycledBuyerPrice[r] = recycledBuyerPrice(world, r);
    for (let j = 0; j < hubs.count; j++) scratch.hubRegionLandedRaw[j * R + r] = landedRawCost(world, j, r);
  }
  return { domestic: domesticRawPrice(world), recycled: scratch.regionRecycledBuyerPrice, landed: scratch.hubRegionLandedRaw };
}

/**
 * §9.5 — the share of SME i's raw order placed with its region's recycled source: the region's
 * recycling capacity when the recycled price after the circular-procurement subsidy is not above
 * what the SME pays for virgin inputs landed (its hub's price, freight and tariff, and the
 * domestic source's price, mixed by its hub share), else 0.
 */
export function recycledOrderShare(world: World, i: number, prices: RecycledTestPrices = recycledTestPrices(world)): number {
  const { smes, regions, rawSources } = world;
  const r = smes.region[i];
  const capacity = rawSources.recyclingCapacity[r];
  if (!(capacity > 0)) return 0;
  const source = smes.rawSource[i];
  const hubShare = source >= 0 ? smes.rawHubShare[i] : 0;
  const domestic = prices.domestic;
  const virgin = hubShare > 0 ? hubShare * prices.landed[source * regions.count + r] + (1 - hubShare) * domestic : domestic;
  return prices.recycled[r] <= virgin ? capacity : 0;
}

/**
 * The local sales SME i's inputs are needed for this week (§9.2, $): the larger of its local sales
 * and its customers' share of the SME side's demand — so an SME short of inputs still orders for
 * the sales it could make — but never more than its labour could sell.
 */
export function localSalesNeed(world: World, i: number): number {
  const { smes, regions, scratch } = world;
  const r = smes.region[i];
  const weight = scratch.regionSmeWeight[r];
  const demanded = weight > 0 ? (regions.localSmeDemand[r] * smes.customers[i]) / weight : 0;
  const labourCapacity = smes.employees[i] * localRevenuePerWorker(world, i) * regions.localServicesCapacityFactor[r];
  return Math.min(Math.max(smes.localRevenue[i], demanded), labourCapacity);
}

/**
 * The hub's share of SME i's own input order: its chain needs at the chain's hub share; its
 * local-market needs are domestic (their imported share goes through the region's importer).
 */
export function orderHubShare(world: World, i: number, chainNeed: number, localNeed: number): number {
  const { smes } = world;
  const chainShare = smes.rawSource[i] >= 0 ? smes.rawHubShare[i] : 0;
  const total = chainNeed + localNeed;
  return total > 0 ? (chainNeed * chainShare) / total : chainShare;
}

/**
 * Phase 5 (weekly) — contracted SMEs take their share of their buyer's SME order (∝ contracted
 * capacity) into their backlog, then order inputs by anchoring and adjustment (§7.2) on their
 * needs: last week's chain orders (one-week information lag) and the domestic inputs of this
 * week's local-market needs (§9.2); first the recycled share their region's recycling capacity
 * allows when recycled inputs pass the price test (§9.5), the rest split between their hub and the
 * domestic source (`orderHubShare`). The imported inputs of the local needs are summed by region
 * and ordered by the region's importer.
 */
export function placeSmeOrders(world: World): void {
  const { smes, plants, hubs, regions, params, geo } = world;
  const slots = smes.pipelineWeeks;
  const handling = Math.max(1, params.handlingWeeks);
  const importNeed = world.scratch.regionImportNeed;
  importNeed.fill(0);
  const inputsPerSale = refreshInputsPerSale(world);
  const prices = recycledTestPrices(world);
  for (let i = 0; i < smes.count; i++) {
    smes.ordersReceived[i] = 0;
    smes.rawOrdered[i] = 0;
    if (!smes.alive[i]) continue;
    const p = smes.buyerPlant[i];
    if (p !== NO_BUYER && plants.smeContractCapacity[p] > 0) {
      const order = (plants.smeOrder[p] * smes.contractCapacity[i]) / plants.smeContractCapacity[p];
      smes.ordersReceived[i] = order;
      smes.owedToBuyer[i] += order;
    }
    const chainNeed = smes.ordersLastWeek[i];
    const sales = localSalesNeed(world, i);
    const localNeed = sales * inputsPerSale.domestic[smes.region[i]];
    importNeed[smes.region[i]] += sales * inputsPerSale.imported[smes.region[i]];
    smes.rawForecast[i] = updateForecast(smes.rawForecast[i], chainNeed + localNeed, params.forecastSmoothing);
    if (p === NO_BUYER && smes.owedToBuyer[i] <= 0 && smes.rawForecast[i] < 1e-6) continue;
    let inTransit = 0;
    for (let k = i * slots, end = k + slots; k < end; k++) inTransit += smes.rawPipeline[k];
    const source = smes.rawSource[i];
    const hubShare = orderHubShare(world, i, chainNeed, localNeed);
    const hubLead = source >= 0 ? currentLeadTime(geo, regions, hubs.region[source], smes.region[i]) : handling;
    const recycledShare = recycledOrderShare(world, i, prices);
    const leadTime = recycledShare * RECYCLED_LEAD_WEEKS + (1 - recycledShare) * (hubShare * hubLead + (1 - hubShare) * handling);
    const order = stermanOrder(
      smes.rawForecast[i],
      smes.rawStock[i] - smes.owedToBuyer[i],
      inTransit + smes.owedByHub[i] + smes.owedByDomestic[i] + smes.owedByRecycled[i],
      leadTime,
      params.inventoryCoverWeeks,
      params.stockAdjustment,
      params.supplyLineWeight,
    );
    smes.rawOrdered[i] = order;
    smes.owedByRecycled[i] += order * recycledShare;
    smes.owedByHub[i] += order * (1 - recycledShare) * hubShare;
    smes.owedByDomestic[i] += order * (1 - recycledShare) * (1 - hubShare);
  }
  orderImportedInputs(world);
}
