import { afterAll, describe, expect, it } from 'vitest';
import { builtInScenario, variant } from '../../src/validation/specs.ts';
import { interval90, pairedDifferences, type Interval } from '../../src/validation/stats.ts';
import { rowsToCsv } from '../../src/model/observe/recorder.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { lookupWorld } from '../../worlds/index.ts';
import {
  BORDER_CLOSURE,
  DIGITAL_INFRASTRUCTURE,
  INSTRUMENTS,
  INSTRUMENT_COUNT,
  LOCAL_SOURCING_SUBSIDY,
  RESHORING_GRANT,
  SME_TECH_GRANT,
  TARIFF,
  TRAINING,
  TRANSPARENCY,
} from '../../agents/policymaker/schema.ts';
import type { World } from '../../src/model/world.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import {
  TRIGGERS_OFF,
  experimentCache,
  firedRegions,
  timesFired,
  windowMean,
  windowSum,
  type Experiment,
  type ParamValues,
} from '../support/experiments.ts';

/**
 * MODEL.md §7.9: in adaptive mode every instrument has a trigger rule, and a test shows each one
 * fires and moves its target indicator the right way. Each case runs two-hubs with one rule
 * switched on (its threshold at the default, or lowered so the rule fires) against the same-seed
 * run with every rule switched off (thresholds out of reach: `TRIGGERS_OFF`, which is scheme mode
 * byte for byte), over the same seeds (common random numbers). An effect passes when the 90%
 * interval of the paired difference lies wholly on the required side of 0.
 *
 * The shortage, reshoring and SME-exit rules read the policymakers' quarter record, which the
 * engine fills at the end of phase 9 (`recordPolicyQuarter`); `QUARTER_RECORD_WIRED` guards the
 * tests that check the engine does so (they were written while it did not).
 */

/** Whether the engine fills the policymakers' quarter record (see above). */
const QUARTER_RECORD_WIRED = true;

/**
 * Every two-hubs lead firm stays GLOBAL at the default parameters: its estimated unit cost (§7.1)
 * is well below DUAL's, NEARSHORE's and MULTILOCAL's, so the local-sourcing subsidy has no local
 * sourcing to pay for and a reshoring grant no switch to ease. Their effects are therefore shown
 * where the mechanism can act: the subsidy with firms sourcing from SMEs (DUAL: it steers their
 * contracts toward same-region SMEs), the grant where switching pays but its cost binds (hubs no
 * cheaper than SMEs: `hubLabourFactor` 2; onboarding and payback over one year).
 */
const GRANT_CASE: ParamValues = { hubLabourFactor: 2, onboardingWeeks: 52, amortisationWeeks: 52, adaptiveReshoringShare: 1 };

const SCALE = 0.5;
const WEEKS = 104;
const SEEDS = [1, 2, 3, 4];
/** The reshoring grant's effect on strategies: more seeds (see its test). */
const GRANT_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
/** The SME grant's effect on the adopted share is small (grants also keep non-adopters alive): more seeds. */
const SME_SEEDS = Array.from({ length: 16 }, (_, k) => k + 1);
/** The last quarter of the run, over which levels are compared. */
const LAST_QUARTER: [number, number] = [WEEKS - 13, WEEKS];

const baseline = builtInScenario('two-hubs', 'baseline');
/** Both hubs lock down for 8 weeks at 30% capacity every half year: shortages that recur. */
const recurringHubLockdowns: Scenario = variant(baseline, (copy) => {
  copy.name = 'recurring-hub-lockdowns';
  copy.shocks = [0, 26, 52, 78].map((start) => ({ kind: 'lockdown' as const, target: { hubs: true }, start, weeks: 8, capacityFactor: 0.3 }));
});
/** Final and local demand 30% lower for a year: SMEs run at a loss and exit. */
const deepDemandShock: Scenario = variant(baseline, (copy) => {
  copy.name = 'deep-demand-shock';
  copy.shocks = [{ kind: 'demand', target: 'all', start: 0, weeks: 52, multiplier: 0.7, markets: 'both' }];
});

const run = experimentCache();

function params(on: ParamValues = {}): ParamValues {
  return { scale: SCALE, policyMode: 'adaptive', ...TRIGGERS_OFF, ...on };
}

type Arms = { on: Experiment[]; off: Experiment[]; seeds: number[] };

/** The rule-on runs and the all-rules-off runs of a case, seed-aligned. */
function arms(scenario: Scenario, on: ParamValues, feedQuarterRecord = false, seeds = SEEDS, common: ParamValues = {}): Arms {
  return {
    on: seeds.map((seed) => run({ scenario, seed, weeks: WEEKS, params: params(on), feedQuarterRecord })),
    off: seeds.map((seed) => run({ scenario, seed, weeks: WEEKS, params: params(common) })),
    seeds,
  };
}

/** 90% interval of the paired (on − off) difference of a per-run measure (k: the seed's index). */
function effect(a: Arms, measure: (x: Experiment, k: number) => number): Interval {
  return interval90(pairedDifferences(a.on.map(measure), a.off.map(measure)));
}

/**
 * A measure: the mean, over the regions where `instrument` fired in the rule-on run of the same
 * seed, of a regional value at the end of the run.
 */
function overFiredRegions(a: Arms, instrument: number, value: (w: World, r: number) => number): (x: Experiment, k: number) => number {
  return (x, k) => {
    const regions = firedRegions(a.on[k].world, instrument);
    if (regions.length === 0) return NaN;
    return regions.reduce((total, r) => total + value(x.world, r), 0) / regions.length;
  };
}

const measured: string[] = [];
function report(instrument: string, indicator: string, i: Interval): void {
  const f = (v: number) => (Math.abs(v) >= 100 ? v.toExponential(2) : v.toFixed(4));
  measured.push(`${instrument.padEnd(22)} ${indicator.padEnd(40)} ${f(i.mean)} [${f(i.low)}, ${f(i.high)}] n=${i.n}`);
}
afterAll(() => {
  if (measured.length > 0) console.log(`adaptive triggers: paired effect (on − off), mean [90% interval]\n${measured.join('\n')}`);
});

/** Expect the 90% interval wholly above (or below) 0, and record it. */
function expectEffect(instrument: string, indicator: string, i: Interval, side: '>' | '<'): void {
  report(instrument, indicator, i);
  if (side === '>') expect(i.low, `${instrument} → ${indicator}: ${i.mean} [${i.low}, ${i.high}]`).toBeGreaterThan(0);
  else expect(i.high, `${instrument} → ${indicator}: ${i.mean} [${i.low}, ${i.high}]`).toBeLessThan(0);
}

function expectFiredInEverySeed(a: Arms, instrument: number): void {
  for (const [k, x] of a.on.entries()) {
    expect(timesFired(x.world, instrument), `${INSTRUMENTS[instrument]} fired (seed ${a.seeds[k]})`).toBeGreaterThan(0);
    expect(timesFired(a.off[k].world, instrument), `${INSTRUMENTS[instrument]} off (seed ${a.seeds[k]})`).toBe(0);
  }
}

const level = (world: World, r: number, instrument: number) => world.policy.adaptiveLevel[r * INSTRUMENT_COUNT + instrument];

describe('adaptive mode (MODEL.md §7.9): the switched-off control', () => {
  it('with every trigger out of reach, an adaptive run is byte-identical to scheme mode and nothing fires', () => {
    const lockdown = builtInScenario('two-hubs', 'hub-lockdown');
    const csv = (p: ParamValues) => {
      const sim = new Simulation({ world: 'two-hubs', scenarioName: 'hub-lockdown', scenario: lockdown, seed: 3, weeks: 60, params: p, paired: false }, lookupWorld('two-hubs'));
      sim.advance(60);
      return { text: rowsToCsv(sim.recorder.view(0), sim.recorder.indicators, sim.recorder.groupNames), fired: sim.world.policy.triggerFired.reduce((a, b) => a + b, 0) };
    };
    const adaptive = csv(params());
    const scheme = csv({ scale: SCALE });
    expect(adaptive.fired).toBe(0);
    expect(adaptive.text.length).toBeGreaterThan(10_000);
    expect(adaptive.text === scheme.text).toBe(true);
    // …while at the default thresholds the same run does fire rules (the control is not vacuous).
    expect(csv({ scale: SCALE, policyMode: 'adaptive' }).fired).toBeGreaterThan(0);
  });
});

describe('adaptive triggers fire in the model as written (no quarter record fed)', () => {
  const firesAsWritten = (instrument: number, scenario: Scenario, on: ParamValues) => () => {
    const x = run({ scenario, seed: 1, weeks: WEEKS, params: params(on) });
    expect(x.engineFeedsQuarterRecord, 'the engine fills the quarter record').toBe(true);
    expect(timesFired(x.world, instrument)).toBeGreaterThan(0);
  };
  const wired = QUARTER_RECORD_WIRED ? it : it.fails;
  wired(
    'shortages → local-sourcing subsidy (fails: no phase writes policy.quarterDemand / quarterLost)',
    firesAsWritten(LOCAL_SOURCING_SUBSIDY, recurringHubLockdowns, { shortageTrigger: 0.05 }),
  );
  wired(
    'recurring shortages → reshoring grant (fails: no phase writes policy.quarterDemand / quarterLost)',
    firesAsWritten(RESHORING_GRANT, recurringHubLockdowns, { shortageTrigger: 0.05, reshoringRecurrence: 2 }),
  );
  wired(
    'SME exits → SME technology grant (fails: no phase writes policy.quarterExits / quarterSmes)',
    firesAsWritten(SME_TECH_GRANT, deepDemandShock, { smeExitTrigger: 0.15 }),
  );
});

describe('each adaptive trigger fires and moves its target indicator the right way', () => {
  it('usage gap → digital infrastructure: fires in the lagging regions, spends, and raises their access and usage', () => {
    const a = arms(baseline, { usageGapTrigger: 0.3 });
    expectFiredInEverySeed(a, DIGITAL_INFRASTRUCTURE);
    for (const x of a.on) expect(windowSum(x.recorder, 'spendDigitalInfrastructure', 0, WEEKS)).toBeGreaterThan(0);
    for (const x of a.off) expect(windowSum(x.recorder, 'spendDigitalInfrastructure', 0, WEEKS)).toBe(0);
    expectEffect('digitalInfrastructure', 'access (triggered regions, end)', effect(a, overFiredRegions(a, DIGITAL_INFRASTRUCTURE, (w, r) => w.communityRegions.access[r])), '>');
    expectEffect('digitalInfrastructure', 'digitalUsage (world, last quarter)', effect(a, (x) => windowMean(x.recorder, 'digitalUsage', ...LAST_QUARTER)), '>');
  });

  it('literacy gap → training: fires in the lagging regions, spends, and raises their literacy', () => {
    const a = arms(baseline, { literacyGapTrigger: 0.2 });
    expectFiredInEverySeed(a, TRAINING);
    for (const x of a.on) expect(windowSum(x.recorder, 'spendTraining', 0, WEEKS)).toBeGreaterThan(0);
    expectEffect('training', 'literacy (triggered regions, end)', effect(a, overFiredRegions(a, TRAINING, (w, r) => w.communityRegions.literacy[r])), '>');
    expectEffect('training', 'literacy (world, last quarter)', effect(a, (x) => windowMean(x.recorder, 'literacy', ...LAST_QUARTER)), '>');
  });

  it('low approval → transparency: fires, sets θ_T, and raises trust in government and in firms', () => {
    const a = arms(baseline, { approvalTrigger: 0.6 });
    expectFiredInEverySeed(a, TRANSPARENCY);
    for (const x of a.on) {
      for (const r of firedRegions(x.world, TRANSPARENCY)) expect(x.world.regions.transparency[r]).toBe(x.world.params.adaptiveTransparency);
    }
    expectEffect('transparency', 'trustGovernment (triggered regions, end)', effect(a, overFiredRegions(a, TRANSPARENCY, (w, r) => w.communityRegions.trustGovernment[r])), '>');
    expectEffect('transparency', 'trustFirms (triggered regions, end)', effect(a, overFiredRegions(a, TRANSPARENCY, (w, r) => w.communityRegions.trustFirms[r])), '>');
  });

  it('political pressure → tariff: fires, sets the tariff, and shifts sourcing into the home bloc', () => {
    const a = arms(baseline, { tariffPressureTrigger: 0.01 });
    expectFiredInEverySeed(a, TARIFF);
    for (const x of a.on) {
      const { regions, params: p } = x.world;
      let set = 0;
      for (let r = 0; r < regions.count; r++) {
        expect(regions.tariff[r]).toBe(level(x.world, r, TARIFF));
        if (regions.tariff[r] === p.adaptiveTariffRate) set++;
      }
      expect(set).toBeGreaterThan(0);
    }
    for (const x of a.off) expect(Math.max(...x.world.regions.tariff)).toBe(0);
    expectEffect('tariff', 'regionalSourcingShare (world, year 2)', effect(a, (x) => windowMean(x.recorder, 'regionalSourcingShare', 52, WEEKS)), '>');
  });

  it('political pressure → border closure: fires, closes borders, blocks cross-border supply and lowers the fill rate', () => {
    const a = arms(baseline, { borderPressureTrigger: 0.01 });
    expectFiredInEverySeed(a, BORDER_CLOSURE);
    for (const x of a.on) {
      const { regions } = x.world;
      let closed = 0;
      for (let r = 0; r < regions.count; r++) {
        if (level(x.world, r, BORDER_CLOSURE) >= 0.5) {
          expect(regions.borderOpen[r]).toBe(0);
          closed++;
        }
      }
      expect(closed).toBeGreaterThan(0);
    }
    const crossBorder = (x: Experiment) => 1 - windowMean(x.recorder, 'localSourcingShare', 52, WEEKS);
    expectEffect('borderClosure', 'cross-border sourcing share (1 − local)', effect(a, crossBorder), '<');
    expectEffect('borderClosure', 'fillRate (world, year 2)', effect(a, (x) => windowMean(x.recorder, 'fillRate', 52, WEEKS)), '<');
  });

  it('SME exits → SME technology grants (quarter record fed): fires, pays grants, raises adoption and capability, cuts exits', () => {
    // The off arm cannot be "smeExitTrigger = 1" with the record fed (a small region's annualised
    // exit rate can exceed 1, the top of the parameter's range), so it is the all-off run without
    // the record: scheme mode.
    const a = arms(deepDemandShock, { smeExitTrigger: 0.15 }, true, SME_SEEDS);
    expectFiredInEverySeed(a, SME_TECH_GRANT);
    for (const x of a.on) expect(windowSum(x.recorder, 'spendSmeTechGrant', 0, WEEKS)).toBeGreaterThan(0);
    const yearTwo = (name: string) => (x: Experiment) => windowMean(x.recorder, name, 52, WEEKS);
    expectEffect('smeTechGrant', 'smeAdoption (world, year 2)', effect(a, yearTwo('smeAdoption')), '>');
    expectEffect('smeTechGrant', 'adopted SMEs (count, year 2)', effect(a, (x) => yearTwo('smeAdoption')(x) * yearTwo('smeCount')(x)), '>');
    expectEffect('smeTechGrant', 'smeCapability (world, year 2)', effect(a, yearTwo('smeCapability')), '>');
    expectEffect('smeTechGrant', 'smeExits (world, sum over 2 years)', effect(a, (x) => windowSum(x.recorder, 'smeExits', 0, WEEKS)), '<');
  });

  it('shortages → local-sourcing subsidy (quarter record fed): fires and sets the subsidy rate', () => {
    const a = arms(recurringHubLockdowns, { shortageTrigger: 0.05, reshoringRecurrence: 4 }, true);
    expectFiredInEverySeed(a, LOCAL_SOURCING_SUBSIDY);
    for (const x of a.on) {
      const { regions } = x.world;
      for (let r = 0; r < regions.count; r++) expect(regions.localSourcingSubsidy[r]).toBe(level(x.world, r, LOCAL_SOURCING_SUBSIDY));
    }
  });

  it('shortages → local-sourcing subsidy raises localSourcingShare of firms sourcing from SMEs (DUAL)', () => {
    // Eight seeds: with §9.4's contested local markets and §9.5's recycled inputs merged, the effect
    // (mean 0.0009; 0.0007 [0.0002, 0.0012] before) varies more across seeds, and over four seeds its
    // 90% CI was [−0.0007, 0.0025]; over eight it is [0.0002, 0.0016].
    const a = arms(recurringHubLockdowns, { shortageTrigger: 0.05, reshoringRecurrence: 4, strategyOverride: 'DUAL' }, true, GRANT_SEEDS, { strategyOverride: 'DUAL' });
    const i = effect(a, (x) => windowMean(x.recorder, 'localSourcingShare', 0, WEEKS));
    report('localSourcingSubsidy', 'localSourcingShare (world, 2 years)', i);
    expect(i.low).toBeGreaterThan(0);
  });

  it('recurring shortages → reshoring grant (quarter record fed): fires and sets the grant share', () => {
    // Firms ship direct (lastMileHubs = none): firms hit by these shortages open distribution hubs
    // (MODEL.md §9.5), whose stock can keep the last lockdowns below the trigger (seeds 3 and 4).
    const a = arms(recurringHubLockdowns, { shortageTrigger: 0.05, reshoringRecurrence: 2, adaptiveSubsidyRate: 0, lastMileHubs: 'none' }, true);
    expectFiredInEverySeed(a, RESHORING_GRANT);
    for (const x of a.on) {
      const { regions, params: p } = x.world;
      let granted = 0;
      for (let r = 0; r < regions.count; r++) {
        expect(regions.reshoringGrantShare[r]).toBe(level(x.world, r, RESHORING_GRANT));
        if (regions.reshoringGrantShare[r] === p.adaptiveReshoringShare) granted++;
      }
      // The last lockdowns (weeks 52 and 78) are two shortage quarters within the last four.
      expect(granted).toBeGreaterThan(0);
    }
  });

  it('recurring shortages → reshoring grant moves firms off GLOBAL where switching costs bind', () => {
    // Eight seeds: with hub imports in the local markets (MODEL.md §9.4) the hubs' spare capacity
    // softens the lockdowns, and over four seeds the effect (mean 0.20) had a 90% CI of [−0.10, 0.51].
    const a = arms(recurringHubLockdowns, { shortageTrigger: 0.05, reshoringRecurrence: 2, adaptiveSubsidyRate: 0, ...GRANT_CASE }, true, GRANT_SEEDS, GRANT_CASE);
    const i = effect(a, (x) => 1 - windowMean(x.recorder, 'strategyShareGlobal', 0, WEEKS));
    report('reshoringGrant', 'non-GLOBAL strategy share (world, 2 years)', i);
    report('reshoringGrant', 'regionalSourcingShare (world, 2 years)', effect(a, (x) => windowMean(x.recorder, 'regionalSourcingShare', 0, WEEKS)));
    expect(i.low).toBeGreaterThan(0);
  });
});
