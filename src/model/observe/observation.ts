import type { World } from '../world.ts';
import { NO_BUYER, sizeClass, smeValueAdded as valueAddedOf } from '../../../agents/sme/index.ts';
import { CHOOSABLE_COUNT, type FirmStore } from '../../../agents/firm/index.ts';

/**
 * Per-region totals gathered in one pass over every store after the week's phases, from which
 * every regional indicator is a ratio of sums (so any grouping of regions aggregates exactly).
 */
export interface Observation {
  regionCount: number;
  smeCount: Float64Array;
  smeEmployment: Float64Array;
  smeAdopted: Float64Array;
  smeInChain: Float64Array;
  /** 3 × R: SMEs by size class (micro, small, medium) and those of them in a chain. */
  smeByClass: Float64Array;
  smeInChainByClass: Float64Array;
  smeAdoptedInChain: Float64Array;
  smeCapabilitySum: Float64Array;
  smeProfit: Float64Array;
  smeValueAdded: Float64Array;
  smeRevenue: Float64Array;
  smeChainOutput: Float64Array;
  plantProduction: Float64Array;
  plantUnitCostTimesProduction: Float64Array;
  plantPriceTimesDelivered: Float64Array;
  plantDelivered: Float64Array;
  plantReceived: Float64Array;
  plantReceivedLocal: Float64Array;
  plantReceivedBloc: Float64Array;
  plantSourcingRegions: Float64Array;
  activePlants: Float64Array;
  plantCo2: Float64Array;
  plantValueAdded: Float64Array;
  hubValueAdded: Float64Array;
  hubOutput: Float64Array;
  hubRevenue: Float64Array;
  domesticValueAdded: Float64Array;
  /** Raw inputs made this week in the region (§9.5): virgin (hub suppliers' and the domestic source's) and recycled. */
  rawVirgin: Float64Array;
  rawRecycled: Float64Array;
  /** 5 × R: firms by strategy, by home region. */
  firmsByStrategy: Float64Array;
  firms: Float64Array;
  firmProfit: Float64Array;
  /** Firms that have reviewed their strategy (`reviewedAtTick` ≥ 0), and 4 × R sums over them of C_k − C_GLOBAL and of the E[loss] term, by home region. */
  reviewedFirms: Float64Array;
  costGapSum: Float64Array;
  expectedLossSum: Float64Array;
  /** Population below the poverty line. */
  poorPopulation: Float64Array;
}

export function createObservation(regionCount: number): Observation {
  const f = (n = 1) => new Float64Array(regionCount * n);
  return {
    regionCount,
    smeCount: f(),
    smeEmployment: f(),
    smeAdopted: f(),
    smeInChain: f(),
    smeByClass: f(3),
    smeInChainByClass: f(3),
    smeAdoptedInChain: f(),
    smeCapabilitySum: f(),
    smeProfit: f(),
    smeValueAdded: f(),
    smeRevenue: f(),
    smeChainOutput: f(),
    plantProduction: f(),
    plantUnitCostTimesProduction: f(),
    plantPriceTimesDelivered: f(),
    plantDelivered: f(),
    plantReceived: f(),
    plantReceivedLocal: f(),
    plantReceivedBloc: f(),
    plantSourcingRegions: f(),
    activePlants: f(),
    plantCo2: f(),
    plantValueAdded: f(),
    hubValueAdded: f(),
    hubOutput: f(),
    hubRevenue: f(),
    domesticValueAdded: f(),
    rawVirgin: f(),
    rawRecycled: f(),
    firmsByStrategy: f(5),
    firms: f(),
    firmProfit: f(),
    reviewedFirms: f(),
    costGapSum: f(CHOOSABLE_COUNT),
    expectedLossSum: f(CHOOSABLE_COUNT),
    poorPopulation: f(),
  };
}

/** Fills the observation from the world's state at the end of a week. */
export function observe(world: World, o: Observation): void {
  const { smes, plants, hubs, firms, cells, regions, params, rawSources } = world;
  const R = regions.count;
  for (const value of Object.values(o)) if (value instanceof Float64Array) value.fill(0);
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    const cls = sizeClass(smes.employees[i]);
    const inChain = smes.buyerPlant[i] !== NO_BUYER ? 1 : 0;
    o.smeCount[r]++;
    o.smeEmployment[r] += smes.employees[i];
    o.smeAdopted[r] += smes.digital[i];
    o.smeInChain[r] += inChain;
    o.smeByClass[cls * R + r]++;
    o.smeInChainByClass[cls * R + r] += inChain;
    o.smeAdoptedInChain[r] += inChain * smes.digital[i];
    o.smeCapabilitySum[r] += smes.capability[i];
    o.smeProfit[r] += smes.profit[i];
    o.smeValueAdded[r] += valueAddedOf(world, i); // value added: sales less the inputs they used (§9.2)
    o.smeRevenue[r] += smes.revenue[i];
    o.smeChainOutput[r] += smes.chainOutput[i];
  }
  for (let p = 0; p < plants.count; p++) {
    const r = plants.region[p];
    o.plantProduction[r] += plants.production[p];
    o.plantUnitCostTimesProduction[r] += plants.unitCost[p] * plants.production[p];
    o.plantPriceTimesDelivered[r] += plants.price[p] * plants.delivered[p];
    o.plantDelivered[r] += plants.delivered[p];
    o.plantReceived[r] += plants.receivedTotal[p];
    o.plantReceivedLocal[r] += plants.receivedLocal[p];
    o.plantReceivedBloc[r] += plants.receivedBloc[p];
    o.plantCo2[r] += plants.co2[p];
    o.plantValueAdded[r] += plants.valueAdded[p];
    if (plants.active[p]) {
      o.activePlants[r]++;
      o.plantSourcingRegions[r] += plants.sourcingRegions[p];
    }
  }
  for (let j = 0; j < hubs.count; j++) {
    o.hubValueAdded[hubs.region[j]] += hubs.valueAdded[j];
    o.hubOutput[hubs.region[j]] += hubs.componentOutput[j];
    o.hubRevenue[hubs.region[j]] += hubs.revenue[j];
    o.rawVirgin[hubs.region[j]] += hubs.rawOutputInternal[j] + hubs.rawOutputExternal[j];
  }
  const domesticPrice = params.domesticRawPremium * world.economy.referenceRawPrice;
  const recycledPrice = (1 + params.recycledPricePremium) * world.economy.referenceRawPrice;
  for (let r = 0; r < R; r++) {
    o.domesticValueAdded[r] = rawSources.domesticRawOutput[r] * domesticPrice + rawSources.recycledRawOutput[r] * recycledPrice;
    o.rawVirgin[r] += rawSources.domesticRawOutput[r];
    o.rawRecycled[r] = rawSources.recycledRawOutput[r];
  }
  for (let f = 0; f < firms.count; f++) {
    if (!firms.alive[f]) continue;
    const r = firms.homeRegion[f];
    o.firms[r]++;
    o.firmsByStrategy[firms.strategy[f] * R + r]++;
    o.firmProfit[r] += firms.profit[f];
    addReview(o, firms, f, r);
  }
  const line = params.povertyLinePerDay * 7;
  for (let c = 0; c < cells.count; c++) {
    if (cells.income[c] < line) o.poorPopulation[cells.region[c]] += cells.population[c];
  }
}

/** Firm f's last strategy review, into its home region's sums (a firm that has not reviewed adds nothing). */
function addReview(o: Observation, firms: FirmStore, f: number, r: number): void {
  if (firms.reviewedAtTick[f] < 0) return;
  const R = o.regionCount;
  const base = f * CHOOSABLE_COUNT;
  const global = firms.reviewedCost[base];
  o.reviewedFirms[r]++;
  for (let k = 0; k < CHOOSABLE_COUNT; k++) {
    o.costGapSum[k * R + r] += firms.reviewedCost[base + k] - global;
    o.expectedLossSum[k * R + r] += firms.reviewedExpectedLoss[base + k];
  }
}
