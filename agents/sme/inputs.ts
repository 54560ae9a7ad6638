import type { World } from '../../src/model/world.ts';
import { createImporterStore } from './schema.ts';
import { localRevenuePerWorker } from './costs.ts';
import { hubWeightsForRegion } from './sourcing.ts';
import { domesticRawPrice } from '../supplier/index.ts';
import { currentLeadTime } from '../../src/model/geography.ts';

/**
 * MODEL.md §9.2 — intermediate inputs of local production. SMEs' local-market sales are gross
 * output; every $ of them uses `localInputShare` $ of inputs (at the region's starting input
 * price), Leontief in the short run: a share `importedInputShare_r` imported from hub suppliers
 * through the region's importer (importers.ts), the rest from the domestic source into the SME's
 * own input stock (the raw-input stock and pipeline it also uses for chain work, ordered by the
 * same Sterman rule, §7.2). Neither kind substitutes for the other within a week.
 */

/**
 * §9.2: each region's imported share of local-market inputs, min(cap, k × merchandise trade / GDP),
 * with k set by bisection so the population-weighted mean is `mean`. Without trade data for every
 * region (two-hubs, generated worlds): `mean` outside hubs and `hubShare` in hubs.
 */
export function importedInputShares(
  population: ArrayLike<number>,
  isHub: ArrayLike<number>,
  trade: ArrayLike<number | undefined>,
  mean: number,
  cap: number,
  hubShare: number,
): Float64Array {
  const n = population.length;
  const shares = new Float64Array(n);
  let hasTrade = n > 0;
  for (let r = 0; r < n; r++) if (!(typeof trade[r] === 'number' && (trade[r] as number) >= 0)) hasTrade = false;
  if (!hasTrade) {
    for (let r = 0; r < n; r++) shares[r] = Math.min(cap, isHub[r] ? hubShare : mean);
    return shares;
  }
  let total = 0;
  for (let r = 0; r < n; r++) total += population[r];
  const meanAt = (k: number) => {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += population[r] * Math.min(cap, k * (trade[r] as number));
    return total > 0 ? sum / total : 0;
  };
  // The mean rises with k up to the cap's level: bisect on [0, hi] (60 halvings reach double precision).
  let hi = 1;
  while (meanAt(hi) < mean && hi < 1e6) hi *= 2;
  let lo = 0;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (meanAt(mid) < mean) lo = mid;
    else hi = mid;
  }
  for (let r = 0; r < n; r++) shares[r] = Math.min(cap, hi * (trade[r] as number));
  return shares;
}

/**
 * Build time (after hub capacities are provisionally sized): each region's imported input share,
 * its importer's hub shares (by landed cost, as tier-1 buyers spread) and starting landed cost, its
 * starting input price (domestic price and that landed cost, mixed by the imported share), and the
 * importer's arrays.
 */
export function setLocalInputs(world: World): void {
  const { regions, params, definition, hubs, geo } = world;
  regions.importedInputShare.set(
    importedInputShares(
      regions.population,
      regions.isHub,
      definition.regions.map((r) => r.merchandiseTrade),
      params.importedInputShare,
      params.importedInputShareMax,
      params.hubImportedInputShare,
    ),
  );
  world.importers = createImporterStore(regions.count, hubs.count, geo.pipelineWeeks);
  const domestic = domesticRawPrice(world);
  const weights = new Float64Array(hubs.count);
  for (let r = 0; r < regions.count; r++) {
    const landed = hubWeightsForRegion(world, r, weights);
    world.importers.hubShare.set(weights, r * hubs.count);
    if (!Number.isFinite(landed)) regions.importedInputShare[r] = 0; // no hub can ship there
    const m = regions.importedInputShare[r];
    world.importers.cost[r] = Number.isFinite(landed) ? landed : 0;
    regions.localInputPrice[r] = m > 0 ? m * landed + (1 - m) * domestic : domestic;
  }
}

/** Input units (domestic and imported together) one $ of local sales uses in region r: `localInputShare` over the region's starting input price. */
export function inputsPerSale(world: World, r: number): number {
  const price = world.regions.localInputPrice[r];
  return price > 0 ? world.params.localInputShare / price : 0;
}

/**
 * The imported share of region r's local-market inputs this week: `importedInputShare_r` × its
 * importer's record of deliveries — fixed within the week (Leontief), shifting toward domestic
 * inputs over weeks in which imports do not come, as every buyer's orders shift (§2).
 */
export function currentImportedShare(world: World, r: number): number {
  return world.regions.importedInputShare[r] * world.importers.availability[r];
}

/** Domestic input units one $ of local sales uses in region r (Leontief): the non-imported share. */
export function domesticInputsPerSale(world: World, r: number): number {
  return inputsPerSale(world, r) * (1 - currentImportedShare(world, r));
}

/** Imported input units one $ of local sales uses in region r (Leontief). */
export function importedInputsPerSale(world: World, r: number): number {
  return inputsPerSale(world, r) * currentImportedShare(world, r);
}

/**
 * Fills scratch with each region's domestic and imported input units per $ of local sales, as
 * `domesticInputsPerSale` and `importedInputsPerSale` give them now, for a loop over SMEs (they
 * change only between phases: `importers.availability` moves in phase 7).
 */
export function refreshInputsPerSale(world: World): { domestic: Float64Array; imported: Float64Array } {
  const { regions, scratch } = world;
  const domestic = scratch.regionDomesticInputsPerSale;
  const imported = scratch.regionImportedInputsPerSale;
  for (let r = 0; r < regions.count; r++) {
    domestic[r] = domesticInputsPerSale(world, r);
    imported[r] = importedInputsPerSale(world, r);
  }
  return { domestic, imported };
}

/** The local sales SME `id` is expected to make at the start or at entry: the starting utilisation of its local capacity. */
export function expectedLocalSales(world: World, id: number): number {
  return world.params.startingSmeUtilisation * world.smes.employees[id] * localRevenuePerWorker(world, id);
}

/**
 * A new SME's starting domestic inputs: its forecast of input needs is its expected local use, and
 * it holds `inventoryCoverWeeks` + 1 weeks of it (the safety stock and the week's working flow,
 * §7.2). Returns the units stocked (an entrant buys them from the domestic source).
 */
export function stockStartingInputs(world: World, id: number): number {
  const { smes, params } = world;
  const need = expectedLocalSales(world, id) * domesticInputsPerSale(world, smes.region[id]);
  const units = (params.inventoryCoverWeeks + 1) * need;
  smes.rawForecast[id] += need;
  smes.rawStock[id] += units;
  return units;
}

/**
 * Build time: every starting SME holds its starting domestic inputs, and every region's importer
 * its starting imported ones — cover + 1 weeks on hand and the weeks in transit from each hub
 * already on their way (so the start has no transient) — then hub raw capacity can be sized.
 */
export function stockSmeInputs(world: World): void {
  const { smes, regions, params, geo, hubs, importers } = world;
  const need = new Float64Array(regions.count);
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    stockStartingInputs(world, i);
    need[smes.region[i]] += expectedLocalSales(world, i) * importedInputsPerSale(world, smes.region[i]);
  }
  const weights = new Float64Array(hubs.count);
  const P = geo.pipelineWeeks;
  for (let r = 0; r < regions.count; r++) {
    if (!(need[r] > 0)) continue;
    importers.forecast[r] = need[r];
    importers.stock[r] = (params.inventoryCoverWeeks + 1) * need[r];
    for (let j = 0; j < hubs.count; j++) {
      const share = importers.hubShare[r * hubs.count + j];
      if (share <= 0) continue;
      const lead = currentLeadTime(geo, regions, hubs.region[j], r);
      for (let k = 1; k < lead; k++) importers.pipeline[(k % P) * regions.count + r] += share * need[r];
    }
  }
}

/**
 * An entrant's starting domestic inputs, bought from the domestic source with capital brought in
 * for them (so its cash buffer is the same as without inputs); the ledger records the units made,
 * the purchase and the capital.
 */
export function stockEntrantInputs(world: World, id: number): void {
  const units = stockStartingInputs(world, id);
  const cost = units * domesticRawPrice(world);
  world.ledger.rawProduced += units;
  world.ledger.domesticRawPurchases += cost;
  world.ledger.entryCapital += cost;
}

/**
 * Hub input units per week the importers need at the start, by hub supplier (by their hub
 * shares): the demand §9.2 adds to hub raw capacity.
 */
export function startingImportedInputUnits(world: World): Float64Array {
  const { regions, hubs, importers } = world;
  const H = hubs.count;
  const units = new Float64Array(H);
  for (let r = 0; r < regions.count; r++) {
    for (let j = 0; j < H; j++) units[j] += importers.hubShare[r * H + j] * importers.forecast[r];
  }
  return units;
}

/**
 * SME i's value added this week (§9.2): sales less the inputs they used — the raw inputs in its
 * components (one a component) and the domestic inputs in its local sales at its landed input cost,
 * the imported ones at its importer's cost — so restocking does not count as a loss of value added.
 */
export function smeValueAdded(world: World, i: number): number {
  const { smes, importers } = world;
  const r = smes.region[i];
  const domesticUsed = smes.chainOutput[i] + smes.localRevenue[i] * domesticInputsPerSale(world, r);
  const importedUsed = smes.localRevenue[i] * importedInputsPerSale(world, r);
  return smes.revenue[i] - smes.rawCost[i] * domesticUsed - importers.cost[r] * importedUsed;
}
