/**
 * The adaptive trigger rules (MODEL.md §7.9) against hand-computed values: each trigger at its
 * threshold ("above x" is strict), the quarter record the rules read, the population-weighted
 * top-quartile means of the gap triggers, the reshoring recurrence over a run of quarters, and
 * the border closure's probability `1 − e^{−(p − z)/z}` with its release.
 */
import { describe, expect, it } from 'vitest';
import { applyPolicy, recordPolicyQuarter } from '../../../agents/policymaker/systems.ts';
import {
  BORDER_CLOSURE,
  DIGITAL_INFRASTRUCTURE,
  INSTRUMENT_COUNT,
  LOCAL_SOURCING_SUBSIDY,
  RESHORING_GRANT,
  SME_TECH_GRANT,
  TARIFF,
  TRAINING,
  TRANSPARENCY,
} from '../../../agents/policymaker/schema.ts';
import { KeyedDraws } from '../../../src/sim/rng/keyed.ts';
import { exp } from '../../../src/sim/math.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, tinyWorld } from './tiny-world.ts';

const cell = (r: number, k: number) => r * INSTRUMENT_COUNT + k;
const level = (world: World, r: number, k: number) => world.policy.adaptiveLevel[cell(r, k)];

/** Adaptive mode at the review of week 13; no region under pressure, no gap, approval 0.6. */
function adaptive(params: Record<string, unknown> = {}): World {
  const world = tinyWorld(undefined, { policyMode: 'adaptive', ...params });
  world.tick = 13;
  world.communityRegions.trustGovernment.fill(0.6);
  world.communityRegions.unemployment.fill(0);
  world.communityRegions.access.fill(1);
  world.communityRegions.literacy.fill(0.9);
  return world;
}

describe('§7.9 the quarter record the adaptive rules read', () => {
  it('adds each week’s demand, losses and exits, and the quarter’s mean SME count (count / 13 a week)', () => {
    const world = adaptive();
    const r = world.regions;
    world.finalMarket.finalDemand[HOM] = 100;
    world.finalMarket.finalLost[HOM] = 6;
    world.smeRegions.smeExits[HOM] = 2;
    world.smeRegions.smeCount[HOM] = 26;
    recordPolicyQuarter(world);
    world.smeRegions.smeCount[HOM] = 52;
    recordPolicyQuarter(world);
    expect(world.policy.quarterDemand[HOM]).toBe(200); // 100 + 100
    expect(world.policy.quarterLost[HOM]).toBe(12); // 6 + 6
    expect(world.policy.quarterExits[HOM]).toBe(4); // 2 + 2
    expect(world.policy.quarterSmes[HOM]).toBeCloseTo(26 / 13 + 52 / 13, 12); // 6
  });

  it('is read and cleared at the quarterly review only, not in the weeks between', () => {
    const world = adaptive();
    world.tick = 14; // week 1 of the quarter
    world.policy.quarterDemand[HOM] = 100;
    world.policy.quarterLost[HOM] = 10; // a 10% shortage, but no review this week
    world.policy.quarterExits[HOM] = 1;
    world.policy.quarterSmes[HOM] = 10;
    applyPolicy(world);
    expect(level(world, HOM, LOCAL_SOURCING_SUBSIDY)).toBe(0);
    expect(world.policy.shortageHistory[HOM]).toBe(0);
    expect(world.policy.quarterDemand[HOM]).toBe(100);
    expect(world.policy.quarterLost[HOM]).toBe(10);
    expect(world.policy.quarterExits[HOM]).toBe(1);
    expect(world.policy.quarterSmes[HOM]).toBe(10);
    world.tick = 26; // the review: 10% > 5% fires, and the record starts again
    applyPolicy(world);
    expect(level(world, HOM, LOCAL_SOURCING_SUBSIDY)).toBe(0.1);
    expect(world.policy.quarterDemand[HOM]).toBe(0);
    expect(world.policy.quarterSmes[HOM]).toBe(0);
  });
});

describe('§7.9 scheme mode runs no trigger rules', () => {
  it('a quarter with every trigger’s condition met changes nothing in scheme mode', () => {
    const world = adaptive({ policyMode: 'scheme' });
    world.policy.quarterDemand[HOM] = 100;
    world.policy.quarterLost[HOM] = 10; // shortage 10% > 5%
    world.policy.quarterSmes[HOM] = 10;
    world.policy.quarterExits[HOM] = 5; // exit rate 2 > 0.15
    world.communityRegions.access[NBR] = 0.1;
    world.communityRegions.literacy[NBR] = 0.1; // usage and literacy gaps far above their triggers
    world.communityRegions.trustGovernment[HOM] = 0.1;
    world.communityRegions.unemployment[HOM] = 1; // pressure 0.9: tariff and border almost surely; approval 0.1
    applyPolicy(world);
    expect(Array.from(world.policy.adaptiveLevel).every((x) => x === 0)).toBe(true);
    expect(Array.from(world.policy.triggerFired).every((x) => x === 0)).toBe(true);
    expect(world.policy.shortageHistory[HOM]).toBe(0);
    expect(world.regions.localSourcingSubsidy[HOM]).toBe(0);
    expect(world.regions.tariff[HOM]).toBe(0);
    expect(world.regions.borderOpen[HOM]).toBe(1);
  });
});

describe('§7.9 each trigger fires above its threshold, not at it', () => {
  it('shortages: lost / demand above shortageTrigger (25 of 100 at 0.25 does not fire, 26 does)', () => {
    const world = adaptive({ shortageTrigger: 0.25 });
    world.policy.quarterDemand[HOM] = 100;
    world.policy.quarterLost[HOM] = 25; // 0.25, not above 0.25
    world.policy.quarterDemand[NBR] = 100;
    world.policy.quarterLost[NBR] = 26; // 0.26 > 0.25
    applyPolicy(world);
    expect(level(world, HOM, LOCAL_SOURCING_SUBSIDY)).toBe(0);
    expect(world.policy.shortageHistory[HOM]).toBe(0);
    expect(level(world, NBR, LOCAL_SOURCING_SUBSIDY)).toBe(0.1);
    expect(world.policy.shortageHistory[NBR]).toBe(1);
  });

  it('SME exits: 4 × exits / SMEs above smeExitTrigger (4 · 4 / 64 = 0.25 at 0.25 does not fire, 4 · 5 / 64 does)', () => {
    const world = adaptive({ smeExitTrigger: 0.25 });
    world.policy.quarterSmes[HOM] = 64;
    world.policy.quarterExits[HOM] = 4; // 0.25
    world.policy.quarterSmes[NBR] = 64;
    world.policy.quarterExits[NBR] = 5; // 0.3125
    applyPolicy(world);
    expect(level(world, HOM, SME_TECH_GRANT)).toBe(0);
    expect(level(world, NBR, SME_TECH_GRANT)).toBe(0.5);
  });

  it('approval (τG) below approvalTrigger: 0.5 at 0.5 does not start transparency, 0.49 does', () => {
    const world = adaptive({ approvalTrigger: 0.5 });
    world.communityRegions.trustGovernment[HOM] = 0.5;
    world.communityRegions.trustGovernment[NBR] = 0.49;
    applyPolicy(world);
    expect(world.policy.approval[HOM]).toBe(0.5);
    expect(world.policy.approval[NBR]).toBe(0.49);
    expect(level(world, HOM, TRANSPARENCY)).toBe(0);
    expect(level(world, NBR, TRANSPARENCY)).toBe(0.5);
  });

  it('a tariff stays at pressure exactly half the trigger ((1 − 0.5) · 0.03 = 0.03 / 2) and goes just below it', () => {
    const world = adaptive();
    world.policy.adaptiveLevel[cell(HOM, TARIFF)] = 0.1;
    world.communityRegions.trustGovernment[HOM] = 0.5;
    world.communityRegions.unemployment[HOM] = 0.03; // pressure 0.015 = tariffPressureTrigger / 2: not below
    applyPolicy(world);
    expect(level(world, HOM, TARIFF)).toBe(0.1);
    world.tick = 26;
    world.communityRegions.unemployment[HOM] = 0.029; // pressure 0.0145 < 0.015
    applyPolicy(world);
    expect(level(world, HOM, TARIFF)).toBe(0);
  });
});

describe('§7.9 usage and literacy gaps to the top income quartile', () => {
  // Quartiles by GDP per capita: HOM 4 (top), HUB 2, NBR 3. Both triggers are set to the gap a
  // region exactly at them has: top usage 1 · 0.75 = 0.75, top literacy 0.75.
  const gaps = () => {
    const world = adaptive({ usageGapTrigger: 0.5, literacyGapTrigger: 0.25 });
    expect(Array.from(world.economy.incomeQuartile)).toEqual([4, 2, 3]);
    world.communityRegions.literacy[HOM] = 0.75;
    return world;
  };

  it('a gap exactly at the trigger starts nothing; just above it starts infrastructure and training, linked', () => {
    const world = gaps();
    world.communityRegions.access[NBR] = 0.5;
    world.communityRegions.literacy[NBR] = 0.5; // usage gap 0.75 − 0.25 = 0.5, literacy gap 0.25: at both triggers
    applyPolicy(world);
    expect(level(world, NBR, DIGITAL_INFRASTRUCTURE)).toBe(0);
    expect(level(world, NBR, TRAINING)).toBe(0);
    world.tick = 26;
    world.communityRegions.literacy[NBR] = 0.4375; // usage 0.21875: gap 0.53125 > 0.5; literacy gap 0.3125 > 0.25
    applyPolicy(world);
    expect(level(world, NBR, DIGITAL_INFRASTRUCTURE)).toBe(0.5);
    expect(level(world, NBR, TRAINING)).toBe(0.5);
    expect(world.policy.adaptiveLinked[NBR]).toBe(1);
    expect(world.regions.trainingLinked[NBR]).toBe(1); // linked, and infrastructure is delivered
    // Weekly spending: 0.5 + 0.5 = 1 of NBR's regular budget, 0.01 · 0.15 · 1e10 / 4 / 13 a week.
    expect(world.regions.infrastructureSpend[NBR]).toBeCloseTo((0.5 * (0.01 * 0.15 * 1e10)) / 4 / 13, 6);
    expect(world.regions.trainingSpend[NBR]).toBeCloseTo((0.5 * (0.01 * 0.15 * 1e10)) / 4 / 13, 6);
    expect(world.policy.triggerFired[cell(NBR, DIGITAL_INFRASTRUCTURE)]).toBe(1);
    // HUB (usage 0.9 above the top's 0.75) and HOM (the top itself) start nothing.
    expect(level(world, HUB, DIGITAL_INFRASTRUCTURE)).toBe(0);
    expect(level(world, HOM, TRAINING)).toBe(0);
  });

  it('infrastructure and training stop in the quarter the gaps close', () => {
    const world = gaps();
    world.communityRegions.access[NBR] = 0.5;
    world.communityRegions.literacy[NBR] = 0.25; // usage gap 0.625, literacy gap 0.5
    applyPolicy(world);
    expect(level(world, NBR, DIGITAL_INFRASTRUCTURE)).toBe(0.5);
    expect(level(world, NBR, TRAINING)).toBe(0.5);
    world.tick = 26;
    world.communityRegions.access[NBR] = 1;
    world.communityRegions.literacy[NBR] = 0.75; // no gap
    applyPolicy(world);
    expect(level(world, NBR, DIGITAL_INFRASTRUCTURE)).toBe(0);
    expect(level(world, NBR, TRAINING)).toBe(0);
    expect(world.regions.infrastructureSpend[NBR]).toBe(0);
    // The link ends with the adaptive infrastructure: training the literacy rule starts later is unlinked.
    expect(world.policy.adaptiveLinked[NBR]).toBe(0);
    world.tick = 39;
    world.communityRegions.literacy[NBR] = 0.4; // literacy gap 0.35 > 0.25; usage gap 0.35 < 0.5
    applyPolicy(world);
    expect(level(world, NBR, TRAINING)).toBe(0.5);
    expect(level(world, NBR, DIGITAL_INFRASTRUCTURE)).toBe(0);
    expect(world.policy.trainingLinked[NBR]).toBe(0);
  });

  it('the top quartile’s usage and literacy are population-weighted means over its regions', () => {
    const world = adaptive();
    world.economy.incomeQuartile.set([4, 4, 1]); // HOM (1e6 people) and HUB (4e6) on top, NBR at the bottom
    world.communityRegions.literacy[HOM] = 1; // usage 1 · 1 = 1
    world.communityRegions.access[HUB] = 0.5;
    world.communityRegions.literacy[HUB] = 0.5; // usage 0.25
    world.communityRegions.access[NBR] = 0.5;
    world.communityRegions.literacy[NBR] = 0.1; // usage 0.05
    // Top usage (1e6 · 1 + 4e6 · 0.25) / 5e6 = 0.4: NBR's gap 0.35 > 0.3 (the unweighted mean
    // 0.625 would give 0.575; a mean over all three regions, 2.05 / 6 = 0.342, only 0.292).
    // Top literacy (1e6 · 1 + 4e6 · 0.5) / 5e6 = 0.6: HUB's gap 0.1 < 0.2, NBR's 0.5 > 0.2.
    applyPolicy(world);
    expect(level(world, NBR, DIGITAL_INFRASTRUCTURE)).toBe(0.5);
    expect(level(world, NBR, TRAINING)).toBe(0.5);
    expect(level(world, HUB, DIGITAL_INFRASTRUCTURE)).toBe(0); // gap 0.4 − 0.25 = 0.15
    expect(level(world, HUB, TRAINING)).toBe(0);
  });
});

describe('§7.9 reshoring when shortages recur', () => {
  it('starts in the quarter with shortages in 2 of the last 4 and stops when one of them leaves the window', () => {
    const world = adaptive();
    const shortages = [true, false, false, true, false, false];
    // History (last 4 quarters, newest in bit 0): 0001, 0010, 0100, 1001, 0010, 0100 → 2 set only in quarter 4.
    const expected = { history: [0b0001, 0b0010, 0b0100, 0b1001, 0b0010, 0b0100], grant: [0, 0, 0, 0.3, 0, 0] };
    // The subsidy: 0.1 when fired, halved (adaptiveSubsidyDecay) in each quarter without shortages.
    const subsidy = [0.1, 0.05, 0.025, 0.1, 0.05, 0.025];
    shortages.forEach((shortage, q) => {
      world.tick = 13 * (q + 1);
      world.policy.quarterDemand[HOM] = 100;
      world.policy.quarterLost[HOM] = shortage ? 10 : 0;
      applyPolicy(world);
      expect(world.policy.shortageHistory[HOM], `quarter ${q + 1}`).toBe(expected.history[q]);
      expect(level(world, HOM, RESHORING_GRANT), `quarter ${q + 1}`).toBe(expected.grant[q]);
      expect(world.regions.reshoringGrantShare[HOM], `quarter ${q + 1}`).toBe(expected.grant[q]);
      expect(level(world, HOM, LOCAL_SOURCING_SUBSIDY), `quarter ${q + 1}`).toBeCloseTo(subsidy[q], 12);
    });
    // Fired: the subsidy in quarters 1 and 4, the grant in quarter 4.
    expect(world.policy.triggerFired[cell(HOM, LOCAL_SOURCING_SUBSIDY)]).toBe(2);
    expect(world.policy.triggerFired[cell(HOM, RESHORING_GRANT)]).toBe(1);
  });
});

describe('§7.9 border closure: pressure above borderPressureTrigger closes with probability 1 − e^{−(p − z)/z}', () => {
  it('closes in exactly the quarters whose draw is below 1 − e^{−1} at pressure 2z, and reopens below z', () => {
    const world = adaptive();
    const z = 0.08;
    const draws = new KeyedDraws(world.seed, 'policy.adaptive');
    const outcomes: boolean[] = [];
    for (let q = 1; q <= 40; q++) {
      world.tick = 13 * q;
      world.regions.borderOpen.fill(1); // as the shocks phase does each week
      world.communityRegions.trustGovernment[HOM] = 0.5;
      world.communityRegions.unemployment[HOM] = 0.32; // pressure (1 − 0.5) · 0.32 = 0.16 = 2z
      const probability = 1 - exp(-(0.16 - z) / z); // 1 − e^{−1} ≈ 0.632
      const closes = draws.uniform(HOM, world.tick, 1) < probability;
      outcomes.push(closes);
      applyPolicy(world);
      expect(level(world, HOM, BORDER_CLOSURE), `quarter ${q}`).toBe(closes ? 1 : 0);
      expect(world.regions.borderOpen[HOM], `quarter ${q}`).toBe(closes ? 0 : 1);
    }
    // Both outcomes occur, and each closure is followed by a quarter that decided afresh.
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(10);
    expect(outcomes.filter((c) => !c).length).toBeGreaterThan(5);
    // Pressure 0.5 · 0.1 = 0.05 below z: the border reopens whatever the draw.
    world.policy.adaptiveLevel[cell(HOM, BORDER_CLOSURE)] = 1;
    world.tick = 13 * 41;
    world.regions.borderOpen.fill(1);
    world.communityRegions.unemployment[HOM] = 0.1;
    applyPolicy(world);
    expect(level(world, HOM, BORDER_CLOSURE)).toBe(0);
    expect(world.regions.borderOpen[HOM]).toBe(1);
  });
});
