import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { currentLeadTime } from '../../src/model/geography.ts';
import { stermanOrder, updateForecast } from '../firm/index.ts';
import { domesticRawPrice, recycledBuyerPrice } from '../supplier/index.ts';
import { landedRawCost } from './sourcing.ts';

/** Lead time of recycled raw inputs (§9.5: local, no freight, no lead time beyond one week). */
export const RECYCLED_LEAD_WEEKS = 1;

/**
 * §9.5 — the share of SME i's raw order placed with its region's recycled source: the region's
 * recycling capacity when the recycled price after the circular-procurement subsidy is not above
 * what the SME pays for virgin inputs landed (its hub's price, freight and tariff, and the
 * domestic source's price, mixed by its hub share), else 0.
 */
export function recycledOrderShare(world: World, i: number): number {
  const { smes, regions } = world;
  const r = smes.region[i];
  const capacity = regions.recyclingCapacity[r];
  if (!(capacity > 0)) return 0;
  const source = smes.rawSource[i];
  const hubShare = source >= 0 ? smes.rawHubShare[i] : 0;
  const domestic = domesticRawPrice(world);
  const virgin = hubShare > 0 ? hubShare * landedRawCost(world, source, r) + (1 - hubShare) * domestic : domestic;
  return recycledBuyerPrice(world, r) <= virgin ? capacity : 0;
}

/**
 * Phase 5 (weekly) — contracted SMEs take their share of their buyer's SME order (∝ contracted
 * capacity) into their backlog, then order raw inputs by anchoring and adjustment from last
 * week's orders (one-week information lag): first the recycled share their region's recycling
 * capacity allows when recycled inputs pass the price test (§9.5), the rest split between their hub
 * and the domestic source by how reliably the hub has delivered (§2, §7.2).
 */
export function placeSmeOrders(world: World): void {
  const { smes, plants, hubs, regions, params, geo } = world;
  const cap = smes.capacity;
  const handling = Math.max(1, params.handlingWeeks);
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
    smes.rawForecast[i] = updateForecast(smes.rawForecast[i], smes.ordersLastWeek[i], params.forecastSmoothing);
    if (p === NO_BUYER && smes.owedToBuyer[i] <= 0 && smes.rawForecast[i] < 1e-6) continue;
    let inTransit = 0;
    for (let s = 0; s < smes.pipelineWeeks; s++) inTransit += smes.rawPipeline[s * cap + i];
    const source = smes.rawSource[i];
    const hubShare = source >= 0 ? smes.rawHubShare[i] : 0;
    const hubLead = source >= 0 ? currentLeadTime(geo, regions, hubs.region[source], smes.region[i]) : handling;
    const recycledShare = recycledOrderShare(world, i);
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
}
