import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { currentLeadTime } from '../../src/model/geography.ts';
import { stermanOrder, updateForecast } from '../firm/index.ts';

/**
 * Phase 5 (weekly) — contracted SMEs take their share of their buyer's SME order (∝ contracted
 * capacity) into their backlog, then order raw inputs by anchoring and adjustment from last
 * week's orders (one-week information lag), split between their hub and the domestic source by
 * how reliably the hub has delivered (§2, §7.2).
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
    const leadTime = hubShare * hubLead + (1 - hubShare) * handling;
    const order = stermanOrder(
      smes.rawForecast[i],
      smes.rawStock[i] - smes.owedToBuyer[i],
      inTransit + smes.owedByHub[i] + smes.owedByDomestic[i],
      leadTime,
      params.inventoryCoverWeeks,
      params.stockAdjustment,
      params.supplyLineWeight,
    );
    smes.rawOrdered[i] = order;
    smes.owedByHub[i] += order * hubShare;
    smes.owedByDomestic[i] += order * (1 - hubShare);
  }
}
