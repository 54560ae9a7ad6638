import type { World } from '../../src/model/world.ts';
import { LOCAL } from './schema.ts';
import { canShip } from '../../src/model/geography.ts';
import { hubMixLeadTime } from './sourcing.ts';

/**
 * Anchoring-and-adjustment order (Sterman 1989, §7.2):
 * O = max(0, D̂ + α_S · ((S* − S) + β · (SL* − SL))), S* = cover · D̂, SL* = (L − 1) · D̂.
 */
export function stermanOrder(
  forecast: number,
  stock: number,
  supplyLine: number,
  leadTime: number,
  cover: number,
  stockAdjustment: number,
  supplyLineWeight: number,
): number {
  const desiredStock = cover * forecast;
  const desiredSupplyLine = Math.max(0, leadTime - 1) * forecast;
  const order = forecast + stockAdjustment * (desiredStock - stock + supplyLineWeight * (desiredSupplyLine - supplyLine));
  return order > 0 ? order : 0;
}

/** Exponential smoothing of the forecast: D̂ ← D̂ + θ(D − D̂). */
export function updateForecast(forecast: number, observed: number, smoothing: number): number {
  return forecast + smoothing * (observed - forecast);
}

/**
 * Phase 5 (weekly) — every running plant forecasts its customer orders, adjusts capacity, and
 * orders components: a share from its contracted SMEs and the rest from hub suppliers,
 * shifted toward the sources that delivered in recent weeks (§2).
 */
export function placePlantOrders(world: World): void {
  const { plants, plantHub, firms, params } = world;
  plantHub.ordered.fill(0);
  for (let p = 0; p < plants.count; p++) {
    plants.smeOrder[p] = 0;
    plants.componentOrders[p] = 0;
    if (!plants.active[p]) continue;
    // A plant's orders are its direct customers' and its firm's distribution hubs' (§9.5).
    const orders = plants.customerOrders[p] + plants.replenishmentOrders[p];
    plants.forecast[p] = updateForecast(plants.forecast[p], orders, params.forecastSmoothing);
    adjustPlantCapacity(world, p);
    const stock = plants.finishedStock[p] + plants.componentStock[p];
    const local = firms.strategy[plants.firm[p]] === LOCAL;
    const hasSmes = plants.smeContractCapacity[p] > 0;
    const smeShare = reliableSmeShare(world, p);
    const leadTime = smeShare * plants.smeLeadTime[p] + (1 - smeShare) * hubMixLeadTime(world, p);
    const order = stermanOrder(
      plants.forecast[p],
      stock,
      plantSupplyLine(world, p),
      leadTime,
      params.inventoryCoverWeeks,
      params.stockAdjustment,
      params.supplyLineWeight,
    );
    plants.componentOrders[p] = order;
    // SMEs take at most their contracted capacity; the rest falls back to hubs (not under LOCAL).
    const smeOrder = local ? (hasSmes ? order : 0) : Math.min(order * smeShare, plants.smeContractCapacity[p]);
    plants.smeOrder[p] = smeOrder;
    const hubOrder = local ? 0 : order - smeOrder;
    if (hubOrder > 0) orderFromHubs(world, p, hubOrder);
  }
}

/** Capacity follows the long-run forecast, after any ramp-up (`rampWeeks`, then `capacityAdjustWeeks`). */
function adjustPlantCapacity(world: World, p: number): void {
  const { plants, params, tick } = world;
  const longRun = plants.forecast[p] / params.plantUtilisationTarget;
  if (plants.rampStartTick[p] >= 0) {
    const progress = (tick - plants.rampStartTick[p]) / params.rampWeeks;
    if (progress >= 1) plants.rampStartTick[p] = -1;
    plants.capacity[p] = plants.capacityTarget[p] * Math.min(1, Math.max(0, progress));
  } else {
    plants.capacityTarget[p] += (longRun - plants.capacityTarget[p]) / params.capacityAdjustWeeks;
    plants.capacity[p] = plants.capacityTarget[p];
  }
}

/** SL of §7.2: what is in the plant's pipeline plus what hubs and SMEs owe it. */
function plantSupplyLine(world: World, p: number): number {
  const { plants, plantHub, hubs } = world;
  const H = hubs.count;
  let owedByHubs = 0;
  for (let j = 0; j < H; j++) owedByHubs += plantHub.owed[p * H + j];
  let inTransit = 0;
  for (let s = 0; s < world.geo.pipelineWeeks; s++) inTransit += plants.pipeline[s * plants.count + p];
  return inTransit + owedByHubs + plants.owedBySmes[p];
}

/** The SME share of this week's order: the target, shifted toward whichever of SMEs and hubs delivered (§2). */
function reliableSmeShare(world: World, p: number): number {
  const { plants } = world;
  const target = plants.smeShareTarget[p];
  let smeShare = plants.smeContractCapacity[p] > 0 ? target : 0;
  if (smeShare > 0 && smeShare < 1) {
    const smeWeight = smeShare * plants.smeReliability[p];
    const hubWeight = (1 - smeShare) * plants.hubReliability[p];
    smeShare = smeWeight + hubWeight > 0 ? smeWeight / (smeWeight + hubWeight) : smeShare;
  }
  return smeShare;
}

/** Splits the hub part of an order over hubs that can ship, by base weight × reliability² (else by base weight). */
function orderFromHubs(world: World, p: number, hubOrder: number): void {
  const { plants, plantHub, hubs, regions } = world;
  const H = hubs.count;
  let weightSum = 0;
  for (let j = 0; j < H; j++) {
    if (!canShip(regions, hubs.region[j], plants.region[p])) continue;
    const reliability = plantHub.reliability[p * H + j];
    weightSum += plantHub.weight[p * H + j] * reliability * reliability;
  }
  for (let j = 0; j < H; j++) {
    let share: number;
    if (weightSum > 0) {
      if (!canShip(regions, hubs.region[j], plants.region[p])) continue;
      const reliability = plantHub.reliability[p * H + j];
      share = (plantHub.weight[p * H + j] * reliability * reliability) / weightSum;
    } else {
      share = plantHub.weight[p * H + j];
    }
    const amount = hubOrder * share;
    plantHub.ordered[p * H + j] = amount;
    plantHub.owed[p * H + j] += amount;
  }
}
