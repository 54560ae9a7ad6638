/**
 * Policymaker submodels against hand-computed values (MODEL.md §7.9): the quarterly budget,
 * budget-share instruments scaled down when over-committed, spending within the budget, the
 * local-sourcing subsidy, the reshoring grant, tariffs, border closures, transparency and the
 * adaptive trigger rules.
 */
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../../agents/policymaker/systems.ts';
import { availableBudget, paySubsidy, payReshoringGrant, recordSpend } from '../../../agents/policymaker/spending.ts';
import {
  DIGITAL_INFRASTRUCTURE,
  INSTRUMENT_COUNT,
  LOCAL_SOURCING_SUBSIDY,
  CIRCULAR_PROCUREMENT_SUBSIDY,
  RESHORING_GRANT,
  SME_TECH_GRANT,
  TARIFF,
  TRAINING,
  TRANSPARENCY,
} from '../../../agents/policymaker/schema.ts';
import { settleFirms } from '../../../agents/firm/finance.ts';
import { landedHubCost } from '../../../agents/firm/sourcing.ts';
import { canShip, tariffRate } from '../../../src/model/geography.ts';
import { step } from '../../../src/model/schedule.ts';
import { KeyedDraws } from '../../../src/sim/rng/keyed.ts';
import type { ScenarioInput } from '../../../src/model/scenario.ts';
import { HOM, HUB, NBR, equatorKm, tinyWorld } from './tiny-world.ts';

const cell = (r: number, k: number) => r * INSTRUMENT_COUNT + k;
// HOM: 1e6 people × $20 000 = $2e10 a year → 0.01 × 0.15 × 2e10 / 4 = $7.5 million a quarter.
const BUDGET_HOM = (0.01 * 0.15 * (1e6 * 20_000)) / 4;
const WEEKLY_HOM = BUDGET_HOM / 13;

const scheme = (items: ScenarioInput['policy']): ScenarioInput => ({ policy: items });

describe('§7.9 budget per quarter = policyShare × taxShare × annual GDP / 4', () => {
  it('matches the hand value in every region', () => {
    const world = tinyWorld();
    expect(world.policy.budgetQuarter[HOM]).toBeCloseTo(BUDGET_HOM, 4); // 7 500 000
    expect(world.policy.budgetQuarter[HUB]).toBeCloseTo((0.01 * 0.15 * (4e6 * 5_000)) / 4, 4);
    expect(world.policy.budgetQuarter[NBR]).toBeCloseTo((0.01 * 0.15 * (1e6 * 10_000)) / 4, 4);
  });
});

describe('§7.9 scheme mode: instruments turn into weekly spending within the budget', () => {
  const items: ScenarioInput['policy'] = [
    { week: 0, target: { regions: ['HOM'] }, instrument: 'digitalInfrastructure', level: 0.6 },
    { week: 0, target: { regions: ['HOM'] }, instrument: 'training', level: 0.6, linked: true },
    { week: 0, target: { regions: ['HOM'] }, instrument: 'smeTechGrant', level: 0.3 },
    { week: 0, target: { regions: ['HOM'] }, instrument: 'transparency', level: 0.4 },
  ];

  it('over-committed budget shares (0.6 + 0.6 + 0.3 = 1.5) are scaled by 1 / 1.5', () => {
    const world = tinyWorld(undefined, {}, scheme(items));
    world.economy.sampleFactor = 0.01;
    applyPolicy(world);
    const r = world.regions;
    expect(r.infrastructureSpend[HOM]).toBeCloseTo((0.6 / 1.5) * WEEKLY_HOM, 6);
    expect(r.trainingSpend[HOM]).toBeCloseTo((0.6 / 1.5) * WEEKLY_HOM, 6);
    expect(r.trainingLinked[HOM]).toBe(1); // linked, and infrastructure is being delivered
    expect(r.smeGrantSpend[HOM]).toBeCloseTo((0.3 / 1.5) * WEEKLY_HOM * 0.01, 6); // sampled $
    expect(r.transparency[HOM]).toBe(0.4);
    const spent = world.policy.spentQuarter;
    expect(spent[cell(HOM, TRANSPARENCY)]).toBeCloseTo(0.1 * 0.4 * WEEKLY_HOM, 6);
    expect(spent[cell(HOM, DIGITAL_INFRASTRUCTURE)] + spent[cell(HOM, TRAINING)]).toBeCloseTo(0.8 * WEEKLY_HOM, 6);
    expect(r.infrastructureSpend[NBR]).toBe(0);
  });

  it('linked training without infrastructure counts as unlinked', () => {
    const world = tinyWorld(undefined, {}, scheme([{ week: 0, target: { regions: ['HOM'] }, instrument: 'training', level: 0.5, linked: true }]));
    applyPolicy(world);
    expect(world.regions.trainingSpend[HOM]).toBeCloseTo(0.5 * WEEKLY_HOM, 6);
    expect(world.regions.trainingLinked[HOM]).toBe(0);
  });

  it('an instrument with its own budgetPerYear spends level × budget / 52 outside the regular budget', () => {
    const world = tinyWorld(undefined, {}, scheme([
      { week: 0, target: { regions: ['HOM'] }, instrument: 'digitalInfrastructure', level: 0.5, budgetPerYear: 5.2e6 },
      { week: 0, target: { regions: ['HOM'] }, instrument: 'training', level: 1 },
    ]));
    applyPolicy(world);
    expect(world.regions.infrastructureSpend[HOM]).toBeCloseTo((0.5 * 5.2e6) / 52, 6); // 50 000
    expect(world.regions.trainingSpend[HOM]).toBeCloseTo(1 * WEEKLY_HOM, 6); // not scaled down by the own-budget item
    expect(availableBudget(world, HOM, DIGITAL_INFRASTRUCTURE)).toBeCloseTo(5.2e6 / 4 - 50_000, 4);
    expect(availableBudget(world, HOM, TRAINING)).toBeCloseTo(BUDGET_HOM - WEEKLY_HOM, 4);
  });

  it('own budgets and over-commitment are read per region (NBR, region 2)', () => {
    // NBR: 1e6 people × $10 000 → 0.01 × 0.15 × 1e10 / 4 = $375 000 a quarter.
    const weeklyNbr = (0.01 * 0.15 * 1e10) / 4 / 13;
    const world = tinyWorld(undefined, {}, scheme([
      { week: 0, target: { regions: ['NBR'] }, instrument: 'digitalInfrastructure', level: 0.5, budgetPerYear: 5.2e6 },
      { week: 0, target: { regions: ['NBR'] }, instrument: 'training', level: 0.7 },
      { week: 0, target: { regions: ['NBR'] }, instrument: 'smeTechGrant', level: 0.7 },
    ]));
    world.economy.sampleFactor = 1;
    applyPolicy(world);
    expect(world.regions.infrastructureSpend[NBR]).toBeCloseTo((0.5 * 5.2e6) / 52, 6); // own budget: 50 000
    // Regular budget: 0.7 + 0.7 = 1.4 committed (infrastructure has its own) → each × 1 / 1.4 = 0.5.
    expect(world.regions.trainingSpend[NBR]).toBeCloseTo(0.5 * weeklyNbr, 6);
    expect(world.regions.smeGrantSpend[NBR]).toBeCloseTo(0.5 * weeklyNbr, 6);
  });

  it('a quarter of weekly spending never exceeds the quarterly budget; what is left caps a late instrument', () => {
    const world = tinyWorld(undefined, {}, scheme(items));
    let total = 0;
    for (let tick = 0; tick < 13; tick++) {
      world.tick = tick;
      applyPolicy(world);
      total += world.regions.infrastructureSpend[HOM] + world.regions.trainingSpend[HOM];
    }
    expect(total).toBeCloseTo(13 * 0.8 * WEEKLY_HOM, 4);
    // Mid-quarter, with the subsidy having used all but $100 000 of the budget:
    const late = tinyWorld(undefined, {}, scheme(items));
    late.tick = 1;
    late.policy.spentQuarter[cell(HOM, LOCAL_SOURCING_SUBSIDY)] = BUDGET_HOM - 100_000;
    applyPolicy(late);
    expect(late.regions.infrastructureSpend[HOM]).toBeCloseTo(100_000, 6); // min(0.4 · weekly, 100 000)
    expect(late.regions.trainingSpend[HOM]).toBe(0); // nothing left
  });

  it('the quarter’s spending resets at the start of each quarter', () => {
    const world = tinyWorld(undefined, {}, scheme(items));
    world.policy.spentQuarter[cell(HOM, LOCAL_SOURCING_SUBSIDY)] = BUDGET_HOM;
    world.tick = 13;
    applyPolicy(world);
    expect(world.policy.spentQuarter[cell(HOM, LOCAL_SOURCING_SUBSIDY)]).toBe(0);
    expect(world.regions.infrastructureSpend[HOM]).toBeCloseTo(0.4 * WEEKLY_HOM, 6);
  });
});

describe('scenario rules (docs/compare.md#adaptive-rules): a fired rule overrides the timeline while it holds', () => {
  it('sets its instrument in its regions (linked training included) from `from` until `until`; an unfired rule does nothing', () => {
    const weeklyNbr = (0.01 * 0.15 * 1e10) / 4 / 13; // NBR's regular budget a week
    const world = tinyWorld(undefined, {}, {
      policy: [{ week: 0, target: { regions: ['NBR'] }, instrument: 'training', level: 0.2 }],
      rules: [
        { when: 'fillRate < 0.9', target: { regions: ['NBR'] }, instrument: 'training', level: 0.6, linked: true },
        { when: 'fillRate < 0.9', target: { regions: ['NBR'] }, instrument: 'digitalInfrastructure', level: 0.2 },
        { when: 'fillRate < 0.9', target: { regions: ['NBR'] }, instrument: 'tariff', level: 0.3 },
      ],
    });
    const [training, infrastructure] = world.scenario.rules;
    // As evaluateRules leaves them after firing for weeks 0–4; the tariff rule has not fired.
    for (const rule of [training, infrastructure]) Object.assign(rule, { from: 0, until: 5, fired: 1 });
    applyPolicy(world);
    expect(world.policy.level[cell(NBR, TRAINING)]).toBe(0.6); // the rule, over the timeline's 0.2
    expect(world.regions.trainingSpend[NBR]).toBeCloseTo(0.6 * weeklyNbr, 6); // 0.6 + 0.2 committed: not scaled
    expect(world.regions.infrastructureSpend[NBR]).toBeCloseTo(0.2 * weeklyNbr, 6);
    expect(world.regions.trainingLinked[NBR]).toBe(1); // the training rule's flag, not reset by the infrastructure rule
    expect(world.regions.tariff[NBR]).toBe(0);
    expect(Array.from(world.regions.tariff)).toEqual([0, 0, 0]);
    world.tick = 5; // the rules' settings have ended: the timeline again
    applyPolicy(world);
    expect(world.regions.trainingSpend[NBR]).toBeCloseTo(0.2 * weeklyNbr, 6);
    expect(world.regions.infrastructureSpend[NBR]).toBe(0);
    expect(world.regions.trainingLinked[NBR]).toBe(0);
  });
});

describe('§7.9 local-sourcing subsidy: per unit of locally sourced input, within the budget', () => {
  it('pays rate × reference component price × locally received units', () => {
    const world = tinyWorld(undefined, {}, scheme([{ week: 0, target: { regions: ['HOM'] }, instrument: 'localSourcingSubsidy', level: 0.2 }]));
    applyPolicy(world);
    expect(world.regions.localSourcingSubsidy[HOM]).toBe(0.2);
    world.economy.sampleFactor = 1;
    world.economy.referenceComponentPrice = 40;
    world.plants.receivedLocal[0] = 50;
    world.plants.receivedTotal[0] = 80;
    settleFirms(world);
    expect(world.ledger.subsidies).toBeCloseTo(0.2 * 40 * 50, 9); // 400
    expect(world.policy.spentQuarter[cell(HOM, LOCAL_SOURCING_SUBSIDY)]).toBeCloseTo(400, 9);
  });

  it('is capped by what is left of the budget (sampled economy: × sampleFactor)', () => {
    const world = tinyWorld();
    world.economy.sampleFactor = 0.5;
    world.policy.spentQuarter[cell(HOM, TRAINING)] = BUDGET_HOM - 300; // $300 real left
    expect(paySubsidy(world, HOM, LOCAL_SOURCING_SUBSIDY, 1000)).toBeCloseTo(300 * 0.5, 6);
    expect(world.policy.spentQuarter[cell(HOM, LOCAL_SOURCING_SUBSIDY)]).toBeCloseTo(300, 6);
    expect(paySubsidy(world, HOM, LOCAL_SOURCING_SUBSIDY, 1000)).toBe(0);
  });

  it('books each subsidy on its own instrument, and in the ledger as a subsidy', () => {
    const world = tinyWorld();
    world.economy.sampleFactor = 1;
    expect(paySubsidy(world, HOM, CIRCULAR_PROCUREMENT_SUBSIDY, 250)).toBeCloseTo(250, 9);
    expect(world.policy.spentQuarter[cell(HOM, CIRCULAR_PROCUREMENT_SUBSIDY)]).toBeCloseTo(250, 9);
    expect(world.policy.spentQuarter[cell(HOM, LOCAL_SOURCING_SUBSIDY)]).toBe(0);
    expect(world.ledger.subsidies).toBeCloseTo(250, 9);
    expect(paySubsidy(world, HOM, CIRCULAR_PROCUREMENT_SUBSIDY, -5)).toBe(0);
  });

  it('budgets and spending are kept per region and instrument (a region other than the first)', () => {
    const world = tinyWorld();
    world.economy.sampleFactor = 1;
    const left = world.policy.budgetQuarter[NBR];
    expect(left).toBeGreaterThan(0);
    expect(availableBudget(world, NBR, LOCAL_SOURCING_SUBSIDY)).toBeCloseTo(left, 6);
    world.policy.spentQuarter[cell(NBR, TRAINING)] = left / 4;
    expect(availableBudget(world, NBR, LOCAL_SOURCING_SUBSIDY)).toBeCloseTo((3 * left) / 4, 6);
    expect(paySubsidy(world, NBR, CIRCULAR_PROCUREMENT_SUBSIDY, 100)).toBeCloseTo(100, 9);
    expect(world.policy.spentQuarter[cell(NBR, CIRCULAR_PROCUREMENT_SUBSIDY)]).toBeCloseTo(100, 9);
    expect(world.policy.spentTotal[cell(NBR, CIRCULAR_PROCUREMENT_SUBSIDY)]).toBeCloseTo(100, 9);
    expect(world.policy.spentQuarter[cell(HOM, CIRCULAR_PROCUREMENT_SUBSIDY)]).toBe(0);
    paySubsidy(world, NBR, CIRCULAR_PROCUREMENT_SUBSIDY, 50);
    expect(world.policy.spentTotal[cell(NBR, CIRCULAR_PROCUREMENT_SUBSIDY)]).toBeCloseTo(150, 9);
    // The next region's spending, on the first instrument too, is not this region's.
    world.policy.spentQuarter[cell(HUB, LOCAL_SOURCING_SUBSIDY)] = 1_000;
    expect(availableBudget(world, HOM, TRAINING)).toBeCloseTo(world.policy.budgetQuarter[HOM], 6);
    // An instrument with its own budget in this region: a quarter of it, less what it spent.
    world.policy.budgetPerYear[cell(NBR, TRAINING)] = 4_000;
    world.policy.spentQuarter[cell(NBR, TRAINING)] = 300;
    expect(availableBudget(world, NBR, TRAINING)).toBeCloseTo(700, 9);
  });

  it('recording spends nothing for a zero or negative amount', () => {
    const world = tinyWorld();
    recordSpend(world, HOM, TRAINING, -5);
    recordSpend(world, HOM, TRAINING, 0);
    expect(world.policy.spentQuarter[cell(HOM, TRAINING)]).toBe(0);
    expect(world.policy.spentTotal[cell(HOM, TRAINING)]).toBe(0);
  });
});

describe('§7.9 reshoring grant: a share of new-plant capex, within the budget', () => {
  it('pays share × capex, capped by the budget', () => {
    const world = tinyWorld();
    world.economy.sampleFactor = 1;
    world.regions.reshoringGrantShare[HOM] = 0.3;
    expect(payReshoringGrant(world, HOM, 100_000)).toBeCloseTo(30_000, 9);
    expect(world.policy.spentQuarter[cell(HOM, RESHORING_GRANT)]).toBeCloseTo(30_000, 9);
    world.policy.spentQuarter[cell(HOM, SME_TECH_GRANT)] = BUDGET_HOM - 40_000; // 10 000 left
    expect(payReshoringGrant(world, HOM, 100_000)).toBeCloseTo(10_000, 6);
    expect(payReshoringGrant(world, NBR, 100_000)).toBe(0); // no grant in NBR
  });

  it('in a sampled economy the grant is capped at the real budget × sampleFactor and booked in real $', () => {
    const world = tinyWorld();
    world.economy.sampleFactor = 0.5;
    world.regions.reshoringGrantShare[HOM] = 0.3;
    world.policy.spentQuarter[cell(HOM, SME_TECH_GRANT)] = BUDGET_HOM - 4_000; // $4 000 real left
    expect(payReshoringGrant(world, HOM, 100_000)).toBeCloseTo(2_000, 6); // sampled $
    expect(world.policy.spentQuarter[cell(HOM, RESHORING_GRANT)]).toBeCloseTo(4_000, 6); // real $
    expect(world.ledger.grants).toBeCloseTo(2_000, 6);
  });
});

describe('§7.9 tariff and border closure', () => {
  it('a tariff applies to imports from other blocs only and adds tariff · price to the landed cost', () => {
    const world = tinyWorld(undefined, {}, scheme([{ week: 0, target: { regions: ['HOM', 'NBR'] }, instrument: 'tariff', level: 0.1 }]));
    applyPolicy(world);
    expect(tariffRate(world.regions, HUB, HOM)).toBe(0.1);
    expect(tariffRate(world.regions, NBR, HOM)).toBe(0); // same bloc
    expect(tariffRate(world.regions, HOM, HUB)).toBe(0); // HUB sets no tariff
    world.hubs.price[0] = 40;
    expect(landedHubCost(world, 0, 0)).toBeCloseTo(40 + 0.0012 * equatorKm(90) + 0.1 * 40, 9);
  });

  it('a border-closure level ≥ 0.5 closes the border; shipments across it are blocked both ways', () => {
    const world = tinyWorld(undefined, {}, scheme([
      { week: 0, target: { regions: ['HUB'] }, instrument: 'borderClosure', level: 1 },
      { week: 0, target: { regions: ['NBR'] }, instrument: 'borderClosure', level: 0.4 },
    ]));
    applyPolicy(world);
    expect(world.regions.borderOpen[HUB]).toBe(0);
    expect(world.regions.borderOpen[NBR]).toBe(1);
    expect(canShip(world.regions, HUB, HOM)).toBe(false);
    expect(canShip(world.regions, HOM, HUB)).toBe(false);
    expect(canShip(world.regions, HUB, HUB)).toBe(true);
    expect(landedHubCost(world, 0, 0)).toBe(Infinity);
  });

  it('a border-closure level of exactly 0.5 closes the border (≥ 0.5 closes)', () => {
    const world = tinyWorld(undefined, {}, scheme([{ week: 0, target: { regions: ['NBR'] }, instrument: 'borderClosure', level: 0.5 }]));
    applyPolicy(world);
    expect(world.regions.borderOpen[NBR]).toBe(0);
    expect(world.regions.borderOpen[HOM]).toBe(1);
  });

  it('settings hold from their week for their duration', () => {
    const world = tinyWorld(undefined, {}, scheme([{ week: 2, weeks: 3, target: { regions: ['HOM'] }, instrument: 'tariff', level: 0.2 }]));
    const levels: number[] = [];
    for (let tick = 0; tick < 7; tick++) {
      world.tick = tick;
      applyPolicy(world);
      levels.push(world.regions.tariff[HOM]);
    }
    expect(levels).toEqual([0, 0, 0.2, 0.2, 0.2, 0, 0]);
  });
});

describe('§7.9 adaptive rules (evaluated quarterly)', () => {
  const adaptive = () => {
    const world = tinyWorld(undefined, { policyMode: 'adaptive' });
    world.tick = 13;
    world.communityRegions.trustGovernment.fill(0.6);
    world.communityRegions.access.fill(1);
    world.communityRegions.literacy.fill(0.9);
    return world;
  };

  it('lost final demand above shortageTrigger last quarter sets the local-sourcing subsidy', () => {
    const world = adaptive();
    world.policy.quarterDemand[HOM] = 100;
    world.policy.quarterLost[HOM] = 6; // 6% > 5%
    world.policy.quarterDemand[NBR] = 100;
    world.policy.quarterLost[NBR] = 4;
    applyPolicy(world);
    expect(world.regions.localSourcingSubsidy[HOM]).toBe(0.1);
    expect(world.regions.localSourcingSubsidy[NBR]).toBe(0);
    expect(world.policy.shortageHistory[HOM]).toBe(1);
  });

  it('shortages in reshoringRecurrence (2) of the last four quarters start the reshoring grant', () => {
    const world = adaptive();
    world.policy.shortageHistory[HOM] = 0b0100;
    world.policy.quarterDemand[HOM] = 100;
    world.policy.quarterLost[HOM] = 10;
    applyPolicy(world);
    expect(world.policy.shortageHistory[HOM]).toBe(0b1001);
    expect(world.regions.reshoringGrantShare[HOM]).toBe(0.3);
  });

  it('a usage gap to the top income quartile above usageGapTrigger starts infrastructure with linked training', () => {
    const world = adaptive();
    // Quartiles by GDPpc: HOM 4 (top), NBR 3, HUB 2. Top usage = 1 · 0.9; NBR: 0.5 · 0.8 = 0.4 → gap 0.5 > 0.3.
    expect(Array.from(world.economy.incomeQuartile)).toEqual([4, 2, 3]);
    world.communityRegions.access[NBR] = 0.5;
    world.communityRegions.literacy[NBR] = 0.8; // literacy gap 0.1 < 0.2: no training
    applyPolicy(world);
    expect(world.policy.adaptiveLevel[cell(NBR, DIGITAL_INFRASTRUCTURE)]).toBe(0.5);
    expect(world.policy.adaptiveLinked[NBR]).toBe(1);
    expect(world.policy.adaptiveLevel[cell(NBR, TRAINING)]).toBe(0);
    expect(world.regions.infrastructureSpend[NBR]).toBeCloseTo(0.5 * (0.01 * 0.15 * 1e10) / 4 / 13, 6);
    expect(world.policy.adaptiveLevel[cell(HOM, DIGITAL_INFRASTRUCTURE)]).toBe(0);
  });

  it('an annualised SME exit rate (4 × exits / SMEs) above smeExitTrigger starts SME tech grants', () => {
    const world = adaptive();
    world.policy.quarterSmes[HOM] = 100;
    world.policy.quarterExits[HOM] = 4; // 4 · 4 / 100 = 0.16 > 0.15
    world.policy.quarterSmes[NBR] = 100;
    world.policy.quarterExits[NBR] = 3; // 0.12
    applyPolicy(world);
    expect(world.policy.adaptiveLevel[cell(HOM, SME_TECH_GRANT)]).toBe(0.5);
    expect(world.policy.adaptiveLevel[cell(NBR, SME_TECH_GRANT)]).toBe(0);
  });

  it('pressure (1 − τG) · unemployment above the trigger imposes a tariff with probability 1 − e^{−(p − z)/z}', () => {
    const world = adaptive();
    world.communityRegions.trustGovernment[HOM] = 0.5;
    world.communityRegions.unemployment[HOM] = 0.1; // pressure 0.05 > 0.03
    const probability = 1 - Math.exp(-(0.05 - 0.03) / 0.03); // 0.4866
    const fires = new KeyedDraws(world.seed, 'policy.adaptive').uniform(HOM, 13, 0) < probability;
    applyPolicy(world);
    expect(world.regions.tariff[HOM]).toBe(fires ? 0.1 : 0);
    // Over many quarters the tariff fires at that rate.
    const draws = new KeyedDraws(world.seed, 'policy.adaptive');
    let fired = 0;
    const quarters = 4000;
    for (let q = 1; q <= quarters; q++) if (draws.uniform(HOM, 13 * q, 0) < probability) fired++;
    const trial = tinyWorld(undefined, { policyMode: 'adaptive' });
    let observed = 0;
    for (let q = 1; q <= quarters; q++) {
      trial.tick = 13 * q;
      trial.communityRegions.trustGovernment[HOM] = 0.5;
      trial.communityRegions.unemployment[HOM] = 0.1;
      trial.policy.adaptiveLevel[cell(HOM, TARIFF)] = 0;
      applyPolicy(trial);
      if (trial.policy.adaptiveLevel[cell(HOM, TARIFF)] > 0) observed++;
    }
    expect(observed).toBe(fired);
    expect(Math.abs(observed / quarters - probability)).toBeLessThan(4 * Math.sqrt((probability * (1 - probability)) / quarters));
  });

  it('approval (mean τG) below approvalTrigger starts transparency', () => {
    const world = adaptive();
    world.communityRegions.trustGovernment[HOM] = 0.4;
    applyPolicy(world);
    expect(world.regions.transparency[HOM]).toBe(0.5);
    expect(world.regions.transparency[NBR]).toBe(0);
  });

  // Regression test for a fixed bug (e101851): the quarter record (quarterDemand, quarterLost,
  // quarterExits, quarterSmes) was reset every quarter and read by the shortage, reshoring and
  // SME-exit rules, but nothing added to it, so those triggers could never fire in a real run.
  // recordPolicyQuarter (end of phase 9) now fills it. Adaptive mode, the hub locked down at
  // capacity 0 for a quarter: final demand is lost, and the shortage rule must see it.
  it('the shortage rule sees the quarter’s lost final demand in a real run', () => {
    const world = tinyWorld(undefined, { policyMode: 'adaptive' }, {
      shocks: [{ kind: 'lockdown', target: { regions: ['HUB'] }, start: 0, weeks: 26, capacityFactor: 0 }],
    });
    let demand = 0;
    let lost = 0;
    for (let t = 0; t < 13; t++) {
      step(world);
      demand += world.finalMarket.finalDemand[HOM];
      lost += world.finalMarket.finalLost[HOM];
    }
    expect(lost / demand).toBeGreaterThan(0.05); // holds: a real shortage
    expect(world.policy.quarterDemand[HOM]).toBeCloseTo(demand, 12); // stayed 0 before the fix
    step(world); // week 13: the quarterly rules run
    expect(world.regions.localSourcingSubsidy[HOM]).toBe(0.1);
  });
});
