import type { SweepResultsForAnalysis } from '../contracts.ts';
import { designPointCount, sampleDesign } from '../designs/index.ts';

export type SummaryStat = 'final' | 'mean';

/**
 * The output a sensitivity analysis studies: for each design point, the mean over its seeds of
 * one metric's statistic (its final value, or its mean over the recorded weeks). Problems come
 * back as messages (the CLI prints them); a missing run is named by its id.
 */
export function pointOutputs(results: SweepResultsForAnalysis, metric: string, stat: SummaryStat): { values: Float64Array } | { problem: string } {
  const { design, runs, seedCount } = results;
  if (!design) return { problem: 'this sweep has no sampled design; sensitivity analysis needs a "morris" or "sobol" design' };
  if (design.type === 'lhs') return { problem: 'this sweep has a Latin hypercube design; sensitivity analysis needs a "morris" or "sobol" design' };
  const available = new Set(runs.flatMap((run) => Object.keys(run.metrics)));
  if (!available.has(metric)) {
    return { problem: `no metric "${metric}" in runs.csv; expected one of: ${[...available].sort().join(', ') || '(none)'}` };
  }
  const points = designPointCount(design);
  const sums = new Float64Array(points);
  const counts = new Uint32Array(points);
  for (const run of runs) {
    if (run.point < 0 || run.point >= points) return { problem: `run ${run.run} is at design point ${run.point}, outside the design's ${points} points` };
    const value = run.metrics[metric]?.[stat];
    if (value === undefined || !Number.isFinite(value)) return { problem: `run ${run.run} has no finite ${stat} value of ${metric} (got ${String(value)})` };
    sums[run.point] += value;
    counts[run.point]++;
  }
  const mismatch = designMismatch(results);
  if (mismatch) return { problem: mismatch };
  const incomplete: number[] = [];
  for (let p = 0; p < points; p++) if (counts[p] !== seedCount) incomplete.push(p);
  if (incomplete.length > 0) {
    const shown = incomplete.slice(0, 5).join(', ') + (incomplete.length > 5 ? ', …' : '');
    return { problem: `${incomplete.length} of ${points} design points do not have all ${seedCount} seeds (points ${shown}); finish the sweep (run the same command again to resume) before analysing` };
  }
  return { values: sums.map((sum, p) => sum / counts[p]) };
}

/**
 * The analysis regenerates the design from its seed (to know each Morris step, or each Saltelli
 * block); a run whose factor values differ from its regenerated point means the folder's design
 * or seed is not the one that ran, and every index would be wrong.
 */
function designMismatch(results: SweepResultsForAnalysis): string | null {
  const { factors, points } = sampleDesign(results.design!, results.designSeed);
  for (const run of results.runs) {
    for (let j = 0; j < factors.length; j++) {
      const value = run.factors[factors[j]];
      const expected = points[run.point][j];
      if (typeof value !== 'number' || Math.abs(value - expected) > 1e-12 * Math.max(1, Math.abs(expected))) {
        return `run ${run.run} has ${factors[j]} = ${String(value)}, but the design (seed ${results.designSeed}) puts ${expected} at its point ${run.point}; runs.csv does not belong to this design`;
      }
    }
  }
  return null;
}
