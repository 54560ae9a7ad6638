/**
 * Tests written to catch one-line wrong rules that the rest of the suite let through (issue 11:
 * an outside review planted 14 bugs in `agents/`; 7 passed every test). Each test below was
 * checked by planting the bug named in its title, seeing it fail, and reverting the bug
 * (docs/TESTING.md lists them).
 */
import { describe, expect, it } from 'vitest';
import { updateCommunities } from '../../../agents/community/systems.ts';
import { estimateStrategy } from '../../../agents/firm/strategy.ts';
import { computeSmePools } from '../../../agents/firm/pools.ts';
import { DUAL } from '../../../agents/firm/schema.ts';
import { applyPolicy } from '../../../agents/policymaker/systems.ts';
import { INSTRUMENT_COUNT, LOCAL_SOURCING_SUBSIDY, TARIFF } from '../../../agents/policymaker/schema.ts';
import { settleHubs } from '../../../agents/supplier/finance.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, threeRegions, tinyWorld } from './tiny-world.ts';

const cellsOf = (world: World, r: number) => {
  const out: number[] = [];
  for (let c = 0; c < world.cells.count; c++) if (world.cells.region[c] === r) out.push(c);
  return out;
};

/** Three cells per region, 1 000 jobs in HOM at their trend, τF = 0.5 in HOM (as community.test.ts). */
function trustWorld(params: Record<string, unknown> = { timelySupplyWeight: 0 }) {
  const definition = threeRegions({ cellsAtScaleOne: 9 });
  definition.regions[HUB].population = 1e6;
  const world = tinyWorld(definition, params);
  world.plants.employment[0] = 1000;
  world.communityRegions.jobsTrend[HOM] = 1000;
  world.communityRegions.jobsSmoothed[HOM] = 1000;
  for (const c of cellsOf(world, HOM)) world.cells.trustFirms[c] = 0.5;
  return world;
}

describe('trust under transparency (§7.8)', () => {
  // Planted: `regionTrustBad = bad` (transparency amplifying only good news); `if (good > 0)` for
  // the record (bad-only weeks leaving the record untouched).
  it('transparency multiplies bad events by (1 + θ_T) too, and a bad-only week lowers the record', () => {
    const world = trustWorld();
    world.communityRegions.badEvents[HOM] = 10;
    world.regions.transparency[HOM] = 0.5;
    updateCommunities(world);
    const m = (4 * 10) / 1000; // trustEventScale · jobs / region jobs
    const afterEvent = 0.5 - 0.9 * (m * 1.5) * 0.5; // α⁻ = 3 · 0.3, amplified by 1.5
    const record = 0.5 + (1 / 26) * (0 - 0.5); // share of good events 0
    expect(world.communityRegions.firmRecord[HOM]).toBeCloseTo(record, 12);
    expect(world.cells.trustFirms[cellsOf(world, HOM)[0]]).toBeCloseTo(afterEvent + 0.05 * 0.5 * (record - afterEvent), 12);
  });

  it('without transparency the record still follows events but does not pull τF', () => {
    const world = trustWorld();
    world.communityRegions.badEvents[HOM] = 10;
    updateCommunities(world);
    expect(world.communityRegions.firmRecord[HOM]).toBeCloseTo(0.5 - 0.5 / 26, 12);
    expect(world.cells.trustFirms[cellsOf(world, HOM)[0]]).toBeCloseTo(0.5 - 0.9 * 0.04 * 0.5, 12);
  });
});

/**
 * E[loss_k] for a strategy with two tiers of sources (§7.1): DUAL takes a share s from visible
 * SMEs in NBR (the home bloc) and 1 − s from the hub. The margin is the same for every source
 * region, so the ratio of the cost's response to ĥ_HUB and to ĥ_NBR is margin-free:
 * w_HUB (L_HUB + d̄ − cover)(1 − spare_HUB) / [w_NBR (L_NBR + d̄ − cover)(1 − spare_NBR)],
 * with spare = min(1, 0.25 (1 − w) / w), L_HUB = 4, L_NBR = 2, d̄ = 6, cover = 2.
 */
describe('E[loss] with SME and hub sources (§7.1)', () => {
  function dualWorld(rawHubShare: number): World {
    const world = tinyWorld(threeRegions(), { coordinationCostPerRegion: 0 });
    for (let j = 0; j < world.hubs.count; j++) world.hubs.price[j] = 40;
    world.firms.riskPerception[0] = world.params.riskPerceptionInitial;
    world.firms.observedHazard.fill(0);
    for (let k = 0; k < 3; k++) {
      const id = addSme(world, NBR, { employees: 20, capability: 0.6, digital: 1 });
      if (rawHubShare > 0) {
        world.smes.rawSource[id] = 0; // buys raw inputs from the hub supplier in HUB
        world.smes.rawHubShare[id] = rawHubShare;
      }
    }
    return world;
  }

  /** Cost response to ĥ = 0.01 in `region`, and the DUAL SME share. */
  function response(world: World, region: number): { delta: number; s: number } {
    const R = world.regions.count;
    world.firms.observedHazard.fill(0);
    const base = estimateStrategy(world, 0, DUAL, computeSmePools(world));
    world.firms.observedHazard[0 * R + region] = 0.01;
    const raised = estimateStrategy(world, 0, DUAL, computeSmePools(world));
    world.firms.observedHazard.fill(0);
    return { delta: raised.cost - base.cost, s: base.smeShare };
  }

  const term = (w: number, lead: number) => w * (lead + 6 - 2) * (1 - Math.min(1, (0.25 * (1 - Math.min(1, w))) / w));

  // Planted: the hub weight not reduced by the SME share; spare without the division by w; the
  // lead time taken from the plant's own region.
  it('weights each source region by its share, spare capacity and lead time', () => {
    const world = dualWorld(0);
    const hub = response(world, HUB);
    const nbr = response(world, NBR);
    expect(hub.s).toBeGreaterThan(0.05);
    expect(hub.s).toBeLessThanOrEqual(0.3);
    expect(hub.delta / nbr.delta).toBeCloseTo(term(1 - hub.s, 4) / term(hub.s, 2), 9);
  });

  // Planted: the visible second tier counted without the SME share (tier / capacity).
  it('adds the SMEs’ own hub purchases (visible second tier) in proportion to the SME share', () => {
    const world = dualWorld(0.5);
    const hub = response(world, HUB);
    const nbr = response(world, NBR);
    expect(hub.delta / nbr.delta).toBeCloseTo(term(1 - hub.s + 0.5 * hub.s, 4) / term(hub.s, 2), 9);
  });
});

describe('adaptive instruments between triggers (§7.9)', () => {
  const cell = (r: number, k: number) => r * INSTRUMENT_COUNT + k;
  function adaptive(): World {
    const world = tinyWorld(undefined, { policyMode: 'adaptive' });
    world.tick = 13;
    world.communityRegions.trustGovernment.fill(0.6);
    world.communityRegions.access.fill(1);
    world.communityRegions.literacy.fill(0.9);
    return world;
  }

  // Planted: the subsidy kept (× 1) or dropped (× 0) in a quarter without shortages.
  it('the local-sourcing subsidy halves in each quarter without shortages', () => {
    const world = adaptive();
    world.policy.quarterDemand[HOM] = 100;
    world.policy.quarterLost[HOM] = 10;
    applyPolicy(world);
    expect(world.policy.adaptiveLevel[cell(HOM, LOCAL_SOURCING_SUBSIDY)]).toBe(0.1);
    world.tick = 26;
    world.policy.quarterDemand[HOM] = 100;
    world.policy.quarterLost[HOM] = 0;
    applyPolicy(world);
    expect(world.policy.adaptiveLevel[cell(HOM, LOCAL_SOURCING_SUBSIDY)]).toBeCloseTo(0.05, 12);
    expect(world.regions.localSourcingSubsidy[HOM]).toBeCloseTo(0.05, 12);
  });

  // Planted: the tariff lifted as soon as pressure is below the trigger (no hysteresis).
  it('a tariff stays while pressure is between half the trigger and the trigger, and goes below half', () => {
    const world = adaptive();
    world.policy.adaptiveLevel[cell(HOM, TARIFF)] = 0.1;
    world.communityRegions.trustGovernment[HOM] = 0.6;
    world.communityRegions.unemployment[HOM] = 0.05; // pressure 0.4 · 0.05 = 0.02: in [0.015, 0.03)
    applyPolicy(world);
    expect(world.policy.adaptiveLevel[cell(HOM, TARIFF)]).toBe(0.1);
    expect(world.regions.tariff[HOM]).toBe(0.1);
    world.tick = 26;
    world.communityRegions.unemployment[HOM] = 0.03; // pressure 0.012 < 0.015
    applyPolicy(world);
    expect(world.policy.adaptiveLevel[cell(HOM, TARIFF)]).toBe(0);
  });
});

describe('tax accounting (§7.4: profit tax at profitTaxRate)', () => {
  // Planted: hubs recording the tax in the ledger without paying it, or taxing losses.
  it('a hub pays wages and tax on positive profit only, and the ledger records exactly what it paid', () => {
    const world = tinyWorld();
    const j = 0;
    const wage = world.regions.wage[world.hubs.region[j]];
    world.hubs.employment[j] = 10;
    // This week's receipts (booked by settleHubs): none from plants, raw sales of 10 wages + 1 000: profit 1 000.
    world.scratch.plantHubPayment.fill(0);
    world.scratch.hubRawRevenue.fill(0);
    world.scratch.hubRawRevenue[j] = 10 * wage + 1000;
    world.hubs.localOutput.fill(0);
    world.hubs.cash[j] = 5000;
    world.hubs.componentOutput[j] = 30;
    world.hubs.rawOutputExternal[j] = 20;
    const before = { ...world.ledger };
    settleHubs(world);
    expect(world.hubs.revenue[j]).toBeCloseTo(10 * wage + 1000, 6);
    expect(world.hubs.cash[j]).toBeCloseTo(5000 + 1000 - 0.2 * 1000, 6);
    expect(world.ledger.profitTaxes - before.profitTaxes).toBeCloseTo(0.2 * 1000, 6);
    expect(world.ledger.wages - before.wages).toBeCloseTo(10 * wage, 6); // mutation survivor: ledger.wages −=
    // Value added at the prices just set (mutation survivors: ÷ for ×, − for +).
    const h = world.hubs;
    expect(h.valueAdded[j]).toBeCloseTo(h.componentOutput[j] * h.price[j] + h.rawOutputExternal[j] * h.rawPrice[j], 9);
    world.scratch.hubRawRevenue[j] = 10 * wage - 1000; // a loss: no tax
    world.hubs.cash[j] = 5000;
    const taxed = world.ledger.profitTaxes;
    settleHubs(world);
    expect(world.hubs.cash[j]).toBeCloseTo(5000 - 1000, 6);
    expect(world.ledger.profitTaxes).toBe(taxed);
  });
});
