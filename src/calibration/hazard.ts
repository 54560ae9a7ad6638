/**
 * Calibration of the disruption hazard and the size of E[loss] (MODEL.md §9.1) to McKinsey Global
 * Institute 2020, "Risk, resilience, and rebalancing in global value chains": a value chain meets a
 * disruption of a month or longer every 3.7 years, and expected disruption losses come to about
 * 42% of one year's profit per decade. Procedure and result: docs/CALIBRATION.md.
 */
import { createWorld } from '../model/initialize.ts';
import { applyShocks } from '../model/shocks.ts';
import { step } from '../model/schedule.ts';
import type { WorldDefinition } from '../model/world-definition.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { CHOOSABLE, estimateStrategy } from '../../agents/firm/strategy.ts';
import { computeSmePools } from '../../agents/firm/pools.ts';
import { GLOBAL } from '../../agents/firm/schema.ts';

/** MGI 2020: a ≥ 1-month disruption every 3.7 years. */
export const TARGET_YEARS_BETWEEN_DISRUPTIONS = 3.7;
/** MGI 2020: expected losses ≈ 42% of one year's profit per decade (40–45% across its cases). */
export const TARGET_LOSS_SHARE_PER_DECADE = 0.42;

/** A single-hub chain: the plant's region and one hub region, far apart, nothing else. */
export function singleHubChain(): WorldDefinition {
  const region = (code: string, isHub: boolean, longitude: number) => ({
    code, name: code, bloc: isHub ? 1 : 0, incomeGroup: 'high_income' as const, latitude: 0, longitude,
    population: 1e6, gdpPerCapita: isHub ? 5_000 : 20_000, industryWorkersShare: 0.2, internetUse: 0.5,
    adultLiteracy: 0.9, landlocked: false, isHub,
  });
  return {
    name: 'single-hub-chain', blocs: ['home', 'hub'], regions: [region('HOME', false, 0), region('HUB', true, 90)],
    leadFirmHomes: [0], hubSuppliersPerHub: 1, smesAtScaleOne: 0, cellsAtScaleOne: 2, regionNeighbours: [[], []],
  };
}

/**
 * Disruption episodes per year a single-hub chain meets when every region's hazard is `hazard`
 * (1/year): the model's own hazard draw (applyShocks) over `years`, counting each stretch of weeks in
 * which the hub or the plant's region is disrupted as one episode.
 */
export function chainDisruptionRate(hazard: number, years: number, seed = 1): number {
  const world = createWorld(singleHubChain(), { seed, params: { hazardPerRegionYear: hazard, hubHazardPerYear: hazard } });
  const weeks = Math.round(years * 52);
  let episodes = 0;
  let before = false;
  for (let t = 0; t < weeks; t++) {
    world.tick = t;
    applyShocks(world);
    const disrupted = world.regions.capacityFactor[0] < 1 || world.regions.capacityFactor[1] < 1;
    if (disrupted && !before) episodes++;
    before = disrupted;
  }
  return episodes / years;
}

/** The common hazard (1/year) at which the chain meets one episode every `targetYears` (bisection). */
export function fitHazard(targetYears = TARGET_YEARS_BETWEEN_DISRUPTIONS, years = 20_000, seed = 1): number {
  let low = 0;
  let high = 1;
  for (let k = 0; k < 30; k++) {
    const mid = (low + high) / 2;
    if (chainDisruptionRate(mid, years, seed) < 1 / targetYears) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * E[loss_GLOBAL] per decade over one year's profit, per unit of `disruptionLossDepth`, in two-hubs
 * at defaults with every firm GLOBAL: a calm year (no hazard draws, π and ĥ at their priors) after
 * warm-up gives each firm's profit; E[loss] is C_GLOBAL at depth 1 minus C_GLOBAL at depth 0.
 * Returns the ratio of the firms' totals.
 */
export function lossShareAtUnitDepth(hazard: number, seeds: readonly number[], scale = 1): number {
  let loss = 0;
  let profit = 0;
  for (const seed of seeds) {
    const params = {
      scale, strategyOverride: 'GLOBAL', riskLearning: false, hazardEnabled: false,
      hazardPerRegionYear: hazard, hubHazardPerYear: hazard, disruptionLossDepth: 1,
    };
    const world = createWorld(lookupWorld('two-hubs'), { seed, params });
    const yearProfit = new Float64Array(world.firms.count);
    for (let t = 0; t < world.params.warmupWeeks + 52; t++) {
      step(world);
      if (t >= world.params.warmupWeeks) for (let f = 0; f < world.firms.count; f++) yearProfit[f] += world.firms.profit[f];
    }
    const pools = computeSmePools(world);
    const mutable = world.params as { disruptionLossDepth: number };
    for (let f = 0; f < world.firms.count; f++) {
      if (!world.firms.alive[f]) continue;
      const atOne = estimateStrategy(world, f, CHOOSABLE[GLOBAL], pools).cost;
      mutable.disruptionLossDepth = 0;
      const atZero = estimateStrategy(world, f, CHOOSABLE[GLOBAL], pools).cost;
      mutable.disruptionLossDepth = 1;
      loss += (atOne - atZero) * world.firms.demandForecast[f] * 520;
      profit += yearProfit[f];
    }
  }
  return loss / profit;
}

export interface HazardFit {
  regionHazardPerYear: number;
  hubHazardPerYear: number;
  disruptionLossDepth: number;
  /** Measured at the fit: episodes per year of the single-hub chain, and the loss share at the fitted depth. */
  chainRatePerYear: number;
  lossSharePerDecade: number;
}

export function calibrateHazard(seeds: readonly number[] = [1, 2, 3], scale = 1): HazardFit {
  const hazard = Number(fitHazard().toFixed(4));
  const perDepth = lossShareAtUnitDepth(hazard, seeds, scale);
  const depth = Number((TARGET_LOSS_SHARE_PER_DECADE / perDepth).toFixed(3));
  return {
    regionHazardPerYear: hazard,
    hubHazardPerYear: hazard,
    disruptionLossDepth: depth,
    chainRatePerYear: chainDisruptionRate(hazard, 20_000, 2),
    lossSharePerDecade: perDepth * depth,
  };
}
