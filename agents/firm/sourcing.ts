import type { World } from '../../src/model/world.ts';
import { canShip, currentFreight, currentLeadTime, tariffRate } from '../../src/model/geography.ts';
import { exp } from '../../src/sim/math.ts';

/** Landed cost at `plant` of a component from hub supplier `hub`; Infinity when it cannot ship. */
export function landedHubCost(world: World, hub: number, plant: number): number {
  const { hubs, plants, regions, geo } = world;
  const origin = hubs.region[hub];
  const destination = plants.region[plant];
  if (!canShip(regions, origin, destination)) return Infinity;
  const price = hubs.price[hub];
  return price + currentFreight(geo, regions, origin, destination) + tariffRate(regions, origin, destination) * price;
}

/**
 * GLOBAL choice among hub suppliers: weights ∝ capacity × exp(−landed cost / temperature), so
 * firms spread across hubs (§2). Keeps the old weights when no hub can ship.
 */
export function updateHubWeights(world: World, plant: number): void {
  const { hubs, plantHub, params, economy } = world;
  const H = hubs.count;
  let best = Infinity;
  for (let j = 0; j < H; j++) best = Math.min(best, landedHubCost(world, j, plant));
  if (!Number.isFinite(best)) return;
  const temperature = params.hubChoiceTemp * economy.referenceComponentPrice;
  let total = 0;
  for (let j = 0; j < H; j++) {
    const landed = landedHubCost(world, j, plant);
    const weight = Number.isFinite(landed) ? hubs.componentCapacity[j] * exp(-(landed - best) / temperature) : 0;
    plantHub.weight[plant * H + j] = weight;
    total += weight;
  }
  for (let j = 0; j < H; j++) plantHub.weight[plant * H + j] = total > 0 ? plantHub.weight[plant * H + j] / total : 0;
}

/** Weighted landed cost of the plant's current hub mix ($/unit). */
export function hubMixCost(world: World, plant: number): number {
  const { hubs, plantHub } = world;
  const H = hubs.count;
  let cost = 0;
  let weight = 0;
  for (let j = 0; j < H; j++) {
    const w = plantHub.weight[plant * H + j];
    const landed = landedHubCost(world, j, plant);
    if (w > 0 && Number.isFinite(landed)) {
      cost += w * landed;
      weight += w;
    }
  }
  return weight > 0 ? cost / weight : Infinity;
}

/** Weighted lead time of the plant's hub mix (weeks). */
export function hubMixLeadTime(world: World, plant: number): number {
  const { hubs, plantHub, plants, regions, geo } = world;
  const H = hubs.count;
  let weeks = 0;
  let weight = 0;
  for (let j = 0; j < H; j++) {
    const w = plantHub.weight[plant * H + j];
    if (w <= 0) continue;
    weeks += w * currentLeadTime(geo, regions, hubs.region[j], plants.region[plant]);
    weight += w;
  }
  return weight > 0 ? weeks / weight : 1;
}
