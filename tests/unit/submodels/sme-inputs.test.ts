/**
 * Intermediate inputs of local production (MODEL.md §9.2) against hand-computed values: the
 * imported share by region, the local sales a worker makes, the Leontief limits of domestic and
 * imported inputs, the importer's Sterman order, value added, and hub raw capacity at 80%.
 */
import { describe, expect, it } from 'vitest';
import { importedInputShares, smeValueAdded, startingImportedInputUnits } from '../../../agents/sme/inputs.ts';
import { domesticInputsPerSale, importedInputsPerSale, inputsPerSale } from '../../../agents/sme/inputs.ts';
import { orderImportedInputs, servableDemand } from '../../../agents/sme/importers.ts';
import { localRevenuePerWorker, grossOutputFactor } from '../../../agents/sme/costs.ts';
import { serveSmeSide, followCustomers, setLocalDemand } from '../../../agents/sme/local-market.ts';
import { currentLeadTime } from '../../../src/model/geography.ts';
import { HOM, HUB, NBR, addSme, threeRegions, tinyWorld } from './tiny-world.ts';

describe('§9.2 the imported share of local-market inputs by region', () => {
  it('min(0.5, k × trade) with k set for a population-weighted mean of 0.25: k = 0.25 → 0.125, 0.25, 0.5 (capped)', () => {
    // Populations 2, 1, 1; trade 0.5, 1.0, 4.0 of GDP. With 4k ≥ 0.5: (2 · 0.5k + k + 0.5) / 4 = 0.25 → k = 0.25.
    const shares = importedInputShares([2, 1, 1], [0, 0, 0], [0.5, 1.0, 4.0], 0.25, 0.5, 0.1);
    expect(shares[0]).toBeCloseTo(0.125, 10);
    expect(shares[1]).toBeCloseTo(0.25, 10);
    expect(shares[2]).toBeCloseTo(0.5, 10);
  });

  it('uncapped: trade 0.2, 0.6, 1.0 with populations 1, 1, 2 → k = 1/2.8 → 0.0714, 0.2143, 0.3571', () => {
    const shares = importedInputShares([1, 1, 2], [0, 0, 0], [0.2, 0.6, 1.0], 0.25, 0.5, 0.1);
    expect(shares[0]).toBeCloseTo(0.2 / 2.8, 10);
    expect(shares[1]).toBeCloseTo(0.6 / 2.8, 10);
    expect(shares[2]).toBeCloseTo(1 / 2.8, 10);
  });

  it('without trade data (two-hubs): 0.25 everywhere and 0.10 in the hubs; 0 in the ablation', () => {
    expect(Array.from(importedInputShares([1, 1], [0, 1], [undefined, undefined], 0.25, 0.5, 0.1))).toEqual([0.25, 0.1]);
    expect(Array.from(importedInputShares([1, 1], [0, 1], [undefined, undefined], 0, 0.5, 0))).toEqual([0, 0]);
  });

  it('a built world holds the shares: HOM and NBR 0.25, the hub 0.10', () => {
    const world = tinyWorld(threeRegions({ smesAtScaleOne: 60 }));
    expect(world.regions.importedInputShare[HOM]).toBeCloseTo(0.25, 12);
    expect(world.regions.importedInputShare[NBR]).toBeCloseTo(0.25, 12);
    expect(world.regions.importedInputShare[HUB]).toBeCloseTo(0.1, 12);
  });
});

describe('§9.2 local sales are gross output: inputs worth 0.45 of them, value added the rest', () => {
  const world = tinyWorld(threeRegions({ smesAtScaleOne: 60 }));
  const { regions, params, economy } = world;

  it('a worker-week sells wage × 1.2 × productivity / reference ÷ 0.55: its value added is what it was without inputs', () => {
    const id = addSme(world, HOM, { employees: 10, capability: 0.5 });
    const expected = (regions.wage[HOM] * 1.2 * (0.5 + 0.5 * 0.5)) / economy.referenceSmeProductivity / 0.55;
    expect(grossOutputFactor(0.45)).toBeCloseTo(1 / 0.55, 12);
    expect(localRevenuePerWorker(world, id)).toBeCloseTo(expected, 8);
    expect(localRevenuePerWorker(world, id) * (1 - params.localInputShare)).toBeCloseTo(expected * 0.55, 8);
  });

  it('input units per $ of sales: 0.45 / the region’s starting input price, split 0.75 domestic and 0.25 imported', () => {
    const price = regions.localInputPrice[HOM];
    expect(inputsPerSale(world, HOM)).toBeCloseTo(0.45 / price, 12);
    expect(domesticInputsPerSale(world, HOM)).toBeCloseTo((0.45 * 0.75) / price, 12);
    expect(importedInputsPerSale(world, HOM)).toBeCloseTo((0.45 * 0.25) / price, 12);
  });

  it('value added = sales − components’ inputs and local inputs at their costs', () => {
    const id = addSme(world, HOM, { employees: 10, capability: 0.6 });
    const { smes } = world;
    smes.revenue[id] = 1000;
    smes.localRevenue[id] = 800;
    smes.chainOutput[id] = 2;
    smes.rawCost[id] = 30;
    world.importers.cost[HOM] = 25;
    const domesticUsed = 2 + 800 * domesticInputsPerSale(world, HOM);
    const importedUsed = 800 * importedInputsPerSale(world, HOM);
    expect(smeValueAdded(world, id)).toBeCloseTo(1000 - 30 * domesticUsed - 25 * importedUsed, 8);
  });
});

describe('§9.2 Leontief: local sales are limited by domestic inputs on hand and by the importer’s stock', () => {
  it('one SME with domestic inputs for $500 of sales sells $500, uses them all and the matching imported units', () => {
    const world = tinyWorld(threeRegions({ smesAtScaleOne: 0 }));
    const { regions, smes, ledger } = world;
    const id = addSme(world, HOM, { employees: 50, capability: 0.8, customers: 1 });
    setLocalDemand(world);
    regions.localSmeDemand[HOM] = 10_000;
    world.importers.stock[HOM] = 1e6;
    smes.rawStock[id] = 500 * domesticInputsPerSale(world, HOM);
    followCustomers(world);
    ledger.localInputsUsed = 0;
    serveSmeSide(world);
    expect(smes.localRevenue[id]).toBeCloseTo(500, 6);
    expect(smes.rawStock[id]).toBeCloseTo(0, 9);
    expect(world.importers.stock[HOM]).toBeCloseTo(1e6 - 500 * importedInputsPerSale(world, HOM), 6);
    expect(ledger.localInputsUsed).toBeCloseTo(500 * inputsPerSale(world, HOM), 6);
  });

  it('the importer’s stock for $300 of sales caps the region’s SME sales at $300', () => {
    const world = tinyWorld(threeRegions({ smesAtScaleOne: 0 }));
    const { regions, smes } = world;
    const id = addSme(world, HOM, { employees: 50, capability: 0.8, customers: 1 });
    setLocalDemand(world);
    regions.localSmeDemand[HOM] = 10_000;
    const perImported = importedInputsPerSale(world, HOM);
    world.importers.stock[HOM] = 300 * perImported;
    smes.rawStock[id] = 1e6;
    expect(servableDemand(world, HOM, perImported)).toBeCloseTo(300, 8);
    followCustomers(world);
    serveSmeSide(world);
    expect(smes.localRevenue[id]).toBeCloseTo(300, 4);
    expect(world.importers.stock[HOM]).toBeCloseTo(0, 8);
  });
});

describe('§9.2 the importer orders by anchoring and adjustment (§7.2) from its hubs', () => {
  it('D̂ 100 → 100 (need 100), S 150, SL 0: O = 100 + 0.26 · ((200 − 150) + 0.34 · ((L − 1) · 100 − 0)), all to the one hub', () => {
    const world = tinyWorld(threeRegions({ smesAtScaleOne: 0 }));
    const { regions, hubs, scratch, geo } = world;
    world.importers.forecast[HOM] = 100;
    world.importers.stock[HOM] = 150;
    world.importers.pipeline.fill(0);
    world.importers.owed.fill(0);
    scratch.regionImportNeed.fill(0);
    scratch.regionImportNeed[HOM] = 100;
    orderImportedInputs(world);
    const lead = currentLeadTime(geo, regions, hubs.region[0], HOM);
    const expected = 100 + 0.26 * (200 - 150 + 0.34 * ((lead - 1) * 100));
    expect(hubs.count).toBe(1);
    expect(world.importers.owed[HOM * hubs.count]).toBeCloseTo(expected, 8);
  });
});

describe('§9.2 hub raw capacity is re-sized for 80% utilisation including the imported inputs', () => {
  it('raw capacity = 1.6 × component capacity + the importers’ starting needs / 0.8', () => {
    const world = tinyWorld(threeRegions({ smesAtScaleOne: 60 }));
    const { hubs } = world;
    const units = startingImportedInputUnits(world);
    expect(units[0]).toBeGreaterThan(0);
    expect(hubs.rawCapacity[0]).toBeCloseTo(hubs.componentCapacity[0] * 1.6 + units[0] / 0.8, 6);
    const ablated = tinyWorld(threeRegions({ smesAtScaleOne: 60 }), { importedInputShare: 0, hubImportedInputShare: 0 });
    expect(ablated.hubs.rawCapacity[0]).toBeCloseTo(ablated.hubs.componentCapacity[0] * 1.6, 6);
  });
});
