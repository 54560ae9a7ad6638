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
  for (const region of run.groups[3]) {
    const adoption = seriesOf(run, 'smeAdoption', 'region', region);
    const hazard = seriesOf(run, 'smeAdoptionHazard', 'region', region);
    const usage = seriesOf(run, 'digitalUsage', 'region', region);
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
  return olsSlope(shares, hazards);
}

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
  threshold: '90% CI of the slope of (hazard / a·l) on adopted share wholly > 0; CI of the rank correlation of a·l with weeks to 50% wholly < 0',
  ablations: [
    // MODEL.md §8: imitation (q) is what makes the hazard rise with the adopted share.
    { id: 'no-imitation', input: 'no word of mouth (q = bassImitation = 0)', params: { bassImitation: 0 } },
  ],
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const [runs] = await runArms(
      [{ world: 'two-hubs', scenario: builtInScenario('two-hubs', 'baseline'), scenarioName: 'baseline', weeks: 520 }],
      settings,
      overrides,
    );
    const slopes = runs.map(hazardSlope);
    const correlations = runs.map(timeToHalfCorrelation).filter(Number.isFinite);
    const checks = [
      check('slope of hazard/(a·l) on adopted share', interval90(slopes), '>', 0),
      check('rank correlation of a·l with weeks to 50% adoption', interval90(correlations), '<', 0),
    ];
    const notes = [`mean slope ${format(interval90(slopes).mean)}; mean rank correlation ${format(interval90(correlations).mean, 2)} over ${correlations.length} runs`];
    return { checks, notes, runs: runs.length };
  },
};
