/**
 * Checks in Node, on the same core, that each lesson shows what its text claims (run it with
 * `node bin/run-ts.mjs tests/e2e/support/lesson-claims.ts [seeds]`); docs/classroom.md quotes
 * its output. Not a test: the validation patterns P1, P7 and P8 test the same effects with
 * many seeds.
 */
import { checkScenario } from '../../../src/model/validate.ts';
import type { Scenario } from '../../../src/model/scenario.ts';
import { lookupWorld, WORLDS } from '../../../worlds/index.ts';
import { LESSONS } from '../../../src/app/lessons/index.ts';
import type { Lesson } from '../../../src/app/lessons/types.ts';
import { runExperiment, windowMean, type ParamValues } from '../../support/experiments.ts';
import type { Recorder } from '../../../src/model/observe/recorder.ts';

function scenarioOf(lesson: Lesson): Scenario {
  const raw = typeof lesson.scenario === 'string' ? WORLDS[lesson.world].scenarios[lesson.scenario] : lesson.scenario;
  const check = checkScenario(raw, lookupWorld(lesson.world));
  if (!check.ok) throw new Error(`${lesson.id}: invalid scenario ${JSON.stringify(check.problems)}`);
  return check.scenario;
}

function run(lesson: Lesson, seed: number, change: { params?: ParamValues; scenario?: (s: Scenario) => Scenario } = {}): Recorder {
  const base = scenarioOf(lesson);
  const scenario = change.scenario ? change.scenario(structuredClone(base)) : base;
  const params = { ...(lesson.params ?? {}), ...(change.params ?? {}) };
  return runExperiment({ world: lesson.world, scenario, seed, weeks: lesson.weeks ?? scenario.weeks ?? 520, params }).recorder;
}

const min = (r: Recorder, name: string, from: number, to: number, scope: 'global' | 'region' = 'global', group = 'world') =>
  Math.min(...r.series(name, scope, group).filter((x) => x.week >= from && x.week < to).map((x) => x.value));
const at = (r: Recorder, name: string, week: number, scope: 'global' | 'region' = 'global', group = 'world') =>
  r.series(name, scope, group).find((x) => x.week === week)?.value ?? NaN;
const f = (x: number) => x.toFixed(3);

function oneHub(lesson: Lesson, seed: number): string {
  const global = run(lesson, seed);
  const dual = run(lesson, seed, { params: { strategyOverride: 'DUAL' } });
  const calm = run(lesson, seed, { scenario: (s) => ({ ...s, shocks: [] }) });
  return [
    `unit cost weeks 0–25: GLOBAL ${f(windowMean(global, 'unitCost', 0, 26))}, DUAL ${f(windowMean(dual, 'unitCost', 0, 26))}`,
    `lowest fill rate weeks 26–51: GLOBAL ${f(min(global, 'fillRate', 26, 52))}, DUAL ${f(min(dual, 'fillRate', 26, 52))}, GLOBAL without lockdown ${f(min(calm, 'fillRate', 26, 52))}`,
    `mean fill rate weeks 26–51: GLOBAL ${f(windowMean(global, 'fillRate', 26, 52))}, DUAL ${f(windowMean(dual, 'fillRate', 26, 52))}`,
  ].join('\n  ');
}

function connect(lesson: Lesson, seed: number): string {
  const infrastructure = run(lesson, seed);
  const split = run(lesson, seed, {
    scenario: (s) => ({
      ...s,
      policy: [
        { ...s.policy[0], level: 0.5 },
        { week: 0, target: s.policy[0].target, instrument: 'training', level: 0.5, linked: true },
      ],
    }),
  });
  const none = run(lesson, seed, { scenario: (s) => ({ ...s, policy: [] }) });
  const last = (lesson.weeks ?? 520) - 1;
  const gap = (r: Recorder, w: number) => f(at(r, 'usageGapQuartiles', w));
  return [
    `usage gap at week 0: ${gap(infrastructure, 0)}`,
    `usage gap at week 259: none ${gap(none, 259)}, infrastructure only ${gap(infrastructure, 259)}, infrastructure + linked training ${gap(split, 259)}`,
    `usage gap at week ${last}: none ${gap(none, last)}, infrastructure only ${gap(infrastructure, last)}, infrastructure + linked training ${gap(split, last)}`,
  ].join('\n  ');
}

function trust(lesson: Lesson, seed: number): string {
  const closure = run(lesson, seed);
  const open = run(lesson, seed, {
    scenario: (s) => ({ ...s, policy: [{ week: 0, target: 'all', instrument: 'transparency', level: 0.5 }] }),
  });
  const series = closure.series('trustFirms', 'region', 'VAL');
  const value = new Map(series.map((x) => [x.week, x.value]));
  let trough = 26;
  for (let w = 26; w <= 46; w++) if ((value.get(w) ?? Infinity) < (value.get(trough) ?? Infinity)) trough = w;
  const fallWeeks = trough - 25;
  const before = value.get(25) ?? NaN;
  const low = value.get(trough) ?? NaN;
  const later = value.get(trough + fallWeeks) ?? NaN;
  const end = value.get(103) ?? NaN;
  return [
    `VAL trust in firms: ${f(before)} at week 25, lowest ${f(low)} at week ${trough} (fell ${f(before - low)} in ${fallWeeks} weeks), ${f(later)} ${fallWeeks} weeks later (regained ${f(later - low)}), ${f(end)} at week 103`,
    `global trust in firms weeks 52–103: closure only ${f(windowMean(closure, 'trustFirms', 52, 104))}, with transparency 0.5 ${f(windowMean(open, 'trustFirms', 52, 104))}`,
    `VAL lowest trust weeks 26–46: closure only ${f(low)}, with transparency ${f(min(open, 'trustFirms', 26, 47, 'region', 'VAL'))}`,
  ].join('\n  ');
}

function whyGlobal(lesson: Lesson, seed: number): string {
  const taxed = run(lesson, seed);
  const calm = run(lesson, seed, { scenario: (s) => ({ ...s, policy: [] }) });
  const last = (lesson.weeks ?? 260) - 1;
  const money = (x: number) => x.toFixed(2);
  const line = (name: string, r: Recorder) => `${money(at(r, name, 51))} at week 51, ${money(windowMean(r, name, 65, last + 1))} over weeks 65–${last}`;
  return [
    `costGapDual (C_DUAL − C_GLOBAL, mean over firms): ${line('costGapDual', taxed)}; without the tariff ${money(windowMean(calm, 'costGapDual', 65, last + 1))}`,
    `expectedLossGlobal: ${line('expectedLossGlobal', taxed)}; expectedLossDual: ${line('expectedLossDual', taxed)}`,
    `costGapMultilocal: ${line('costGapMultilocal', taxed)}; without the tariff ${money(windowMean(calm, 'costGapMultilocal', 65, last + 1))}`,
    `non-GLOBAL share weeks 65–${last}: with the tariff ${f(1 - windowMean(taxed, 'strategyShareGlobal', 65, last + 1))}, without ${f(1 - windowMean(calm, 'strategyShareGlobal', 65, last + 1))}`,
  ].join('\n  ');
}

const CHECKS: Record<string, (lesson: Lesson, seed: number) => string> = { 'one-hub': oneHub, 'connect-the-unconnected': connect, trust, 'why-global': whyGlobal };
const seeds = (process.argv[2] ?? '1').split(',').map(Number);
const only = process.argv[3];
for (const lesson of LESSONS) {
  if (only && lesson.id !== only) continue;
  const check = CHECKS[lesson.id];
  if (!check) throw new Error(`no claim check for lesson ${lesson.id}`);
  for (const seed of seeds) console.log(`${lesson.id} (seed ${seed}):\n  ${check(lesson, seed)}`);
}
