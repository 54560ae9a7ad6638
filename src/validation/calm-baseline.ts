/**
 * MODEL.md §9.6's calm-year targets (issue 12), measured in the two-hubs calm baseline over ten
 * years: SMEs exit at about 8–10% of firms a year (OECD business demography statistics, enterprise
 * death rates), and trust in government stays within ±0.02 of where it starts.
 */
import { check, type Check, type ValidationSettings } from './types.ts';
import { builtInScenario, runArms } from './specs.ts';
import { interval90 } from './stats.ts';
import { windowMean, windowSum } from './measures.ts';
import { seriesOf, type RunOutput } from '../sweep/runner.ts';

const TEN_YEARS = 520;
/** The first year is left out of the exit rate: SMEs built at week 0 settle into their markets in it. */
const SETTLED_FROM = 52;

/** SME exits per year over years 2–10 as a share of the SMEs alive (mean over the same weeks). */
export function annualSmeExitRate(run: RunOutput): number {
  const years = (TEN_YEARS - SETTLED_FROM) / 52;
  return windowSum(run, 'smeExits', SETTLED_FROM, TEN_YEARS) / years / windowMean(run, 'smeCount', SETTLED_FROM, TEN_YEARS);
}

/** The largest departure of trust in government (population-weighted) from its week-0 value over ten years. */
export function governmentTrustDrift(run: RunOutput): number {
  const series = seriesOf(run, 'trustGovernment', 'global', 'world').filter((x) => x.week < TEN_YEARS);
  const start = series[0]?.value ?? NaN;
  return series.reduce((largest, x) => Math.max(largest, Math.abs(x.value - start)), 0);
}

export interface CalmBaselineResult {
  checks: Check[];
  /** Per-seed measures, for the test's report. */
  exitRates: number[];
  trustDrifts: number[];
}

export async function calmBaselineChecks(settings: ValidationSettings): Promise<CalmBaselineResult> {
  const calm = builtInScenario('two-hubs', 'baseline');
  const [runs] = await runArms([{ world: 'two-hubs', scenario: calm, scenarioName: 'baseline', weeks: TEN_YEARS }], settings);
  const exitRates = runs.map(annualSmeExitRate);
  const trustDrifts = runs.map(governmentTrustDrift);
  return {
    checks: [
      check('SME exits per calm year, share of SMEs (years 2–10)', interval90(exitRates), 'within', [0.08, 0.1]),
      check('largest change of trust in government over ten calm years', interval90(trustDrifts), '<', 0.02),
    ],
    exitRates,
    trustDrifts,
  };
}
