import { PIPELINE_WEEKS } from '../../src/model/geography.ts';

/** Strategy codes as stored in `FirmStore.strategy`. */
export const GLOBAL = 0;
export const DUAL = 1;
export const NEARSHORE = 2;
export const MULTILOCAL = 3;
export const LOCAL = 4;
/** Strategies a firm prices at its review (codes 0 … 3; LOCAL is override-only). */
export const CHOOSABLE_COUNT = 4;

/** Lead firms (OEMs / multinationals). One slot per firm; firms never enter, they may exit. */
export interface FirmStore {
  count: number;
  alive: Uint8Array;
  homeRegion: Uint16Array;
  homeBloc: Uint8Array;
  strategy: Uint8Array;
  /** Tick of the last strategy switch (−1 never). */
  switchedAtTick: Int32Array;
  cash: Float64Array;
  negativeCashWeeks: Int32Array;
  /** π: risk perception, EMA of the firm's shortfall. */
  riskPerception: Float64Array;
  /** ĥ_r: disruption onsets per week observed in each region (F × R). */
  observedHazard: Float64Array;
  /** F × R: 1 where the firm has an active plant or a hub source (its SMEs' regions are in `SmeSupplyExposure`); it observes onsets there. */
  exposure: Uint8Array;
  /** Share of the firm's demand unmet this week. */
  shortfall: Float64Array;
  /** Long-run demand forecast (all plants), units/week. */
  demandForecast: Float64Array;
  /** Demand by market bloc (EMA over about a quarter), F × B: where the firm sells. */
  demandByBloc: Float64Array;
  profit: Float64Array;
  revenue: Float64Array;
  strategySwitches: Uint32Array;
  /** Tick of the firm's last strategy review (−1: none yet, or `strategyOverride` holds it). */
  reviewedAtTick: Int32Array;
  /** F × 4 (GLOBAL, DUAL, NEARSHORE, MULTILOCAL): C_k and its risk-weighted E[loss] term at that review ($/unit). */
  reviewedCost: Float64Array;
  reviewedExpectedLoss: Float64Array;
  /** §9.5 last mile, F × B: 1 where the firm holds finished goods in a distribution hub in the bloc. */
  distributionHub: Uint8Array;
  /** Finished goods held in each distribution hub (F × B, units). */
  hubStock: Float64Array;
  /** D̂ of each hub's customer orders (F × B, units/week). */
  hubForecast: Float64Array;
  /** Customer orders the hub received this week (F × B, units). */
  hubOrders: Float64Array;
  /** EMA of each hub's fill rate: the availability its bloc's customers see (F × B). */
  hubAvailability: Float64Array;
  /** Plant → hub shipments in transit, ring of `pipelineWeeks` slots (slot-major: slot × F·B + f·B + b). */
  hubInbound: Float64Array;
  /** Final goods on their way to customers, ring of `pipelineWeeks` slots per firm (slot × F + f). */
  outbound: Float64Array;
}

/**
 * Plants: one potential slot per (firm, bloc). The home plant is always active; MULTILOCAL opens
 * the others. Plant ids are `firm * blocCount + bloc` for life.
 */
export interface PlantStore {
  count: number;
  blocCount: number;
  firm: Uint16Array;
  bloc: Uint8Array;
  region: Uint16Array;
  active: Uint8Array;
  /** Capacity the plant is ramping toward (units/week). */
  capacityTarget: Float64Array;
  /** Capacity now (units/week). */
  capacity: Float64Array;
  /** Week at which ramp-up started (−1: none in progress). */
  rampStartTick: Int32Array;
  finishedStock: Float64Array;
  componentStock: Float64Array;
  /** Components in transit, ring of `geo.pipelineWeeks` slots per plant (slot-major: slot × count + plant). */
  pipeline: Float64Array;
  /** D̂: forecast of customer orders, units/week. */
  forecast: Float64Array;
  /** Customer orders this week (units), sent direct (not through a distribution hub). */
  customerOrders: Float64Array;
  /** Replenishment orders from the firm's distribution hubs this week (units, §9.5). */
  replenishmentOrders: Float64Array;
  delivered: Float64Array;
  lostSales: Float64Array;
  /** EMA of the fill rate: the availability customers see. */
  availability: Float64Array;
  production: Float64Array;
  /** Components ordered this week (all sources). */
  componentOrders: Float64Array;
  /** Target share of components from SMEs under the firm's strategy. */
  smeShareTarget: Float64Array;
  /** Contracted SME capacity (units/week), summed over contracts. */
  smeContractCapacity: Float64Array;
  smeContracts: Uint32Array;
  /** Contracted SME capacity right after the last recruitment (top-ups compare against it). */
  smeCapacityAfterRecruiting: Float64Array;
  /** Capacity-weighted lead time from its contracted SMEs (weeks). */
  smeLeadTime: Float64Array;
  /** What the plant's SMEs owe it (units), summed each week. */
  owedBySmes: Float64Array;
  /** Reliability EMAs of the SME pool and the hub pool (fill fractions). */
  smeReliability: Float64Array;
  hubReliability: Float64Array;
  /** Landed unit cost of components (EMA, $). */
  componentCost: Float64Array;
  /** Unit cost of a finished good (EMA, $) and the price charged. */
  unitCost: Float64Array;
  price: Float64Array;
  /** Share of components from the plant's own bloc (EMA): local content customers see. */
  blocContent: Float64Array;
  /** Components ordered from SMEs this week (each contracted SME takes its share). */
  smeOrder: Float64Array;
  /** Paid this week for components, freight and tariffs on inputs. */
  inputSpend: Float64Array;
  /** Components shipped to the plant this week, split by origin: same region, same bloc, all. */
  receivedLocal: Float64Array;
  receivedBloc: Float64Array;
  receivedTotal: Float64Array;
  employment: Float64Array;
  valueAdded: Float64Array;
  co2: Float64Array;
  /** Distinct sourcing regions this week. */
  sourcingRegions: Float64Array;
}

/** Plant × hub-supplier matrices (row = plant). */
export interface PlantHubLinks {
  plants: number;
  hubs: number;
  /** Owed by the hub to the plant (units). */
  owed: Float64Array;
  /** Base weights of the GLOBAL choice (logit on landed cost × capacity). */
  weight: Float64Array;
  /** Reliability EMA of each hub as seen by the plant. */
  reliability: Float64Array;
  /** Orders placed this week. */
  ordered: Float64Array;
}

/**
 * Trust events from plants (§7.8), by region: jobs created by plant openings and lost by plant
 * closures this week. Owned and written by the firm kind (strategy, finance); read by
 * communities. Cleared at the start of each week's strategy phase.
 */
export interface PlantJobEvents {
  /** Jobs created by plants opened this week (workers). */
  opened: Float64Array;
  /** Jobs lost by plants closed this week (workers). */
  closed: Float64Array;
}

export function createPlantJobEvents(regionCount: number): PlantJobEvents {
  return { opened: new Float64Array(regionCount), closed: new Float64Array(regionCount) };
}

export function createFirmStore(count: number, regionCount: number, blocCount: number, pipelineWeeks = PIPELINE_WEEKS): FirmStore {
  const f64 = () => new Float64Array(count);
  return {
    count,
    alive: new Uint8Array(count).fill(1),
    homeRegion: new Uint16Array(count),
    homeBloc: new Uint8Array(count),
    strategy: new Uint8Array(count),
    switchedAtTick: new Int32Array(count).fill(-1),
    cash: f64(),
    negativeCashWeeks: new Int32Array(count),
    riskPerception: f64(),
    observedHazard: new Float64Array(count * regionCount),
    exposure: new Uint8Array(count * regionCount),
    shortfall: f64(),
    demandForecast: f64(),
    demandByBloc: new Float64Array(count * blocCount),
    profit: f64(),
    revenue: f64(),
    strategySwitches: new Uint32Array(count),
    reviewedAtTick: new Int32Array(count).fill(-1),
    reviewedCost: new Float64Array(count * CHOOSABLE_COUNT),
    reviewedExpectedLoss: new Float64Array(count * CHOOSABLE_COUNT),
    distributionHub: new Uint8Array(count * blocCount),
    hubStock: new Float64Array(count * blocCount),
    hubForecast: new Float64Array(count * blocCount),
    hubOrders: new Float64Array(count * blocCount),
    hubAvailability: new Float64Array(count * blocCount).fill(1),
    hubInbound: new Float64Array(pipelineWeeks * count * blocCount),
    outbound: new Float64Array(pipelineWeeks * count),
  };
}

export function createPlantStore(firmCount: number, blocCount: number, pipelineWeeks = PIPELINE_WEEKS): PlantStore {
  const count = firmCount * blocCount;
  const f64 = () => new Float64Array(count);
  return {
    count,
    blocCount,
    firm: new Uint16Array(count),
    bloc: new Uint8Array(count),
    region: new Uint16Array(count),
    active: new Uint8Array(count),
    capacityTarget: f64(),
    capacity: f64(),
    rampStartTick: new Int32Array(count).fill(-1),
    finishedStock: f64(),
    componentStock: f64(),
    pipeline: new Float64Array(count * pipelineWeeks),
    forecast: f64(),
    customerOrders: f64(),
    replenishmentOrders: f64(),
    delivered: f64(),
    lostSales: f64(),
    availability: new Float64Array(count).fill(1),
    production: f64(),
    componentOrders: f64(),
    smeShareTarget: f64(),
    smeContractCapacity: f64(),
    smeContracts: new Uint32Array(count),
    smeCapacityAfterRecruiting: f64(),
    smeLeadTime: new Float64Array(count).fill(1),
    owedBySmes: f64(),
    smeReliability: new Float64Array(count).fill(1),
    hubReliability: new Float64Array(count).fill(1),
    componentCost: f64(),
    unitCost: f64(),
    price: f64(),
    blocContent: f64(),
    smeOrder: f64(),
    inputSpend: f64(),
    receivedLocal: f64(),
    receivedBloc: f64(),
    receivedTotal: f64(),
    employment: f64(),
    valueAdded: f64(),
    co2: f64(),
    sourcingRegions: f64(),
  };
}

export function createPlantHubLinks(plants: number, hubs: number): PlantHubLinks {
  return {
    plants,
    hubs,
    owed: new Float64Array(plants * hubs),
    weight: new Float64Array(plants * hubs),
    reliability: new Float64Array(plants * hubs).fill(1),
    ordered: new Float64Array(plants * hubs),
  };
}
