import { builtInScenario, runArms } from '../validation/specs.ts';
import { annualSmeExitRate } from '../validation/calm-baseline.ts';
import { windowMean, windowSum } from '../validation/measures.ts';
import { interval90, type Interval } from '../validation/stats.ts';
import { REDUCED_SETTINGS, type ValidationSettings } from '../validation/types.ts';
import type { RunOutput } from '../sweep/runner.ts';
import { paramSpec } from '../model/params/registry.ts';
import type { NumberParam } from '../sim/params/define.ts';

/**
 * Calibration of `entrantMinCapabilityShare` (MODEL.md §9.6, issue 12): SMEs exit at about 8–10%
 * of firms a year in calm years (OECD Structural and Demographic Business Statistics, enterprise
 * death rates). Procedure and result: docs/CALIBRATION.md, "SME exits".
 *
 * - Model: the calm two-hubs baseline (`baseline` scenario, 520 weeks after the warm-up), every
 *   other parameter at its default, at the settings of tests/validation/calm-baseline.test.ts
 *   (seeds 1–20, scale 0.5): the fit is made on the measure the check reads.
 * - Measure: `annualSmeExitRate` (exits a year over years 2–10 / the mean number of SMEs alive),
 *   averaged over the seeds (common random numbers: the same seeds at every value).
 * - Target: 9%, the middle of §9.6's 8–10%.
 * - Search: the grid `EXIT_GRID` over the schema range [0, 1.5]; the first pair of neighbouring grid
 *   values whose rates straddle the target is bisected until the bracket is narrower than 0.001;
 *   the fitted value is the evaluated point nearest the target, rounded to three decimals.
 */

/** §9.6's range of calm-year enterprise death rates, and the target (its middle). */
export const EXIT_RATE_RANGE = [0.08, 0.1] as const;
export const EXIT_RATE_TARGET = 0.09;
/**
 * The calibration's runs, and the calm-baseline check's (tests/validation/calm-baseline.test.ts):
 * the project's reduced settings (seeds 1–20, two-hubs at scale 0.5) on two workers.
 */
export const EXIT_CALIBRATION_SETTINGS: ValidationSettings = { ...REDUCED_SETTINGS, workers: 2 };
/** The grid, fixed before any run: the schema range [0, 1.5] every 0.25. */
export const EXIT_GRID: readonly number[] = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];
/** Bisection stops when the bracket is narrower than this. */
export const EXIT_TOLERANCE = 0.001;
export const CALIBRATED_PARAM = 'entrantMinCapabilityShare';

const TEN_YEARS = 520;
const SETTLED_FROM = 52;

/** One evaluation: the mean exit rate at `value`, with the per-seed rates and the entry rate. */
export interface ExitEvaluation {
  phase: 'grid' | 'bisect';
  value: number;
  /** Mean over seeds of the annual exit rate (the objective's input). */
  exitRate: number;
  exitRates: number[];
  /** Mean over seeds of entries a year / mean SMEs alive (years 2–10). */
  entryRate: number;
}

/** Entries a year over years 2–10 as a share of the SMEs alive (the counterpart of `annualSmeExitRate`). */
export function annualSmeEntryRate(run: RunOutput): number {
  const years = (TEN_YEARS - SETTLED_FROM) / 52;
  return windowSum(run, 'smeEntries', SETTLED_FROM, TEN_YEARS) / years / windowMean(run, 'smeCount', SETTLED_FROM, TEN_YEARS);
}

const mean = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;

/** The calm baseline's runs of `world` (two-hubs `baseline` or world-2019 `baseline-2019`) with `overrides`. */
export async function calmRuns(
  settings: ValidationSettings,
  overrides: Record<string, number>,
  world: 'two-hubs' | 'world-2019' = 'two-hubs',
): Promise<RunOutput[]> {
  const scenarioName = world === 'two-hubs' ? 'baseline' : 'baseline-2019';
  const [runs] = await runArms([{ world, scenario: builtInScenario(world, scenarioName), scenarioName, weeks: TEN_YEARS }], settings, overrides);
  return runs;
}

/** Mean exit and entry rates, and the per-seed exit rates, of a set of runs. */
export function summariseRuns(runs: readonly RunOutput[]): { exitRate: number; exitRates: number[]; entryRate: number; interval: Interval } {
  const exitRates = runs.map(annualSmeExitRate);
  return { exitRate: mean(exitRates), exitRates, entryRate: mean(runs.map(annualSmeEntryRate)), interval: interval90(exitRates) };
}

/**
 * Bracket-and-bisect for a decreasing function `f` (here: the exit rate as the entry threshold
 * rises): evaluates `grid` in order, takes the first neighbouring pair with f(a) ≥ target ≥ f(b),
 * and bisects it until it is narrower than `tolerance`. Returns the evaluated point nearest the
 * target (the lower value on a tie) and every evaluation in order. Throws if the grid does not
 * bracket the target.
 */
export async function bracketAndBisect(
  f: (x: number) => Promise<number>,
  grid: readonly number[],
  target: number,
  tolerance: number,
  onEvaluation?: (phase: 'grid' | 'bisect', x: number, y: number) => void,
): Promise<{ best: number; value: number; bracket: [number, number]; log: Array<{ phase: 'grid' | 'bisect'; x: number; y: number }> }> {
  const log: Array<{ phase: 'grid' | 'bisect'; x: number; y: number }> = [];
  const evaluate = async (phase: 'grid' | 'bisect', x: number): Promise<number> => {
    const y = await f(x);
    log.push({ phase, x, y });
    onEvaluation?.(phase, x, y);
    return y;
  };
  const ys: number[] = [];
  for (const x of grid) ys.push(await evaluate('grid', x));
  const k = ys.findIndex((y, i) => i + 1 < ys.length && y >= target && ys[i + 1] <= target);
  if (k < 0) throw new Error(`calibration: the grid ${grid.join(', ')} does not bracket ${target} (values ${ys.map((y) => y.toFixed(4)).join(', ')})`);
  let lo = grid[k];
  let hi = grid[k + 1];
  while (hi - lo >= tolerance) {
    const mid = (lo + hi) / 2;
    const y = await evaluate('bisect', mid);
    if (y >= target) lo = mid;
    else hi = mid;
  }
  let best = log[0];
  for (const e of log) {
    const d = Math.abs(e.y - target);
    const bestD = Math.abs(best.y - target);
    if (d < bestD || (d === bestD && e.x < best.x)) best = e;
  }
  return { best: best.x, value: best.y, bracket: [lo, hi], log };
}

export interface ExitCalibration {
  /** The fitted value, rounded to three decimals. */
  fitted: number;
  /** The mean exit rate at the fitted value (re-run at the rounded value), its interval and the entry rate. */
  exitRate: number;
  exitRates: number[];
  interval: Interval;
  entryRate: number;
  bracket: [number, number];
  evaluations: ExitEvaluation[];
  settings: ValidationSettings;
}

/** The schema range of the calibrated parameter. */
export function exitParamBounds(): { min: number; max: number } {
  const spec = paramSpec(CALIBRATED_PARAM) as NumberParam | undefined;
  if (!spec || spec.kind !== 'number') throw new Error(`${CALIBRATED_PARAM}: not a number parameter`);
  return { min: spec.min, max: spec.max };
}

/** Runs the calibration (deterministic: the same seeds, settings and search every time). */
export async function calibrateExits(
  settings: ValidationSettings = EXIT_CALIBRATION_SETTINGS,
  onEvaluation?: (e: ExitEvaluation) => void,
): Promise<ExitCalibration> {
  const bounds = exitParamBounds();
  for (const x of EXIT_GRID) if (x < bounds.min || x > bounds.max) throw new Error(`grid value ${x} outside the schema range`);
  const evaluations: ExitEvaluation[] = [];
  const f = async (value: number): Promise<number> => {
    const s = summariseRuns(await calmRuns(settings, { [CALIBRATED_PARAM]: value }));
    const phase = evaluations.length < EXIT_GRID.length ? 'grid' : 'bisect';
    const e: ExitEvaluation = { phase, value, exitRate: s.exitRate, exitRates: s.exitRates, entryRate: s.entryRate };
    evaluations.push(e);
    onEvaluation?.(e);
    return s.exitRate;
  };
  const search = await bracketAndBisect(f, EXIT_GRID, EXIT_RATE_TARGET, EXIT_TOLERANCE);
  const fitted = Math.round(search.best * 1000) / 1000;
  const atFit = summariseRuns(await calmRuns(settings, { [CALIBRATED_PARAM]: fitted }));
  return { fitted, ...atFit, bracket: search.bracket, evaluations, settings };
}
