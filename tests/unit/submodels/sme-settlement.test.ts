/**
 * The SME settlement (MODEL.md §7.6, `agents/sme/finance.ts`) beyond the accounts of
 * `sme.test.ts`, against hand-computed values: the regional SME census and the plants' contract
 * census it recounts, contracts that end or shrink with the SME, the edges of growth, negative
 * cash and the tech grant's intensity and spending record.
 *
 * Every world: wage 100 in HOM, 50 in NBR and HUB, productivity 1; defaults μ = 0.2, labour per
 * component 0.5, growth and shrink responses 0.3, expandUtilisation 0.85, cash target 8 weeks,
 * exit after 8 weeks of negative cash, smeMaxChainShare 0.6, grant reference 4 weeks a year.
 */
import { describe, expect, it } from 'vitest';
import { settleSmes } from '../../../agents/sme/finance.ts';
import { NO_BUYER } from '../../../agents/sme/schema.ts';
import { LOCAL } from '../../../agents/firm/schema.ts';
import { tallyContracts } from '../../../agents/firm/contracts.ts';
import { INSTRUMENT_COUNT, SME_TECH_GRANT } from '../../../agents/policymaker/schema.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, tinyWorld } from './tiny-world.ts';

const f32 = Math.fround;

function settleWorld(): World {
  const world = tinyWorld(undefined, { smeEntryRate: 0 });
  world.regions.wage[HOM] = 100;
  world.regions.wage[NBR] = 50;
  world.regions.wage[HUB] = 50;
  world.regions.productivity.fill(1);
  return world;
}

/**
 * An SME that breaks even this week (revenue = its wage bill, no spend: profit 0, so no tax and
 * no growth) with 10 000 in cash.
 */
function steady(world: World, r: number, employees: number, capability: number, digital = 0): number {
  const id = addSme(world, r, { employees, capability, digital, cash: 10_000 });
  world.smes.revenue[id] = employees * world.regions.wage[r];
  return id;
}

describe('§7.6 the census the settlement recounts', () => {
  it('counts the SMEs that stay, after growth, by region (and the firm kind’s tally, by buyer plant); skips dead and exiting ones', () => {
    const world = settleWorld();
    const { regions, plants, smes } = world;
    // A stale census from last week, to be replaced.
    for (const a of [world.smeRegions.smeCount, world.smeRegions.smeAdopted, world.smeRegions.smeEmployment, world.smeRegions.smeInChain, world.smeRegions.smeCapabilitySum]) a.fill(9);
    plants.smeContractCapacity.fill(9);
    plants.smeContracts.fill(9);
    // a: digital, under contract with plant 0 for 5 units (its offer 0.6 · 10 · (0.5 + 0.5 · 0.6) / 0.5 = 9.6 ≥ 5).
    const a = steady(world, HOM, 10, 0.6, 1);
    smes.buyerPlant[a] = 0;
    smes.contractCapacity[a] = 5;
    // b: offline, no buyer, a loss of its whole wage bill (400): 4 − 0.3 · 400 / 100 = 2.8 employees.
    const b = steady(world, HOM, 4, 0.2);
    smes.revenue[b] = 0;
    // c: digital, its contract ended but 3 units still owed: in the chain, not a plant contract.
    const c = steady(world, HOM, 2, 0.5, 1);
    smes.buyerPlant[c] = 0;
    smes.owedToBuyer[c] = 3;
    // d: its eighth week of negative cash (−1 000 − wages 300): exits, not counted.
    const d = steady(world, HOM, 3, 0.9, 1);
    smes.cash[d] = -1_000;
    smes.negativeCashWeeks[d] = 7;
    // e: in NBR, supplying plant 0 for 2 units (offer 0.6 · 6 · 0.7 / 0.5 = 5.04).
    const e = steady(world, NBR, 6, 0.4);
    smes.buyerPlant[e] = 0;
    smes.contractCapacity[e] = 2;
    // f: a dead slot with last week's values in it.
    const f = steady(world, HOM, 7, 0.3, 1);
    smes.alive[f] = 0;
    smes.profit[f] = 123;
    const wagesBefore = world.ledger.wages;

    const exiting = settleSmes(world);
    tallyContracts(world); // the finance phase's next step: plants' contracts, counted from the SMEs' side

    expect(exiting).toEqual([d]);
    expect(smes.employees[b]).toBeCloseTo(4 - (0.3 * 400) / 100, 5);
    expect(world.smeRegions.smeCount[HOM]).toBe(3); // a, b, c
    expect(world.smeRegions.smeAdopted[HOM]).toBe(2); // a, c
    expect(world.smeRegions.smeEmployment[HOM]).toBeCloseTo(10 + 2.8 + 2, 5);
    expect(world.smeRegions.smeInChain[HOM]).toBe(2); // a, c
    expect(world.smeRegions.smeCapabilitySum[HOM]).toBeCloseTo(f32(0.6) + f32(0.2) + f32(0.5), 12);
    expect(world.smeRegions.smeCount[NBR]).toBe(1);
    expect(world.smeRegions.smeAdopted[NBR]).toBe(0);
    expect(world.smeRegions.smeEmployment[NBR]).toBe(6);
    expect(world.smeRegions.smeInChain[NBR]).toBe(1);
    expect(world.smeRegions.smeCapabilitySum[NBR]).toBeCloseTo(f32(0.4), 12);
    for (const a of [world.smeRegions.smeCount, world.smeRegions.smeAdopted, world.smeRegions.smeEmployment, world.smeRegions.smeInChain, world.smeRegions.smeCapabilitySum]) {
      expect(a[HUB]).toBe(0);
    }
    expect(plants.smeContractCapacity[0]).toBe(5 + 2);
    expect(plants.smeContracts[0]).toBe(2);
    expect(plants.smeContractCapacity[1]).toBe(0);
    expect(plants.smeContracts[1]).toBe(0);
    // Wages of the live SMEs only: 10 · 100 + 4 · 100 + 2 · 100 + 3 · 100 + 6 · 50 = 2 200.
    expect(world.ledger.wages - wagesBefore).toBeCloseTo(2_200, 9);
    expect(smes.profit[f]).toBe(0);
    expect(smes.cash[f]).toBe(10_000);
  });
});

describe('§7.6 contracts: ended, finished, or cut to what the SME can now offer', () => {
  it('keeps the buyer while a backlog is owed; frees the SME once delivered; no buyer means no contract', () => {
    const world = settleWorld();
    const s = world.smes;
    const noBuyer = steady(world, HOM, 10, 0.6);
    s.contractCapacity[noBuyer] = 3;
    const delivered = steady(world, HOM, 10, 0.6);
    s.buyerPlant[delivered] = 0;
    const dust = steady(world, HOM, 10, 0.6); // a rounding residue of the backlog (≤ 1e−9)
    s.buyerPlant[dust] = 0;
    s.owedToBuyer[dust] = 1e-12;
    const owing = steady(world, HOM, 10, 0.6);
    s.buyerPlant[owing] = 0;
    s.owedToBuyer[owing] = 0.5;
    const running = steady(world, HOM, 10, 0.6); // contract 4 ≤ offer 9.6, nothing owed yet
    s.buyerPlant[running] = 0;
    s.contractCapacity[running] = 4;

    settleSmes(world);
    tallyContracts(world);

    expect(s.contractCapacity[noBuyer]).toBe(0);
    expect(s.buyerPlant[delivered]).toBe(NO_BUYER);
    expect(s.buyerPlant[dust]).toBe(NO_BUYER);
    expect(s.owedToBuyer[dust]).toBe(0);
    expect(s.buyerPlant[owing]).toBe(0);
    expect(s.owedToBuyer[owing]).toBe(0.5);
    expect(s.buyerPlant[running]).toBe(0);
    expect(s.contractCapacity[running]).toBe(4);
    expect(world.plants.smeContractCapacity[0]).toBe(4); // only the running contract
    expect(world.plants.smeContracts[0]).toBe(1);
    expect(world.smeRegions.smeInChain[HOM]).toBe(2); // owing and running
  });

  it('an SME that sheds staff cuts its contract to its offer: 60% of capacity to a GLOBAL buyer, all of it to a LOCAL one', () => {
    // Loss of the whole wage bill (1 000): 10 − 0.3 · 1 000 / 100 = 7 employees. Output per worker
    // 1 · (0.5 + 0.5 · 0.6) = 0.8, so capacity 7 · 0.8 / 0.5 = 11.2 components.
    const run = (strategy: number | null, contract: number) => {
      const world = settleWorld();
      if (strategy !== null) world.firms.strategy[0] = strategy;
      const id = steady(world, HOM, 10, 0.6);
      world.smes.revenue[id] = 0;
      world.smes.buyerPlant[id] = 0;
      world.smes.contractCapacity[id] = contract;
      settleSmes(world);
      expect(world.smes.employees[id]).toBe(7);
      return world.smes.contractCapacity[id];
    };
    const output = 0.5 + 0.5 * f32(0.6);
    expect(run(null, 12)).toBeCloseTo((0.6 * 7 * output) / 0.5, 5); // GLOBAL: 6.72
    expect(run(LOCAL, 12)).toBeCloseTo((1 * 7 * output) / 0.5, 5); // LOCAL: 11.2
    expect(run(LOCAL, 10)).toBe(10); // within the offer: unchanged
  });
});

describe('§7.6 growth and cash at their edges', () => {
  it('never hires beyond smeMaxEmployees; a loss while fully used sheds staff down to one, not below', () => {
    const world = settleWorld();
    const s = world.smes;
    // 240 employees fully used, profit 10 000: 240 + 0.3 · 10 000 / 100 = 270, capped at 249.
    const big = steady(world, HOM, 240, 0.6);
    s.localLabour[big] = 240;
    s.revenue[big] = 24_000 + 10_000;
    s.ordersReceived[big] = 7.5;
    // A loss while fully used sheds staff, not below one: 2 − 0.3 · 1 200 / 100 = −1.6 → 1.
    const busy = steady(world, HOM, 2, 0.6);
    s.localLabour[busy] = 2;
    s.revenue[busy] = 0;
    s.spend[busy] = 1_000; // profit 0 − 1 000 − 200 = −1 200
    settleSmes(world);
    expect(s.employees[big]).toBe(249);
    expect(s.ordersLastWeek[big]).toBe(7.5); // this week's orders become last week's for the forecast
    expect(s.employees[busy]).toBe(1);
  });

  it('cash of exactly zero is not negative: the run of negative weeks ends', () => {
    // 1 employee at 100 with 100 in cash, breaking even: 100 − 100 = 0 (below the target 800: nothing drawn).
    // A second one with 99.5 ends at −0.5, its fourth negative week.
    const world = settleWorld();
    const s = world.smes;
    const zero = steady(world, HOM, 1, 0.5);
    s.cash[zero] = 100;
    s.negativeCashWeeks[zero] = 7;
    const below = steady(world, HOM, 1, 0.5);
    s.cash[below] = 99.5;
    s.negativeCashWeeks[below] = 3;
    const drawnBefore = world.ledger.ownerDrawings;
    const exiting = settleSmes(world);
    expect(world.ledger.ownerDrawings).toBe(drawnBefore); // both below their cash target: nothing drawn
    expect(s.cash[zero]).toBe(0);
    expect(s.negativeCashWeeks[zero]).toBe(0);
    expect(s.negativeCashWeeks[below]).toBe(4);
    expect(exiting).toEqual([]);
  });
});

describe('§7.9 SME tech grant: intensity from last census, paid and recorded per region each week', () => {
  it('caps the intensity at 1, pays nothing where the census has no SME employment, and records each week’s spending once', () => {
    const world = settleWorld();
    const { regions, policy } = world;
    const k = world.economy.sampleFactor;
    const cell = (r: number) => r * INSTRUMENT_COUNT + SME_TECH_GRANT;
    // HOM: 10 employees at 100; demand (4/52) · 10 · 100 = 76.92, a pot of 3 × demand: intensity 1.
    const home = steady(world, HOM, 10, 0.5);
    world.smeRegions.smeEmployment[HOM] = 10;
    regions.smeGrantSpend[HOM] = 3 * (4 / 52) * 1_000;
    // NBR: 6 at 50; demand (4/52) · 300 = 23.08, a pot of a quarter of it: intensity 0.25.
    const nbr = steady(world, NBR, 6, 0.5);
    world.smeRegions.smeEmployment[NBR] = 6;
    regions.smeGrantSpend[NBR] = 0.25 * (4 / 52) * 300;
    // HUB: an entrant since the census (census employment 0) and a pot of 50: no demand, intensity 0.
    const hub = steady(world, HUB, 2, 0.5);
    world.smeRegions.smeEmployment[HUB] = 0;
    regions.smeGrantSpend[HUB] = 50;
    const grantHome = 1 * (4 / 52) * 1_000; // 76.92
    const grantNbr = 0.25 * (4 / 52) * 300; // 5.77
    const grantsBefore = world.ledger.grants;

    settleSmes(world);

    expect(world.smeRegions.smeGrantIntensity[HOM]).toBe(1);
    expect(world.smeRegions.smeGrantIntensity[NBR]).toBeCloseTo(0.25, 12);
    expect(world.smeRegions.smeGrantIntensity[HUB]).toBe(0);
    // Cash: 10 000 + grant − wages (revenue is already in cash; no profit, so no tax), above the target
    // of 8 weeks of wages, so owners draw 10% of the excess.
    const afterGrant = (cash: number, grant: number, wages: number) => {
      const before = cash + grant - wages;
      return before - 0.1 * (before - 8 * wages);
    };
    expect(world.smes.cash[home]).toBeCloseTo(afterGrant(10_000, grantHome, 1_000), 9);
    expect(world.smes.cash[nbr]).toBeCloseTo(afterGrant(10_000, grantNbr, 300), 9);
    expect(world.smes.cash[hub]).toBeCloseTo(afterGrant(10_000, 0, 100), 9);
    expect(world.ledger.grants - grantsBefore).toBeCloseTo(grantHome + grantNbr, 9);
    // Spending is recorded in real $ (÷ the sample factor) in each region's own cell.
    expect(policy.spentQuarter[cell(HOM)] * k).toBeCloseTo(grantHome, 6);
    expect(policy.spentQuarter[cell(NBR)] * k).toBeCloseTo(grantNbr, 6);
    expect(policy.spentQuarter[cell(HUB)]).toBe(0);

    // A second week with the same census (nobody grew: profit 0): the same grants again, recorded once.
    settleSmes(world);
    expect(policy.spentQuarter[cell(HOM)] * k).toBeCloseTo(2 * grantHome, 6);
    expect(policy.spentQuarter[cell(NBR)] * k).toBeCloseTo(2 * grantNbr, 6);
  });
});
