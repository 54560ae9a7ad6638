import type { IncomeGroup, WorldDefinition } from '../model/world-definition.ts';
import { INCOME_GROUPS } from '../model/world-definition.ts';
import { paramSpec } from '../model/params/registry.ts';
import type { NumberParam } from '../sim/params/define.ts';
import { buildWorld2019, FIRST_START_YEAR, type InternetSeries } from '../../worlds/world-2019/world.ts';
import { observedByIncomeGroup, toInternetSeries, type InternetObservation } from './series.ts';
import { simulateDigitalUsage } from './model-run.ts';

/**
 * Calibration of the three `calibrated` parameters of MODEL.md §7.7 and §9.6 — the external (Bass
 * innovation) term of access diffusion p (`accessInnovation`), the private access diffusion rate
 * ρ_a (`accessDiffusionRate`) and the base literacy rate λ0 (`literacyBaseRate`) — on the
 * internet-use series **up to 2010 only** (§8: "calibration is honest").
 *
 * - Data: the long-format series, which must hold no row after 2010 (rows after it are rejected,
 *   not silently dropped). The same rows give the world's starting internet use (world-2019 with
 *   `startYear` = 2000 and `internetSeries` = these rows) and the 2010 targets.
 * - Model: the real model (`simulateDigitalUsage`: baseline-2019, every agent kind, no warm-up),
 *   world-2019 at a small scale (the indicator does not depend on scale: every region has a cell,
 *   and access and literacy are the same in every cell of a region), one seed (access and literacy
 *   draw nothing at random in the baseline; a test checks that seeds do not change them).
 * - Objective: the sum over the four World Bank income groups of (simulated − observed)² of
 *   population-weighted internet use in 2010, in percentage points².
 * - Search: a grid over the parameters' schema ranges, then a bounded compass search from the best
 *   grid point with steps 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001 for ρ_a and λ0 (so they have 3
 *   decimals) and one tenth of those for p (4 decimals; its range and scale are a tenth of ρ_a's).
 */

/** No data after this year enters the calibration. */
export const CALIBRATION_CUTOFF_YEAR = 2010;
/** The year the calibration runs start from (see docs/CALIBRATION.md for why 2000). */
export const CALIBRATION_START_YEAR = 2000;
/** world-2019 scale of the calibration runs. */
export const CALIBRATION_SCALE = 0.02;

/**
 * The result of `node bin/run-ts.mjs scripts/calibrate-diffusion.ts` (defaults: start 2000, target
 * 2010, scale 0.02), recorded here and in docs/CALIBRATION.md; the values to set as the defaults of
 * agents/community/params.ts. tests/unit/calibration.test.ts checks they are still a minimum of the
 * objective, so a model change that moves the optimum fails a test and asks for a re-calibration.
 */
export const CALIBRATED_DIFFUSION = { accessInnovation: 0.008, accessDiffusionRate: 0.34, literacyBaseRate: 0 } as const;

export const CALIBRATED_PARAMS = ['accessInnovation', 'accessDiffusionRate', 'literacyBaseRate'] as const;
export type CalibratedParam = (typeof CALIBRATED_PARAMS)[number];
export type DiffusionPoint = Record<CalibratedParam, number>;

/**
 * The default grid: p denser near 0 over [0, 0.5] (Sultan et al. 1990: mean p ≈ 0.03 per year);
 * ρ_a every 0.25 over [0, 3]; λ0 denser near 0 over [0, 2].
 */
export const DEFAULT_GRID: Record<CalibratedParam, readonly number[]> = {
  accessInnovation: [0, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.5],
  accessDiffusionRate: [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3],
  literacyBaseRate: [0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.2, 1.6, 2],
};
/** Compass-search steps, largest first; each is tried until no move improves, then the next. */
export const DEFAULT_REFINE_STEPS: readonly number[] = [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];
/** Each parameter's compass step is the current step × this: p moves in tenths of ρ_a's and λ0's steps. */
export const REFINE_STEP_SCALE: Record<CalibratedParam, number> = { accessInnovation: 0.1, accessDiffusionRate: 1, literacyBaseRate: 1 };

export interface CalibrationOptions {
  /** The internet-use series, long format; every row must be of `CALIBRATION_CUTOFF_YEAR` or before. */
  series: readonly InternetObservation[];
  /** Start year of the runs (default 2000); the runs go to `targetYear`. */
  startYear?: number;
  /** Year of the targets (default and latest: 2010). */
  targetYear?: number;
  scale?: number;
  seed?: number;
  grid?: Partial<Record<CalibratedParam, readonly number[]>>;
  refineSteps?: readonly number[];
  /** Cap on refinement evaluations (default 400). */
  maxRefineEvaluations?: number;
  /** Called after each evaluation (progress). */
  onEvaluation?: (entry: SearchLogEntry) => void;
}

/** One evaluation of the objective. */
export interface SearchLogEntry {
  phase: 'grid' | 'refine';
  /** Compass step of a refinement evaluation (null on the grid). */
  step: number | null;
  point: DiffusionPoint;
  /** Sum of squared errors over the income groups, pp². */
  sse: number;
  /** √(sse / 4), pp. */
  rmsePp: number;
  /** Simulated internet use in the target year, %. */
  simulated: Record<IncomeGroup, number>;
}

export interface GroupFit {
  incomeGroup: IncomeGroup;
  /** Observed in the start year, %. */
  observedStart: number;
  /** Observed in the target year, %. */
  observed: number;
  /** Simulated in the target year, %. */
  simulated: number;
  /** simulated − observed, pp. */
  errorPp: number;
}

export interface CalibrationResult {
  best: DiffusionPoint;
  sse: number;
  rmsePp: number;
  fit: GroupFit[];
  /** Which bound of its schema range a calibrated value sits on, if any. */
  atBound: Record<CalibratedParam, 'min' | 'max' | null>;
  bounds: Record<CalibratedParam, { min: number; max: number }>;
  startYear: number;
  targetYear: number;
  scale: number;
  seed: number;
  /** Simulated internet use by group at each year end of the best run, %. */
  trajectory: { years: number[]; byGroup: Record<IncomeGroup, number[]> };
  /** Every evaluation, in order (grid first). */
  log: SearchLogEntry[];
  evaluations: number;
}

/** A prepared calibration: the world, the targets and a memoised objective. */
export interface CalibrationProblem {
  startYear: number;
  targetYear: number;
  scale: number;
  seed: number;
  definition: WorldDefinition;
  observedStart: Record<IncomeGroup, number>;
  observed: Record<IncomeGroup, number>;
  bounds: Record<CalibratedParam, { min: number; max: number }>;
  /** Simulated internet use by group in the target year at `point` (memoised), %. */
  simulate: (point: DiffusionPoint) => Record<IncomeGroup, number>;
  /** The objective at `point`: Σ_groups (simulated − observed)², pp². */
  objective: (point: DiffusionPoint) => number;
}

/** The schema range of a calibrated parameter (agents/community/params.ts). */
export function schemaBounds(name: CalibratedParam): { min: number; max: number } {
  const spec = paramSpec(name) as NumberParam | undefined;
  if (!spec || spec.kind !== 'number') throw new Error(`${name}: not a number parameter`);
  return { min: spec.min, max: spec.max };
}

/** Throws unless every row is of `cutoff` or before: the calibration never sees a later value. */
export function assertNoDataAfter(series: readonly InternetObservation[], cutoff: number = CALIBRATION_CUTOFF_YEAR): void {
  const late = series.filter((r) => r.year > cutoff);
  if (late.length > 0) {
    const years = [...new Set(late.map((r) => r.year))].sort((a, b) => a - b);
    throw new Error(
      `calibration: the series holds ${late.length} rows after ${cutoff} (years ${years[0]}–${years[years.length - 1]}); ` +
        `it may use data up to ${cutoff} only (MODEL.md §8): pass observationsUpTo(rows, ${cutoff})`,
    );
  }
}

const roundPoint = (p: DiffusionPoint): DiffusionPoint => ({
  accessInnovation: Math.round(p.accessInnovation * 1e9) / 1e9,
  accessDiffusionRate: Math.round(p.accessDiffusionRate * 1e9) / 1e9,
  literacyBaseRate: Math.round(p.literacyBaseRate * 1e9) / 1e9,
});
const keyOf = (p: DiffusionPoint) => `${p.accessInnovation}|${p.accessDiffusionRate}|${p.literacyBaseRate}`;

/** Checks the inputs and builds the start-year world and the targets from the series alone. */
export function prepareCalibration(options: Omit<CalibrationOptions, 'grid' | 'refineSteps' | 'maxRefineEvaluations' | 'onEvaluation'>): CalibrationProblem {
  const startYear = options.startYear ?? CALIBRATION_START_YEAR;
  const targetYear = options.targetYear ?? CALIBRATION_CUTOFF_YEAR;
  const scale = options.scale ?? CALIBRATION_SCALE;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(targetYear) || targetYear > CALIBRATION_CUTOFF_YEAR) {
    throw new Error(`calibration: targetYear must be a year ≤ ${CALIBRATION_CUTOFF_YEAR}, got ${targetYear}`);
  }
  if (!Number.isInteger(startYear) || startYear < FIRST_START_YEAR || startYear >= targetYear) {
    throw new Error(`calibration: startYear must be a year from ${FIRST_START_YEAR} to ${targetYear - 1}, got ${startYear}`);
  }
  assertNoDataAfter(options.series, CALIBRATION_CUTOFF_YEAR);
  const series: InternetSeries = toInternetSeries(options.series);
  const definition = buildWorld2019({ startYear, internetSeries: series });
  const pick = (year: number) => {
    const groups = observedByIncomeGroup(year, series);
    return Object.fromEntries(INCOME_GROUPS.map((g) => [g, groups[g].pct])) as Record<IncomeGroup, number>;
  };
  const observedStart = pick(startYear);
  const observed = pick(targetYear);
  const bounds = {
    accessInnovation: schemaBounds('accessInnovation'),
    accessDiffusionRate: schemaBounds('accessDiffusionRate'),
    literacyBaseRate: schemaBounds('literacyBaseRate'),
  };
  const cache = new Map<string, Record<IncomeGroup, number>>();
  const simulate = (raw: DiffusionPoint) => {
    const point = roundPoint(raw);
    for (const name of CALIBRATED_PARAMS) {
      const { min, max } = bounds[name];
      if (!(point[name] >= min && point[name] <= max)) throw new Error(`${name} = ${point[name]} is outside [${min}, ${max}]`);
    }
    const key = keyOf(point);
    const hit = cache.get(key);
    if (hit) return hit;
    const run = simulateDigitalUsage({ definition, startYear, years: targetYear - startYear, seed, scale, params: { ...point } });
    const value = Object.fromEntries(INCOME_GROUPS.map((g) => [g, run.byGroup[g][run.byGroup[g].length - 1]])) as Record<IncomeGroup, number>;
    cache.set(key, value);
    return value;
  };
  const objective = (point: DiffusionPoint) => sumSquares(simulate(point), observed);
  return { startYear, targetYear, scale, seed, definition, observedStart, observed, bounds, simulate, objective };
}

function sumSquares(simulated: Record<IncomeGroup, number>, observed: Record<IncomeGroup, number>): number {
  let sse = 0;
  for (const g of INCOME_GROUPS) sse += (simulated[g] - observed[g]) ** 2;
  return sse;
}

/**
 * Calibrates (p, ρ_a, λ0) on the series up to 2010: grid search over the schema ranges, then a
 * bounded compass search (best-improvement moves of ± step along each parameter; when none
 * improves, the next smaller step). Deterministic. Returns the best values, the fit and the log.
 */
export function calibrateDiffusion(options: CalibrationOptions): CalibrationResult {
  const problem = prepareCalibration(options);
  const search = memoisedSearch(problem, options);
  const start = gridSearch({ ...DEFAULT_GRID, ...(options.grid ?? {}) }, search);
  const { best, sse } = compassSearch(problem, start, search, options.refineSteps ?? DEFAULT_REFINE_STEPS, options.maxRefineEvaluations ?? 400);
  return calibrationResult(problem, best, sse, search.log);
}

type Problem = ReturnType<typeof prepareCalibration>;

/** Evaluates points once each (rounded), logging every new evaluation. */
interface MemoisedSearch {
  evaluate(raw: DiffusionPoint, phase: SearchLogEntry['phase'], step: number | null): number;
  seen: Map<string, number>;
  log: SearchLogEntry[];
}

function memoisedSearch(problem: Problem, options: CalibrationOptions): MemoisedSearch {
  const log: SearchLogEntry[] = [];
  const seen = new Map<string, number>();
  const evaluate = (raw: DiffusionPoint, phase: SearchLogEntry['phase'], step: number | null): number => {
    const point = roundPoint(raw);
    const key = keyOf(point);
    const known = seen.get(key);
    if (known !== undefined) return known;
    const simulated = problem.simulate(point);
    const sse = sumSquares(simulated, problem.observed);
    const entry: SearchLogEntry = { phase, step, point, sse, rmsePp: Math.sqrt(sse / INCOME_GROUPS.length), simulated };
    log.push(entry);
    seen.set(key, sse);
    options.onEvaluation?.(entry);
    return sse;
  };
  return { evaluate, seen, log };
}

/** 1. The grid: the best point of every combination of the grid's values. */
function gridSearch(grid: typeof DEFAULT_GRID, search: MemoisedSearch): { best: DiffusionPoint; sse: number } {
  let best: DiffusionPoint | undefined;
  let bestSse = Infinity;
  for (const p of grid.accessInnovation) {
    for (const rho of grid.accessDiffusionRate) {
      for (const lambda of grid.literacyBaseRate) {
        const point = { accessInnovation: p, accessDiffusionRate: rho, literacyBaseRate: lambda };
        const sse = search.evaluate(point, 'grid', null);
        if (sse < bestSse) {
          bestSse = sse;
          best = roundPoint(point);
        }
      }
    }
  }
  if (!best) throw new Error('calibration: empty grid');
  return { best, sse: bestSse };
}

/** 2. Bounded compass search from the grid's best point, within `maxRefine` new evaluations. */
function compassSearch(
  problem: Problem,
  start: { best: DiffusionPoint; sse: number },
  search: MemoisedSearch,
  steps: readonly number[],
  maxRefine: number,
): { best: DiffusionPoint; sse: number } {
  let { best, sse: bestSse } = start;
  let refineEvaluations = 0;
  for (const step of steps) {
    for (;;) {
      let moved: DiffusionPoint | undefined;
      let movedSse = bestSse;
      for (const name of CALIBRATED_PARAMS) {
        for (const sign of [-1, 1]) {
          const { min, max } = problem.bounds[name];
          const value = Math.min(max, Math.max(min, best[name] + sign * step * REFINE_STEP_SCALE[name]));
          if (value === best[name]) continue;
          const candidate = roundPoint({ ...best, [name]: value });
          if (!search.seen.has(keyOf(candidate))) refineEvaluations++;
          const sse = search.evaluate(candidate, 'refine', step);
          if (sse < movedSse) {
            movedSse = sse;
            moved = candidate;
          }
        }
      }
      if (!moved || refineEvaluations >= maxRefine) break;
      best = moved;
      bestSse = movedSse;
    }
    if (refineEvaluations >= maxRefine) break;
  }
  return { best, sse: bestSse };
}

/** The result: the best point's fit by income group, its trajectory, and which bounds it sits on. */
function calibrationResult(problem: Problem, best: DiffusionPoint, bestSse: number, log: SearchLogEntry[]): CalibrationResult {
  const simulated = problem.simulate(best);
  const trajectoryRun = simulateDigitalUsage({
    definition: problem.definition,
    startYear: problem.startYear,
    years: problem.targetYear - problem.startYear,
    seed: problem.seed,
    scale: problem.scale,
    params: { ...best },
  });
  const atBound = {} as Record<CalibratedParam, 'min' | 'max' | null>;
  for (const name of CALIBRATED_PARAMS) {
    const { min, max } = problem.bounds[name];
    atBound[name] = best[name] <= min ? 'min' : best[name] >= max ? 'max' : null;
  }
  return {
    best,
    sse: bestSse,
    rmsePp: Math.sqrt(bestSse / INCOME_GROUPS.length),
    fit: INCOME_GROUPS.map((g) => ({
      incomeGroup: g,
      observedStart: problem.observedStart[g],
      observed: problem.observed[g],
      simulated: simulated[g],
      errorPp: simulated[g] - problem.observed[g],
    })),
    atBound,
    bounds: problem.bounds,
    startYear: problem.startYear,
    targetYear: problem.targetYear,
    scale: problem.scale,
    seed: problem.seed,
    trajectory: { years: trajectoryRun.years, byGroup: trajectoryRun.byGroup },
    log,
    evaluations: log.length,
  };
}
