import { seriesOf, type RunOutput } from '../sweep/runner.ts';
import type { SCOPES } from '../model/observe/recorder.ts';

type Scope = (typeof SCOPES)[number];

/** Mean of an indicator over weeks [from, to). */
export function windowMean(run: RunOutput, name: string, from: number, to: number, scope: Scope = 'global', group = 'world'): number {
  const values = seriesOf(run, name, scope, group).filter((x) => x.week >= from && x.week < to);
  return values.length > 0 ? values.reduce((a, x) => a + x.value, 0) / values.length : NaN;
}

/** Sum of an indicator over weeks [from, to). */
export function windowSum(run: RunOutput, name: string, from: number, to: number, scope: Scope = 'global', group = 'world'): number {
  return seriesOf(run, name, scope, group)
    .filter((x) => x.week >= from && x.week < to)
    .reduce((a, x) => a + x.value, 0);
}

/** Value of an indicator at the last recorded week. */
export function last(run: RunOutput, name: string, scope: Scope = 'global', group = 'world'): number {
  const series = seriesOf(run, name, scope, group);
  return series.length > 0 ? series[series.length - 1].value : NaN;
}

/** Value of an indicator at a given week (NaN if not recorded). */
export function at(run: RunOutput, name: string, week: number, scope: Scope = 'global', group = 'world'): number {
  return seriesOf(run, name, scope, group).find((x) => x.week === week)?.value ?? NaN;
}

export function format(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e5 || abs < 1e-3)) return value.toExponential(2);
  return value.toFixed(digits);
}
