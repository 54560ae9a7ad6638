/**
 * SME submodels against hand-computed values (MODEL.md §7.6, §2 local markets, §7.2 orders):
 * Bass adoption hazard, capability, growth, cash, taxes, drawings, exit, entry, the local market
 * and raw-input orders.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { adoptAndLearn } from '../../../agents/sme/digital.ts';
import { settleSmes } from '../../../agents/sme/finance.ts';
import { entersMarket, smeExitsAndEntries } from '../../../agents/sme/demography.ts';
import { serveLocalMarkets } from '../../../src/model/local-market.ts';
import { placeSmeOrders } from '../../../agents/sme/ordering.ts';
import { DOMESTIC_SOURCE, NO_BUYER, sizeClass, pipelineIndex } from '../../../agents/sme/schema.ts';
import { chooseRawSources } from '../../../agents/sme/sourcing.ts';
import { produceAtSmes } from '../../../agents/sme/production.ts';
import { shipSmeGoods } from '../../../agents/sme/shipping.ts';
import { powerLawEmployees } from '../../../agents/sme/costs.ts';
import { LOCAL } from '../../../agents/firm/schema.ts';
import { step } from '../../../src/model/schedule.ts';
import { PIPELINE_WEEKS } from '../../../src/model/geography.ts';
import { KeyedDraws } from '../../../src/sim/rng/keyed.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, equatorKm, threeRegions, tinyWorld } from './tiny-world.ts';

const SEED = 7;

/**
 * A region HOM with `n` SMEs, `adopted` of them already digital; access, literacy, grant and
 * the regional SME census set by hand (adoptAndLearn reads the census of the previous phase).
 */
function adoptionWorld(n: number, adopted: number, params: Record<string, unknown>, access: number, literacy: number, grant: number) {
  const world = tinyWorld(undefined, params, undefined, SEED);
  for (let k = 0; k < n; k++) addSme(world, HOM, { employees: 5, capability: 0.5, digital: k < adopted ? 1 : 0 });
  const r = world.regions;
  world.smeRegions.smeCount[HOM] = n;
  world.smeRegions.smeAdopted[HOM] = adopted;
  world.communityRegions.access[HOM] = access;
  world.communityRegions.literacy[HOM] = literacy;
  world.smeRegions.smeGrantIntensity[HOM] = grant;
  world.tick = 5;
  return world;
}

/** Runs adoption and checks every SME against u_i < h with the hand-computed h; returns adoptions. */
function checkAdoption(world: World, hazard: number): number {
  const before = Uint8Array.from(world.smes.digital.subarray(0, world.smes.count));
  adoptAndLearn(world);
  const draws = new KeyedDraws(SEED, 'sme.adopt');
  let adoptions = 0;
  for (let i = 0; i < world.smes.count; i++) {
    if (before[i]) {
      expect(world.smes.digital[i]).toBe(1);
      continue;
    }
    const expected = draws.uniformPacked(i, world.tick) < hazard ? 1 : 0;
    expect(world.smes.digital[i], `SME ${i}`).toBe(expected);
    adoptions += expected;
  }
  expect(world.smeRegions.smeAdoptions[HOM]).toBe(adoptions);
  return adoptions;
}

describe('§7.6 digital adoption hazard h = (p + q · adoptedShare) · a · l · (1 + g · grant) / 52', () => {
  it('with p, q, word of mouth and a grant: each SME adopts iff its draw < h; the count matches N · h', () => {
    const world = adoptionWorld(12_000, 3_000, { bassInnovation: 0.5, bassImitation: 2, techGrantEffect: 3 }, 0.9, 0.8, 0.5);
    // (0.5 + 2 · 0.25) · 0.9 · 0.8 · (1 + 3 · 0.5) / 52 = 1 · 0.72 · 2.5 / 52 = 0.0346154
    const h = ((0.5 + 2 * (3_000 / 12_000)) * 0.9 * 0.8 * (1 + 3 * 0.5)) / 52;
    const adoptions = checkAdoption(world, h);
    const n = 9_000;
    expect(Math.abs(adoptions - n * h)).toBeLessThan(4 * Math.sqrt(n * h * (1 - h))); // 311.5 ± 69
  });

  it('a high hazard: h = (0.5 + 2 · 0.5) · 1 · 1 · (1 + 10 · 1) / 52 = 0.3173', () => {
    const world = adoptionWorld(4_000, 2_000, { bassInnovation: 0.5, bassImitation: 2, techGrantEffect: 10 }, 1, 1, 1);
    const h = ((0.5 + 2 * 0.5) * 1 * 1 * (1 + 10 * 1)) / 52;
    const adoptions = checkAdoption(world, h);
    expect(Math.abs(adoptions - 2_000 * h)).toBeLessThan(4 * Math.sqrt(2_000 * h * (1 - h))); // 634.6 ± 83
  });

  it('q = 0 (the P5 ablation): only the external influence p acts', () => {
    const world = adoptionWorld(1000, 600, { bassInnovation: 0.5, bassImitation: 0, techGrantEffect: 1 }, 1, 1, 0);
    checkAdoption(world, (0.5 * 1 * 1 * 1) / 52);
  });

  it('p = 0: only word of mouth acts, and nobody adopts in a region with no adopters', () => {
    const world = adoptionWorld(1000, 100, { bassInnovation: 0, bassImitation: 2, techGrantEffect: 1 }, 0.5, 0.6, 0);
    checkAdoption(world, (2 * 0.1 * 0.5 * 0.6) / 52);
    const none = adoptionWorld(500, 0, { bassInnovation: 0, bassImitation: 2 }, 1, 1, 1);
    expect(checkAdoption(none, 0)).toBe(0);
  });

  it('no access means no adoption, whatever p and q', () => {
    const world = adoptionWorld(500, 250, { bassInnovation: 0.5, bassImitation: 2 }, 0, 1, 1);
    expect(checkAdoption(world, 0)).toBe(0);
  });
});

describe('§7.6 capability: saturating rise at κ(1 + ψ · inChain + σ · localPlant + γ · grant), depreciation', () => {
  it('matches q ← (1 − (1 − q) e^{−rate/52}) · e^{−δ/52} in and outside a chain', () => {
    const world = tinyWorld();
    const inChain = addSme(world, HOM, { employees: 5, capability: 0.4 });
    const outside = addSme(world, HOM, { employees: 5, capability: 0.4 });
    const elsewhere = addSme(world, NBR, { employees: 5, capability: 0.4 });
    world.smes.buyerPlant[inChain] = 0;
    world.smeRegions.smeGrantIntensity[HOM] = 0.5;
    // HOM has the firm's running home plant (σ applies); NBR has none and no grant.
    adoptAndLearn(world);
    const q0 = Math.fround(0.4);
    const depreciation = Math.exp(-0.02 / 52);
    const step = (rate: number) => (1 - (1 - q0) * Math.exp(-rate / 52)) * depreciation;
    expect(world.smes.capability[inChain]).toBeCloseTo(step(0.15 * (1 + 1 + 0.5 + 0.5 * 0.5)), 6);
    expect(world.smes.capability[outside]).toBeCloseTo(step(0.15 * (1 + 0.5 + 0.5 * 0.5)), 6);
    expect(world.smes.capability[elsewhere]).toBeCloseTo(step(0.15 * 1), 6);
  });

  test.prop(
    [
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ],
    { seed: 20261123, numRuns: 40 },
  )('stays in [0,1] for every rate in its range', (q, kappa, psi, grant, depreciation) => {
    const world = tinyWorld(undefined, {
      capabilityRate: kappa,
      chainLearning: psi,
      grantLearning: 10,
      localPlantLearning: 10,
      capabilityDepreciation: depreciation,
    });
    const id = addSme(world, HOM, { employees: 5, capability: q });
    world.smes.buyerPlant[id] = 0;
    world.smeRegions.smeGrantIntensity[HOM] = grant;
    for (let week = 0; week < 3; week++) adoptAndLearn(world);
    const value = world.smes.capability[id];
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  });
});

/** One SME in HOM with wage 100 and productivity 1. */
function financeWorld(params: Record<string, unknown> = {}) {
  const world = tinyWorld(undefined, { smeEntryRate: 0, ...params });
  world.regions.wage[HOM] = 100;
  world.regions.productivity[HOM] = 1;
  const id = addSme(world, HOM, { employees: 10, capability: 0.6 });
  return { world, id };
}

describe('§7.6 SME finance and growth', () => {
  it('profit, tax, owner drawings and hiring ∝ profit above expandUtilisation', () => {
    const { world, id } = financeWorld();
    const s = world.smes;
    s.revenue[id] = 2000;
    s.spend[id] = 300;
    s.cash[id] = 10_000; // already holds this week's revenue net of spend
    s.localLabour[id] = 8;
    s.chainOutput[id] = 6;
    s.rawCost[id] = 12;
    settleSmes(world);
    const wages = 10 * 100;
    const earned = 2000 - 300 - wages; // 700
    const tax = 0.2 * earned; // 140
    const balance = 10_000 - wages - tax; // 8 860 > target 8 · 1 000
    const drawn = 0.1 * (balance - 8 * wages); // 86
    expect(s.profit[id]).toBe(Math.fround(earned)); // stored as Float32 (a weekly flow, not a stock)
    expect(s.cash[id]).toBeCloseTo(balance - drawn, 10);
    expect(world.ledger.profitTaxes).toBeCloseTo(tax, 10);
    expect(world.ledger.ownerDrawings).toBeCloseTo(drawn, 10);
    // Utilisation = (local labour + chain output · 0.5 / (1 · (0.5 + 0.5 · 0.6))) / 10 = 1.175.
    const capabilityProductivity = 0.5 + 0.5 * Math.fround(0.6);
    expect(s.utilisation[id]).toBeCloseTo((8 + (6 * 0.5) / capabilityProductivity) / 10, 6);
    // Hires growthResponse · profit / wage = 0.3 · 700 / 100 = 2.1.
    expect(s.employees[id]).toBeCloseTo(10 + (0.3 * 700) / 100, 5);
    // Next week's price: (0.5 · wage / output per worker + raw cost) · (1 + μ).
    expect(s.price[id]).toBeCloseTo(((0.5 * 100) / capabilityProductivity + 12) * 1.2, 4);
  });

  it('no hiring below expandUtilisation even with a profit', () => {
    const { world, id } = financeWorld();
    const s = world.smes;
    s.revenue[id] = 2000;
    s.cash[id] = 5000;
    s.localLabour[id] = 5; // utilisation 0.5 < 0.85
    settleSmes(world);
    expect(s.employees[id]).toBe(10);
  });

  it('sheds staff ∝ loss, never below one employee', () => {
    const { world, id } = financeWorld();
    const s = world.smes;
    s.revenue[id] = 500;
    s.cash[id] = 5000;
    settleSmes(world);
    expect(s.employees[id]).toBeCloseTo(10 + (0.3 * (500 - 1000)) / 100, 5); // 8.5
    expect(s.cash[id]).toBeCloseTo(5000 - 1000, 10); // no tax on a loss, nothing drawn
    s.employees[id] = 2;
    s.revenue[id] = 0;
    s.spend[id] = 1000; // earned = −1 200: 2 − 0.3 · 1 200 / 100 = −1.6 → floor at 1
    settleSmes(world);
    expect(s.employees[id]).toBe(1);
  });

  it('a tech grant pays intensity × reference weeks of wages, intensity = pot / demand capped at 1', () => {
    const { world, id } = financeWorld();
    const s = world.smes;
    world.smeRegions.smeEmployment[HOM] = 10;
    const demand = (4 / 52) * 10 * 100; // 76.923
    world.regions.smeGrantSpend[HOM] = 0.5 * demand;
    s.revenue[id] = 1000;
    s.cash[id] = 3000;
    settleSmes(world);
    expect(world.smeRegions.smeGrantIntensity[HOM]).toBeCloseTo(0.5, 12);
    expect(world.ledger.grants).toBeCloseTo(0.5 * (4 / 52) * 1000, 10);
    expect(s.cash[id]).toBeCloseTo(3000 + 0.5 * (4 / 52) * 1000 - 1000, 10);
  });

  it('exits after smeExitWeeks (8) consecutive weeks of negative cash; a positive week resets the count', () => {
    const { world, id } = financeWorld();
    const s = world.smes;
    s.employees[id] = 1;
    s.cash[id] = -50;
    for (let week = 1; week <= 7; week++) {
      world.tick = week;
      settleSmes(world);
      smeExitsAndEntries(world);
      expect(s.negativeCashWeeks[id]).toBe(week);
      expect(s.alive[id]).toBe(1);
    }
    const cashAtExit = s.cash[id] - 100; // one more week of wages (1 × 100), no revenue
    world.tick = 8;
    settleSmes(world);
    smeExitsAndEntries(world);
    expect(s.alive[id]).toBe(0);
    expect(world.smeRegions.smeExits[HOM]).toBe(1);
    expect(world.ledger.exitWriteOffs).toBeCloseTo(cashAtExit, 10);
    expect(s.freeSlots.toArray()).toEqual([id]);

    const again = financeWorld();
    const t = again.world.smes;
    t.cash[again.id] = 5_000; // this week's revenue already landed in cash
    t.negativeCashWeeks[again.id] = 5;
    t.revenue[again.id] = 5_050;
    settleSmes(again.world);
    expect(t.negativeCashWeeks[again.id]).toBe(0);
  });
});

describe('§7.6 entry: Poisson with mean (rate / 52) · slots · (1 + literacy) · (1 + growth⁺)', () => {
  // MODEL.md §7.6 writes baseEntry × population; the code uses the region's starting SME count
  // (∝ population × industry workers share × scale) — documented in docs/ODD.md §7.6 and
  // "Departures" item 14 (and agents/sme/params.ts smeEntryRate). The test follows that form.
  // No pre-entry selection here (entrantMinCapabilityShare = 0): every would-be entrant enters; the
  // selection has its own tests below.
  const entryWorld = () => {
    const world = tinyWorld(undefined, { smeEntryRate: 0.1, entrantMinCapabilityShare: 0 });
    const r = world.regions;
    r.smeSlots.fill(0);
    r.smeSlots[HOM] = 520;
    world.communityRegions.literacy[HOM] = 0.5;
    return world;
  };

  it('the count is the Poisson draw of the hand-computed mean, and its average over many weeks is that mean', () => {
    const world = entryWorld();
    const r = world.regions;
    const draws = new KeyedDraws(SEED, 'sme.entry');
    // Trend 100 → 100 + (110 − 100)/52; growth = 110 / trend − 1.
    const trend = 100 + (110 - 100) / 52;
    const mean = (0.1 / 52) * 520 * (1 + 0.5) * (1 + (110 / trend - 1)); // 1.646834
    const weeks = 3000;
    let total = 0;
    for (let tick = 0; tick < weeks; tick++) {
      world.tick = tick;
      world.smeRegions.localDemand[HOM] = 110;
      world.smeRegions.localDemandTrend[HOM] = 100;
      smeExitsAndEntries(world);
      expect(world.smeRegions.smeEntries[HOM]).toBe(draws.poisson(HOM, tick, mean));
      expect(world.smeRegions.smeEntries[HUB] + world.smeRegions.smeEntries[NBR]).toBe(0); // no slots: mean 0
      total += world.smeRegions.smeEntries[HOM];
    }
    expect(Math.abs(total / weeks - mean)).toBeLessThan(4 * Math.sqrt(mean / weeks)); // ± 0.094
    expect(world.smes.count).toBe(total);
  });

  it('falling local demand does not lower entry below the base (growth⁺)', () => {
    const world = entryWorld();
    const r = world.regions;
    const draws = new KeyedDraws(SEED, 'sme.entry');
    const mean = (0.1 / 52) * 520 * 1.5; // 1.5
    for (let tick = 0; tick < 200; tick++) {
      world.tick = tick;
      world.smeRegions.localDemand[HOM] = 50;
      world.smeRegions.localDemandTrend[HOM] = 100;
      smeExitsAndEntries(world);
      expect(world.smeRegions.smeEntries[HOM]).toBe(draws.poisson(HOM, tick, mean));
    }
  });

  it('an entrant gets smeCashWeeks of wages as cash and half the customer base its capacity × capability holds', () => {
    const world = entryWorld();
    world.regions.wage[HOM] = 100;
    world.regions.productivity[HOM] = 1;
    for (let tick = 0; tick < 100 && world.smes.count === 0; tick++) {
      world.tick = tick;
      world.smeRegions.localDemand[HOM] = 100;
      world.smeRegions.localDemandTrend[HOM] = 100; // mean 1.5 a week
      smeExitsAndEntries(world);
    }
    expect(world.smes.count).toBeGreaterThan(0);
    const s = world.smes;
    const e = s.employees[0];
    const q = s.capability[0];
    expect(s.cash[0]).toBeCloseTo(2 * e * 100, 6);
    expect(s.customers[0]).toBeCloseTo(0.5 * ((e * 1 * (0.5 + 0.5 * q)) / 0.5) * q, 4);
    expect(e).toBeGreaterThanOrEqual(1);
    expect(e).toBeLessThanOrEqual(249);
  });
});

describe('§9.6 pre-entry selection: a would-be entrant enters only with capability ≥ entrantMinCapabilityShare × the region mean', () => {
  it('entersMarket compares with the region’s current mean; with no SMEs every would-be entrant enters', () => {
    const world = tinyWorld(undefined, { entrantMinCapabilityShare: 0.8 });
    const r = world.regions;
    world.smeRegions.smeCount[HOM] = 10;
    world.smeRegions.smeCapabilitySum[HOM] = 5; // mean 0.5 → threshold 0.8 × 0.5 = 0.4
    expect(entersMarket(world, HOM, 0.4)).toBe(true);
    expect(entersMarket(world, HOM, 0.399)).toBe(false);
    expect(entersMarket(world, HOM, 0.9)).toBe(true);
    world.smeRegions.smeCount[NBR] = 0;
    world.smeRegions.smeCapabilitySum[NBR] = 0;
    expect(entersMarket(world, NBR, 0.05)).toBe(true);
  });

  it('at threshold share = entrantCapabilityShare = 0.8, a would-be entrant enters exactly when its capability draw z ≥ 0', () => {
    // capability = 0.8 × mean + 0.1 × z (mean 0.5: no clipping for |z| < 4.5) ≥ 0.8 × mean ⇔ z ≥ 0,
    // whatever the mean has become after this week's earlier entrants joined the census.
    const world = tinyWorld(undefined, { smeEntryRate: 0.1, entrantMinCapabilityShare: 0.8, entrantCapabilityShare: 0.8, capabilityDispersion: 0.1 });
    const r = world.regions;
    r.smeSlots.fill(0);
    r.smeSlots[HOM] = 520;
    world.communityRegions.literacy[HOM] = 0.5;
    const entryDraws = new KeyedDraws(SEED, 'sme.entry');
    const entrantDraws = new KeyedDraws(SEED, 'sme.entrant');
    let wouldBe = 0;
    let entered = 0;
    for (let tick = 0; tick < 300; tick++) {
      world.tick = tick;
      world.smeRegions.localDemand[HOM] = 100;
      world.smeRegions.localDemandTrend[HOM] = 100; // growth 0: mean (0.1 / 52) × 520 × 1.5 = 1.5 a week
      world.smeRegions.smeCount[HOM] = 10;
      world.smeRegions.smeCapabilitySum[HOM] = 5;
      const n = entryDraws.poisson(HOM, tick, 1.5);
      // Hand-computed: the census takes in each entrant before the next one is compared.
      let count = 10;
      let sum = 5;
      const capabilities: number[] = [];
      for (let k = 0; k < n; k++) {
        const z = entrantDraws.normal((HOM << 16) | k, tick, 2);
        const capability = 0.8 * (sum / count) + 0.1 * z;
        if (z >= 0) {
          expect(capability).toBeGreaterThanOrEqual(0.8 * (sum / count));
          capabilities.push(capability);
          count++;
          sum += capability;
        }
      }
      const first = world.smes.count;
      smeExitsAndEntries(world, []);
      expect(world.smeRegions.smeEntries[HOM], `tick ${tick}`).toBe(capabilities.length);
      expect(world.smes.count - first).toBe(capabilities.length);
      capabilities.forEach((q, k) => expect(world.smes.capability[first + k]).toBeCloseTo(q, 6)); // stored as float32
      wouldBe += n;
      entered += capabilities.length;
    }
    expect(entered / wouldBe).toBeGreaterThan(0.4); // about half: z ≥ 0
    expect(entered / wouldBe).toBeLessThan(0.6);
  });

  it('threshold 0 lets every would-be entrant in (the rule before §9.6)', () => {
    const world = tinyWorld(undefined, { smeEntryRate: 0.1, entrantMinCapabilityShare: 0 });
    const r = world.regions;
    r.smeSlots.fill(0);
    r.smeSlots[HOM] = 520;
    world.communityRegions.literacy[HOM] = 0.5;
    const entryDraws = new KeyedDraws(SEED, 'sme.entry');
    for (let tick = 0; tick < 100; tick++) {
      world.tick = tick;
      world.smeRegions.localDemand[HOM] = 100;
      world.smeRegions.localDemandTrend[HOM] = 100;
      world.smeRegions.smeCount[HOM] = 10;
      world.smeRegions.smeCapabilitySum[HOM] = 5;
      smeExitsAndEntries(world, []);
      expect(world.smeRegions.smeEntries[HOM]).toBe(entryDraws.poisson(HOM, tick, 1.5));
    }
  });
});

/** These hand computations are of labour-only local output; inputs (§9.2) are tested in sme-inputs.test.ts. */
const LABOUR_ONLY = { localInputShare: 0 };

describe('§2 local market: shares by customer base (capacity × capability, lagged), capped by capacity, second round to spare capacity', () => {
  it('matches a hand-computed three-SME split', () => {
    const world = tinyWorld(threeRegions(), LABOUR_ONLY);
    const r = world.regions;
    r.wage[HOM] = 52;
    r.productivity[HOM] = 1;
    r.localMarketBase[HOM] = 1200;
    world.economy.referenceSmeProductivity = 0.75;
    // A: 10 staff, q 0.6 → capacity 10 · 0.8 / 0.5 = 16 units, target base 16 · 0.6 = 9.6 (already there).
    const a = addSme(world, HOM, { employees: 10, capability: 0.6, customers: 9.6 });
    // B: 20 staff, q 0.2 → 24 units, target 4.8; its base lags at 2.4; 6 units of chain work owed,
    // but raw inputs for only 5: labour is held back for the 5 it can make.
    const b = addSme(world, HOM, { employees: 20, capability: 0.2, customers: 2.4 });
    world.smes.owedToBuyer[b] = 4;
    world.smes.ordersLastWeek[b] = 2;
    world.smes.rawStock[b] = 5;
    // C: 4 staff, q 0.9 → 7.6 units, target 6.84 (already there).
    const c = addSme(world, HOM, { employees: 4, capability: 0.9, customers: 6.84 });
    const f32 = Math.fround;
    const prodA = 0.5 + 0.5 * f32(0.6);
    const prodB = 0.5 + 0.5 * f32(0.2);
    const prodC = 0.5 + 0.5 * f32(0.9);
    const perWorker = (52 * 1.2 * 1) / 0.75; // 83.2 $ per worker-week at capability productivity 1
    const baseA = f32(9.6) + (10 * prodA / 0.5 * f32(0.6) - f32(9.6)) / 26;
    const baseB = f32(2.4) + (((20 * prodB) / 0.5) * f32(0.2) - f32(2.4)) / 26; // 2.4923
    const baseC = f32(6.84) + (((4 * prodC) / 0.5) * f32(0.9) - f32(6.84)) / 26;
    const total = baseA + baseB + baseC;
    const capA = 10 * perWorker * prodA; // 665.6
    const chainB = (5 * 0.5) / (1 * prodB); // min(owed + orders, raw stock) = 5 units: 4.17 workers
    const capB = (20 - chainB) * perWorker * prodB;
    const capC = 4 * perWorker * prodC; // 316.16
    const firstA = Math.min((1200 * baseA) / total, capA);
    const firstB = Math.min((1200 * baseB) / total, capB);
    const firstC = Math.min((1200 * baseC) / total, capC); // capped: 433.5 > 316.16
    expect(firstC).toBe(capC);
    const remainder = 1200 - firstA - firstB - firstC;
    const spare = capA - firstA + (capB - firstB);
    const fill = remainder / spare;
    serveLocalMarkets(world);
    const s = world.smes;
    expect(s.customers[b]).toBeCloseTo(baseB, 5);
    expect(s.localRevenue[a]).toBeCloseTo(firstA + (capA - firstA) * fill, 3);
    expect(s.localRevenue[b]).toBeCloseTo(firstB + (capB - firstB) * fill, 3);
    expect(s.localRevenue[c]).toBeCloseTo(capC, 3);
    expect(world.smeRegions.localServed[HOM]).toBeCloseTo(1200, 3);
    expect(s.localLabour[b]).toBeCloseTo(s.localRevenue[b] / (perWorker * prodB), 4);
    expect(s.cash[a]).toBeCloseTo(s.localRevenue[a], 3); // localRevenue is Float32
  });

  it('the second round fills spare capacity at most once; what still exceeds it is lost', () => {
    // E: 2 staff (capacity 2 · 83.2 = 166.4 $), a large customer base 16 (drifting to 4);
    // F: 8 staff (capacity 665.6 $), base 4 (drifting to 16). Both q = 1, wage 52, μ 0.2, ref. prod. 0.75.
    const market = (demand: number) => {
      const world = tinyWorld(threeRegions(), LABOUR_ONLY);
      world.regions.wage[HOM] = 52;
      world.regions.productivity[HOM] = 1;
      world.regions.localMarketBase[HOM] = demand;
      world.economy.referenceSmeProductivity = 0.75;
      const e = addSme(world, HOM, { employees: 2, capability: 1, customers: 16 });
      const f = addSme(world, HOM, { employees: 8, capability: 1, customers: 4 });
      serveLocalMarkets(world);
      return { e: world.smes.localRevenue[e], f: world.smes.localRevenue[f], served: world.smeRegions.localServed[HOM] };
    };
    const perWorker = (52 * 1.2) / 0.75; // 83.2
    const capE = 2 * perWorker;
    const capF = 8 * perWorker;
    const baseE = 16 + (4 - 16) / 26;
    const baseF = 4 + (16 - 4) / 26;
    const first = (demand: number) => (demand * baseF) / (baseE + baseF);

    // Demand 1 500: E is capped at 166.4; F's first share 334.6 leaves spare 331.0 < remainder 999.0:
    // fill = min(1, 999.0 / 331.0) = 1, so F serves its whole capacity and 668 $ are lost.
    const big = market(1_500);
    expect(1_500 - capE - first(1_500)).toBeGreaterThan(capF - first(1_500));
    expect(big.e).toBeCloseTo(capE, 4);
    expect(big.f).toBeCloseTo(capF, 4);
    expect(big.served).toBeCloseTo(capE + capF, 4); // 832

    // Demand 700: remainder 700 − 166.4 − first(700) < F's spare: fill = remainder / spare, all served.
    const small = market(700);
    const remainder = 700 - capE - first(700);
    const spareF = capF - first(700);
    expect(remainder).toBeLessThan(spareF);
    expect(small.e).toBeCloseTo(capE, 4);
    expect(small.f).toBeCloseTo(first(700) + spareF * (remainder / spareF), 4);
    expect(small.served).toBeCloseTo(700, 4);
  });

  it('demand beyond every SME’s capacity is lost; a local demand shock and the capacity factor scale it', () => {
    const world = tinyWorld(threeRegions(), LABOUR_ONLY);
    const r = world.regions;
    r.wage[HOM] = 52;
    r.productivity[HOM] = 1;
    r.localMarketBase[HOM] = 10_000;
    r.localDemandMultiplier[HOM] = 0.5;
    r.localServicesCapacityFactor[HOM] = 0.5;
    world.economy.referenceSmeProductivity = 0.75;
    const a = addSme(world, HOM, { employees: 10, capability: 1, customers: 20 });
    serveLocalMarkets(world);
    expect(world.smeRegions.localDemand[HOM]).toBeCloseTo(5000, 8);
    const capacity = 10 * ((52 * 1.2 * 0.5) / 0.75) * 1; // 416
    expect(world.smes.localRevenue[a]).toBe(Math.fround(capacity));
    expect(world.smeRegions.localServed[HOM]).toBeCloseTo(capacity, 6);
  });
});

describe('§7.2 SME raw-input orders (supply line = pipeline + owed)', () => {
  it('takes its share of the buyer’s order, then orders raw inputs by anchoring and adjustment', () => {
    const world = tinyWorld();
    const s = world.smes;
    const { plants } = world;
    const id = addSme(world, HOM, { employees: 10, capability: 0.5 });
    s.buyerPlant[id] = 0;
    s.contractCapacity[id] = 10;
    plants.smeContractCapacity[0] = 30;
    plants.smeOrder[0] = 60;
    s.owedToBuyer[id] = 5;
    s.rawForecast[id] = 10;
    s.ordersLastWeek[id] = 16;
    s.rawStock[id] = 40;
    s.rawPipeline[pipelineIndex(s, id, 3)] = 8;
    s.owedByHub[id] = 4;
    s.owedByDomestic[id] = 3;
    s.rawSource[id] = 0; // the hub supplier in HUB: L = 4
    s.rawHubShare[id] = 0.75;
    placeSmeOrders(world);
    const received = (60 * 10) / 30; // 20
    const owed = 5 + received; // 25
    const forecast = 10 + 0.36 * (16 - 10); // 12.16
    const lead = 0.75 * 4 + 0.25 * 1; // hub lead and domestic handling, mixed by the hub share
    const supplyLine = 8 + 4 + 3;
    const order = forecast + 0.26 * (2 * forecast - (40 - owed) + 0.34 * ((lead - 1) * forecast - supplyLine));
    expect(s.ordersReceived[id]).toBeCloseTo(received, 10);
    expect(s.owedToBuyer[id]).toBeCloseTo(owed, 10);
    expect(s.rawOrdered[id]).toBeCloseTo(order, 4); // 15.6758 (forecast is stored as float32)
    expect(s.owedByHub[id]).toBeCloseTo(4 + 0.75 * order, 4);
    expect(s.owedByDomestic[id]).toBeCloseTo(3 + 0.25 * order, 4);
    expect(PIPELINE_WEEKS).toBe(8);
  });

  it('an SME outside any chain with no backlog or forecast orders nothing', () => {
    const world = tinyWorld();
    const id = addSme(world, HOM, { employees: 10, capability: 0.5 });
    expect(world.smes.buyerPlant[id]).toBe(NO_BUYER);
    placeSmeOrders(world);
    expect(world.smes.rawOrdered[id]).toBe(0);
  });
});

describe('§7.6 initial SMEs', () => {
  it('employees follow the truncated power law: F(x) = (1 − x^−α) / (1 − max^−α) on [1, 249]', () => {
    for (const u of [0, 0.3, 0.5, 0.9, 0.999]) {
      const x = powerLawEmployees(u, 1, 249);
      expect((1 - 1 / x) / (1 - 1 / 249)).toBeCloseTo(u, 12);
    }
    expect(powerLawEmployees(0.5, 1, 249)).toBeCloseTo(1 / (1 - 0.5 * (1 - 1 / 249)), 12); // 1.992
    expect(powerLawEmployees(0.25, 0, 249)).toBeCloseTo(1 + 0.25 * 248, 12); // α = 0: uniform sizes
  });

  it('size classes: micro 1–9, small 10–49, medium 50–249', () => {
    expect([1, 9.9, 10, 49.9, 50, 249].map(sizeClass)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('starting cash is log-normal around a median of smeCashWeeks (2) weeks of wages', () => {
    const world = tinyWorld(threeRegions({ smesAtScaleOne: 3000 }));
    const s = world.smes;
    const weeks: number[] = [];
    for (let i = 0; i < s.count; i++) weeks.push(s.cash[i] / (s.employees[i] * world.regions.wage[s.region[i]]));
    weeks.sort((a, b) => a - b);
    const median = weeks[Math.floor(weeks.length / 2)];
    // Sampling sd of the log-median ≈ 1.2533 · 0.5 / √3000 = 0.011: a 5% band is > 4 sd.
    expect(Math.abs(median / 2 - 1)).toBeLessThan(0.05);
  });
});

describe('§2 tier-1 raw-input source: landed cost + (π/π0) · margin · ĥ · max(0, L + d̄ − cover)', () => {
  // SME in HOM: wage 100, productivity 1, q 0.5, raw cost 10 → price (0.5 · 100 / 0.75 + 10) · 1.2 = 92;
  // margin = 0.2 · 92 = 18.4. Hub raw in HUB: 8 + freight 0.0012 · 10 007.5 = 20.009, L = 4.
  // Domestic: 1.3 · 20 = 26, L = handling = 1, at the prior hazard 0.27 / 52.
  const sourcingWorld = (hazard: number, perception = 0.05) => {
    const world = tinyWorld();
    world.regions.wage[HOM] = 100;
    world.regions.productivity[HOM] = 1;
    world.hubs.rawPrice[0] = 8;
    world.economy.referenceRawPrice = 20;
    const id = addSme(world, HOM, { employees: 10, capability: 0.5 });
    world.smes.rawCost[id] = 10;
    world.smes.rawSource[id] = 0; // currently buys from the HUB supplier, so its own ĥ counts
    world.smes.rawHubShare[id] = 1;
    world.smes.observedHazard[id] = hazard;
    world.smes.riskPerception[id] = perception;
    return { world, id };
  };
  const margin = 0.2 * ((0.5 * 100) / 0.75 + 10) * 1.2;
  const hubLanded = 8 + 0.0012 * equatorKm(90);
  const prior = 0.1414 / 52; // the calibrated hazard of hubs and other regions (src/model/params/hazard-fit.ts)
  const threshold = (weight: number) => (26 + weight * margin * prior * (1 + 6 - 2) - hubLanded) / (weight * margin * (4 + 6 - 2));

  it('keeps the hub below the hand-computed break-even hazard and moves to the domestic source above it', () => {
    const h = threshold(1); // ≈ 0.04394
    const below = sourcingWorld(h * 0.98);
    chooseRawSources(below.world);
    expect(below.world.smes.rawSource[below.id]).toBe(0);
    const above = sourcingWorld(h * 1.02);
    chooseRawSources(above.world);
    expect(above.world.smes.rawSource[above.id]).toBe(DOMESTIC_SOURCE);
    expect(above.world.smes.rawHubShare[above.id]).toBe(0);
    expect(above.world.smes.observedHazard[above.id]).toBeCloseTo(prior, 7);
  });

  it('doubling π halves the risk-free margin: the break-even hazard moves accordingly', () => {
    const h = threshold(2); // ≈ 0.02359
    const below = sourcingWorld(h * 0.98, 0.1);
    chooseRawSources(below.world);
    expect(below.world.smes.rawSource[below.id]).toBe(0);
    const above = sourcingWorld(h * 1.02, 0.1);
    chooseRawSources(above.world);
    expect(above.world.smes.rawSource[above.id]).toBe(DOMESTIC_SOURCE);
  });

  it('suppliers of a LOCAL firm buy domestic', () => {
    const { world, id } = sourcingWorld(0);
    world.smes.buyerPlant[id] = 0;
    world.firms.strategy[0] = LOCAL;
    chooseRawSources(world);
    expect(world.smes.rawSource[id]).toBe(DOMESTIC_SOURCE);
  });

  // BUG: MODEL.md §2 — "Tier-1 suppliers use the same E[loss] form with their own observed
  // hazards". SmeStore.observedHazard ("ĥ of its hub's region", agents/sme/schema.ts:51) is set to
  // the prior at birth and on a source switch (agents/sme/sourcing.ts:62) but nothing ever updates
  // it from disruptions, so a supplier never learns its hub's hazard. Reproduction: an SME buying
  // from the hub while the hub region is locked down (onset in week 1).
  it('an SME’s observed hazard of its hub region rises after a disruption onset there', () => {
    const world = tinyWorld(undefined, {}, {
      shocks: [{ kind: 'lockdown', target: { regions: ['HUB'] }, start: 1, weeks: 6, capacityFactor: 0.3 }],
    });
    const id = addSme(world, HOM, { employees: 10, capability: 0.5, cash: 1e6 });
    world.smes.rawSource[id] = 0;
    world.smes.rawHubShare[id] = 1;
    world.smes.observedHazard[id] = prior;
    world.tick = 1;
    for (let t = 0; t < 4; t++) step(world);
    expect(world.firms.observedHazard[HUB]).toBeGreaterThan(prior); // the lead firm learns (holds)
    expect(world.smes.rawSource[id]).toBe(0);
    expect(world.smes.observedHazard[id]).toBeGreaterThan(Math.fround(prior)); // fails: stays at the prior
  });
});

describe('§3.6–3.7 SME production and shipping', () => {
  const chainWorld = () => {
    const world = tinyWorld();
    world.regions.productivity[HOM] = 1;
    const id = addSme(world, HOM, { employees: 10, capability: 0.6 });
    const s = world.smes;
    s.buyerPlant[id] = 0; // the home plant, in HOM
    s.contractCapacity[id] = 8;
    s.owedToBuyer[id] = 30;
    s.localLabour[id] = 4;
    return { world, id };
  };

  it('makes min(labour left × output per worker × capacity factor, raw stock, backlog)', () => {
    const { world, id } = chainWorld();
    world.regions.componentCapacityFactor[HOM] = 0.5;
    world.smes.rawStock[id] = 10;
    produceAtSmes(world);
    const capacity = ((10 - 4) * 1 * (0.5 + 0.5 * Math.fround(0.6))) / 0.5 * 0.5; // 4.8
    expect(world.smes.chainOutput[id]).toBeCloseTo(capacity, 5);
    expect(world.smes.rawStock[id]).toBeCloseTo(10 - capacity, 5);
    const short = chainWorld();
    short.world.smes.rawStock[short.id] = 3;
    produceAtSmes(short.world);
    expect(short.world.smes.chainOutput[short.id]).toBeCloseTo(3, 12);
  });

  it('ships its output to the buyer and pulls its hub’s published raw fill fraction and the domestic source’s capacity factor', () => {
    const { world, id } = chainWorld();
    const s = world.smes;
    world.tick = 2;
    s.chainOutput[id] = 5;
    s.price[id] = 50;
    s.rawSource[id] = 0;
    s.owedByHub[id] = 20;
    s.owedByDomestic[id] = 6;
    s.hubReliability[id] = 1;
    s.cash[id] = 1000;
    world.hubs.rawFill[0] = 0.4;
    world.hubs.rawPrice[0] = 10;
    world.economy.referenceRawPrice = 10; // domestic price 13
    world.regions.rawCapacityFactor[HOM] = 0.5;
    shipSmeGoods(world);
    const P = world.plants.count;
    const cap = s.capacity;
    // Components: 5 units to the plant in HOM (L = 1), paid 50 each.
    expect(world.scratch.plantSmeIncoming[((2 + 1) % PIPELINE_WEEKS) * P + 0]).toBeCloseTo(5, 12);
    expect(world.scratch.plantSmePayment[0]).toBeCloseTo(250, 12);
    expect(s.owedToBuyer[id]).toBeCloseTo(25, 12);
    // Raw: 0.4 · 20 = 8 from the hub (L = 4), 0.5 · 6 = 3 domestic (L = 1).
    expect(s.rawPipeline[pipelineIndex(s, id, (2 + 4) % PIPELINE_WEEKS)]).toBeCloseTo(8, 12);
    expect(s.rawPipeline[pipelineIndex(s, id, (2 + 1) % PIPELINE_WEEKS)]).toBeCloseTo(3, 12);
    expect(s.owedByHub[id]).toBeCloseTo(12, 12);
    expect(s.owedByDomestic[id]).toBeCloseTo(3, 12);
    const rawSpend = 8 * (10 + 0.0012 * equatorKm(90)) + 3 * 13;
    expect(s.spend[id]).toBe(Math.fround(rawSpend)); // Float32 flow
    expect(s.cash[id]).toBeCloseTo(1000 + 250 - rawSpend, 9);
    // Reliability EMA 1 + 0.2 · (0.4 − 1) = 0.88 sets next week's hub share.
    expect(s.rawHubShare[id]).toBeCloseTo(0.88, 6);
    expect(s.rawCost[id]).toBeCloseTo(0 + 0.2 * (rawSpend / 11 - 0), 5);
  });
});
