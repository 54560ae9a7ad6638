import { describe, expect, it } from 'vitest';
import { Simulation, type RunSpec } from '../../src/model/simulation.ts';
import { rowsToCsv } from '../../src/model/observe/recorder.ts';
import { checkScenario, scenarioWarnings } from '../../src/model/validate.ts';
import { builtInScenario } from '../../src/validation/specs.ts';
import { spawnWorker } from '../../src/worker/spawn.ts';
import { lookupWorld } from '../../worlds/index.ts';
import type { Rule, Scenario } from '../../src/model/scenario.ts';
import { loadScheme, mergeScheme } from '../../src/compare/scheme.ts';

/**
 * Adaptive rules (src/model/rules.ts, docs/compare.md#adaptive-rules): two-hubs' hub lockdown
 * (weeks 26–33) drops the fill rate below 0.9 for a few weeks; a rule reacting to it must set
 * its instrument from the week after each recorded week where the condition holds, and only then.
 */

const WEEKS = 48;
const THRESHOLD = 0.9;
const SUBSIDY = 0.2;
const lockdown = builtInScenario('two-hubs', 'hub-lockdown');
const subsidyRule: Rule = { when: `fillRate < ${THRESHOLD}`, target: 'all', instrument: 'localSourcingSubsidy', level: SUBSIDY };

function runSpec(rules: Rule[] | undefined): RunSpec {
  const check = checkScenario({ ...lockdown, ...(rules ? { rules } : {}) }, lookupWorld('two-hubs'));
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return { world: 'two-hubs', scenarioName: 'hub-lockdown', scenario: check.scenario, seed: 1, weeks: WEEKS, params: { scale: 0.1 }, paired: false };
}

/** Week by week: the recorded fill rate and policy spending, and the subsidy rate set in region 0. */
function trace(scenarioRules: Rule[] | undefined): { fillRate: number[]; spend: number[]; subsidy: number[]; csv: string } {
  const sim = new Simulation(runSpec(scenarioRules), lookupWorld('two-hubs'));
  const out = { fillRate: [] as number[], spend: [] as number[], subsidy: [] as number[] };
  for (let week = 0; week < WEEKS; week++) {
    sim.advance(1);
    out.fillRate.push(sim.recorder.latest('fillRate'));
    out.spend.push(sim.recorder.latest('policySpend'));
    out.subsidy.push(sim.world.regions.localSourcingSubsidy[0]);
  }
  return { ...out, csv: rowsToCsv(sim.recorder.view(0), sim.recorder.indicators, sim.recorder.groupNames) };
}

describe('an adaptive rule in a scenario', () => {
  const withRule = trace([subsidyRule]);

  it('sets its instrument from the week after the condition holds on the recorded values, and only while it holds', () => {
    const held = withRule.fillRate.map((f) => f < THRESHOLD);
    expect(held.filter(Boolean).length, 'the lockdown drops the fill rate below the threshold').toBeGreaterThan(1);
    expect(held.indexOf(true)).toBeGreaterThan(25);
    expect(withRule.subsidy[0]).toBe(0);
    for (let week = 1; week < WEEKS; week++) {
      expect(withRule.subsidy[week], `week ${week} (fill rate ${withRule.fillRate[week - 1]} the week before)`).toBe(held[week - 1] ? SUBSIDY : 0);
    }
  });

  it('spends only in the weeks the subsidy holds, where the same run without the rule spends nothing', () => {
    const without = trace(undefined);
    expect(without.spend.every((s) => s === 0)).toBe(true);
    const first = withRule.subsidy.indexOf(SUBSIDY);
    expect(withRule.spend.slice(0, first).every((s) => s === 0)).toBe(true);
    expect(withRule.spend.some((s) => s > 0)).toBe(true);
    withRule.spend.forEach((s, week) => {
      if (withRule.subsidy[week] === 0) expect(s, `week ${week}`).toBe(0);
    });
    // Identical up to the week the rule first applies: a rule changes nothing before it fires.
    const rowsUpTo = (csv: string) => csv.split('\n').filter((line) => Number(line.split(',')[0]) < first).join('\n');
    expect(rowsUpTo(withRule.csv)).toBe(rowsUpTo(without.csv));
    expect(withRule.csv).not.toBe(without.csv);
  });

  it('holds a fired setting for its "weeks" and fires only once with "once"', () => {
    const held = withRule.fillRate.map((f) => f < THRESHOLD);
    const first = held.indexOf(true) + 1;
    const timed = trace([{ ...subsidyRule, weeks: 2, once: true }]);
    expect(timed.fillRate.slice(0, first)).toEqual(withRule.fillRate.slice(0, first));
    timed.subsidy.forEach((level, week) => expect(level, `week ${week}`).toBe(week >= first && week < first + 2 ? SUBSIDY : 0));
  });

  it('never firing, gives byte-identical output to the scenario without rules', () => {
    const never = trace([{ ...subsidyRule, when: 'fillRate < 0 or week > 5000' }]);
    expect(never.csv.length).toBeGreaterThan(10_000);
    expect(never.csv === trace(undefined).csv).toBe(true);
  });

  it('gives the same bytes twice, in process and in the worker, and across a checkpoint taken while it holds', async () => {
    const spec = runSpec([subsidyRule]);
    expect(trace([subsidyRule]).csv === withRule.csv).toBe(true);
    const first = withRule.subsidy.indexOf(SUBSIDY);
    const original = new Simulation(spec, lookupWorld('two-hubs'));
    original.advance(first + 1);
    const restored = Simulation.restore(original.checkpoint().slice(), lookupWorld);
    restored.advance(WEEKS);
    expect(rowsToCsv(restored.recorder.view(0), restored.recorder.indicators, restored.recorder.groupNames) === withRule.csv).toBe(true);

    const handle = spawnWorker();
    try {
      await handle.api.init(spec);
      for (let done = false, steps = 0; !done; steps++) {
        done = (await handle.api.step(8)).done;
        expect(steps).toBeLessThan(20);
      }
      const rows = await handle.api.indicators(0);
      const local = new Simulation(spec, lookupWorld('two-hubs'));
      local.advance(WEEKS);
      const bytesOf = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);
      expect(rows.value.length).toBe(local.recorder.length);
      expect(bytesOf(rows.value).equals(bytesOf(local.recorder.view(0).value))).toBe(true);
    } finally {
      await handle.terminate();
    }
  });
});

describe('rules in scenario files are checked like policy items', () => {
  const problemsOf = (rules: unknown[]) => {
    const check = checkScenario({ ...(lockdown as Scenario), rules }, lookupWorld('two-hubs'));
    return check.ok ? [] : check.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
  };

  it('names the column of a condition it cannot read, and unknown indicators, scopes and groups', () => {
    expect(problemsOf([{ ...subsidyRule, when: 'fillRate < < 0.9' }])).toEqual(['rules.0.when: cannot read the condition at column 12: expected a number, "week" or an indicator name, got "<"']);
    expect(problemsOf([{ ...subsidyRule, when: 'fillRat < 0.9' }])[0]).toMatch(/^rules\.0\.when: unknown indicator "fillRat"/);
    expect(problemsOf([{ ...subsidyRule, when: 'fillRate@region:ATL < 0.9' }])[0]).toMatch(/^rules\.0\.when: unknown region "ATL"/);
    expect(problemsOf([{ ...subsidyRule, when: 'hhiFinal@bloc:GLOBAL > 0.3' }])[0]).toMatch(/^rules\.0\.when: hhiFinal is recorded at scope global, not bloc/);
    expect(problemsOf([subsidyRule])).toEqual([]);
  });

  it('warns of a rule whose target selects no region', () => {
    const rules = [subsidyRule, { ...subsidyRule, target: { regions: ['SAH'], except: ['SAH'] } }];
    const warnings = scenarioWarnings({ ...lockdown, rules }, lookupWorld('two-hubs'), WEEKS);
    expect(warnings.map((w) => `${w.path.join('.')}: ${w.message}`)).toEqual(['rules.1.target: selects no region of world two-hubs: this rule does nothing']);
  });
});

describe('the library’s adaptive-resilience (two-hubs)', () => {
  /** How often each of the scheme's rules fired over 48 weeks of a scenario. */
  const firings = (scenarioName: 'hub-lockdown' | 'baseline') => {
    const scenario = builtInScenario('two-hubs', scenarioName);
    const scheme = loadScheme('adaptive-resilience', lookupWorld('two-hubs'), scenario);
    const sim = new Simulation(
      { world: 'two-hubs', scenarioName, scenario: mergeScheme(scenario, scheme), seed: 1, weeks: WEEKS, params: { scale: 0.1 }, paired: false },
      lookupWorld('two-hubs'),
    );
    sim.advance(WEEKS);
    return { fired: sim.world.scenario.rules.map((r) => r.fired), instruments: sim.world.scenario.rules.map((r) => r.instrument) };
  };

  it('answers the lockdown’s shortage with its rules, and does nothing of the kind without shocks', () => {
    const lockdownRun = firings('hub-lockdown');
    expect(lockdownRun.instruments).toEqual(['localSourcingSubsidy', 'reshoringGrant']);
    expect(lockdownRun.fired[0]).toBeGreaterThan(0);
    expect(lockdownRun.fired[1]).toBe(1);
    expect(firings('baseline').fired).toEqual([0, 0]);
  });
});
