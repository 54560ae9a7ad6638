import { describe, expect, it } from 'vitest';
import { LOSS_INDICATORS, LossTracker, forEachSmePair, lockedValueAddedShare, tierValueAddedShares } from '../../src/model/observe/losses.ts';
import { Recorder } from '../../src/model/observe/recorder.ts';
import type { WorldDefinition } from '../../src/model/world-definition.ts';
import type { World } from '../../src/model/world.ts';
import { addSme, region, tinyWorld } from './submodels/tiny-world.ts';

/**
 * Gross losses (issue 11, MODEL.md P2): direct and indirect value-added losses are summed agent by
 * agent, SMEs matched between the shocked and the reference run by id and birth week, so no gain
 * cancels a loss. A hand-built two-region world with hand-set weekly value added.
 */
const LOCKED = 0; // region LCK: locked down (direct)
const OTHER = 1; // region OTH: not locked down (indirect)

function twoRegions(): WorldDefinition {
  return {
    name: 'two-regions',
    blocs: ['A'],
    regions: [region('LCK', { isHub: true, longitude: 0 }), region('OTH', { longitude: 10 })],
    leadFirmHomes: [OTHER],
    hubSuppliersPerHub: 1,
    smesAtScaleOne: 0,
    cellsAtScaleOne: 2,
    regionNeighbours: [[1], [0]],
  };
}

const LOCKDOWN = { shocks: [{ kind: 'lockdown' as const, target: { regions: ['LCK'] }, start: 0, weeks: 4, capacityFactor: 0.5 }] };

/** A world whose agents all add no value, so each test sets exactly the value added it checks. */
function quietWorld(shocked: boolean): World {
  const world = tinyWorld(twoRegions(), {}, shocked ? LOCKDOWN : undefined);
  world.plants.valueAdded.fill(0);
  world.hubs.valueAdded.fill(0);
  world.rawSources.domesticRawOutput.fill(0);
  return world;
}

/** Adds an SME born at `born` with weekly value added `va` (revenue va, spend 0). */
function sme(world: World, r: number, va: number, born = 0): number {
  const id = addSme(world, r, { employees: 5, capability: 0.5 });
  world.smes.bornAtTick[id] = born;
  world.smes.revenue[id] = va;
  world.smes.spend[id] = 0;
  return id;
}

/** Shocked and reference worlds, slot by slot: [region, shocked VA or null (dead), reference VA or null, birth in shocked, birth in reference]. */
type SmeRow = [number, number | null, number | null, number?, number?];

function pairOfWorlds(rows: SmeRow[]): { shocked: World; reference: World } {
  const shocked = quietWorld(true);
  const reference = quietWorld(false);
  for (const [r, vaShocked, vaReference, bornShocked = 0, bornReference = 0] of rows) {
    const a = sme(shocked, r, vaShocked ?? 0, bornShocked);
    const b = sme(reference, r, vaReference ?? 0, bornReference);
    if (vaShocked === null) shocked.smes.alive[a] = 0;
    if (vaReference === null) reference.smes.alive[b] = 0;
  }
  return { shocked, reference };
}

function lossesAfterOneWeek(shocked: World, reference: World): Record<string, number | number[]> {
  shocked.regions.lockedDown[LOCKED] = 1;
  const tracker = new LossTracker(shocked, reference);
  tracker.update(0);
  return tracker.state();
}

describe('gross value-added losses, agent by agent', () => {
  const rows: SmeRow[] = [
    [LOCKED, 40, 100], // direct loss 60
    [LOCKED, 30, 10], // direct gain 20: must not cancel the loss above
    [OTHER, 20, 50], // indirect loss 30
    [OTHER, 25, 0], // indirect gain 25
    [OTHER, null, 15], // exited in the shocked run only: indirect loss 15
    [OTHER, 8, 12, 5, 3], // same slot, different births: two SMEs, a gain of 8 and a loss of 12
  ];

  it('pairs SMEs by id and birth week, and an unmatched SME against zero', () => {
    const { shocked, reference } = pairOfWorlds(rows);
    const pairs: [number, number, number][] = [];
    forEachSmePair(shocked, reference, (r, a, b) => pairs.push([r, a, b]));
    expect(pairs).toEqual([
      [LOCKED, 40, 100],
      [LOCKED, 30, 10],
      [OTHER, 20, 50],
      [OTHER, 25, 0],
      [OTHER, 0, 15],
      [OTHER, 8, 0],
      [OTHER, 0, 12],
    ]);
  });

  it('splits direct (locked-down region) and indirect losses with no gain cancelling a loss', () => {
    const { shocked, reference } = pairOfWorlds(rows);
    const hub = 0;
    reference.hubs.valueAdded[hub] = 10; // the hub in LCK loses 10: direct
    const plant = 0;
    shocked.plants.valueAdded[plant] = 100; // the plant in OTH gains 30: no gross loss
    reference.plants.valueAdded[plant] = 70;
    expect(reference.hubs.region[hub]).toBe(LOCKED);
    expect(reference.plants.region[plant]).toBe(OTHER);
    const s = lossesAfterOneWeek(shocked, reference);
    expect(s.grossDirect).toBeCloseTo(60 + 10, 9);
    expect(s.grossIndirect).toBeCloseTo(30 + 15 + 12, 9);
    // Net figures keep the gains: reference − shocked, summed.
    expect(s.netDirect).toBeCloseTo(60 - 20 + 10, 9);
    expect(s.netIndirect).toBeCloseTo(30 - 25 + 15 - 8 + 12 - 30, 9);
  });

  it('counts nothing outside the loss window (no shock, no window)', () => {
    const reference = quietWorld(false);
    const other = quietWorld(false);
    sme(reference, OTHER, 50);
    sme(other, OTHER, 10);
    const tracker = new LossTracker(other, reference);
    tracker.update(0);
    expect(tracker.state().grossIndirect).toBe(0);
  });
});

describe('lost final deliveries, recovery and the accounting ratio', () => {
  function deliveries(shocked: World, reference: World, delivered: [number, number], referenceDelivered: [number, number]): void {
    shocked.finalMarket.finalDelivered.set(delivered);
    reference.finalMarket.finalDelivered.set(referenceDelivered);
  }

  it('counts each region’s shortfall (never a surplus) against the reference run’s demand', () => {
    const shocked = quietWorld(true);
    const reference = quietWorld(false);
    deliveries(shocked, reference, [60, 70], [100, 50]);
    reference.finalMarket.finalDemand.set([120, 60]);
    shocked.finalMarket.finalDemand.set([999, 999]); // the shocked run's demand is not the yardstick
    const s = lossesAfterOneWeek(shocked, reference);
    expect(s.lostByRegion).toEqual([40, 0]);
    expect(s.demandByRegion).toEqual([120, 60]);
    expect(s.lostUnits).toBe(150 - 130); // world total: the surplus in OTH offsets nothing regionally
  });

  it('recovery counts the weeks up to the last one below 95% of the reference, inclusive', () => {
    const shocked = quietWorld(true);
    const reference = quietWorld(false);
    const tracker = new LossTracker(shocked, reference);
    shocked.regions.lockedDown[LOCKED] = 1;
    deliveries(shocked, reference, [50, 50], [100, 50]); // 100 < 0.95 · 150
    tracker.update(0);
    expect(tracker.state().recoveryWeeks).toBe(1);
    deliveries(shocked, reference, [93, 50], [100, 50]); // 143 ≥ 142.5: recovered
    tracker.update(1);
    expect(tracker.state().recoveryWeeks).toBe(1);
    deliveries(shocked, reference, [90, 50], [100, 50]); // 140 < 142.5: a relapse in week 2
    tracker.update(2);
    expect(tracker.state().recoveryWeeks).toBe(3);
  });

  it('direct losses are those of region-weeks under lockdown; once its lockdown ends a region’s losses are indirect (§9.2)', () => {
    const shocked = quietWorld(true);
    const reference = quietWorld(false);
    const tracker = new LossTracker(shocked, reference);
    const hub = 0;
    shocked.regions.lockedDown[LOCKED] = 1;
    reference.hubs.valueAdded[hub] = 100;
    shocked.hubs.valueAdded[hub] = 40; // locked down: 60 direct
    tracker.update(0);
    expect(tracker.state().grossDirect).toBeCloseTo(60, 9);
    expect(tracker.state().grossIndirect).toBeCloseTo(0, 9);
    shocked.regions.lockedDown[LOCKED] = 0;
    shocked.hubs.valueAdded[hub] = 90; // still 10 short, but no longer locked down: indirect
    tracker.update(1);
    expect(tracker.state().grossDirect).toBeCloseTo(60, 9);
    expect(tracker.state().grossIndirect).toBeCloseTo(10, 9);
  });

  it('the accounting ratio splits each lost unit by tier value-added share, each tier by where the reference made it (§9.2)', () => {
    const shocked = quietWorld(true);
    const reference = quietWorld(false);
    // Labour per unit 0.2 / 0.5 / 0.5 worker-weeks: value-added shares 1/6, 5/12, 5/12.
    expect(tierValueAddedShares(reference)).toEqual([0.2 / 1.2, 0.5 / 1.2, 0.5 / 1.2]);
    const hub = 0; // in LCK
    reference.hubs.rawOutputExternal.fill(0);
    reference.hubs.rawOutputInternal.fill(0);
    reference.hubs.componentOutput.fill(0);
    reference.plants.production.fill(0);
    reference.rawSources.domesticRawOutput[OTHER] = 30; // raw: 30 outside …
    reference.hubs.rawOutputInternal[hub] = 10; // … and 10 inside: a quarter inside
    reference.hubs.componentOutput[hub] = 60; // components: 60 inside …
    const id = sme(reference, OTHER, 0);
    reference.smes.chainOutput[id] = 20; // … and 20 outside: three quarters inside
    reference.plants.production[0] = 50; // assembly: all in the lead firm's home, OTH (outside)
    // Inside share = 1/6 · 1/4 + 5/12 · 3/4 + 5/12 · 0 = 1/24 + 15/48 = 17/48.
    shocked.regions.lockedDown[LOCKED] = 1;
    expect(lockedValueAddedShare(reference, shocked.regions.lockedDown)).toBeCloseTo(17 / 48, 12);
    deliveries(shocked, reference, [0, 50], [100, 50]); // 100 units lost this week
    const tracker = new LossTracker(shocked, reference);
    tracker.update(0);
    expect(tracker.state().accountingInside).toBeCloseTo((100 * 17) / 48, 9);
    expect(tracker.state().accountingOutside).toBeCloseTo((100 * 31) / 48, 9);
  });

  it('a tier that made nothing this week is left out of the split', () => {
    const world = quietWorld(false);
    world.hubs.rawOutputExternal.fill(0);
    world.hubs.rawOutputInternal.fill(0);
    world.hubs.componentOutput.fill(0);
    world.plants.production.fill(0);
    const locked = new Uint8Array([1, 0]);
    expect(lockedValueAddedShare(world, locked)).toBe(0);
    world.hubs.componentOutput[0] = 10; // only components, all in LCK
    expect(lockedValueAddedShare(world, locked)).toBe(1);
  });
});


describe('the loss tracker’s record and checkpoint', () => {
  const rows: SmeRow[] = [
    [LOCKED, 40, 100],
    [OTHER, 20, 50],
    [OTHER, 25, 0],
  ];

  it('an SME in slots only one run has (more SMEs in it) is compared against zero, either way round', () => {
    for (const extraIn of ['reference', 'shocked'] as const) {
      const { shocked, reference } = pairOfWorlds(rows);
      sme(extraIn === 'reference' ? reference : shocked, OTHER, 9);
      expect((extraIn === 'reference' ? reference : shocked).smes.count).toBeGreaterThan((extraIn === 'reference' ? shocked : reference).smes.count);
      const pairs: [number, number, number][] = [];
      forEachSmePair(shocked, reference, (r, a, b) => pairs.push([r, a, b]));
      expect(pairs.at(-1)).toEqual(extraIn === 'reference' ? [OTHER, 0, 9] : [OTHER, 9, 0]);
      expect(pairs).toHaveLength(4);
    }
  });

  it('records the cumulative measures under the names LOSS_INDICATORS declares, and a checkpoint restores them', () => {
    const { shocked, reference } = pairOfWorlds(rows);
    reference.hubs.valueAdded[0] = 10; // the hub in LCK loses 10: direct
    shocked.regions.lockedDown[LOCKED] = 1;
    const tracker = new LossTracker(shocked, reference);
    tracker.update(0);
    const state = tracker.state();
    // Direct 60 + 10; indirect 30; net indirect 30 − 25.
    expect(state.grossDirect).toBeCloseTo(70, 9);
    expect(state.grossIndirect).toBeCloseTo(30, 9);
    const recorder = new Recorder(shocked, LOSS_INDICATORS);
    tracker.record(recorder, 0);
    expect(recorder.latest('gvaLossGrossDirect')).toBeCloseTo(70, 9);
    expect(recorder.latest('gvaLossGrossIndirect')).toBeCloseTo(30, 9);
    expect(recorder.latest('gvaLossNetDirect')).toBeCloseTo(70, 9);
    expect(recorder.latest('gvaLossNetIndirect')).toBeCloseTo(5, 9);
    expect(recorder.latest('lossRatioMeasured')).toBeCloseTo(30 / 70, 9);
    expect(recorder.latest('lostFinalDeliveries')).toBe(state.lostUnits);
    expect(recorder.latest('recoveryWeeks')).toBe(state.recoveryWeeks);
    // The accounting ratio is recorded only once final units were lost.
    expect(state.lostUnits).toBe(0);
    expect(recorder.series('lossRatioAccounting')).toEqual([]);
    expect(recorder.series('gvaLossGrossDirect')).toEqual([{ week: 0, value: state.grossDirect }]);
    const demand = state.demandByRegion as number[];
    const lost = state.lostByRegion as number[];
    shocked.definition.regions.forEach((r, k) => {
      expect(recorder.latest('lostDeliveriesShare', 'region', r.code)).toBe(demand[k] > 0 ? lost[k] / demand[k] : 0);
    });
    // A fresh tracker restored from the state carries on from the same figures.
    const restored = new LossTracker(shocked, reference);
    restored.restoreState({ ...state, lostByRegion: [3, 4], demandByRegion: [6, 16] });
    const again = new Recorder(shocked, LOSS_INDICATORS);
    restored.record(again, 1);
    expect(again.latest('gvaLossGrossDirect')).toBeCloseTo(70, 9);
    expect(again.latest('lostDeliveriesShare', 'region', 'LCK')).toBe(0.5);
    expect(again.latest('lostDeliveriesShare', 'region', 'OTH')).toBe(0.25);
    expect(restored.state().lostByRegion).toEqual([3, 4]);
  });
});

describe('the raw sources’ value added, the loss window, recovery from a later start, and the ratios recorded', () => {
  /** Both worlds with the raw sources' output cleared, so each test sets what it checks. */
  function quietPair(lockdown = LOCKDOWN): { shocked: World; reference: World } {
    const shocked = tinyWorld(twoRegions(), {}, lockdown);
    const reference = tinyWorld(twoRegions(), {}, undefined);
    for (const world of [shocked, reference]) {
      world.plants.valueAdded.fill(0);
      world.hubs.valueAdded.fill(0);
      world.rawSources.domesticRawOutput.fill(0);
      world.rawSources.recycledRawOutput.fill(0);
    }
    return { shocked, reference };
  }

  it('values each region’s domestic and recycled raw output at their own prices, one agent per region (§6)', () => {
    const { shocked, reference } = quietPair();
    const { params, economy } = reference;
    // Domestic inputs sell at domesticRawPremium × the reference hub raw price, recycled ones at
    // (1 + recycledPricePremium) × it.
    const domesticPrice = params.domesticRawPremium * economy.referenceRawPrice;
    const recycledPrice = (1 + params.recycledPricePremium) * economy.referenceRawPrice;
    expect(domesticPrice).not.toBeCloseTo(recycledPrice, 3);
    reference.rawSources.domesticRawOutput[OTHER] = 14;
    shocked.rawSources.domesticRawOutput[OTHER] = 10;
    reference.rawSources.recycledRawOutput[OTHER] = 5;
    shocked.rawSources.recycledRawOutput[OTHER] = 2;
    reference.rawSources.domesticRawOutput[LOCKED] = 3; // the locked-down region's source gains 5 units
    shocked.rawSources.domesticRawOutput[LOCKED] = 8;
    const s = lossesAfterOneWeek(shocked, reference);
    expect(s.grossIndirect).toBeCloseTo(4 * domesticPrice + 3 * recycledPrice, 9);
    expect(s.netIndirect).toBeCloseTo(4 * domesticPrice + 3 * recycledPrice, 9);
    expect(s.grossDirect).toBe(0); // a gain is no gross loss …
    expect(s.netDirect).toBeCloseTo(-5 * domesticPrice, 9); // … but counts in the net figure
  });

  it('the window runs from the first shock’s start to 52 weeks after the last one ends', () => {
    // A lockdown from week 0 for 4 weeks ends at week 4 (exclusive): losses count in weeks 0–55.
    const { shocked, reference } = quietPair();
    const tracker = new LossTracker(shocked, reference);
    expect([-1, 0, 3, 4, 55, 56].map((week) => tracker.inWindow(week))).toEqual([false, true, true, true, true, false]);
    const later = quietPair({ shocks: [{ ...LOCKDOWN.shocks[0], start: 3 }] });
    const laterTracker = new LossTracker(later.shocked, later.reference);
    expect([2, 3, 58, 59].map((week) => laterTracker.inWindow(week))).toEqual([false, true, true, false]);
  });

  it('recovery weeks count from the shock’s start, and exactly 95% of the reference is recovered', () => {
    const { shocked, reference } = quietPair({ shocks: [{ ...LOCKDOWN.shocks[0], start: 3 }] });
    const tracker = new LossTracker(shocked, reference);
    shocked.finalMarket.finalDelivered.set([50, 50]);
    reference.finalMarket.finalDelivered.set([150, 50]); // 100 < 0.95 · 200 = 190
    tracker.update(5);
    expect(tracker.state().recoveryWeeks).toBe(5 - 3 + 1);
    shocked.finalMarket.finalDelivered.set([140, 50]); // 190: exactly 95%, recovered
    tracker.update(6);
    expect(tracker.state().recoveryWeeks).toBe(3);
  });

  it('records the accounting ratio outside / inside once units were lost and some value added was inside, and a measured ratio of 0 with no direct loss', () => {
    const { shocked, reference } = quietPair();
    reference.hubs.rawOutputExternal.fill(0);
    reference.hubs.rawOutputInternal.fill(0);
    reference.hubs.componentOutput.fill(0);
    reference.plants.production.fill(0);
    // Raw inputs only: 10 domestic + 20 recycled units outside, 10 recycled inside → a quarter inside.
    reference.rawSources.domesticRawOutput[OTHER] = 10;
    reference.rawSources.recycledRawOutput[OTHER] = 20;
    reference.rawSources.recycledRawOutput[LOCKED] = 10;
    shocked.regions.lockedDown[LOCKED] = 1;
    expect(lockedValueAddedShare(reference, shocked.regions.lockedDown)).toBeCloseTo(0.25, 12);
    // The reference's raw output is also value added the shocked run lacks, all of it indirect
    // except the 10 recycled units in LCK.
    shocked.finalMarket.finalDelivered.set([0, 60]);
    reference.finalMarket.finalDelivered.set([0, 100]); // 40 units lost
    const tracker = new LossTracker(shocked, reference);
    tracker.update(0);
    const recorder = new Recorder(shocked, LOSS_INDICATORS);
    tracker.record(recorder, 0);
    expect(recorder.latest('lossRatioAccounting')).toBeCloseTo(0.75 / 0.25, 12);
    expect(recorder.latest('lostFinalDeliveries')).toBe(40);
  });

  it('no accounting ratio when nothing lost was made inside; no measured ratio (0, not ∞) without a direct loss', () => {
    const { shocked, reference } = quietPair();
    reference.hubs.rawOutputExternal.fill(0);
    reference.hubs.rawOutputInternal.fill(0);
    reference.hubs.componentOutput.fill(0);
    reference.plants.production.fill(0);
    reference.rawSources.domesticRawOutput[OTHER] = 10; // everything made outside
    shocked.regions.lockedDown[LOCKED] = 1;
    shocked.finalMarket.finalDelivered.set([0, 60]);
    reference.finalMarket.finalDelivered.set([0, 100]);
    const tracker = new LossTracker(shocked, reference);
    tracker.update(0);
    const state = tracker.state();
    expect(state.lostUnits).toBe(40);
    expect(state.accountingInside).toBe(0);
    expect(state.grossDirect).toBe(0);
    expect(state.grossIndirect).toBeGreaterThan(0);
    const recorder = new Recorder(shocked, LOSS_INDICATORS);
    tracker.record(recorder, 0);
    expect(recorder.series('lossRatioAccounting')).toEqual([]);
    expect(recorder.latest('lossRatioMeasured')).toBe(0);
  });

  it('reads no stale figures from dead SME slots (value added, chain output)', () => {
    const { shocked, reference } = pairOfWorlds([[OTHER, null, 15]]);
    shocked.smes.revenue[0] = 7; // the exited SME's last week, still in its slot
    const pairs: [number, number, number][] = [];
    forEachSmePair(shocked, reference, (r, a, b) => pairs.push([r, a, b]));
    expect(pairs).toEqual([[OTHER, 0, 15]]);
    const other = pairOfWorlds([[OTHER, 12, null]]);
    other.reference.smes.revenue[0] = 9; // likewise in the reference run
    const otherPairs: [number, number, number][] = [];
    forEachSmePair(other.shocked, other.reference, (r, a, b) => otherPairs.push([r, a, b]));
    expect(otherPairs).toEqual([[OTHER, 12, 0]]);
    // A dead SME's chain output is not counted where components were made.
    const world = quietWorld(false);
    world.hubs.rawOutputExternal.fill(0);
    world.hubs.rawOutputInternal.fill(0);
    world.hubs.componentOutput.fill(0);
    world.plants.production.fill(0);
    world.hubs.componentOutput[0] = 10; // 10 components in LCK
    const id = sme(world, OTHER, 0);
    world.smes.chainOutput[id] = 30;
    world.smes.alive[id] = 0;
    expect(lockedValueAddedShare(world, new Uint8Array([1, 0]))).toBe(1);
  });
});
