import type { Interval } from './stats.ts';

/** How much to run: `npm test` uses reduced settings, `npm run validate` full ones (same thresholds). */
export interface ValidationSettings {
  seeds: number;
  /** `scale` of two-hubs runs and of world-2019 runs. */
  twoHubsScale: number;
  worldScale: number;
  /** Worker threads for the runs (1 = in this thread). */
  workers: number;
  label: 'reduced' | 'full';
}

export const REDUCED_SETTINGS: ValidationSettings = { seeds: 20, twoHubsScale: 0.5, worldScale: 1, workers: 1, label: 'reduced' };
export const FULL_SETTINGS: ValidationSettings = { seeds: 30, twoHubsScale: 2, worldScale: 3, workers: 2, label: 'full' };

/** One comparison: the 90% interval of a (paired) statistic against a threshold. */
export interface Check {
  name: string;
  interval: Interval;
  /** '>': the whole interval above the threshold; '<': below; 'notBelow': its top is ≥ the threshold; 'within': inside [low, high]. */
  side: '>' | '<' | 'notBelow' | 'within';
  threshold: number | [number, number];
  pass: boolean;
}

export interface PatternRun {
  checks: Check[];
  /** Extra measured numbers worth reporting (ratios, reference values). */
  notes: string[];
  runs: number;
}

/** Parameter overrides of one run: a pattern's arms, or an ablation's neutralised inputs. */
export type Overrides = Record<string, number | boolean | string>;

/**
 * One assumed input neutralised (MODEL.md §8). `params` apply to every arm; `id` lets a pattern
 * change an arm itself when the input is a scenario choice rather than a parameter (P7's link).
 */
export interface Ablation {
  id: string;
  input: string;
  params: Overrides;
}

/** The checks a pattern fails today, exactly, and the mechanism that falls short. */
export interface KnownFailures {
  checks: string[];
  mechanism: string;
}

export interface PatternDefinition {
  id: string;
  title: string;
  statement: string;
  source: string;
  threshold: string;
  /**
   * Every assumed input that could carry the pattern, each neutralised in its own run: the
   * pattern "emerges" only if it survives all of them (MODEL.md §8, issue 11).
   */
  ablations: Ablation[];
  /** Set when the pattern is known to fail: the exact failing checks (at reduced settings), asserted by `npm test`. */
  knownFailures?: KnownFailures;
  run(settings: ValidationSettings, ablation?: Ablation): Promise<PatternRun>;
}

export interface AblationResult {
  ablation: Ablation;
  run: PatternRun;
  /** Every check of the ablated run passes. */
  survives: boolean;
}

/** "emerges": passes and survives every ablation; "assumed": passes but some ablation breaks it; null: fails (no label). */
export type Origin = 'emerges' | 'assumed' | null;

export interface PatternResult {
  definition: PatternDefinition;
  main: PatternRun;
  /** Run only for a passing pattern (a failing one gets no origin label). */
  ablations: AblationResult[];
  pass: boolean;
  origin: Origin;
  seeds: number;
  settings: ValidationSettings;
}

export function check(name: string, interval: Interval, side: Check['side'], threshold: Check['threshold']): Check {
  let pass: boolean;
  if (side === '>') pass = interval.low > (threshold as number);
  else if (side === '<') pass = interval.high < (threshold as number);
  else if (side === 'notBelow') pass = interval.high >= (threshold as number);
  else pass = interval.low >= (threshold as [number, number])[0] && interval.high <= (threshold as [number, number])[1];
  return { name, interval, side, threshold, pass };
}
