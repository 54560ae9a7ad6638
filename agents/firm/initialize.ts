import type { World } from '../../src/model/world.ts';
import { createFirmStore, createPlantHubLinks, createPlantStore, GLOBAL } from './schema.ts';
import { currentLeadTime } from '../../src/model/geography.ts';
import { unitLabourCost } from '../../src/model/economy.ts';
import { hubMixCost, updateHubWeights } from './sourcing.ts';
import { assignServingPlants, computeMarketShares } from './market.ts';
import { STRATEGY_CODES } from './strategy-codes.ts';
import { pow } from '../../src/sim/math.ts';
import { hazardPerYear } from '../../src/model/shocks.ts';

/**
 * The region of firm f's potential plant in bloc b: its home in the home bloc, else the bloc's
 * largest market outside the hubs (a multi-local plant is there to avoid the hub bottleneck),
 * else the bloc's largest market.
 */
function plantRegionFor(world: World, home: number, bloc: number): number {
  const { regions } = world;
  if (regions.bloc[home] === bloc) return home;
  let best = -1;
  let bestNonHub = -1;
  for (let r = 0; r < regions.count; r++) {
    if (regions.bloc[r] !== bloc) continue;
    const demand = regions.population[r] * pow(Math.max(regions.gdpPerCapita[r], 1), world.params.demandIncomeElasticity);
    const better = (other: number) => other < 0 || demand > regions.population[other] * pow(Math.max(regions.gdpPerCapita[other], 1), world.params.demandIncomeElasticity);
    if (better(best)) best = r;
    if (!regions.isHub[r] && better(bestNonHub)) bestNonHub = r;
  }
  return bestNonHub >= 0 ? bestNonHub : best >= 0 ? best : home;
}

/** Creates firms and their plant slots with home plants running (needs hubs, demand and the economy). */
export function createFirms(world: World): void {
  const { definition, regions, hubs, params } = world;
  const F = definition.leadFirmHomes.length;
  const B = definition.blocs.length;
  world.firms = createFirmStore(F, regions.count, B, world.geo.pipelineWeeks);
  world.plants = createPlantStore(F, B, world.geo.pipelineWeeks);
  world.plantHub = createPlantHubLinks(F * B, hubs.count);
  const { firms, plants } = world;
  const startStrategy = params.strategyOverride === 'none' ? GLOBAL : STRATEGY_CODES[params.strategyOverride];
  for (let f = 0; f < F; f++) {
    const home = definition.leadFirmHomes[f];
    firms.homeRegion[f] = home;
    firms.homeBloc[f] = regions.bloc[home];
    firms.strategy[f] = startStrategy;
    firms.riskPerception[f] = params.riskPerceptionInitial;
    for (let r = 0; r < regions.count; r++) firms.observedHazard[f * regions.count + r] = hazardPerYear(world, r) / 52;
    for (let b = 0; b < B; b++) {
      const p = f * B + b;
      plants.firm[p] = f;
      plants.bloc[p] = b;
      plants.region[p] = plantRegionFor(world, home, b);
    }
  }
}

/** Plant price of a GLOBAL unit at the start: hub mix landed cost + assembly labour, plus markup. */
export function startingPlantCost(world: World, plant: number): { component: number; unit: number } {
  updateHubWeights(world, plant);
  const mix = hubMixCost(world, plant);
  // Without a hub that can ship here, price components as a reference hub would.
  const component = Number.isFinite(mix) ? mix : world.economy.referenceComponentPrice;
  const assembly = world.params.labourPerAssembly * unitLabourCost(world.regions, world.plants.region[plant]);
  return { component, unit: component + assembly };
}

/**
 * Starts every firm's home plant in a steady state: prices at cost plus markup, capacity for its
 * expected orders at the target utilisation, finished stock at cover, pipelines full.
 */
export function startPlants(world: World): void {
  const { firms, plants, plantHub, hubs, regions, params, geo } = world;
  const B = plants.blocCount;
  const H = hubs.count;
  for (let f = 0; f < firms.count; f++) {
    const home = f * B + firms.homeBloc[f];
    plants.active[home] = 1;
    for (let b = 0; b < B; b++) {
      const p = f * B + b;
      const cost = startingPlantCost(world, p);
      plants.componentCost[p] = cost.component;
      plants.unitCost[p] = cost.unit;
      plants.price[p] = cost.unit * (1 + params.markup);
    }
  }
  // Expected orders at the starting prices (capacity is not yet set, so serve from any active plant).
  for (let p = 0; p < plants.count; p++) if (plants.active[p]) plants.capacity[p] = plants.capacityTarget[p] = 1;
  assignServingPlants(world);
  const R = regions.count;
  for (let r = 0; r < R; r++) {
    if (!computeMarketShares(world, r)) continue;
    for (let f = 0; f < firms.count; f++) {
      const share = world.scratch.marketShare[f * R + r];
      if (share > 0) plants.forecast[world.scratch.servingPlant[f * R + r]] += share * regions.finalDemandBase[r];
    }
  }
  for (let p = 0; p < plants.count; p++) {
    if (!plants.active[p]) continue;
    const demand = plants.forecast[p];
    plants.capacityTarget[p] = plants.capacity[p] = demand / params.plantUtilisationTarget;
    plants.finishedStock[p] = (params.inventoryCoverWeeks + 1) * demand;
    firms.demandForecast[plants.firm[p]] += demand;
    firms.cash[plants.firm[p]] += params.firmCashWeeks * demand * plants.unitCost[p];
    for (let j = 0; j < H; j++) {
      const flow = demand * plantHub.weight[p * H + j];
      if (flow <= 0) continue;
      const lead = currentLeadTime(geo, regions, hubs.region[j], plants.region[p]);
      // Shipments already on the way for the next lead-time weeks.
      for (let k = 0; k < lead; k++) plants.pipeline[(k % geo.pipelineWeeks) * plants.count + p] += flow;
    }
  }
  for (let f = 0; f < firms.count; f++) {
    for (let b = 0; b < B; b++) firms.demandByBloc[f * B + b] = 0;
  }
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < firms.count; f++) {
      const share = world.scratch.marketShare[f * R + r];
      firms.demandByBloc[f * B + regions.bloc[r]] += share * regions.finalDemandBase[r];
    }
  }
}
