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

export interface PatternDefinition {
  id: string;
  title: string;
  statement: string;
  source: string;
  threshold: string;
  /** The assumed input neutralised in the ablation (MODEL.md §8), if the pattern has one. */
  ablation?: { input: string; params: Record<string, number | boolean | string> };
  /** Mechanism that falls short, when the pattern is known to fail (shown in the report and used by `it.fails`). */
  knownShortfall?: string;
  run(settings: ValidationSettings, overrides?: Record<string, number | boolean | string>): Promise<PatternRun>;
}

export interface PatternResult {
  definition: PatternDefinition;
  main: PatternRun;
  ablation: PatternRun | null;
  pass: boolean;
  origin: 'emerges' | 'assumed';
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
