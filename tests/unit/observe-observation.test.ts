/**
 * observe() (src/model/observe/observation.ts): the per-region totals of one week, gathered
 * from hand-set stores of a tiny world (HOM, HUB, NBR; R = 3), every field by hand. Slots of
 * the other regions are checked too, so a region or class index slip shows.
 */
import { describe, expect, it } from 'vitest';
import { createObservation, observe } from '../../src/model/observe/observation.ts';
import { NO_BUYER } from '../../agents/sme/schema.ts';
import { HOM, HUB, NBR, addSme, tinyWorld, twoFirmsTwoHubs } from './submodels/tiny-world.ts';

const arr = (a: Float64Array) => Array.from(a);

describe('observe: SMEs', () => {
  it('adds living SMEs by region and size class (micro 1–9, small 10–49, medium 50–249)', () => {
    const world = tinyWorld(undefined, { localInputShare: 0 });
    const s = world.smes;
    // HOM: a micro SME in a chain, adopted; NBR: a small one outside, a medium one in a chain
    // and adopted; plus a dead NBR SME that must not count.
    const a = addSme(world, HOM, { employees: 9, capability: 0.25, digital: 1 });
    const b = addSme(world, NBR, { employees: 10, capability: 0.5 });
    const c = addSme(world, NBR, { employees: 50, capability: 0.75, digital: 1 });
    const dead = addSme(world, NBR, { employees: 5, capability: 0.5, digital: 1 });
    s.buyerPlant[a] = 0;
    s.buyerPlant[b] = NO_BUYER;
    s.buyerPlant[c] = 1;
    s.buyerPlant[dead] = 0;
    s.alive[dead] = 0;
    for (const [i, profit, revenue, chainOutput] of [[a, 3, 20, 4], [b, -1, 10, 0], [c, 5, 40, 6], [dead, 100, 100, 100]]) {
      s.profit[i] = profit;
      s.revenue[i] = revenue;
      s.chainOutput[i] = chainOutput;
      s.localRevenue[i] = 0;
      s.rawCost[i] = 2;
    }
    const o = createObservation(3);
    o.smeCount.fill(77); // last week's values are cleared
    observe(world, o);
    expect(o.regionCount).toBe(3);
    expect(arr(o.smeCount)).toEqual([1, 0, 2]);
    expect(arr(o.smeEmployment)).toEqual([9, 0, 60]);
    expect(arr(o.smeAdopted)).toEqual([1, 0, 1]);
    expect(arr(o.smeInChain)).toEqual([1, 0, 1]);
    expect(arr(o.smeAdoptedInChain)).toEqual([1, 0, 1]);
    // By class at class · 3 + region: micro HOM (slot 0), small NBR (1 · 3 + 2 = 5), medium NBR (8).
    expect(arr(o.smeByClass)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 1]);
    expect(arr(o.smeInChainByClass)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(o.smeCapabilitySum[HOM]).toBeCloseTo(0.25, 6);
    expect(o.smeCapabilitySum[NBR]).toBeCloseTo(1.25, 6);
    expect(arr(o.smeProfit)).toEqual([3, 0, 4]);
    expect(arr(o.smeRevenue)).toEqual([20, 0, 50]);
    expect(arr(o.smeChainOutput)).toEqual([4, 0, 6]);
    // Value added with no local sales: revenue − raw cost 2 × chain output: HOM 20 − 8 = 12; NBR (10 − 0) + (40 − 12) = 38.
    expect(o.smeValueAdded[HOM]).toBeCloseTo(12, 6);
    expect(o.smeValueAdded[HUB]).toBe(0);
    expect(o.smeValueAdded[NBR]).toBeCloseTo(38, 6);
  });
});

describe('observe: plants, hubs, raw sources, firms and cells', () => {
  it('adds plant flows by plant region; active plants and their sourcing regions only when running', () => {
    const world = twoFirmsTwoHubs();
    const p = world.plants;
    expect(p.count).toBe(4);
    // Put plants 0 and 2 in NBR, 1 and 3 in HUB (by hand, whatever the start chose).
    p.region.set([NBR, HUB, NBR, HUB]);
    p.production.set([10, 20, 30, 40]);
    p.unitCost.set([1, 2, 3, 4]);
    p.price.set([5, 6, 7, 8]);
    p.delivered.set([1, 2, 3, 4]);
    p.receivedTotal.set([10, 0, 6, 1]);
    p.receivedLocal.set([4, 0, 1, 1]);
    p.receivedBloc.set([5, 0, 2, 1]);
    p.co2.set([0.5, 1, 1.5, 2]);
    p.valueAdded.set([100, 200, 300, 400]);
    p.active.set([1, 0, 1, 1]);
    p.sourcingRegions.set([2, 9, 3, 1]);
    const o = createObservation(world.regions.count);
    observe(world, o);
    const nbr = (a: Float64Array) => a[NBR];
    const hub = (a: Float64Array) => a[HUB];
    expect([nbr(o.plantProduction), hub(o.plantProduction), o.plantProduction[HOM]]).toEqual([40, 60, 0]);
    expect([nbr(o.plantUnitCostTimesProduction), hub(o.plantUnitCostTimesProduction)]).toEqual([100, 200]); // 10 + 90; 40 + 160
    expect([nbr(o.plantPriceTimesDelivered), hub(o.plantPriceTimesDelivered)]).toEqual([26, 44]); // 5 + 21; 12 + 32
    expect([nbr(o.plantDelivered), hub(o.plantDelivered)]).toEqual([4, 6]);
    expect([nbr(o.plantReceived), hub(o.plantReceived)]).toEqual([16, 1]);
    expect([nbr(o.plantReceivedLocal), hub(o.plantReceivedLocal)]).toEqual([5, 1]);
    expect([nbr(o.plantReceivedBloc), hub(o.plantReceivedBloc)]).toEqual([7, 1]);
    expect([nbr(o.plantCo2), hub(o.plantCo2)]).toEqual([2, 3]);
    expect([nbr(o.plantValueAdded), hub(o.plantValueAdded)]).toEqual([400, 600]);
    // Plant 1 is not running: neither counted nor its 9 sourcing regions.
    expect([nbr(o.activePlants), hub(o.activePlants), o.activePlants[HOM]]).toEqual([2, 1, 0]);
    expect([nbr(o.plantSourcingRegions), hub(o.plantSourcingRegions)]).toEqual([5, 1]);
  });

  it('adds hub suppliers by hub region, and prices the domestic and recycled raw sources\' output', () => {
    const world = twoFirmsTwoHubs({ domesticRawPremium: 1.5, recycledPricePremium: 0.2 });
    const h = world.hubs;
    expect(h.count).toBe(2);
    const HB2 = 3;
    expect(Array.from(h.region)).toEqual([HUB, HB2]);
    h.valueAdded.set([10, 20]);
    h.componentOutput.set([3, 4]);
    h.revenue.set([30, 40]);
    h.rawOutputInternal.set([1, 2]);
    h.rawOutputExternal.set([5, 7]);
    world.economy.referenceRawPrice = 10;
    const g = world.regions;
    world.rawSources.domesticRawOutput.set([4, 0, 2, 1]);
    world.rawSources.recycledRawOutput.set([1, 3, 0, 0]);
    const o = createObservation(4);
    o.rawVirgin.fill(50); // cleared first
    observe(world, o);
    expect(arr(o.hubValueAdded)).toEqual([0, 10, 0, 20]);
    expect(arr(o.hubOutput)).toEqual([0, 3, 0, 4]);
    expect(arr(o.hubRevenue)).toEqual([0, 30, 0, 40]);
    // Virgin raw: hubs' internal + external, plus the domestic source's: HOM 4, HUB 1 + 5, NBR 2, HB2 2 + 7 + 1.
    expect(arr(o.rawVirgin)).toEqual([4, 6, 2, 10]);
    expect(arr(o.rawRecycled)).toEqual([1, 3, 0, 0]);
    // Domestic price 1.5 × 10 = 15, recycled (1 + 0.2) × 10 = 12: HOM 4 · 15 + 1 · 12 = 72; HUB 36; NBR 30; HB2 15.
    const va = arr(o.domesticValueAdded);
    [72, 36, 30, 15].forEach((v, r) => expect(va[r], `region ${r}`).toBeCloseTo(v, 9));
  });

  it('counts living firms by home region and strategy, with their profit', () => {
    const world = twoFirmsTwoHubs();
    const f = world.firms;
    expect(Array.from(f.homeRegion)).toEqual([HOM, NBR]);
    f.strategy.set([1, 3]);
    f.profit.set([7, 9]);
    const o = createObservation(4);
    observe(world, o);
    expect(arr(o.firms)).toEqual([1, 0, 1, 0]);
    expect(arr(o.firmProfit)).toEqual([7, 0, 9, 0]);
    // firmsByStrategy[s · 4 + r]: DUAL (1) at HOM → slot 4; MULTILOCAL (3) at NBR → 3 · 4 + 2 = 14.
    const expected = new Array(20).fill(0);
    expected[4] = 1;
    expected[14] = 1;
    expect(arr(o.firmsByStrategy)).toEqual(expected);
    f.alive[1] = 0;
    observe(world, o);
    expect(arr(o.firms)).toEqual([1, 0, 0, 0]);
    expect(arr(o.firmProfit)).toEqual([7, 0, 0, 0]);
    expect(o.firmsByStrategy[14]).toBe(0);
  });

  it('sums firms’ last strategy reviews by home region: C_k − C_GLOBAL and E[loss]; a firm that has not reviewed, or is dead, adds nothing', () => {
    const world = twoFirmsTwoHubs();
    const f = world.firms;
    // Firm 0 (HOM) reviewed: C = [100, 130, 190, 150], E[loss] = [2, 1.5, 3, 4]; firm 1 (NBR) reviewed: C = [200, 210, 260, 300], E[loss] = [1, 1, 1, 1].
    f.reviewedCost.set([100, 130, 190, 150, 200, 210, 260, 300]);
    f.reviewedExpectedLoss.set([2, 1.5, 3, 4, 1, 1, 1, 1]);
    f.reviewedAtTick.set([12, 0]);
    const o = createObservation(4);
    observe(world, o);
    expect(arr(o.reviewedFirms)).toEqual([1, 0, 1, 0]);
    // costGapSum[k · 4 + r]: HOM gaps 0, 30, 90, 50; NBR gaps 0, 10, 60, 100.
    expect(arr(o.costGapSum)).toEqual([0, 0, 0, 0, 30, 0, 10, 0, 90, 0, 60, 0, 50, 0, 100, 0]);
    expect(arr(o.expectedLossSum)).toEqual([2, 0, 1, 0, 1.5, 0, 1, 0, 3, 0, 1, 0, 4, 0, 1, 0]);
    f.reviewedAtTick[1] = -1; // firm 1 has not reviewed
    observe(world, o);
    expect(arr(o.reviewedFirms)).toEqual([1, 0, 0, 0]);
    expect(arr(o.costGapSum)).toEqual([0, 0, 0, 0, 30, 0, 0, 0, 90, 0, 0, 0, 50, 0, 0, 0]);
    f.alive[0] = 0;
    observe(world, o);
    expect(arr(o.reviewedFirms)).toEqual([0, 0, 0, 0]);
    expect(arr(o.expectedLossSum).every((v) => v === 0)).toBe(true);
  });

  it('counts the population of cells whose weekly income is under 7 × the daily poverty line', () => {
    const world = tinyWorld(undefined, { povertyLinePerDay: 2 }); // line 14 a week
    const c = world.cells;
    expect(c.count).toBeGreaterThanOrEqual(3);
    c.income.fill(100);
    c.population.fill(1);
    c.region.fill(HOM);
    c.region[0] = NBR;
    c.income[0] = 13.99;
    c.population[0] = 40;
    c.region[1] = HUB;
    c.income[1] = 14; // at the line: not poor
    c.population[1] = 50;
    c.income[2] = 0;
    c.population[2] = 5; // HOM
    const o = createObservation(3);
    observe(world, o);
    expect(arr(o.poorPopulation)).toEqual([5, 0, 40]);
  });
});
