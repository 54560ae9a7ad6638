/**
 * How §9.2's intermediate inputs start (agents/sme/inputs.ts) against hand-computed values: each
 * region's starting input price and importer, the imported share as imports fall short, an SME's
 * and an entrant's starting inputs, the importers' starting stocks and the inputs already in
 * transit, and the imported share's fit to trade data where it needs k above 1.
 */
import { describe, expect, it } from 'vitest';
import {
  currentImportedShare,
  domesticInputsPerSale,
  expectedLocalSales,
  importedInputShares,
  importedInputsPerSale,
  inputsPerSale,
  setLocalInputs,
  startingImportedInputUnits,
  stockEntrantInputs,
  stockSmeInputs,
  stockStartingInputs,
} from '../../../agents/sme/inputs.ts';
import { hubWeightsForRegion, landedRawCost } from '../../../agents/sme/sourcing.ts';
import { localRevenuePerWorker } from '../../../agents/sme/costs.ts';
import { domesticRawPrice } from '../../../agents/supplier/index.ts';
import { currentLeadTime } from '../../../src/model/geography.ts';
import { HOM, HUB, NBR, addSme, region, threeRegions, tinyWorld } from './tiny-world.ts';

const R = 3;

describe('§9.2 starting input prices and importers', () => {
  it('each region’s importer spreads over its hubs by landed cost; its input price mixes that landed cost and the domestic price by its imported share', () => {
    const world = tinyWorld(threeRegions({ hubSuppliersPerHub: 2 }));
    const { regions, hubs } = world;
    hubs.rawPrice[0] = 10;
    hubs.rawPrice[1] = 12;
    setLocalInputs(world);
    const domestic = domesticRawPrice(world);
    for (const r of [HOM, HUB, NBR]) {
      const weights = new Float64Array(2);
      const landed = hubWeightsForRegion(world, r, weights);
      // The cheaper hub gets more of the importer's orders; the landed cost is the weighted one.
      expect(weights[0]).toBeGreaterThan(weights[1]);
      expect(landed).toBeCloseTo(weights[0] * landedRawCost(world, 0, r) + weights[1] * landedRawCost(world, 1, r), 9);
      expect(world.importers.hubShare[r * 2]).toBeCloseTo(weights[0], 12);
      expect(world.importers.hubShare[r * 2 + 1]).toBeCloseTo(weights[1], 12);
      expect(world.importers.cost[r]).toBeCloseTo(landed, 9);
      const m = r === HUB ? 0.1 : 0.25;
      expect(regions.importedInputShare[r]).toBeCloseTo(m, 12);
      expect(regions.localInputPrice[r]).toBeCloseTo(m * landed + (1 - m) * domestic, 9);
    }
    // In the hub's own region the landed cost is the price: no freight, no tariff.
    expect(landedRawCost(world, 0, HUB)).toBe(10);
  });

  it('a world with trade data takes its shares from it: trade 10, 30, 40 % of GDP, populations 1, 4, 1 million → k = 1.5 / 170 → 0.088, 0.265, 0.353', () => {
    const definition = threeRegions({
      regions: [
        region('HOM', { bloc: 0, longitude: 0, merchandiseTrade: 10 }),
        region('HUB', { bloc: 1, longitude: 90, isHub: true, gdpPerCapita: 5_000, population: 4e6, merchandiseTrade: 30 }),
        region('NBR', { bloc: 0, longitude: 10, gdpPerCapita: 10_000, merchandiseTrade: 40 }),
      ],
    });
    const { regions } = tinyWorld(definition);
    // (1 · 10k + 4 · 30k + 1 · 40k) / 6 = 0.25 → k = 1.5 / 170; no share reaches the cap of 0.5.
    const k = 1.5 / 170;
    expect(regions.importedInputShare[HOM]).toBeCloseTo(10 * k, 9);
    expect(regions.importedInputShare[HUB]).toBeCloseTo(30 * k, 9);
    expect(regions.importedInputShare[NBR]).toBeCloseTo(40 * k, 9);
  });

  it('the hubs’ starting raw sales to importers: each importer’s forecast spread by its hub shares', () => {
    const world = tinyWorld(threeRegions({ hubSuppliersPerHub: 2 }));
    const { regions } = world;
    world.importers.hubShare.set([1, 0, 0.5, 0.5, 0.75, 0.25]);
    world.importers.forecast.set([100, 10, 40]);
    const units = startingImportedInputUnits(world);
    expect(units[0]).toBeCloseTo(100 + 5 + 30, 12);
    expect(units[1]).toBeCloseTo(0 + 5 + 10, 12);
  });

  it('as imports fall short the imported share shrinks with the importer’s availability: 0.25 × 0.4 = 0.1', () => {
    const world = tinyWorld(threeRegions());
    world.importers.availability[NBR] = 0.4;
    expect(currentImportedShare(world, NBR)).toBeCloseTo(0.1, 12);
    expect(importedInputsPerSale(world, NBR)).toBeCloseTo(inputsPerSale(world, NBR) * 0.1, 12);
    expect(domesticInputsPerSale(world, NBR)).toBeCloseTo(inputsPerSale(world, NBR) * 0.9, 12);
  });
});

describe('§9.2 starting inputs of SMEs and importers', () => {
  it('an SME expects to sell its starting utilisation of its local capacity, forecasts that need and holds cover + 1 weeks of it', () => {
    const world = tinyWorld(threeRegions());
    const { smes, params } = world;
    const id = addSme(world, NBR, { employees: 12, capability: 0.4 });
    const sales = params.startingSmeUtilisation * 12 * localRevenuePerWorker(world, id);
    expect(expectedLocalSales(world, id)).toBeCloseTo(sales, 9);
    const need = sales * domesticInputsPerSale(world, NBR);
    smes.rawForecast[id] = 1;
    smes.rawStock[id] = 2;
    const units = stockStartingInputs(world, id);
    expect(units).toBeCloseTo((params.inventoryCoverWeeks + 1) * need, 9);
    // The SME store holds forecasts in single precision.
    expect(smes.rawForecast[id]).toBeCloseTo(Math.fround(1 + need), 4);
    expect(smes.rawStock[id]).toBeCloseTo(2 + units, 9);
  });

  it('an entrant buys its starting inputs from the domestic source with capital brought in: the ledger records units, purchase and capital', () => {
    const world = tinyWorld(threeRegions());
    const { ledger, smes } = world;
    const id = addSme(world, HOM, { employees: 5, capability: 0.7 });
    ledger.rawProduced = 3;
    ledger.domesticRawPurchases = 4;
    ledger.entryCapital = 5;
    stockEntrantInputs(world, id);
    const units = smes.rawStock[id];
    expect(units).toBeGreaterThan(0);
    expect(ledger.rawProduced).toBeCloseTo(3 + units, 9);
    expect(ledger.domesticRawPurchases).toBeCloseTo(4 + units * domesticRawPrice(world), 9);
    expect(ledger.entryCapital).toBeCloseTo(5 + units * domesticRawPrice(world), 9);
  });

  it('each importer starts with its SMEs’ imported needs as forecast, cover + 1 weeks in stock, and each hub’s share in transit for the weeks 1 … lead − 1', () => {
    const world = tinyWorld(threeRegions({ hubSuppliersPerHub: 2 }));
    const { regions, smes, params, geo, hubs } = world;
    regions.leadTimeMultiplier[HUB] = 1.5;
    const a = addSme(world, NBR, { employees: 10, capability: 0.5 });
    const b = addSme(world, NBR, { employees: 4, capability: 0.9 });
    const c = addSme(world, HOM, { employees: 6, capability: 0.3 });
    const dead = addSme(world, NBR, { employees: 50, capability: 1 });
    smes.alive[dead] = 0;
    world.importers.hubShare.set([0.75, 0.25], NBR * 2);
    world.importers.hubShare.set([1, 0], HOM * 2);
    world.importers.forecast.fill(0);
    world.importers.forecast[HUB] = 77;
    world.importers.stock.fill(0);
    world.importers.pipeline.fill(0);
    for (const id of [a, b, c]) {
      smes.rawForecast[id] = 0;
      smes.rawStock[id] = 0;
    }
    stockSmeInputs(world);
    const needNbr = (expectedLocalSales(world, a) + expectedLocalSales(world, b)) * importedInputsPerSale(world, NBR);
    const needHom = expectedLocalSales(world, c) * importedInputsPerSale(world, HOM);
    expect(world.importers.forecast[NBR]).toBeCloseTo(needNbr, 9);
    expect(world.importers.forecast[HOM]).toBeCloseTo(needHom, 9);
    expect(world.importers.forecast[HUB]).toBe(77); // no SMEs there: untouched
    expect(world.importers.stock[NBR]).toBeCloseTo((params.inventoryCoverWeeks + 1) * needNbr, 9);
    expect(world.importers.stock[HOM]).toBeCloseTo((params.inventoryCoverWeeks + 1) * needHom, 9);
    expect(smes.rawStock[a]).toBeGreaterThan(0);
    expect(smes.rawStock[dead]).toBe(0);
    const lead = currentLeadTime(geo, regions, hubs.region[0], NBR);
    expect(lead).toBeGreaterThan(2);
    expect(lead).toBeLessThan(geo.pipelineWeeks);
    for (let k = 0; k < geo.pipelineWeeks; k++) {
      const inTransit = k >= 1 && k < lead;
      expect(world.importers.pipeline[k * R + NBR], `NBR slot ${k}`).toBeCloseTo(inTransit ? needNbr : 0, 9);
    }
    const homLead = currentLeadTime(geo, regions, hubs.region[0], HOM);
    for (let k = 0; k < geo.pipelineWeeks; k++) {
      expect(world.importers.pipeline[k * R + HOM], `HOM slot ${k}`).toBeCloseTo(k >= 1 && k < homLead ? needHom : 0, 9);
    }
  });
});

describe('§9.2 the imported share’s fit to trade data', () => {
  it('small trade needs k above 1: trade 0.05 and 0.15 with populations 1, 1 → k = 2.5 → 0.125 and 0.375', () => {
    const shares = importedInputShares([1, 1], [0, 0], [0.05, 0.15], 0.25, 0.5, 0.1);
    expect(shares[0]).toBeCloseTo(0.125, 10);
    expect(shares[1]).toBeCloseTo(0.375, 10);
  });

  it('a region with trade data of 0 is still data (share 0); one without any falls back to the mean for all', () => {
    expect(Array.from(importedInputShares([1, 1], [0, 0], [0, 0.5], 0.25, 0.5, 0.1)).map((x) => +x.toFixed(10))).toEqual([0, 0.5]);
    expect(Array.from(importedInputShares([1, 1], [0, 1], [0.5, undefined], 0.25, 0.5, 0.1))).toEqual([0.25, 0.1]);
    expect(Array.from(importedInputShares([1, 1], [0, 1], [0.5, -1], 0.25, 0.5, 0.1))).toEqual([0.25, 0.1]);
  });

  it('no regions: no shares; no population: every share is k × trade at the top of the search', () => {
    expect(importedInputShares([], [], [], 0.25, 0.5, 0.1).length).toBe(0);
    const shares = importedInputShares([0, 0], [0, 0], [0.1, 0.2], 0.25, 0.5, 0.1);
    expect(Array.from(shares)).toEqual([0.5, 0.5]);
  });
});
