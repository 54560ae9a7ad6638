import type { WorldDefinition } from './world-definition.ts';
import type { Scenario } from './scenario.ts';
import { emptyScenario } from './scenario.ts';
import { resolveParams, type Params } from './params/registry.ts';
import { createRegionStore, type RegionStore } from './regions.ts';
import { buildGeography } from './geography.ts';
import { largestLeadTimeMultiplier } from './lead-times.ts';
import { DrawRegistry } from '../sim/rng/keyed.ts';
import { emptyLedger } from './ledger.ts';
import { createScratch } from './scratch.ts';
import { resolveScenario } from './shocks.ts';
import { incomeQuartiles } from './selection.ts';
import { apportion, incomeDiffusionFactors, productivityFor, wageFor } from './economy.ts';
import type { Economy, World } from './world.ts';
import { createCommunityRegionStore, initializeCells, summariseCells } from '../../agents/community/index.ts';
import {
  initializeSmes, capabilityProductivity, localRevenuePerWorker, aggregateSmes, createSmeSupplyExposure,
  setLocalInputs, stockSmeInputs, startingImportedInputUnits, createSmeRegionStore,
} from '../../agents/sme/index.ts';
import { createHubs, createRawSourceStore, initializeRecycling, sizeHubCapacity, startHubs } from '../../agents/supplier/index.ts';
import { createFinalMarketStore, createFirms, createPlantJobEvents, startPlants, startingPlantCost, drawStartingStrategies, computeSmePools } from '../../agents/firm/index.ts';
import { createPolicyStore } from '../../agents/policymaker/index.ts';
import { pow } from '../sim/math.ts';
import { setLocalMarketReferences, startingLocalHubUnits } from './local-market.ts';

export interface WorldOptions {
  seed: number;
  scenario?: Scenario;
  /** Parameter overrides (after the world's and the scenario's). */
  params?: Record<string, unknown>;
}

/** Resolves parameters: schema defaults ← world defaults ← scenario params ← overrides. */
export function paramsFor(definition: WorldDefinition, options: Pick<WorldOptions, 'scenario' | 'params'>): Params {
  return resolveParams({ ...(options.scenario?.params ?? {}), ...(options.params ?? {}) }, definition.parameterDefaults ?? {});
}

/**
 * Builds a world at tick 0 (the start of warm-up) from a definition, a validated scenario and
 * a seed (§5). Deterministic: the same inputs give the same world, bit for bit. The steps run in
 * this order because each sizes what the next one needs (prices before markets, markets before
 * demand, demand before capacities).
 */
export function createWorld(definition: WorldDefinition, options: WorldOptions): World {
  const params = paramsFor(definition, options);
  const seed = options.seed >>> 0;
  const regions = createRegionStore(definition);
  const economy = startingEconomy(regions, setRegionalEconomy(regions, params));
  const scenario = resolveScenario(options.scenario ?? emptyScenario(), {
    regions,
    blocs: definition.blocs,
    quartiles: economy.incomeQuartile,
  }, seed);

  const world = {
    definition,
    params,
    scenario,
    seed,
    tick: 0,
    draws: new DrawRegistry(seed),
    economy,
    regions,
    finalMarket: createFinalMarketStore(regions.count),
    rawSources: createRawSourceStore(regions.count),
    smeRegions: createSmeRegionStore(regions.count),
    communityRegions: createCommunityRegionStore(regions.count),
    geo: buildGeography(regions, params, largestLeadTimeMultiplier(scenario.shocks)),
    ledger: emptyLedger(),
    ledgerTotal: emptyLedger(),
    policy: createPolicyStore(regions.count),
  } as World;

  const { smesPerRegion, cellsPerRegion } = agentCounts(definition, params);
  initializeCells(world, cellsPerRegion);
  summariseCells(world);
  createHubs(world);
  setReferenceInputPrices(world);
  initializeSmes(world, smesPerRegion);
  aggregateSmes(world);
  initializeRecycling(world);
  setReferenceSmeProductivity(world);
  sizeLocalMarkets(world);
  createFirms(world);
  world.plantJobEvents = createPlantJobEvents(regions.count);
  world.smeSupplyExposure = createSmeSupplyExposure(world.firms.count, regions.count);
  // Provisional hub capacities: only their proportions matter for the starting hub mix.
  sizeHubCapacity(world, 1);
  setLocalInputs(world);
  stockSmeInputs(world);
  world.scratch = createScratch(world.firms.count, regions.count, world.plants.count, world.hubs.count, world.cells.count, world.geo.pipelineWeeks);
  setLocalMarketReferences(world);
  sizeFinalDemand(world);
  sizeHubCapacity(world, economy.totalFinalDemand, startingLocalHubUnits(world), startingImportedInputUnits(world));
  setPlantReferences(world);
  startPlants(world);
  startHubs(world);
  drawStartingStrategies(world, computeSmePools(world));
  fundPolicymakers(world);
  return world;
}

/** Regions' wages, productivity, weekly GDP and diffusion factor; returns the reference GDP per capita. */
function setRegionalEconomy(regions: RegionStore, params: Params): number {
  const R = regions.count;
  let populationTotal = 0;
  let weightedGdp = 0;
  for (let r = 0; r < R; r++) {
    populationTotal += regions.population[r];
    weightedGdp += regions.population[r] * regions.gdpPerCapita[r];
  }
  const referenceGdpPerCapita = populationTotal > 0 ? weightedGdp / populationTotal : 1;
  for (let r = 0; r < R; r++) {
    regions.wage[r] = wageFor(regions.gdpPerCapita[r], params);
    regions.productivity[r] = productivityFor(regions.gdpPerCapita[r], referenceGdpPerCapita, params);
    regions.gdpWeekly[r] = (regions.population[r] * regions.gdpPerCapita[r]) / 52;
  }
  regions.incomeDiffusionFactor.set(incomeDiffusionFactors(regions.gdpPerCapita));
  return referenceGdpPerCapita;
}

/** The economy's constants before any agent exists (the references are filled in as agents are made). */
function startingEconomy(regions: RegionStore, referenceGdpPerCapita: number): Economy {
  return {
    sampleFactor: 1,
    referenceGdpPerCapita,
    referenceSmeProductivity: 0.75,
    referenceRawPrice: 0,
    referenceComponentPrice: 0,
    referenceFinalPrice: 0,
    plantOverhead: 0,
    referencePlantCapacity: 1,
    totalFinalDemand: 0,
    incomeQuartile: incomeQuartiles(regions),
  };
}

/** SMEs and community cells per region: counts scale with `scale` (largest remainder, so exact multiples). */
function agentCounts(definition: WorldDefinition, params: Params): { smesPerRegion: Uint32Array; cellsPerRegion: Uint32Array } {
  const smeWeights = Float64Array.from(definition.regions, (r) => r.population * Math.max(0.01, r.industryWorkersShare));
  const smesPerRegion = apportion(Math.round(params.scale * definition.smesAtScaleOne), smeWeights);
  const cellTotal = Math.max(definition.regions.length, Math.round(params.scale * definition.cellsAtScaleOne));
  const cellsPerRegion = apportion(cellTotal, Float64Array.from(definition.regions, (r) => r.population), 1);
  return { smesPerRegion, cellsPerRegion };
}

/**
 * Reference input prices: the mean hub price (before capacities exist); in a world without hubs,
 * what a hub at the reference GDP per capita would charge.
 */
function setReferenceInputPrices(world: World): void {
  const { economy, params, hubs } = world;
  let rawPriceSum = 0;
  let componentPriceSum = 0;
  for (let j = 0; j < hubs.count; j++) {
    rawPriceSum += hubs.rawPrice[j];
    componentPriceSum += hubs.price[j];
  }
  const referenceUnitLabourCost = wageFor(economy.referenceGdpPerCapita, params);
  economy.referenceRawPrice =
    hubs.count > 0
      ? rawPriceSum / hubs.count
      : params.labourPerRawUnit * params.hubLabourFactor * referenceUnitLabourCost * (1 + params.markup);
  economy.referenceComponentPrice =
    hubs.count > 0
      ? componentPriceSum / hubs.count
      : (params.labourPerRawUnit + params.labourPerComponent) * params.hubLabourFactor * referenceUnitLabourCost * (1 + params.markup);
}

/** Employment-weighted mean capability productivity of the starting SMEs. */
function setReferenceSmeProductivity(world: World): void {
  const { smes, economy } = world;
  let employees = 0;
  let weightedProductivity = 0;
  for (let i = 0; i < smes.count; i++) {
    employees += smes.employees[i];
    weightedProductivity += smes.employees[i] * capabilityProductivity(smes.capability[i]);
  }
  if (employees > 0) economy.referenceSmeProductivity = weightedProductivity / employees;
}

/** The sampled economy: local markets sized so the starting SMEs run at `startingSmeUtilisation`. */
function sizeLocalMarkets(world: World): void {
  const { smes, regions, params, economy, smeRegions } = world;
  const R = regions.count;
  let smeRevenuePotential = 0;
  for (let i = 0; i < smes.count; i++) {
    smeRevenuePotential += smes.employees[i] * localRevenuePerWorker(world, i);
  }
  let gdpTotal = 0;
  for (let r = 0; r < R; r++) gdpTotal += regions.gdpWeekly[r];
  const localShare = Math.max(params.localMarketShare, 1e-6);
  economy.sampleFactor =
    gdpTotal > 0 && smeRevenuePotential > 0
      ? (params.startingSmeUtilisation * smeRevenuePotential) / (localShare * gdpTotal)
      : Math.max(params.scale, 1e-6) / Math.max(gdpTotal, 1);
  for (let r = 0; r < R; r++) {
    regions.localMarketBase[r] = params.localMarketShare * economy.sampleFactor * regions.gdpWeekly[r];
    smeRegions.localDemandTrend[r] = regions.localMarketBase[r];
  }
}

/** Final demand ∝ population × GDP per capita^η, sized as a share of the sampled GDP at the starting final price. */
function sizeFinalDemand(world: World): void {
  const { regions, params, economy, firms } = world;
  const R = regions.count;
  const B = world.definition.blocs.length;
  let finalPriceSum = 0;
  for (let f = 0; f < firms.count; f++) {
    const home = f * B + firms.homeBloc[f];
    finalPriceSum += startingPlantCost(world, home).unit * (1 + params.markup);
  }
  economy.referenceFinalPrice = firms.count > 0 ? finalPriceSum / firms.count : economy.referenceComponentPrice * 3;
  const demandWeights = new Float64Array(R);
  let demandWeightSum = 0;
  for (let r = 0; r < R; r++) {
    demandWeights[r] = regions.population[r] * pow(Math.max(regions.gdpPerCapita[r], 1), params.demandIncomeElasticity);
    demandWeightSum += demandWeights[r];
  }
  let gdpTotal = 0;
  for (let r = 0; r < R; r++) gdpTotal += regions.gdpWeekly[r];
  economy.totalFinalDemand =
    (params.finalGoodsShareOfGdp * economy.sampleFactor * gdpTotal) / Math.max(economy.referenceFinalPrice, 1e-9);
  for (let r = 0; r < R; r++) {
    regions.finalDemandBase[r] = demandWeightSum > 0 ? (economy.totalFinalDemand * demandWeights[r]) / demandWeightSum : 0;
  }
}

/** The reference plant (capacity of the average starting home plant) and its weekly overhead. */
function setPlantReferences(world: World): void {
  const { economy, params, firms } = world;
  economy.referencePlantCapacity =
    firms.count > 0 ? economy.totalFinalDemand / firms.count / params.plantUtilisationTarget : 1;
  economy.plantOverhead =
    firms.count > 0
      ? (params.plantOverheadShare * economy.totalFinalDemand * economy.referenceFinalPrice) / firms.count
      : 0;
}

/** Policymakers: a budget per quarter (§7.9); approval starts at trust in government. */
function fundPolicymakers(world: World): void {
  const { regions, params, policy, communityRegions } = world;
  for (let r = 0; r < regions.count; r++) {
    policy.budgetQuarter[r] = (params.policyShare * params.taxShare * regions.gdpWeekly[r] * 52) / 4;
    policy.approval[r] = communityRegions.trustGovernment[r];
  }
}
