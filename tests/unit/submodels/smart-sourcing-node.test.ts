/**
 * Smart sourcing nodes (MODEL.md §9.5) against hand-computed values: the platform's running cost
 * spent per region-year and recorded, a non-adopted SME of a node region eligible for lead firms,
 * the coordination cost cut by the stated share, the node's indicators on a hand-built case, and
 * path-precise errors for a bad level — in a scenario and in a scheme's budget check.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPolicy } from '../../../agents/policymaker/systems.ts';
import { INSTRUMENTS, INSTRUMENT_COUNT, SMART_SOURCING_NODE } from '../../../agents/policymaker/schema.ts';
import { computeSmePools, isEligible, isVisible, contractOffer } from '../../../agents/firm/pools.ts';
import { renewContracts } from '../../../agents/firm/contracts.ts';
import { estimateStrategy } from '../../../agents/firm/strategy.ts';
import { sourcingNodeFactor } from '../../../agents/firm/costs.ts';
import { GLOBAL, NEARSHORE } from '../../../agents/firm/schema.ts';
import { NO_BUYER } from '../../../agents/sme/schema.ts';
import { Recorder } from '../../../src/model/observe/recorder.ts';
import { checkScenario } from '../../../src/model/validate.ts';
import { loadScheme } from '../../../src/compare/scheme.ts';
import { loadScenario } from '../../../src/cli/run-inputs.ts';
import { UserError } from '../../../src/cli/errors.ts';
import { WORLDS } from '../../../worlds/index.ts';
import type { ScenarioInput } from '../../../src/model/scenario.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, region, threeRegions, tinyWorld, withSecondHub } from './tiny-world.ts';

const R = 3;
const cell = (r: number) => r * INSTRUMENT_COUNT + SMART_SOURCING_NODE;
const node = (codes: string[], extra: Record<string, unknown> = {}): ScenarioInput => ({
  policy: [{ week: 0, target: { regions: codes }, instrument: 'smartSourcingNode', level: 1, ...extra }],
});
// HOM: 1e6 people × $20 000 → 0.01 × 0.15 × 2e10 / 4 = $7.5 million a quarter.
const BUDGET_HOM = (0.01 * 0.15 * (1e6 * 20_000)) / 4;

describe('§9.5 the platform’s cost is spent per region-year and recorded', () => {
  it('a running node spends smartSourcingNodeCostPerYear / 52 a week in its region only, and is recorded as running', () => {
    const world = tinyWorld(undefined, {}, node(['HOM']));
    expect(INSTRUMENTS[SMART_SOURCING_NODE]).toBe('smartSourcingNode');
    expect(world.params.smartSourcingNodeCostPerYear).toBe(1_000_000);
    applyPolicy(world);
    expect(world.regions.sourcingNode[HOM]).toBe(1);
    expect(world.regions.sourcingNode[NBR]).toBe(0);
    expect(world.policy.spentQuarter[cell(HOM)]).toBeCloseTo(1_000_000 / 52, 6); // 19 230.77
    expect(world.policy.spentQuarter[cell(NBR)]).toBe(0);
    // 52 weeks cost 1 000 000 (four quarters; spentTotal keeps counting).
    for (let week = 1; week < 52; week++) {
      world.tick++;
      applyPolicy(world);
    }
    expect(world.policy.spentTotal[cell(HOM)]).toBeCloseTo(1_000_000, 3);
    expect(world.regions.sourcingNode[HOM]).toBe(1);
  });

  it('a platform its region cannot pay for in full this week does not run and spends nothing', () => {
    // HOM's regular budget is $7.5 million a quarter: a $400 million a year platform costs $7.69 million a week.
    const world = tinyWorld(undefined, { smartSourcingNodeCostPerYear: 4e8 }, node(['HOM']));
    applyPolicy(world);
    expect(4e8 / 52).toBeGreaterThan(BUDGET_HOM);
    expect(world.regions.sourcingNode[HOM]).toBe(0);
    expect(world.policy.spentQuarter[cell(HOM)]).toBe(0);
  });

  it('with its own budgetPerYear it is paid from that pot: 13 weeks use a quarter of it exactly', () => {
    const world = tinyWorld(undefined, { smartSourcingNodeCostPerYear: 4e8 }, node(['HOM'], { budgetPerYear: 4e8 }));
    for (let week = 0; week < 13; week++) {
      world.tick = week;
      applyPolicy(world);
      expect(world.regions.sourcingNode[HOM], `week ${week}`).toBe(1);
    }
    expect(world.policy.spentQuarter[cell(HOM)]).toBeCloseTo(1e8, 0);
  });
});

/** Component capacity = employees · productivity · (0.5 + 0.5 q) / 0.5; an offer is 0.6 of it. */
function smeWorld(scenario?: ScenarioInput): { world: World; adopted: number; hidden: number } {
  const world = tinyWorld(undefined, {}, scenario);
  world.regions.productivity[HOM] = 1;
  const adopted = addSme(world, HOM, { employees: 10, capability: 0.5, digital: 1 }); // 15 units, offer 9
  const hidden = addSme(world, HOM, { employees: 10, capability: 0.5, digital: 0 });
  applyPolicy(world);
  return { world, adopted, hidden };
}

describe('§9.5 a node lists every SME of its region: non-adopters become visible to lead firms', () => {
  it('without a node a non-adopted SME is invisible; with one in its region it is eligible and in the pools', () => {
    const off = smeWorld();
    expect(isVisible(off.world, off.hidden)).toBe(false);
    expect(isEligible(off.world, off.hidden, NEARSHORE, contractOffer(off.world, off.hidden, NEARSHORE))).toBe(false);
    expect(computeSmePools(off.world).capacity[NEARSHORE * R + HOM]).toBeCloseTo(9, 5);

    const on = smeWorld(node(['HOM']));
    expect(isVisible(on.world, on.hidden)).toBe(true);
    expect(isEligible(on.world, on.hidden, NEARSHORE, contractOffer(on.world, on.hidden, NEARSHORE))).toBe(true);
    const pools = computeSmePools(on.world);
    expect(pools.capacity[NEARSHORE * R + HOM]).toBeCloseTo(18, 5);
    expect(pools.count[NEARSHORE * R + HOM]).toBe(2);
    // Listing does not reveal the SME's own raw sources (tier 2 stays with adopted SMEs).
    expect(pools.tierTwo.every((x) => x === 0)).toBe(true);
  });

  it('a node elsewhere does not list the region’s SMEs', () => {
    const elsewhere = smeWorld(node(['NBR']));
    expect(isVisible(elsewhere.world, elsewhere.hidden)).toBe(false);
  });

  it('recruiting contracts the listed non-adopter; the contract is dropped when the node stops', () => {
    const { world, adopted, hidden } = smeWorld(node(['HOM'], { weeks: 1 }));
    world.firms.strategy[0] = NEARSHORE;
    world.plants.smeShareTarget[0] = 1;
    world.plants.forecast[0] = 1000; // needs far more than both can offer
    renewContracts(world);
    expect(world.smes.buyerPlant[adopted]).toBe(0);
    expect(world.smes.buyerPlant[hidden]).toBe(0);
    expect(world.plants.smeContractCapacity[0]).toBeCloseTo(18, 5);
    world.tick++; // week 1: the node's one week is over
    applyPolicy(world);
    expect(world.regions.sourcingNode[HOM]).toBe(0);
    renewContracts(world);
    expect(world.smes.buyerPlant[adopted]).toBe(0);
    expect(world.smes.contractCapacity[hidden]).toBe(0); // dropped: invisible again
  });
});

describe('§9.5 the coordination cost of sourcing from a node region falls by sourcingNodeCoordinationCut', () => {
  it('factor = 1 − cut × share of the sourcing regions with a node', () => {
    expect(sourcingNodeFactor(0.3, 1)).toBeCloseTo(0.7, 12);
    expect(sourcingNodeFactor(0.3, 0.5)).toBeCloseTo(0.85, 12);
    expect(sourcingNodeFactor(0.3, 0)).toBe(1);
  });

  it('C_k: two hub regions, one with a node — coordination 0.8 × (1 − 0.3 / 2) = 0.68 instead of 0.8', () => {
    // The same two-hub world as firm.test.ts's coordination test: 0.01 · 100 · (2 − 1) · (1 − 0.5 · 0.4) = 0.8.
    const build = (scenario?: ScenarioInput) => {
      const definition = threeRegions();
      withSecondHub(definition);
      const world = tinyWorld(definition, { disruptionLossDepth: 1 }, scenario);
      applyPolicy(world);
      for (let j = 0; j < world.hubs.count; j++) world.hubs.price[j] = 40;
      world.firms.riskPerception[0] = world.params.riskPerceptionInitial;
      world.firms.observedHazard.fill(0);
      world.economy.referenceFinalPrice = 100;
      world.plantHub.weight[0] = 0.5;
      world.plantHub.weight[1] = 0.5;
      world.communityRegions.access[HUB] = 0.2;
      world.communityRegions.access[3] = 0.6;
      return world;
    };
    const cost = (world: World) => estimateStrategy(world, 0, GLOBAL, computeSmePools(world)).cost;
    const coordination = (scenario?: ScenarioInput) => {
      const world = build(scenario);
      const withCoordination = cost(world);
      world.params.coordinationCostPerRegion = 0;
      return withCoordination - cost(world);
    };
    expect(coordination()).toBeCloseTo(0.8, 9);
    expect(coordination(node(['HUB']))).toBeCloseTo(0.8 * (1 - 0.3 / 2), 9);
    expect(coordination(node(['HUB', 'HB2']))).toBeCloseTo(0.8 * 0.7, 9);
  });
});

describe('§9.5 indicators: SMEs listed, chain participation of listed vs unlisted SMEs', () => {
  it('are recorded only in runs whose scenario uses a node', () => {
    const names = (world: World) => new Recorder(world).indicators.map((i) => i.name);
    const without = names(tinyWorld());
    for (const name of ['smeListed', 'smeListedShare', 'smeChainShareListed', 'smeChainShareUnlisted', 'smeChainShareListedNotAdopted', 'spendSmartSourcingNode']) {
      expect(without).not.toContain(name);
      expect(names(tinyWorld(undefined, {}, node(['HOM'])))).toContain(name);
    }
  });

  it('match a hand-built case: HOM listed (2 SMEs, 1 in a chain), NBR unlisted (4 SMEs, 1 in a chain)', () => {
    const world = tinyWorld(undefined, {}, node(['HOM']));
    world.smes.alive.fill(0); // only the SMEs below
    const chain = (id: number) => (world.smes.buyerPlant[id] = 0);
    addSme(world, HOM, { employees: 10, capability: 0.5, digital: 0 });
    chain(addSme(world, HOM, { employees: 10, capability: 0.5, digital: 0 })); // listed non-adopter in a chain
    for (let k = 0; k < 3; k++) addSme(world, NBR, { employees: 10, capability: 0.5, digital: k === 0 ? 1 : 0 });
    chain(addSme(world, NBR, { employees: 10, capability: 0.5, digital: 1 }));
    applyPolicy(world);
    const recorder = new Recorder(world);
    recorder.record(world, 0);
    expect(recorder.latest('smeListed')).toBe(2);
    expect(recorder.latest('smeListedShare')).toBeCloseTo(2 / 6, 12);
    expect(recorder.latest('smeChainShareListed')).toBeCloseTo(1 / 2, 12);
    expect(recorder.latest('smeChainShareUnlisted')).toBeCloseTo(1 / 4, 12);
    expect(recorder.latest('smeChainShareListedNotAdopted')).toBeCloseTo(1 / 2, 12);
    expect(recorder.latest('smeChainShare')).toBeCloseTo(2 / 6, 12);
    expect(recorder.latest('spendSmartSourcingNode')).toBeCloseTo(1_000_000 / 52, 6);
    expect(recorder.latest('policySpend')).toBeCloseTo(1_000_000 / 52, 6);
  });
});

describe('§9.5 a bad level or target is reported at its path', () => {
  const world = WORLDS['two-hubs'].definition();

  it('scenario: level 0.5 at policy[1].level, an unknown region at policy[0].target, a rule at rules[0].level', () => {
    const check = checkScenario(
      {
        shocks: [],
        policy: [
          { week: 0, target: { regions: ['XXX'] }, instrument: 'smartSourcingNode', level: 1 },
          { week: 0, target: 'all', instrument: 'smartSourcingNode', level: 0.5 },
        ],
        rules: [{ when: 'fillRate < 0.9', target: 'all', instrument: 'smartSourcingNode', level: 0.2 }],
      },
      world,
    );
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(problems).toContain('policy.1.level: smartSourcingNode is 0 (off) or 1 (platform running), got 0.5');
    expect(problems).toContain('rules.0.level: smartSourcingNode is 0 (off) or 1 (platform running), got 0.2');
    expect(problems.some((p) => p.startsWith('policy.0.target'))).toBe(true);
  });

  it('scheme: a node on top of a full infrastructure programme goes over the regular budget, at the node', () => {
    const folder = mkdtempSync(join(tmpdir(), 'glocal-node-'));
    const path = join(folder, 'over.json');
    writeFileSync(
      path,
      [
        '{',
        '  "description": "infrastructure takes the whole budget; the node goes over it",',
        '  "policy": [',
        '    { "week": 0, "target": "all", "instrument": "digitalInfrastructure", "level": 1 },',
        '    { "week": 0, "target": { "regions": ["SAH"] }, "instrument": "smartSourcingNode", "level": 1 }',
        '  ]',
        '}',
      ].join('\n'),
    );
    let message = '';
    try {
      loadScheme(path, world, loadScenario('two-hubs', 'baseline').scenario);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      message = error.message;
    }
    // SAH: 0.01 × 0.15 × 50e6 × 2 200 = $165 million a year; the node's $1 million is 0.006061 of it.
    expect(message).toMatch(/at policy\[1\]\.level \(line 5\): in region SAH from week 0 the shares of the regular budget sum to 1\.006 \(digitalInfrastructure 1 \+ smartSourcingNode 0\.006061\)/);
  });
});
