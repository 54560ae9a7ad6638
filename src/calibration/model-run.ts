import { Simulation, type RunSpec } from '../model/simulation.ts';
import { Recorder } from '../model/observe/recorder.ts';
import { checkScenario, formatPath } from '../model/validate.ts';
import type { Scenario } from '../model/scenario.ts';
import type { IncomeGroup, WorldDefinition } from '../model/world-definition.ts';
import { INCOME_GROUPS } from '../model/world-definition.ts';
import { WORLDS } from '../../worlds/index.ts';

/**
 * Runs the real model (world-2019, the baseline-2019 scenario, every phase of every agent kind)
 * and reads its internet use — the `digitalUsage` indicator, population-weighted a · l — by World
 * Bank income group at the end of each simulated year. Shared by the calibration and the backcast,
 * so both see exactly what `glocal run` would record; nothing here re-implements the equations of
 * agents/community/systems.ts.
 */

export const WORLD = 'world-2019';
export const SCENARIO = 'baseline-2019';
export const WEEKS_PER_YEAR = 52;

/** Internet use by income group (and the world), % of people, at the end of each simulated year. */
export interface UsageTrajectory {
  /** Calendar year at the end of each simulated year: startYear + 1, …, startYear + years. */
  years: number[];
  byGroup: Record<IncomeGroup, number[]>;
  world: number[];
  /** p, ρ_a and λ0 the run used (after the defaults and overrides). */
  accessInnovation: number;
  accessDiffusionRate: number;
  literacyBaseRate: number;
}

export interface UsageRunOptions {
  /** The world (world-2019 built with the start year's internet use). */
  definition: WorldDefinition;
  /** For the run's spec (informative): the world's start year. */
  startYear: number;
  /** Whole years to simulate (52 weeks each). */
  years: number;
  seed: number;
  scale: number;
  /** Parameter overrides (e.g. ρ_a, λ0); `warmupWeeks` may not be set (it is 0, see below). */
  params?: Record<string, number | boolean | string>;
}

let baselineScenario: Scenario | undefined;
/** The baseline-2019 scenario, checked against world-2019 (the shipped file is checked once). */
export function baseline2019(definition: WorldDefinition): Scenario {
  if (baselineScenario) return baselineScenario;
  const check = checkScenario(WORLDS[WORLD].scenarios[SCENARIO], definition);
  if (!check.ok) throw new Error(`${SCENARIO}: ${check.problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ')}`);
  baselineScenario = check.scenario;
  return baselineScenario;
}

/**
 * One run of baseline-2019 from the world's start year, `years` × 52 weeks, **without warm-up**
 * (`warmupWeeks` = 0, so week 0 is the start year and the end of week 52k − 1 is startYear + k: a
 * warm-up would add a year of diffusion the calendar does not have). The world's own recorder keeps
 * a row every 52 weeks only (`recordEvery` changes what is recorded, not what happens); the year-end
 * values are read with a separate `Recorder` of the same indicators.
 */
export function simulateDigitalUsage(options: UsageRunOptions): UsageTrajectory {
  const { definition, startYear, years, seed, scale } = options;
  const params = { ...(options.params ?? {}) };
  if ('warmupWeeks' in params && params.warmupWeeks !== 0) {
    throw new Error('simulateDigitalUsage: warmupWeeks is 0 here (week 0 is the start year); do not override it');
  }
  if (!Number.isInteger(years) || years < 1) throw new Error(`years: expected a whole number ≥ 1, got ${years}`);
  const weeks = years * WEEKS_PER_YEAR;
  const spec: RunSpec = {
    world: WORLD,
    worldOptions: { startYear },
    scenarioName: SCENARIO,
    scenario: baseline2019(definition),
    seed,
    weeks,
    params: { recordEvery: WEEKS_PER_YEAR, ...params, scale, warmupWeeks: 0 },
    paired: false,
  };
  const simulation = new Simulation(spec, definition);
  const recorder = new Recorder(simulation.world);
  const out: UsageTrajectory = {
    years: [],
    byGroup: Object.fromEntries(INCOME_GROUPS.map((g) => [g, [] as number[]])) as unknown as Record<IncomeGroup, number[]>,
    world: [],
    accessInnovation: simulation.world.params.accessInnovation,
    accessDiffusionRate: simulation.world.params.accessDiffusionRate,
    literacyBaseRate: simulation.world.params.literacyBaseRate,
  };
  for (let k = 1; k <= years; k++) {
    simulation.advance(WEEKS_PER_YEAR);
    const week = k * WEEKS_PER_YEAR - 1;
    recorder.record(simulation.world, week);
    out.years.push(startYear + k);
    for (const g of INCOME_GROUPS) out.byGroup[g].push(100 * lastValue(recorder, 'incomeGroup', g));
    out.world.push(100 * lastValue(recorder, 'global', 'world'));
  }
  return out;
}

function lastValue(recorder: Recorder, scope: 'global' | 'incomeGroup', group: string): number {
  const series = recorder.series('digitalUsage', scope, group);
  const last = series[series.length - 1];
  if (!last || !Number.isFinite(last.value)) throw new Error(`digitalUsage ${scope}/${group}: no finite value recorded`);
  return last.value;
}
