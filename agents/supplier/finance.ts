import type { World } from '../../src/model/world.ts';
import { congestionFactor, hubComponentUnitCost, hubRawUnitCost } from './costs.ts';


/**
 * Phase 8 — hub suppliers' accounts: revenue came on dispatch; wages and profit tax go out.
 * Prices are cost plus markup, raised convexly above the target utilisation (§2).
 */
export function settleHubs(world: World): void {
  const { hubs, regions, params, ledger } = world;
  for (let j = 0; j < hubs.count; j++) {
    const wages = hubs.employment[j] * regions.wage[hubs.region[j]];
    // Recycled raw inputs (§9.5) were paid on delivery, net of the subsidy.
    const recycled = hubs.recycledPurchases[j] - hubs.recycledSubsidy[j];
    const profit = hubs.revenue[j] - wages - recycled;
    const tax = params.profitTaxRate * Math.max(0, profit);
    hubs.cash[j] -= wages + tax;
    hubs.costs[j] = wages + recycled;
    ledger.wages += wages;
    ledger.profitTaxes += tax;
    hubs.unitCost[j] = hubComponentUnitCost(world, j);
    hubs.rawUnitCost[j] = hubRawUnitCost(world, j);
    const congestion = congestionFactor(world, hubs.utilisation[j]);
    hubs.price[j] += params.priceAdjustmentRate * (hubs.unitCost[j] * (1 + params.markup) * congestion - hubs.price[j]);
    hubs.rawPrice[j] += params.priceAdjustmentRate * (hubs.rawUnitCost[j] * (1 + params.markup) * congestion - hubs.rawPrice[j]);
    hubs.valueAdded[j] = hubs.componentOutput[j] * hubs.price[j] + hubs.rawOutputExternal[j] * hubs.rawPrice[j] - hubs.recycledPurchases[j];
    hubs.ordersLastWeek[j] = hubs.ordersThisWeek[j];
  }
}
