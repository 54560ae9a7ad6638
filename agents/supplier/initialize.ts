import type { World } from '../../src/model/world.ts';
import { createHubStore } from './schema.ts';
import { hubComponentUnitCost, hubRawUnitCost } from './costs.ts';

/** Creates `hubSuppliersPerHub` suppliers in every hub region and prices them (capacities come later). */
export function createHubs(world: World): void {
  const { regions, definition, params } = world;
  const hubRegions: number[] = [];
  for (let r = 0; r < regions.count; r++) if (regions.isHub[r]) hubRegions.push(r);
  const hubs = createHubStore(hubRegions.length * definition.hubSuppliersPerHub);
  world.hubs = hubs;
  let id = 0;
  for (const r of hubRegions) {
    for (let k = 0; k < definition.hubSuppliersPerHub; k++, id++) {
      hubs.region[id] = r;
      hubs.unitCost[id] = hubComponentUnitCost(world, id);
      hubs.rawUnitCost[id] = hubRawUnitCost(world, id);
      hubs.price[id] = hubs.unitCost[id] * (1 + params.markup);
      hubs.rawPrice[id] = hubs.rawUnitCost[id] * (1 + params.markup);
    }
  }
}

/**
 * Hub capacity is a property of the world (§2): sized so that with every firm GLOBAL the hubs
 * run at the target utilisation, the local-market units they supply at the start (`localUnits`,
 * §9.4, as §9.2 asks for the demand it adds) included; split over hub regions by population × industry workers share.
 * Raw capacity is `hubRawCapacityRatio` × component capacity plus room for the raw inputs SMEs'
 * local markets import from this supplier at the start (`localInputUnits`, by supplier, §9.2),
 * at the same target utilisation.
 */
export function sizeHubCapacity(world: World, totalFinalDemand: number, localUnits = 0, localInputUnits?: Float64Array): void {
  const { hubs, regions, params } = world;
  const weight = new Float64Array(hubs.count);
  let weightSum = 0;
  for (let j = 0; j < hubs.count; j++) {
    const r = hubs.region[j];
    weight[j] = regions.population[r] * Math.max(0.01, regions.industryWorkersShare[r]);
    weightSum += weight[j];
  }
  const totalCapacity = (totalFinalDemand + localUnits) / params.plantUtilisationTarget;
  for (let j = 0; j < hubs.count; j++) {
    hubs.componentCapacity[j] = weightSum > 0 ? (totalCapacity * weight[j]) / weightSum : 0;
    const localInputCapacity = localInputUnits ? localInputUnits[j] / params.plantUtilisationTarget : 0;
    hubs.rawCapacity[j] = hubs.componentCapacity[j] * params.hubRawCapacityRatio + localInputCapacity;
  }
}

/**
 * Starts every hub in the steady state of the plants' starting orders (after `startPlants`): its
 * forecast and last week's orders are the components its plants expect to buy from it, with raw
 * stock at cover, utilisation to match, and `firmCashWeeks` of those orders' cost in cash.
 */
export function startHubs(world: World): void {
  const { plants, plantHub, hubs, params } = world;
  const H = hubs.count;
  for (let p = 0; p < plants.count; p++) {
    if (!plants.active[p]) continue;
    const demand = plants.forecast[p];
    for (let j = 0; j < H; j++) {
      const flow = demand * plantHub.weight[p * H + j];
      if (flow <= 0) continue;
      hubs.forecast[j] += flow;
      hubs.ordersLastWeek[j] += flow;
    }
  }
  for (let j = 0; j < H; j++) {
    hubs.rawStock[j] = params.inventoryCoverWeeks * hubs.forecast[j];
    hubs.utilisation[j] = hubs.componentCapacity[j] > 0 ? hubs.forecast[j] / hubs.componentCapacity[j] : 0;
    hubs.cash[j] = params.firmCashWeeks * hubs.forecast[j] * hubs.unitCost[j];
  }
}
