import type { World } from '../../src/model/world.ts';
import { stermanOrder, updateForecast } from '../firm/index.ts';

/**
 * Phase 5 (weekly) — hub suppliers forecast component orders from last week's orders (a
 * one-week information lag, as in the Beer Game) and plan raw-input production for their own
 * use by the same anchoring-and-adjustment rule (their "raw orders", P11).
 */
export function planHubRawInputs(world: World): void {
  const { hubs, plantHub, params } = world;
  const H = hubs.count;
  for (let j = 0; j < H; j++) {
    let orders = 0;
    for (let p = 0; p < plantHub.plants; p++) orders += plantHub.ordered[p * H + j];
    orders += world.scratch.hubLocalOrders[j]; // local-market orders of §9.4
    hubs.ordersThisWeek[j] = orders;
    hubs.forecast[j] = updateForecast(hubs.forecast[j], hubs.ordersLastWeek[j], params.forecastSmoothing);
    // In-house raw inputs arrive within the week, so there is no supply line; stock is net of
    // the component backlog (each owed component still needs its raw input).
    hubs.rawOrderInternal[j] = stermanOrder(
      hubs.forecast[j],
      hubs.rawStock[j] - hubs.componentOwed[j],
      0,
      1,
      params.inventoryCoverWeeks,
      params.stockAdjustment,
      params.supplyLineWeight,
    );
  }
}
