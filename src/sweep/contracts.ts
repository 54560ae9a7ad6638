/**
 * The contract between the sweep runner (spec, pool, writers, resume, shards) and the designs and
 * sensitivity analysis (LHS, Morris, Sobol sampling; Morris and Sobol estimators). Both sides
 * import these types; change them here, in one place.
 */

/** A sampling design of a sweep spec: `{type, samples, ranges}` (Morris levels default 4). */
export interface SampledDesignSpec {
  type: 'lhs' | 'morris' | 'sobol';
  /** LHS: points; Morris: trajectories (r); Sobol: base samples N (Saltelli: N·(k+2) points). */
  samples: number;
  /** Factor name → [min, max] (a parameter of the schema; the runner validates names and ranges). */
  ranges: Record<string, [number, number]>;
  /** Morris grid levels p (default 4). */
  levels?: number;
}

/** Design points in run order: point i sets factor j to `points[i][j]`. */
export interface DesignPoints {
  factors: string[];
  points: number[][];
}

/**
 * Generates the points of a sampled design, deterministically from `seed` (the sweep's design
 * seed); implemented in `src/sweep/designs/index.ts`.
 */
export type SampleDesign = (design: SampledDesignSpec, seed: number) => DesignPoints;

/**
 * Run numbering (both sides rely on it): run = point × seedCount + seedIndex, so the seeds of a
 * point are consecutive and point = floor(run / seedCount).
 */
export function runIndex(point: number, seedIndex: number, seedCount: number): number {
  return point * seedCount + seedIndex;
}

/** A metric of a sweep: an indicator at one scope and group (global/world by default). */
export interface MetricRef {
  indicator: string;
  scope: 'global' | 'bloc' | 'incomeGroup' | 'region';
  group: string;
}

/** One row of runs.csv, as read back by `readRunsTable` (src/sweep/runs-table.ts). */
export interface RunSummary {
  run: number;
  point: number;
  seed: number;
  /** Factor values of this run's design point. */
  factors: Record<string, number | string | boolean>;
  /** Metric key (see `metricKey`) → statistics over the recorded weeks. */
  metrics: Record<string, { final: number; mean: number; min: number; max: number }>;
}

/** Column stem of a metric in runs.csv: `fillRate` for global/world, else `fillRate@region:CHN`. */
export function metricKey(metric: MetricRef): string {
  return metric.scope === 'global' ? metric.indicator : `${metric.indicator}@${metric.scope}:${metric.group}`;
}

/** What `glocal analyze` reads from a finished sweep directory. */
export interface SweepResultsForAnalysis {
  /** The sampled design of the spec, if any (analysis needs Morris or Sobol). */
  design: SampledDesignSpec | null;
  /** The design seed the points were generated with. */
  designSeed: number;
  seedCount: number;
  runs: RunSummary[];
}
