import type { IncomeGroup, WorldDefinition } from './world-definition.ts';
import { INCOME_GROUPS } from './world-definition.ts';

/**
 * Regions: the environment. Static data, the sampled economy, this week's shock and policy
 * settings (written in phases 1–2 and read by every later phase), and per-week aggregates that
 * later phases and reporters read.
 */
export interface RegionStore {
  count: number;
  codes: string[];
  names: string[];
  bloc: Uint8Array;
  incomeGroup: Uint8Array;
  isHub: Uint8Array;
  landlocked: Uint8Array;
  latitude: Float64Array;
  longitude: Float64Array;
  population: Float64Array;
  gdpPerCapita: Float64Array;
  industryWorkersShare: Float64Array;
  /** $ per worker-week. */
  wage: Float64Array;
  /** Labour productivity relative to the world's reference GDP per capita. */
  productivity: Float64Array;
  /** Real GDP per week (dollars, unscaled). */
  gdpWeekly: Float64Array;
  /** Final demand at reference conditions, units per week (sampled economy). */
  finalDemandBase: Float64Array;
  /** Local market for SMEs at reference conditions, $ per week (sampled economy). */
  localMarketBase: Float64Array;
  /** Initial SME count: the base of entry. */
  smeSlots: Float64Array;
  /** §9.4 references at the start: the SME side's customer base, its price and the hub side's landed price ($/unit). */
  localSmeWeightStart: Float64Array;
  localSmePriceStart: Float64Array;
  localHubPriceStart: Float64Array;
  /** f(GDP per capita) of §7.7, in [0, 1]. */
  incomeDiffusionFactor: Float64Array;
  /** §9.2: share of SMEs' local-market inputs bought from hub suppliers (the rest domestic). */
  importedInputShare: Float64Array;
  /** §9.2: $ per input unit at the start (domestic and the hubs' weighted landed price, mixed by that share). */
  localInputPrice: Float64Array;

  // Phase 1 (shocks)
  /** The headline factor: the deepest lockdown's `cf` or the hazard's factor this week (1 = none). */
  capacityFactor: Float64Array;
  /**
   * Each tier's capacity this week (§9.3): a lockdown cuts tier t to 1 − onsite_t · (1 − cf′),
   * cf′ rescaled per region; a hazard disruption cuts every tier to its factor. Read by production.
   */
  localServicesCapacityFactor: Float64Array;
  componentCapacityFactor: Float64Array;
  assemblyCapacityFactor: Float64Array;
  rawCapacityFactor: Float64Array;
  /**
   * The region's labour by tier (`LOCKDOWN_TIERS` order, 4 per region): a trend of employment over
   * `jobsTrendWeeks`, held while the region is disrupted. The weights of a lockdown's mean cut.
   */
  labourTrendByTier: Float64Array;
  finalDemandMultiplier: Float64Array;
  localDemandMultiplier: Float64Array;
  leadTimeMultiplier: Float64Array;
  freightMultiplier: Float64Array;
  borderOpen: Uint8Array;
  /** 1 while a scenario lockdown holds the region. */
  lockedDown: Uint8Array;
  /** 1 in the week a disruption (scenario lockdown or hazard) starts. */
  disruptionOnset: Uint8Array;
  hazardUntilTick: Int32Array;
  hazardCapacityFactor: Float64Array;
  demandNoise: Float64Array;

  // Phase 2 (policy)
  tariff: Float64Array;
  localSourcingSubsidy: Float64Array;
  reshoringGrantShare: Float64Array;
  /** Circular-procurement subsidy (§9.5): share of the recycled raw-input price the region pays. */
  circularSubsidy: Float64Array;
  transparency: Float64Array;
  /**
   * 1 while a funded smart sourcing node (§9.5) runs in the region this week, else 0: lead firms
   * see every SME of the region (listed, adopted or not), and sourcing from it costs less to
   * coordinate. Written by the policymaker (phase 2), read by the firm side.
   */
  sourcingNode: Float64Array;
  /** Real $ per week. */
  infrastructureSpend: Float64Array;
  trainingSpend: Float64Array;
  trainingLinked: Uint8Array;
  /** Sampled-economy $ per week, shared among the region's SMEs. */
  smeGrantSpend: Float64Array;

  // The model's contested-market split (src/model/local-market.ts, §9.4). Each kind's own regional
  // state and tallies live in its own store: the SMEs' (`SmeRegionStore`), the raw sources'
  // (`RawSourceStore`), the communities' (`CommunityRegionStore`) and the final market's (`FinalMarketStore`).
  /** §9.4: the hub side's share of the local market this week and the $ of it each side is asked for. */
  localHubShare: Float64Array;
  localHubDemand: Float64Array;
  localSmeDemand: Float64Array;
  /** Share of the SME side's demand SMEs served last week (the SME side's availability; 1 at the start). */
  localSmeFill: Float64Array;
}

export function incomeGroupIndex(group: IncomeGroup): number {
  return INCOME_GROUPS.indexOf(group);
}

export function createRegionStore(definition: WorldDefinition): RegionStore {
  const n = definition.regions.length;
  return {
    count: n,
    ...staticRegionData(definition),
    ...shockSettings(n),
    ...policySettings(n),
    ...weeklyAggregates(n),
  };
}

/** Geography and the world's data, then the sampled economy's constants (filled in by createWorld). */
function staticRegionData(definition: WorldDefinition) {
  const n = definition.regions.length;
  const f64 = () => new Float64Array(n);
  return {
    codes: definition.regions.map((r) => r.code),
    names: definition.regions.map((r) => r.name),
    bloc: Uint8Array.from(definition.regions, (r) => r.bloc),
    incomeGroup: Uint8Array.from(definition.regions, (r) => incomeGroupIndex(r.incomeGroup)),
    isHub: Uint8Array.from(definition.regions, (r) => (r.isHub ? 1 : 0)),
    landlocked: Uint8Array.from(definition.regions, (r) => (r.landlocked ? 1 : 0)),
    latitude: Float64Array.from(definition.regions, (r) => r.latitude),
    longitude: Float64Array.from(definition.regions, (r) => r.longitude),
    population: Float64Array.from(definition.regions, (r) => r.population),
    gdpPerCapita: Float64Array.from(definition.regions, (r) => r.gdpPerCapita),
    industryWorkersShare: Float64Array.from(definition.regions, (r) => r.industryWorkersShare),
    wage: f64(),
    productivity: f64(),
    gdpWeekly: f64(),
    finalDemandBase: f64(),
    localMarketBase: f64(),
    smeSlots: f64(),
    localSmeWeightStart: f64(),
    localSmePriceStart: f64(),
    localHubPriceStart: f64(),
    incomeDiffusionFactor: f64(),
    importedInputShare: f64(),
    localInputPrice: f64(),
  };
}

/** Phase 1's settings: no shock at the start. */
function shockSettings(n: number) {
  return {
    capacityFactor: new Float64Array(n).fill(1),
    localServicesCapacityFactor: new Float64Array(n).fill(1),
    componentCapacityFactor: new Float64Array(n).fill(1),
    assemblyCapacityFactor: new Float64Array(n).fill(1),
    rawCapacityFactor: new Float64Array(n).fill(1),
    labourTrendByTier: new Float64Array(n * 4),
    finalDemandMultiplier: new Float64Array(n).fill(1),
    localDemandMultiplier: new Float64Array(n).fill(1),
    leadTimeMultiplier: new Float64Array(n).fill(1),
    freightMultiplier: new Float64Array(n).fill(1),
    borderOpen: new Uint8Array(n).fill(1),
    lockedDown: new Uint8Array(n),
    disruptionOnset: new Uint8Array(n),
    hazardUntilTick: new Int32Array(n).fill(-1),
    hazardCapacityFactor: new Float64Array(n).fill(1),
    demandNoise: new Float64Array(n),
  };
}

/** Phase 2's settings: no programme at the start. */
function policySettings(n: number) {
  const f64 = () => new Float64Array(n);
  return {
    tariff: f64(),
    localSourcingSubsidy: f64(),
    reshoringGrantShare: f64(),
    circularSubsidy: f64(),
    transparency: f64(),
    sourcingNode: f64(),
    infrastructureSpend: f64(),
    trainingSpend: f64(),
    trainingLinked: new Uint8Array(n),
    smeGrantSpend: f64(),
  };
}

/** The contested local market's split, written by the model layer (see RegionStore). */
function weeklyAggregates(n: number) {
  const f64 = () => new Float64Array(n);
  return {
    localHubShare: f64(),
    localHubDemand: f64(),
    localSmeDemand: f64(),
    localSmeFill: new Float64Array(n).fill(1),
  };
}
