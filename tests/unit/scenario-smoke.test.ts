import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../src/model/simulation.ts';
import { Recorder, rowsToCsv } from '../../src/model/observe/recorder.ts';
import { builtInScenario } from '../../src/validation/specs.ts';
import { interval90, mean, pairedDifferences } from '../../src/validation/stats.ts';
import { lookupWorld, WORLDS } from '../../worlds/index.ts';
import { checkWeek } from '../support/invariants.ts';

/**
 * A smoke test for every built-in scenario of every world: run it at a small scale and check
 * invariants that mean something — goods and money conserved every week against the ledger, no
 * NaN, shares in [0, 1], no negative stocks (tests/support/invariants.ts), every recorded value
 * finite, the fill rate in [0, 1] at every scope — plus what the scenario is for. The two-hubs
 * baseline's indicator bytes are also pinned by a stored hash.
 */

const SCALE: Record<string, number> = { 'two-hubs': 0.5, 'world-2019': 1 };
/** Delivered ≤ demand holds exactly; the ratio of their sums can round to 1 + 2 × 10⁻¹⁶. */
const FLOAT_SLACK = 1e-12;

interface SmokeRun {
  sim: Simulation;
  /** Indicators of the same-seed run without the scenario's shocks (paired runs only). */
  reference: Recorder | null;
  problems: string[];
}

/**
 * Runs a built-in scenario week by week, checking the invariants of every recorded week (the
 * warm-up runs unchecked) in the shocked world and, when paired, in its no-shock reference.
 */
function smokeRun(
  world: string, scenarioName: string, seed: number, weeks: number, paired: boolean, checkInvariants = true, params: Record<string, string> = {},
): SmokeRun {
  const scenario = builtInScenario(world, scenarioName);
  const sim = new Simulation({ world, scenarioName, scenario, seed, weeks, params: { scale: SCALE[world], ...params }, paired }, lookupWorld(world));
  sim.warmUp();
  const reference = sim.reference ? new Recorder(sim.reference) : null;
  const problems: string[] = [];
  while (!sim.done) {
    const week = sim.week;
    if (checkInvariants) {
      // One step advances both worlds: the reference's check wraps the shocked world's.
      const shocked: string[] = [];
      const advance = () => void shocked.push(...checkWeek(sim.world, () => sim.advance(1)));
      const inReference = sim.reference ? checkWeek(sim.reference, advance) : (advance(), []);
      problems.push(...shocked.map((p) => `week ${week}: ${p}`), ...inReference.map((p) => `week ${week}, run without shocks: ${p}`));
    } else {
      sim.advance(1);
    }
    if (sim.reference && reference) reference.record(sim.reference, week);
  }
  return { sim, reference, problems };
}

/** Mean of a recorded series over weeks [from, to). */
function windowMean(series: { week: number; value: number }[], from: number, to: number): number {
  return mean(series.filter((x) => x.week >= from && x.week < to).map((x) => x.value));
}

function expectGenericInvariants(run: SmokeRun): void {
  expect(run.problems.slice(0, 5)).toEqual([]);
  const rows = run.sim.recorder.view(0);
  expect(rows.length).toBeGreaterThan(0);
  const names = run.sim.recorder.indicators.map((i) => i.name);
  const fill = names.indexOf('fillRate');
  let fillRows = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = rows.value[i];
    if (!Number.isFinite(value)) throw new Error(`${names[rows.indicator[i]]} = ${value} in week ${rows.week[i]}`);
    if (rows.indicator[i] === fill) {
      fillRows++;
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1 + FLOAT_SLACK);
    }
  }
  expect(fillRows).toBeGreaterThan(0);
}

/** §9.5: with the circular-procurement subsidy, more recycled inputs, less CO₂ per final good, and the subsidy is spent. */
function expectCircularEffect(world: string, run: SmokeRun, base: SmokeRun, weeks: number): void {
  const share = (r: SmokeRun) => windowMean(r.sim.recorder.series('recycledInputShare'), 0, weeks);
  const co2 = (r: SmokeRun) => windowMean(r.sim.recorder.series('co2PerFinalUnit'), 0, weeks);
  const spent = run.sim.recorder.series('spendCircularProcurementSubsidy').reduce((a, x) => a + x.value, 0);
  lines.push(
    `${world} circular-procurement: recycled input share ${share(run).toFixed(4)} (baseline ${share(base).toFixed(4)}), ` +
      `CO₂ per final good ${co2(run).toFixed(3)} kg (baseline ${co2(base).toFixed(3)}), subsidy spent ${spent.toExponential(3)} $`,
  );
  expect(share(run)).toBeGreaterThan(share(base) + 0.05);
  expect(co2(run)).toBeLessThan(co2(base));
  expect(spent).toBeGreaterThan(0);
  expect(base.sim.recorder.series('spendCircularProcurementSubsidy').every((x) => x.value === 0)).toBe(true);
}

/**
 * §9.5: with a distribution hub in every bloc, nearly all final goods go through hubs and arrive
 * sooner, and in the lockdown with closed borders (weeks 26–33) fewer sales are lost than when every
 * good ships direct from its plant (the same scenario with lastMileHubs = none).
 */
function expectLastMileEffect(world: string, weeks: number): void {
  const hubs = smokeRun(world, 'last-mile-hubs', 1, weeks, false);
  expectGenericInvariants(hubs);
  const direct = smokeRun(world, 'last-mile-hubs', 1, weeks, false, false, { lastMileHubs: 'none' });
  const share = (r: SmokeRun) => windowMean(r.sim.recorder.series('lastMileHubShare'), 0, 26);
  const time = (r: SmokeRun) => windowMean(r.sim.recorder.series('meanFinalDeliveryWeeks'), 0, 26);
  const lost = (r: SmokeRun) => windowMean(r.sim.recorder.series('lostSales'), 26, 34);
  const demand = windowMean(hubs.sim.recorder.series('finalDemand'), 26, 34);
  lines.push(
    `${world} last-mile-hubs: via hubs ${share(hubs).toFixed(4)} (direct run ${share(direct).toFixed(4)}), delivery ${time(hubs).toFixed(3)} weeks ` +
      `(direct ${time(direct).toFixed(3)}); lost sales weeks 26–33 ${(lost(hubs) / demand).toFixed(4)} of demand (direct ${(lost(direct) / demand).toFixed(4)})`,
  );
  expect(share(hubs)).toBeGreaterThan(0.9);
  expect(share(direct)).toBe(0);
  expect(time(hubs)).toBeLessThan(time(direct));
  expect(hubs.sim.recorder.latest('firmsWithDistributionHub')).toBe(1);
  expect(lost(hubs)).toBeLessThan(lost(direct));
}

const lines: string[] = [];
afterAll(() => {
  if (lines.length > 0) console.log(lines.join('\n'));
});

describe('every built-in scenario runs and keeps its invariants', () => {
  it('covers every built-in scenario of every world', () => {
    const covered = [
      'two-hubs/baseline', 'two-hubs/hub-lockdown', 'two-hubs/smart-sourcing-nodes', 'two-hubs/circular-procurement',
      'two-hubs/last-mile-hubs',
      'world-2019/baseline-2019', 'world-2019/covid-2020', 'world-2019/recession', 'world-2019/trade-bloc', 'world-2019/smart-sourcing-nodes',
      'world-2019/circular-procurement', 'world-2019/last-mile-hubs',
    ];
    const shipped = Object.entries(WORLDS).flatMap(([world, entry]) => Object.keys(entry.scenarios).map((name) => `${world}/${name}`));
    expect(shipped.sort()).toEqual(covered.sort());
  });

  it('two-hubs/baseline: conserved, no shocks and no policy spending, customers served', () => {
    const run = smokeRun('two-hubs', 'baseline', 1, 52, false);
    expectGenericInvariants(run);
    const recorder = run.sim.recorder;
    expect(recorder.series('policySpend').every((x) => x.value === 0)).toBe(true);
    expect(Math.max(...run.sim.world.regions.tariff)).toBe(0);
    expect(windowMean(recorder.series('fillRate'), 0, 52)).toBeGreaterThan(0.9);
  });

  it('two-hubs/hub-lockdown: the fill rate dips during the lockdown (weeks 26–33) and the losses are positive', () => {
    const run = smokeRun('two-hubs', 'hub-lockdown', 1, 60, true);
    expectGenericInvariants(run);
    const recorder = run.sim.recorder;
    const fill = recorder.series('fillRate');
    const before = windowMean(fill, 0, 26);
    const lowest = Math.min(...fill.filter((x) => x.week >= 26 && x.week < 40).map((x) => x.value));
    const referenceLowest = Math.min(...(run.reference as Recorder).series('fillRate').filter((x) => x.week >= 26 && x.week < 40).map((x) => x.value));
    lines.push(`hub-lockdown: fill rate before ${before.toFixed(3)}, lowest in weeks 26–39 ${lowest.toFixed(3)} (no-shock run ${referenceLowest.toFixed(3)})`);
    expect(lowest).toBeLessThan(before - 0.1);
    expect(lowest).toBeLessThan(referenceLowest - 0.1);
    for (const name of ['gvaLossGrossDirect', 'gvaLossGrossIndirect', 'lostFinalDeliveries', 'recoveryWeeks']) {
      const value = recorder.latest(name);
      lines.push(`hub-lockdown: ${name} = ${value.toExponential(3)}`);
      expect(value, name).toBeGreaterThan(0);
    }
  });

  it('two-hubs/smart-sourcing-nodes: the five low- and lower-middle-income regions run a node and pay for it; listed SMEs join chains more than unlisted ones', () => {
    const run = smokeRun('two-hubs', 'smart-sourcing-nodes', 1, 52, false);
    expectGenericInvariants(run);
    const recorder = run.sim.recorder;
    const { regions } = run.sim.world;
    const running = regions.codes.filter((_code, r) => regions.sourcingNode[r] === 1);
    expect(running.sort()).toEqual(['KAL', 'KIR', 'SAH', 'SOL', 'TAM']);
    const cost = run.sim.world.params.smartSourcingNodeCostPerYear;
    for (const x of recorder.series('spendSmartSourcingNode')) expect(x.value).toBeCloseTo((5 * cost) / 52, 4);
    const listed = windowMean(recorder.series('smeChainShareListed'), 13, 52);
    const unlisted = windowMean(recorder.series('smeChainShareUnlisted'), 13, 52);
    const listedNotAdopted = windowMean(recorder.series('smeChainShareListedNotAdopted'), 13, 52);
    const notAdopted = windowMean(recorder.series('smeChainShareNotAdopted'), 13, 52);
    lines.push(`smart-sourcing-nodes (two-hubs): chain share weeks 13–51 listed ${listed.toFixed(4)}, unlisted ${unlisted.toFixed(4)}, listed non-adopters ${listedNotAdopted.toFixed(4)}, all non-adopters ${notAdopted.toFixed(4)}; SMEs listed ${windowMean(recorder.series('smeListedShare'), 13, 52).toFixed(4)}`);
    expect(listed).toBeGreaterThan(unlisted);
    expect(listedNotAdopted).toBeGreaterThan(0);
  });

  it('two-hubs/circular-procurement: the subsidy raises the recycled input share and lowers CO₂ per final good against the baseline (§9.5)', () => {
    const run = smokeRun('two-hubs', 'circular-procurement', 1, 52, false);
    expectGenericInvariants(run);
    const base = smokeRun('two-hubs', 'baseline', 1, 52, false, false);
    expectCircularEffect('two-hubs', run, base, 52);
  });

  it('two-hubs/last-mile-hubs: goods go through hubs, arrive sooner, and fewer sales are lost in the lockdown than shipping direct (§9.5)', () => {
    expectLastMileEffect('two-hubs', 40);
  });

  describe('world-2019', () => {
    const WEEKS = 52;
    let baseline: SmokeRun;
    const base = () => (baseline ??= smokeRun('world-2019', 'baseline-2019', 1, WEEKS, false));

    it('baseline-2019: conserved, no shocks and no policy spending, most demand served', () => {
      const run = base();
      expectGenericInvariants(run);
      expect(run.sim.recorder.series('policySpend').every((x) => x.value === 0)).toBe(true);
      expect(Math.max(...run.sim.world.regions.tariff)).toBe(0);
      expect(windowMean(run.sim.recorder.series('fillRate'), 0, WEEKS)).toBeGreaterThan(0.8);
    });

    it('covid-2020 (5 seeds): the global fill rate falls in weeks 0–9 (China’s lockdown, then India’s and Mexico’s from week 9); direct and indirect value-added losses are reported separately', () => {
      const seeds = [1, 2, 3, 4, 5];
      const shocked: number[] = [];
      const reference: number[] = [];
      for (const seed of seeds) {
        // Invariants are checked on the first seed; the others only measure.
        const run = smokeRun('world-2019', 'covid-2020', seed, 40, true, seed === 1);
        if (seed === 1) expectGenericInvariants(run);
        const recorder = run.sim.recorder;
        // Pre-shock level: the shocks start at week 0, so it is the same-seed run without them.
        const during = windowMean(recorder.series('fillRate'), 0, 10);
        const without = windowMean((run.reference as Recorder).series('fillRate'), 0, 10);
        shocked.push(during);
        reference.push(without);
        const losses = Object.fromEntries(
          ['gvaLossGrossDirect', 'gvaLossGrossIndirect', 'gvaLossNetDirect', 'gvaLossNetIndirect', 'lostFinalDeliveries'].map((n) => [n, recorder.latest(n)]),
        );
        lines.push(
          `covid-2020 seed ${seed}: fill rate weeks 0–9 ${during.toFixed(3)} (without shocks ${without.toFixed(3)}); gross VA lost direct ${losses.gvaLossGrossDirect.toExponential(3)}, indirect ${losses.gvaLossGrossIndirect.toExponential(3)}; net direct ${losses.gvaLossNetDirect.toExponential(3)}, indirect ${losses.gvaLossNetIndirect.toExponential(3)}; lost final units ${losses.lostFinalDeliveries.toExponential(3)}`,
        );
        expect(during, `seed ${seed}`).toBeLessThan(without);
        // Reported separately: both recorded every week, finite, and positive by the end.
        for (const name of ['gvaLossGrossDirect', 'gvaLossGrossIndirect']) {
          const series = recorder.series(name);
          expect(series.length, name).toBe(40);
          expect(losses[name], `${name}, seed ${seed}`).toBeGreaterThan(0);
        }
        expect(losses.gvaLossGrossDirect).not.toBe(losses.gvaLossGrossIndirect);
        expect(losses.lostFinalDeliveries).toBeGreaterThan(0);
      }
      const fall = interval90(pairedDifferences(shocked, reference));
      lines.push(`covid-2020: fill-rate change in weeks 0–9 vs no shocks ${fall.mean.toFixed(3)} [90%: ${fall.low.toFixed(3)}, ${fall.high.toFixed(3)}]`);
      expect(fall.high).toBeLessThan(0);
    });

    it('recession: final demand is 15% lower from week 26 than in the same-seed baseline, a little lower still as income falls (§9.2), and more SMEs exit', () => {
      const run = smokeRun('world-2019', 'recession', 1, WEEKS, false);
      expectGenericInvariants(run);
      const demand = (r: SmokeRun, from: number, to: number) => windowMean(r.sim.recorder.series('finalDemand'), from, to);
      const before = demand(run, 0, 26) / demand(base(), 0, 26);
      const during = demand(run, 26, WEEKS) / demand(base(), 26, WEEKS);
      lines.push(`recession: final demand vs baseline before ${before.toFixed(4)}, during ${during.toFixed(4)}`);
      expect(Math.abs(before - 1)).toBeLessThan(1e-9);
      // The shock's 15%, then the lost labour income of the layoffs it causes (demand follows
      // income, η = 0.8; the modelled jobs are the industry share of the workforce): a few % more.
      expect(during).toBeLessThan(0.85);
      expect(during).toBeGreaterThan(0.8);
      const exits = (r: SmokeRun) => r.sim.recorder.series('smeExits').filter((x) => x.week >= 26).reduce((a, x) => a + x.value, 0);
      lines.push(`recession: SME exits in weeks 26–51 ${exits(run)} vs baseline ${exits(base())}`);
      expect(exits(run)).toBeGreaterThan(exits(base()));
    });

    it('smart-sourcing-nodes: low- and lower-middle-income countries run a node on their own budget; listed SMEs join chains more than unlisted ones', () => {
      const run = smokeRun('world-2019', 'smart-sourcing-nodes', 1, WEEKS, false);
      expectGenericInvariants(run);
      const recorder = run.sim.recorder;
      const { regions } = run.sim.world;
      let targeted = 0;
      for (let r = 0; r < regions.count; r++) {
        const low = regions.incomeGroup[r] <= 1; // low, lower-middle income
        if (low) targeted++;
        expect(regions.sourcingNode[r], regions.codes[r]).toBe(low ? 1 : 0);
      }
      const cost = run.sim.world.params.smartSourcingNodeCostPerYear;
      expect(recorder.latest('spendSmartSourcingNode')).toBeCloseTo((targeted * cost) / 52, 2);
      const listed = windowMean(recorder.series('smeChainShareListed'), 13, WEEKS);
      const unlisted = windowMean(recorder.series('smeChainShareUnlisted'), 13, WEEKS);
      const low = (r: SmokeRun) => windowMean(r.sim.recorder.series('smeChainShare', 'incomeGroup', 'low_income'), 13, WEEKS);
      lines.push(`smart-sourcing-nodes (world-2019): chain share weeks 13–51 listed ${listed.toFixed(4)}, unlisted ${unlisted.toFixed(4)}; low income ${low(run).toFixed(4)} vs baseline ${low(base()).toFixed(4)}; ${targeted} countries, SMEs listed ${windowMean(recorder.series('smeListedShare'), 13, WEEKS).toFixed(4)}`);
      expect(listed).toBeGreaterThan(unlisted);
      expect(low(run)).toBeGreaterThan(low(base()));
    });

    it('circular-procurement: the subsidy raises the recycled input share and lowers CO₂ per final good against baseline-2019 (§9.5)', () => {
      const run = smokeRun('world-2019', 'circular-procurement', 1, WEEKS, false);
      expectGenericInvariants(run);
      expectCircularEffect('world-2019', run, base(), WEEKS);
    });

    it('last-mile-hubs: goods go through hubs, arrive sooner, and fewer sales are lost in the lockdown than shipping direct (§9.5)', () => {
      expectLastMileEffect('world-2019', 40);
    });

    it('trade-bloc: every region charges the 25% tariff and sources more inside its bloc than in the baseline', () => {
      const run = smokeRun('world-2019', 'trade-bloc', 1, WEEKS, false);
      expectGenericInvariants(run);
      const { tariff } = run.sim.world.regions;
      expect(Math.min(...tariff)).toBe(0.25);
      expect(Math.max(...tariff)).toBe(0.25);
      const regional = (r: SmokeRun) => windowMean(r.sim.recorder.series('regionalSourcingShare'), 13, WEEKS);
      lines.push(`trade-bloc: same-bloc sourcing share ${regional(run).toFixed(4)} vs baseline ${regional(base()).toFixed(4)}`);
      expect(regional(run)).toBeGreaterThan(regional(base()) + 0.01);
    });
  });
});

describe('stored output hash', () => {
  /**
   * sha256 of indicators.csv (rowsToCsv, with header) for two-hubs baseline, seed 1, 26 weeks,
   * scale 0.5 — the same bytes as `glocal run --world two-hubs --scenario baseline --seed 1
   * --weeks 26 --scale 0.5 --no-paired` writes. It changes whenever the model, its defaults or
   * the indicators change, on purpose or not. When a change is intended: run this test, check
   * that the difference is the one you meant (e.g. diff the CLI's indicators.csv before and after),
   * and paste the new hash the failure message prints here, in the same commit as the change.
   */
  const EXPECTED_SHA256 = 'b63708e3dac1aadac39694dd397a09cc8a52f49c5b4970ea318926d70cb33250'; // the strategy-review indicators (costGap…, expectedLoss…) added; every earlier row byte-identical to 5436eb60…

  it('two-hubs baseline, seed 1, 26 weeks, scale 0.5: indicators.csv has the stored sha256', () => {
    const scenario = builtInScenario('two-hubs', 'baseline');
    const sim = new Simulation({ world: 'two-hubs', scenarioName: 'baseline', scenario, seed: 1, weeks: 26, params: { scale: 0.5 }, paired: false }, lookupWorld('two-hubs'));
    sim.advance(26);
    const csv = rowsToCsv(sim.recorder.view(0), sim.recorder.indicators, sim.recorder.groupNames);
    expect(csv.split('\n').length).toBeGreaterThan(1000);
    const hash = createHash('sha256').update(csv).digest('hex');
    expect(hash, `indicators.csv changed; if intended, set EXPECTED_SHA256 = '${hash}'`).toBe(EXPECTED_SHA256);
  });
});
