import type { World } from '../../src/model/world.ts';
import { canShip, currentLeadTime } from '../../src/model/geography.ts';
import { stermanOrder, updateForecast } from './ordering.ts';

/**
 * MODEL.md §9.5 — last-mile reconfiguration, the weekly rules. Final goods reach customers after an
 * outbound lead time; a firm may hold finished goods in a distribution hub per bloc, which delivers
 * anywhere in its bloc in `lastMileDeliveryWeeks` and is restocked by the firm's plant.
 */

/** The bloc's distribution region: where its hubs are restocked, the bloc's largest final market. */
export function distributionRegion(world: World, bloc: number): number {
  const { regions } = world;
  let chosen = -1;
  let largest = -Infinity;
  for (let r = 0; r < regions.count; r++) {
    if (regions.bloc[r] !== bloc || regions.finalDemandBase[r] <= largest) continue;
    largest = regions.finalDemandBase[r];
    chosen = r;
  }
  return chosen;
}

/**
 * Firm f serves market r from its hub in r's bloc. The hub's stock is the bloc's: it is re-routed to
 * whichever of the bloc's regions can receive goods, so only a region whose own border is closed is
 * left to direct delivery (from a plant inside it).
 */
export function usesHub(world: World, firm: number, r: number): boolean {
  const { firms, plants, regions } = world;
  return firms.distributionHub[firm * plants.blocCount + regions.bloc[r]] === 1 && regions.borderOpen[r] === 1;
}

/** Firm f can deliver to market r this week: from its hub, or direct where its serving plant can ship to r. */
export function canDeliver(world: World, firm: number, plant: number, r: number): boolean {
  return usesHub(world, firm, r) || canShip(world.regions, world.plants.region[plant], r);
}

/** Outbound lead time from `origin` to `destination` this week (at least one week: arrivals come before sales). */
export function outboundWeeks(world: World, origin: number, destination: number): number {
  return Math.max(1, currentLeadTime(world.geo, world.regions, origin, destination));
}

/** Final goods leave for firm f's customers in region r, to arrive in `weeks`; counted for the delivery indicators. */
export function dispatch(world: World, firm: number, r: number, units: number, weeks: number, viaHub: boolean): void {
  const { finalMarket } = world;
  if (units <= 0) return;
  const { firms, tick } = world;
  const slot = (tick + weeks) % world.geo.pipelineWeeks;
  firms.outbound[slot * firms.count + firm] += units;
  if (viaHub) finalMarket.finalViaHub[r] += units;
  finalMarket.finalDeliveryUnitWeeks[r] += units * weeks;
}

/** Each distribution hub fills its customer orders by one fraction from its stock (one fill for the whole bloc, as plants do). */
export function fillFromHubs(world: World): void {
  const { firms, scratch } = world;
  for (let h = 0; h < firms.hubOrders.length; h++) {
    const orders = firms.hubOrders[h];
    const fill = orders > 0 ? Math.min(1, firms.hubStock[h] / orders) : 1;
    firms.hubStock[h] = Math.max(0, firms.hubStock[h] - fill * orders);
    scratch.hubFill[h] = fill;
  }
}

/** Goods of firm f's hub in transit from its plant (the hub's supply line). */
function hubSupplyLine(world: World, hub: number): number {
  const { firms } = world;
  const H = firms.hubStock.length;
  let total = 0;
  for (let s = 0; s < world.geo.pipelineWeeks; s++) total += firms.hubInbound[s * H + hub];
  return total;
}

/**
 * Each hub orders from the plant that serves its distribution region by the Sterman rule (§7.2):
 * its forecast of customer orders, cover `lastMileCoverWeeks`, its goods in transit as supply line.
 * No order where the plant cannot ship to the hub (a closed border).
 */
export function orderHubStock(world: World): void {
  const { firms, plants, regions, params, scratch } = world;
  const B = plants.blocCount;
  const R = regions.count;
  plants.replenishmentOrders.fill(0);
  scratch.hubOrdered.fill(0);
  scratch.hubSupplier.fill(-1);
  for (let h = 0; h < firms.hubStock.length; h++) {
    if (!firms.distributionHub[h]) continue;
    firms.hubForecast[h] = updateForecast(firms.hubForecast[h], firms.hubOrders[h], params.forecastSmoothing);
    const region = distributionRegion(world, h % B);
    const plant = region < 0 ? -1 : scratch.servingPlant[Math.floor(h / B) * R + region];
    if (plant < 0 || !canShip(regions, plants.region[plant], region)) continue;
    const lead = outboundWeeks(world, plants.region[plant], region);
    const order = stermanOrder(
      firms.hubForecast[h], firms.hubStock[h], hubSupplyLine(world, h), lead,
      params.lastMileCoverWeeks, params.stockAdjustment, params.supplyLineWeight,
    );
    plants.replenishmentOrders[plant] += order;
    scratch.hubOrdered[h] = order;
    scratch.hubSupplier[h] = plant;
  }
}

/** Plants ship each hub its order at the plant's restocking fill; the goods land after the plant → hub lead time. */
export function shipToHubs(world: World): void {
  const { firms, plants, scratch, tick } = world;
  const H = firms.hubStock.length;
  const B = plants.blocCount;
  for (let h = 0; h < H; h++) {
    const plant = scratch.hubSupplier[h];
    if (plant < 0 || scratch.hubOrdered[h] <= 0) continue;
    const units = scratch.replenishmentFill[plant] * scratch.hubOrdered[h];
    const lead = outboundWeeks(world, plants.region[plant], distributionRegion(world, h % B));
    firms.hubInbound[((tick + lead) % world.geo.pipelineWeeks) * H + h] += units;
  }
}

/**
 * Phase 3 — final goods in outbound transit reach their customers and leave the economy
 * (`finalSold`); plant → hub shipments land in the hub, or, where the hub has closed, in the firm's
 * home plant (written off if the firm has exited).
 */
export function receiveFinalGoods(world: World): void {
  const { firms, plants, ledger, tick } = world;
  const F = firms.count;
  const H = firms.hubStock.length;
  const B = plants.blocCount;
  const slot = tick % world.geo.pipelineWeeks;
  for (let f = 0; f < F; f++) {
    ledger.finalSold += firms.outbound[slot * F + f];
    firms.outbound[slot * F + f] = 0;
  }
  for (let h = 0; h < H; h++) {
    const arriving = firms.hubInbound[slot * H + h];
    if (arriving === 0) continue;
    firms.hubInbound[slot * H + h] = 0;
    const f = Math.floor(h / B);
    const home = f * B + firms.homeBloc[f];
    if (firms.distributionHub[h]) firms.hubStock[h] += arriving;
    else if (firms.alive[f] && plants.active[home]) plants.finishedStock[home] += arriving;
    else ledger.finalWrittenOff += arriving;
  }
}

/** A hub closes: its stock returns to the firm's home plant (as a closed plant's does), or is written off with the firm. */
export function closeHub(world: World, hub: number): void {
  const { firms, plants, ledger } = world;
  const B = plants.blocCount;
  const f = Math.floor(hub / B);
  const home = f * B + firms.homeBloc[f];
  if (firms.alive[f] && plants.active[home]) plants.finishedStock[home] += firms.hubStock[hub];
  else ledger.finalWrittenOff += firms.hubStock[hub];
  firms.hubStock[hub] = 0;
  firms.hubForecast[hub] = 0;
  firms.hubAvailability[hub] = 1;
  firms.distributionHub[hub] = 0;
}
