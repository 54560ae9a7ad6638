import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms } from '../specs.ts';
import { interval90, olsSlope } from '../stats.ts';
import { seriesOf, type RunOutput } from '../../sweep/runner.ts';
import { format } from '../measures.ts';

const STEP = 13;

/**
 * The S-curve test: pooled over regions and quarters, the quarter's mean weekly adoption hazard
 * among non-adopters, divided by the region's digital usage a·l, regressed on the adopted
 * share at the quarter's start — positive when adoption feeds on itself (Bass imitation).
 */
function hazardSlope(run: RunOutput): number {
  const shares: number[] = [];
  const hazards: number[] = [];
  for (const region of run.groups[3]) addQuarters(run, 'region', region, shares, hazards);
  return olsSlope(shares, hazards);
}

/** The same regression on the world's aggregate curve (MODEL.md §9.6: P5 checked in aggregate too). */
function aggregateHazardSlope(run: RunOutput): number {
  const shares: number[] = [];
  const hazards: number[] = [];
  addQuarters(run, 'global', 'world', shares, hazards);
  return olsSlope(shares, hazards);
}

/** Appends one curve's quarters: adopted share at the quarter's start, and its mean weekly hazard / a·l. */
function addQuarters(run: RunOutput, scope: 'region' | 'global', group: string, shares: number[], hazards: number[]): void {
  const adoption = seriesOf(run, 'smeAdoption', scope, group);
  const hazard = seriesOf(run, 'smeAdoptionHazard', scope, group);
  const usage = seriesOf(run, 'digitalUsage', scope, group);
  for (let k = 0; k + STEP < adoption.length; k += STEP) {
    const share = adoption[k].value;
    const u = usage[k].value;
    if (share >= 0.97 || u <= 0.01) continue;
    let weekly = 0;
    for (let j = k + 1; j <= k + STEP; j++) weekly += hazard[j].value / usage[j - 1].value;
    shares.push(share);
    hazards.push(weekly / STEP);
  }
}

/**
 * The aggregate arm of MODEL.md §9.6: few initial adopters (a fifteenth of the default
 * `initialAdoptionFactor`) and no entry, so the world's curve starts low and no entrant resets it.
 */
const FEW_ADOPTERS_NO_ENTRY = { initialAdoptionFactor: 0.01, smeEntryRate: 0 };

/** Spearman rank correlation between regions' starting a·l and their weeks to 50% adoption. */
function timeToHalfCorrelation(run: RunOutput): number {
  const usage: number[] = [];
  const weeks: number[] = [];
  for (const region of run.groups[3]) {
    const adoption = seriesOf(run, 'smeAdoption', 'region', region);
    const u = seriesOf(run, 'digitalUsage', 'region', region);
    if (adoption.length === 0 || adoption[0].value >= 0.5) continue;
    const reached = adoption.find((x) => x.value >= 0.5);
    usage.push(u[0].value);
    weeks.push(reached ? reached.week : adoption.length + 52); // censored: not reached within the horizon
  }
  return spearman(usage, weeks);
}

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end + 1 < order.length && order[end + 1][0] === order[k][0]) end++;
    for (let j = k; j <= end; j++) out[order[j][1]] = (k + end) / 2;
    k = end + 1;
  }
  return out;
}

function spearman(a: number[], b: number[]): number {
  if (a.length < 3) return NaN;
  const ra = ranks(a);
  const rb = ranks(b);
  const slope = olsSlope(ra, rb);
  const spread = (x: number[]) => Math.sqrt(x.reduce((s, v) => s + (v - x.reduce((p, q) => p + q, 0) / x.length) ** 2, 0));
  return (slope * spread(ra)) / spread(rb);
}

export const p05: PatternDefinition = {
  id: 'P5',
  title: 'S-curve of SME digital adoption',
  statement: 'SME digital adoption follows an S-curve (the hazard rises with the adopted share); time to 50% adoption falls as access × literacy rises.',
  source: 'Bass 1969; p ≈ 0.03, q ≈ 0.38/yr (Sultan, Farley & Lehmann 1990); Rand & Rust 2011',
  threshold: '90% CI of the slope of (hazard / a·l) on adopted share wholly > 0, by region and, with few initial adopters and no entry, for the world; CI of the rank correlation of a·l with weeks to 50% wholly < 0',
  ablations: [
    // MODEL.md §8: imitation (q) is what makes the hazard rise with the adopted share.
    { id: 'no-imitation', input: 'no word of mouth (q = bassImitation = 0)', params: { bassImitation: 0 } },
  ],
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const baseline = builtInScenario('two-hubs', 'baseline');
    const [runs, aggregateRuns] = await runArms(
      [
        { world: 'two-hubs', scenario: baseline, scenarioName: 'baseline', weeks: 520 },
        { world: 'two-hubs', scenario: baseline, scenarioName: 'baseline', weeks: 520, params: FEW_ADOPTERS_NO_ENTRY },
      ],
      settings,
      overrides,
    );
    const slopes = runs.map(hazardSlope);
    const aggregateSlopes = aggregateRuns.map(aggregateHazardSlope);
    const correlations = runs.map(timeToHalfCorrelation).filter(Number.isFinite);
    const checks = [
      check('slope of hazard/(a·l) on adopted share', interval90(slopes), '>', 0),
      check('rank correlation of a·l with weeks to 50% adoption', interval90(correlations), '<', 0),
      check('world slope of hazard/(a·l) on adopted share, few initial adopters and no entry', interval90(aggregateSlopes), '>', 0),
    ];
    const notes = [
      `mean slope ${format(interval90(slopes).mean)}; mean rank correlation ${format(interval90(correlations).mean, 2)} over ${correlations.length} runs`,
      `world curve with initialAdoptionFactor = 0.01 and no entry: mean slope ${format(interval90(aggregateSlopes).mean)}`,
    ];
    return { checks, notes, runs: runs.length };
  },
};
