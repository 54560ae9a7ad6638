import type { WorldDefinition } from './world-definition.ts';
import type { Scenario } from './scenario.ts';
import { emptyScenario } from './scenario.ts';
import { resolveParams, type Params } from './params/registry.ts';
import { createRegionStore } from './regions.ts';
import { buildGeography } from './geography.ts';
import { DrawRegistry } from '../sim/rng/keyed.ts';
import { emptyLedger } from './ledger.ts';
import { createScratch } from './scratch.ts';
import { resolveScenario } from './shocks.ts';
import { incomeQuartiles } from './selection.ts';
import { apportion, incomeDiffusionFactors, productivityFor, wageFor } from './economy.ts';
import type { Economy, World } from './world.ts';
import { initializeCells, summariseCells } from '../../agents/community/index.ts';
import {
  initializeSmes, capabilityProductivity, localRevenuePerWorker, aggregateSmes,
} from '../../agents/sme/index.ts';
import { createHubs, sizeHubCapacity } from '../../agents/supplier/index.ts';
import { createFirms, startPlants, startingPlantCost } from '../../agents/firm/index.ts';
import { createPolicyStore } from '../../agents/policymaker/index.ts';

export interface WorldOptions {
  seed: number;
  scenario?: Scenario;
  /** Parameter overrides (after the world's and the scenario's). */
  params?: Record<string, unknown>;
}

/** The SME utilisation the local market is sized for at the start (just above break-even). */
const STARTING_SME_UTILISATION = 0.9;

/** Resolves parameters: schema defaults ← world defaults ← scenario params ← overrides. */
export function paramsFor(definition: WorldDefinition, options: Pick<WorldOptions, 'scenario' | 'params'>): Params {
  return resolveParams({ ...(options.scenario?.params ?? {}), ...(options.params ?? {}) }, definition.parameterDefaults ?? {});
}

/**
 * Builds a world at tick 0 (the start of warm-up) from a definition, a validated scenario and
 * a seed (§5). Deterministic: the same inputs give the same world, bit for bit.
 */
export function createWorld(definition: WorldDefinition, options: WorldOptions): World {
  const params = paramsFor(definition, options);
  const seed = options.seed >>> 0;
  const regions = createRegionStore(definition);
  const R = regions.count;
  const B = definition.blocs.length;

  // Regions: wages, productivity, GDP, diffusion factor.
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

  const economy: Economy = {
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
    geo: buildGeography(regions, params),
    ledger: emptyLedger(),
    ledgerTotal: emptyLedger(),
    policy: createPolicyStore(R),
  } as World;

  // Agent counts scale with `scale` (largest remainder: counts are exact multiples).
  const smeWeights = Float64Array.from(definition.regions, (r) => r.population * Math.max(0.01, r.industryWorkersShare));
  const smesPerRegion = apportion(Math.round(params.scale * definition.smesAtScaleOne), smeWeights);
  const cellTotal = Math.max(R, Math.round(params.scale * definition.cellsAtScaleOne));
  const cellsPerRegion = apportion(cellTotal, Float64Array.from(definition.regions, (r) => r.population), 1);

  initializeCells(world, cellsPerRegion);
  summariseCells(world);
  createHubs(world);
  // Reference prices: the mean hub price (before capacities exist); in a world without hubs, what
  // a hub at the reference GDP per capita would charge.
  let rawPriceSum = 0;
  let componentPriceSum = 0;
  for (let j = 0; j < world.hubs.count; j++) {
    rawPriceSum += world.hubs.rawPrice[j];
    componentPriceSum += world.hubs.price[j];
  }
  const referenceUnitLabourCost = wageFor(referenceGdpPerCapita, params);
  economy.referenceRawPrice =
    world.hubs.count > 0
      ? rawPriceSum / world.hubs.count
      : params.labourPerRawUnit * params.hubLabourFactor * referenceUnitLabourCost * (1 + params.markup);
  economy.referenceComponentPrice =
    world.hubs.count > 0
      ? componentPriceSum / world.hubs.count
      : (params.labourPerRawUnit + params.labourPerComponent) * params.hubLabourFactor * referenceUnitLabourCost * (1 + params.markup);
  initializeSmes(world, smesPerRegion);
  aggregateSmes(world);
  let employees = 0;
  let weightedProductivity = 0;
  for (let i = 0; i < world.smes.count; i++) {
    employees += world.smes.employees[i];
    weightedProductivity += world.smes.employees[i] * capabilityProductivity(world.smes.capability[i]);
  }
  if (employees > 0) economy.referenceSmeProductivity = weightedProductivity / employees;

  // The sampled economy: local markets sized so the starting SMEs run just above break-even.
  let smeRevenuePotential = 0;
  for (let i = 0; i < world.smes.count; i++) {
    smeRevenuePotential += world.smes.employees[i] * localRevenuePerWorker(world, i);
  }
  let gdpTotal = 0;
  for (let r = 0; r < R; r++) gdpTotal += regions.gdpWeekly[r];
  const localShare = Math.max(params.localMarketShare, 1e-6);
  economy.sampleFactor =
    gdpTotal > 0 && smeRevenuePotential > 0
      ? (STARTING_SME_UTILISATION * smeRevenuePotential) / (localShare * gdpTotal)
      : Math.max(params.scale, 1e-6) / Math.max(gdpTotal, 1);
  for (let r = 0; r < R; r++) {
    regions.localMarketBase[r] = params.localMarketShare * economy.sampleFactor * regions.gdpWeekly[r];
    regions.localDemandTrend[r] = regions.localMarketBase[r];
  }

  // Final demand ∝ population × GDP per capita^η, sized as a share of the sampled GDP.
  createFirms(world);
  // Provisional hub capacities: only their proportions matter for the starting hub mix.
  sizeHubCapacity(world, 1);
  world.scratch = createScratch(world.firms.count, R, world.plants.count, world.hubs.count, world.cells.count);
  let finalPriceSum = 0;
  for (let f = 0; f < world.firms.count; f++) {
    const home = f * B + world.firms.homeBloc[f];
    finalPriceSum += startingPlantCost(world, home).unit * (1 + params.markup);
  }
  economy.referenceFinalPrice = world.firms.count > 0 ? finalPriceSum / world.firms.count : economy.referenceComponentPrice * 3;
  const demandWeights = new Float64Array(R);
  let demandWeightSum = 0;
  for (let r = 0; r < R; r++) {
    demandWeights[r] = regions.population[r] * Math.pow(Math.max(regions.gdpPerCapita[r], 1), params.demandIncomeElasticity);
    demandWeightSum += demandWeights[r];
  }
  economy.totalFinalDemand =
    (params.finalGoodsShareOfGdp * economy.sampleFactor * gdpTotal) / Math.max(economy.referenceFinalPrice, 1e-9);
  for (let r = 0; r < R; r++) {
    regions.finalDemandBase[r] = demandWeightSum > 0 ? (economy.totalFinalDemand * demandWeights[r]) / demandWeightSum : 0;
  }
  sizeHubCapacity(world, economy.totalFinalDemand);
  economy.referencePlantCapacity =
    world.firms.count > 0 ? economy.totalFinalDemand / world.firms.count / params.plantUtilisationTarget : 1;
  economy.plantOverhead =
    world.firms.count > 0
      ? (params.plantOverheadShare * economy.totalFinalDemand * economy.referenceFinalPrice) / world.firms.count
      : 0;
  startPlants(world);

  // Policymakers: a budget per quarter (§7.9).
  for (let r = 0; r < R; r++) {
    world.policy.budgetQuarter[r] = (params.policyShare * params.taxShare * regions.gdpWeekly[r] * 52) / 4;
    world.policy.approval[r] = regions.trustGovernment[r];
  }
  return world;
}
