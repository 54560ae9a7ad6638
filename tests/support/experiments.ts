import type { World } from '../../src/model/world.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { createWorld } from '../../src/model/initialize.ts';
import { step } from '../../src/model/schedule.ts';
import { Recorder, type Scope } from '../../src/model/observe/recorder.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { INSTRUMENT_COUNT } from '../../agents/policymaker/schema.ts';

/**
 * Small in-process experiments for tests that need the world itself (trigger counters, regional
 * state) as well as the recorded indicators: the same steps as `Simulation` (warm-up unrecorded,
 * then one recorded row set per week), with an optional hook after every week.
 */

export type ParamValues = Record<string, number | boolean | string>;

/**
 * Adaptive-mode thresholds at which no trigger can fire (each condition is a share compared with
 * `>` against 1, or approval compared with `<` against 0). With these, an adaptive run is the
 * same run as scheme mode byte for byte (tests/unit/adaptive-triggers.test.ts checks it). The
 * SME-exit rule is the exception once the quarter record is fed: a small region's annualised
 * exit rate can exceed 1, the top of `smeExitTrigger`'s range.
 */
export const TRIGGERS_OFF: Readonly<ParamValues> = {
  shortageTrigger: 1,
  usageGapTrigger: 1,
  literacyGapTrigger: 1,
  smeExitTrigger: 100, // an annualised exit rate can exceed 1 in a small region
  tariffPressureTrigger: 1,
  borderPressureTrigger: 1,
  approvalTrigger: 0,
};

export interface ExperimentSpec {
  world?: string;
  scenario: Scenario;
  seed: number;
  /** Recorded weeks (after the warm-up). */
  weeks: number;
  params: ParamValues;
  /**
   * Feed the policymakers' quarter record (final demand and lost deliveries, SME exits and SME
   * count per region) from the week's regional totals, when the engine itself does not: the
   * shortage, reshoring and SME-exit rules read `policy.quarterDemand`, `quarterLost`,
   * `quarterExits` and `quarterSmes`, which no phase of the engine writes at the time of writing.
   * Whether the engine writes them is detected after the first week (a strategy week, when the
   * record is reset), so this stand-in switches itself off once the engine is wired.
   */
  feedQuarterRecord?: boolean;
}

export interface Experiment {
  world: World;
  recorder: Recorder;
  /** Whether the engine filled the quarter record by itself (then nothing was fed). */
  engineFeedsQuarterRecord: boolean;
}

/** Runs warm-up and `weeks` recorded weeks of a world, recording every week. */
export function runExperiment(spec: ExperimentSpec): Experiment {
  const world = createWorld(lookupWorld(spec.world ?? 'two-hubs'), { seed: spec.seed, scenario: spec.scenario, params: spec.params });
  const recorder = new Recorder(world);
  const warmup = world.params.warmupWeeks;
  let engineFeeds = false;
  for (let tick = 0; tick < warmup + spec.weeks; tick++) {
    step(world);
    if (tick === 0) engineFeeds = world.policy.quarterDemand.some((v) => v > 0) || world.policy.quarterSmes.some((v) => v > 0);
    if (spec.feedQuarterRecord && !engineFeeds) feedQuarterRecord(world);
    const week = tick - warmup;
    if (week >= 0 && week % world.params.recordEvery === 0) recorder.record(world, week);
  }
  return { world, recorder, engineFeedsQuarterRecord: engineFeeds };
}

/** Adds the week's regional totals to the quarter record (the SME count is the latest census). */
function feedQuarterRecord(world: World): void {
  const { policy, regions } = world;
  for (let r = 0; r < regions.count; r++) {
    policy.quarterDemand[r] += world.finalMarket.finalDemand[r];
    policy.quarterLost[r] += world.finalMarket.finalLost[r];
    policy.quarterExits[r] += world.smeRegions.smeExits[r];
    policy.quarterSmes[r] = world.smeRegions.smeCount[r];
  }
}

/** Times an instrument's adaptive trigger fired in a region, or in all regions together. */
export function timesFired(world: World, instrument: number, region?: number): number {
  const { policy } = world;
  if (region !== undefined) return policy.triggerFired[region * INSTRUMENT_COUNT + instrument];
  let total = 0;
  for (let r = 0; r < policy.count; r++) total += policy.triggerFired[r * INSTRUMENT_COUNT + instrument];
  return total;
}

/** Regions in which an instrument's trigger fired at least once. */
export function firedRegions(world: World, instrument: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < world.policy.count; r++) if (timesFired(world, instrument, r) > 0) out.push(r);
  return out;
}

/** Mean of a recorded indicator over weeks [from, to). */
export function windowMean(recorder: Recorder, name: string, from: number, to: number, scope: Scope = 'global', group = 'world'): number {
  const values = recorder.series(name, scope, group).filter((x) => x.week >= from && x.week < to);
  if (values.length === 0) throw new Error(`no values of ${name} (${scope} ${group}) in weeks ${from}–${to}`);
  return values.reduce((a, x) => a + x.value, 0) / values.length;
}

/** Sum of a recorded indicator over weeks [from, to). */
export function windowSum(recorder: Recorder, name: string, from: number, to: number, scope: Scope = 'global', group = 'world'): number {
  return recorder
    .series(name, scope, group)
    .filter((x) => x.week >= from && x.week < to)
    .reduce((a, x) => a + x.value, 0);
}

/** Memoises experiments by their spec (runs shared by several tests of a file). */
export function experimentCache(): (spec: ExperimentSpec) => Experiment {
  const cache = new Map<string, Experiment>();
  return (spec) => {
    const key = JSON.stringify(spec);
    let hit = cache.get(key);
    if (!hit) {
      hit = runExperiment(spec);
      cache.set(key, hit);
    }
    return hit;
  };
}
