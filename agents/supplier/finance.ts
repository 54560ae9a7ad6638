import type { World } from '../../src/model/world.ts';
import { congestionFactor, hubComponentUnitCost, hubRawUnitCost } from './costs.ts';


/**
 * Phase 8 — hub suppliers' accounts: revenue came on dispatch; wages and profit tax go out.
 * Prices are cost plus markup, raised convexly above the target utilisation (§2).
 */
export function settleHubs(world: World): void {
  const { hubs, regions, params, ledger } = world;
  receiveHubPayments(world);
  sellOnLocalMarkets(world);
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

/**
 * This week's revenue and cash of each hub from its buyers' payments on dispatch: components from
 * plants (`scratch.plantHubPayment`, plant by plant), then raw inputs from SMEs and importers
 * (`scratch.hubRawRevenue`). The buyers' kinds fill these buffers; only the supplier kind books them.
 */
export function receiveHubPayments(world: World): void {
  const { hubs, plants, scratch } = world;
  const H = hubs.count;
  hubs.revenue.fill(0);
  for (let p = 0; p < plants.count; p++) {
    for (let j = 0; j < H; j++) {
      const payment = scratch.plantHubPayment[p * H + j];
      if (payment === 0) continue;
      hubs.cash[j] += payment;
      hubs.revenue[j] += payment;
    }
  }
  for (let j = 0; j < H; j++) {
    hubs.cash[j] += scratch.hubRawRevenue[j];
    hubs.revenue[j] += scratch.hubRawRevenue[j];
  }
}

/**
 * Hub suppliers are paid for what they delivered to local markets (§9.4): price × units; the local
 * buyers' spending (a money source) also covers the freight and tariff on those units (sinks).
 */
export function sellOnLocalMarkets(world: World): void {
  const { hubs, ledger, scratch } = world;
  for (let j = 0; j < hubs.count; j++) {
    const units = hubs.localOutput[j];
    if (units <= 0) continue;
    const ordered = scratch.hubLocalOrders[j];
    const delivered = ordered > 0 ? units / ordered : 0;
    const sales = units * hubs.price[j];
    const freight = delivered * scratch.hubLocalFreight[j];
    const tariff = delivered * scratch.hubLocalTariff[j];
    hubs.revenue[j] += sales;
    hubs.cash[j] += sales;
    ledger.localMarketSpending += sales + freight + tariff;
    ledger.freight += freight;
    ledger.tariffs += tariff;
  }
}
