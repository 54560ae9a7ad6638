import type { IndicatorBatch, RunInfo } from '../worker/api.ts';

/** Scope indices as the recorder numbers them (global, bloc, incomeGroup, region). */
export const SCOPE_GLOBAL = 0;
export const SCOPE_REGION = 3;

export interface Series {
  weeks: number[];
  values: number[];
}

/**
 * Time series of the indicators a chart or the inspector may show, filled from the worker's
 * indicator batches: every global-scope row and every region-scope row (per-region headline
 * indicators). Bloc and income-group rows stay in the worker (the CSV export reads them there).
 */
export class SeriesStore {
  private readonly series = new Map<string, Series>();
  private readonly indicatorIndex = new Map<string, number>();
  /** Next indicator row to ask the worker for. */
  next = 0;

  constructor(readonly info: RunInfo) {
    info.indicators.forEach((indicator, k) => this.indicatorIndex.set(indicator.name, k));
  }

  add(batch: IndicatorBatch): void {
    const count = batch.next - batch.from;
    for (let i = 0; i < count; i++) {
      const scope = batch.scope[i];
      if (scope !== SCOPE_GLOBAL && scope !== SCOPE_REGION) continue;
      const key = `${scope}|${batch.group[i]}|${batch.indicator[i]}`;
      let entry = this.series.get(key);
      if (!entry) {
        entry = { weeks: [], values: [] };
        this.series.set(key, entry);
      }
      entry.weeks.push(batch.week[i]);
      entry.values.push(batch.value[i]);
    }
    this.next = batch.next;
  }

  /** The series of an indicator for the world (region = -1) or one region (empty if not recorded). */
  get(indicator: string, region = -1): Series {
    const k = this.indicatorIndex.get(indicator);
    if (k === undefined) return { weeks: [], values: [] };
    const key = region < 0 ? `${SCOPE_GLOBAL}|0|${k}` : `${SCOPE_REGION}|${region}|${k}`;
    return this.series.get(key) ?? { weeks: [], values: [] };
  }

  /** The latest value (NaN when none). */
  latest(indicator: string, region = -1): number {
    const s = this.get(indicator, region);
    return s.values.length > 0 ? s.values[s.values.length - 1] : NaN;
  }

  /** The value `weeksBack` recorded rows before the latest (NaN when none). */
  earlier(indicator: string, weeksBack: number, region = -1): number {
    const s = this.get(indicator, region);
    const i = s.values.length - 1 - weeksBack;
    return i >= 0 ? s.values[i] : NaN;
  }
}
