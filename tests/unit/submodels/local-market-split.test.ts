/**
 * The SME side of a region's local market (MODEL.md §2, §7.5, §9.2, §9.4) against hand
 * computations: this week's demand (shock multiplier, income factor, demand noise with its mean
 * correction) and revenue per worker; customer bases that follow capacity × capability (dead SMEs
 * out); and the split of the SME side's demand among the SMEs of a region other than the first —
 * first by customer base up to each SME's capacity (labour left after its chain work, and its
 * domestic inputs), the rest to those with spare capacity — bounded by what the region's importer
 * holds of the imported inputs, which the sales then take.
 */
import { describe, expect, it } from 'vitest';
import { followCustomers, serveSmeSide, setLocalDemand } from '../../../agents/sme/local-market.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, HB2, HOM, HUB, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

describe('§7.5 this week’s local demand and revenue per worker', () => {
  it('1000 × 0.8 (shock) × 0.9 (income) × e^(0.1 − 0.2²/2) = 720 e^0.08; revenue per worker 100 × 1.2 / 0.55 × 0.5 / 0.75 = 145.45', () => {
    const world = twoFirmsTwoHubs({ demandNoiseSd: 0.2, demandFollowsIncome: true, localDemandIncomeElasticity: 1 });
    const { regions, scratch, economy } = world;
    regions.localMarketBase[NBR] = 1000;
    regions.localDemandMultiplier[NBR] = 0.8;
    world.communityRegions.incomeRatio[NBR] = 0.9;
    regions.demandNoise[NBR] = 0.1;
    world.smeRegions.localServed[NBR] = 55;
    regions.wage[NBR] = 100;
    regions.localServicesCapacityFactor[NBR] = 0.5;
    economy.referenceSmeProductivity = 0.75;
    setLocalDemand(world);
    expect(world.smeRegions.localDemand[NBR]).toBeCloseTo(720 * Math.exp(0.08), 6); // 779.97
    expect(world.smeRegions.localServed[NBR]).toBe(0);
    // Gross output per $ of value added: 1 / (1 − localInputShare 0.45) = 1 / 0.55.
    expect(scratch.regionLocalRevenueBase[NBR]).toBeCloseTo((100 * 1.2 * 0.5) / 0.55 / 0.75, 9);
  });
});

describe('§7.5 customer bases', () => {
  it('follow capacity × capability with a lag of 26 weeks; a dead SME keeps its own and is not counted', () => {
    const world = twoFirmsTwoHubs();
    const { regions, scratch, smes } = world;
    regions.productivity[NBR] = 1;
    addSme(world, HOM, { employees: 5, capability: 0.5 }); // SME 0
    const live = addSme(world, NBR, { employees: 10, capability: 0.6, customers: 4 });
    const dead = addSme(world, NBR, { employees: 10, capability: 0.6, customers: 10 });
    smes.alive[dead] = 0;
    followCustomers(world);
    // Target: 10 workers × 1 × 0.8 / 0.5 labour a component × capability 0.6 = 9.6.
    const customers = 4 + (9.6 - 4) / 26;
    expect(smes.customers[live]).toBeCloseTo(customers, 5);
    expect(smes.customers[dead]).toBe(10);
    expect(scratch.regionSmeWeight[NBR]).toBeCloseTo(customers, 5);
  });
});

describe('§9.4 the SME side’s demand split among a region’s SMEs', () => {
  /**
   * NBR: SME side's demand 1000 $, customer bases 30 and 10 (weight 40), 100 $ a worker-week at
   * capability productivity 1. Inputs: 0.45 / 1.5 = 0.3 units a $, 0.2 imported → 0.24 domestic,
   * 0.06 imported; the importer holds 45 units, enough for 45 / 0.06 = 750 $.
   */
  function marketWorld(): World {
    const world = twoFirmsTwoHubs();
    const { regions, importers, scratch } = world;
    regions.productivity[NBR] = 1;
    regions.localInputPrice[NBR] = 1.5;
    regions.importedInputShare[NBR] = 0.2;
    importers.availability[NBR] = 1;
    importers.stock[NBR] = 45;
    regions.localSmeDemand.fill(0);
    regions.localSmeDemand[NBR] = 1000;
    regions.localSmeDemand[HB2] = 100;
    world.smeRegions.localServed.fill(0);
    scratch.regionSmeWeight.fill(0);
    scratch.regionSmeWeight[NBR] = 40;
    scratch.regionSmeWeight[HB2] = 5;
    scratch.regionLocalRevenueBase.fill(0);
    scratch.regionLocalRevenueBase[NBR] = 100;
    scratch.regionLocalRevenueBase[HB2] = 0; // local services shut in HB2 this week
    return world;
  }

  it('first by customer base up to capacity, the remainder to spare capacity; stock, cash, labour and the importer’s stock follow', () => {
    const world = marketWorld();
    const { smes, regions, importers, ledger } = world;
    const outside = addSme(world, HOM, { employees: 5, capability: 0.5 }); // SME 0, in a region without customers
    // a: 10 workers, capability 1; owes 2 and was ordered 2 → chain work min(4, stock 100) = 4 needs
    // 4 × 0.5 / 1 = 2 workers: labour for (10 − 2) × 100 = 800 $, inputs for (100 − 4) / 0.24 = 400 $.
    const a = addSme(world, NBR, { employees: 10, capability: 1, customers: 30 });
    smes.owedToBuyer[a] = 2;
    smes.ordersLastWeek[a] = 2;
    smes.rawStock[a] = 100;
    // b: 5 workers, capability 0.6 (productivity 0.8): labour for 5 × 100 × 0.8 = 400 $; inputs plenty.
    const b = addSme(world, NBR, { employees: 5, capability: 0.6, customers: 10 });
    smes.rawStock[b] = 1000;
    const dead = addSme(world, NBR, { employees: 5, capability: 1, customers: 10 });
    smes.rawStock[dead] = 100;
    smes.alive[dead] = 0;
    const shut = addSme(world, HB2, { employees: 5, capability: 1, customers: 5 });
    smes.rawStock[shut] = 100;
    const cashA = smes.cash[a];
    const cashB = smes.cash[b];
    const spending = ledger.localMarketSpending;
    const used = ledger.localInputsUsed;
    serveSmeSide(world);
    // Servable: min(1000, 45 / 0.06) = 750. First round: a 750 · 30/40 = 562.5 → its capacity 400;
    // b 750 · 10/40 = 187.5 (spare 212.5). Remainder 750 − 587.5 = 162.5 fills 162.5 / 212.5 of b's spare.
    expect(smes.localRevenue[a]).toBeCloseTo(400, 4);
    expect(smes.localRevenue[b]).toBeCloseTo(187.5 + 162.5, 4); // 350
    expect(world.smeRegions.localServed[NBR]).toBeCloseTo(750, 6);
    expect(smes.localLabour[a]).toBeCloseTo(400 / 100, 5);
    expect(smes.localLabour[b]).toBeCloseTo(350 / 80, 5); // 4.375
    expect(world.smeRegions.smeLocalLabour[NBR]).toBeCloseTo(4 + 4.375, 5);
    expect(smes.cash[a] - cashA).toBeCloseTo(400, 2);
    expect(smes.cash[b] - cashB).toBeCloseTo(350, 2);
    expect(ledger.localMarketSpending - spending).toBeCloseTo(750, 3);
    // Domestic inputs from stock: a 400 × 0.24 = 96 (of 100), b 350 × 0.24 = 84; imported from the
    // importer: 24 + 21 = 45, all it held.
    expect(smes.rawStock[a]).toBeCloseTo(4, 4);
    expect(smes.rawStock[b]).toBeCloseTo(916, 3);
    expect(importers.stock[NBR]).toBeCloseTo(0, 4);
    expect(ledger.localInputsUsed - used).toBeCloseTo(96 + 84 + 45, 4);
    // No customers counted in HOM, nothing for the dead, no capacity where local services are shut.
    expect(smes.localRevenue[outside]).toBe(0);
    expect(smes.localLabour[outside]).toBe(0);
    expect(smes.localRevenue[dead]).toBe(0);
    expect(smes.rawStock[dead]).toBe(100);
    expect(smes.localRevenue[shut]).toBe(0);
    expect(smes.localLabour[shut]).toBe(0);
    expect(world.smeRegions.smeLocalLabour[HB2]).toBe(0);
    expect(world.smeRegions.localServed[HUB]).toBe(0); // no demand, no SMEs
    expect(world.smeRegions.localServed[HB2]).toBe(0);
  });
});
