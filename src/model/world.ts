import type { DrawRegistry } from '../sim/rng/keyed.ts';
import type { Params } from './params/registry.ts';
import type { RegionStore } from './regions.ts';
import type { Geography } from './geography.ts';
import type { Ledger } from './ledger.ts';
import type { WorldDefinition } from './world-definition.ts';
import type { ResolvedScenario } from './shocks.ts';
import type { Scratch } from './scratch.ts';
import type { FinalMarketStore, FirmStore, PlantHubLinks, PlantJobEvents, PlantStore } from '../../agents/firm/index.ts';
import type { HubStore, RawSourceStore } from '../../agents/supplier/index.ts';
import type { ImporterStore, SmeRegionStore, SmeStore, SmeSupplyExposure } from '../../agents/sme/index.ts';
import type { CellStore, CommunityRegionStore } from '../../agents/community/index.ts';
import type { PolicyStore } from '../../agents/policymaker/index.ts';

/** Constants of the sampled economy, fixed at initialisation. */
export interface Economy {
  /** Model money per real money: the sampled economy is this fraction of the real one. */
  sampleFactor: number;
  /** GDP per capita at which productivity is 1 (population-weighted mean). */
  referenceGdpPerCapita: number;
  /** Capacity-weighted mean hub raw-input price at the start ($/unit). */
  referenceRawPrice: number;
  /** Capacity-weighted mean hub component price at the start ($/unit). */
  referenceComponentPrice: number;
  /** Employment-weighted mean SME capability productivity (0.5 + 0.5 q) at the start. */
  referenceSmeProductivity: number;
  /** Mean GLOBAL final-good price at the start ($/unit). */
  referenceFinalPrice: number;
  /** Overhead of a running plant of the reference capacity ($/week). */
  plantOverhead: number;
  /** Capacity of the average starting home plant (units/week): the reference for overheads. */
  referencePlantCapacity: number;
  /** Hub components sized for all-GLOBAL demand at the target utilisation (units/week). */
  totalFinalDemand: number;
  /** Income quartile of each region (1 = bottom). */
  incomeQuartile: Uint8Array;
}

/** Everything a run is: the stores, the economy, the scenario and the clock. */
export interface World {
  definition: WorldDefinition;
  params: Params;
  scenario: ResolvedScenario;
  seed: number;
  /** Ticks since the start of warm-up; scenario week = tick − warmupWeeks. */
  tick: number;
  draws: DrawRegistry;
  economy: Economy;
  /** What is truly regional: geography and data, shocks, policy settings, the contested market's split. */
  regions: RegionStore;
  geo: Geography;
  /** Each kind's per-region state and tallies, written by that kind only. */
  finalMarket: FinalMarketStore;
  rawSources: RawSourceStore;
  smeRegions: SmeRegionStore;
  communityRegions: CommunityRegionStore;
  firms: FirmStore;
  plants: PlantStore;
  plantHub: PlantHubLinks;
  hubs: HubStore;
  smes: SmeStore;
  /** §9.2: each region's importer of its SMEs' imported inputs (SME kind). */
  importers: ImporterStore;
  cells: CellStore;
  policy: PolicyStore;
  /** Cross-kind event buffers, each written by one kind and read by another within the week. */
  /** Plant openings and closures (firms → communities' trust events). */
  plantJobEvents: PlantJobEvents;
  /** Where firms are exposed through their SME suppliers (SMEs → firms' observed hazards). */
  smeSupplyExposure: SmeSupplyExposure;
  /** This week's flows. */
  ledger: Ledger;
  /** Cumulative flows since the start of the run. */
  ledgerTotal: Ledger;
  /** Working arrays rewritten every week (not state). */
  scratch: Scratch;
}

export function scenarioWeek(world: World): number {
  return world.tick - world.params.warmupWeeks;
}

export function isStrategyWeek(world: World): boolean {
  return world.tick % world.params.strategyPeriodWeeks === 0;
}
