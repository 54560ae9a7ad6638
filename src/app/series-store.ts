import type { IndicatorBatch, RunInfo } from '../worker/api.ts';

/** Scope indices as the recorder numbers them (global, bloc, incomeGroup, region). */
export const SCOPE_GLOBAL = 0;
export const SCOPE_REGION = 3;

/** Points a series keeps at most: a chart is a few hundred pixels wide. */
export const MAX_POINTS = 256;
/** Latest raw values a series keeps besides its points (for "rising" or "falling" in words). */
const RECENT = 8;

/** A series as charts read it: views on the store's buffers (valid until the next `add`). */
export interface Series {
  weeks: Float64Array;
  values: Float64Array;
}

const EMPTY: Series = { weeks: new Float64Array(0), values: new Float64Array(0) };

/**
 * One indicator's time series in fixed memory: every `stride`-th recorded week is kept as a point,
 * and when MAX_POINTS are kept, every other point is dropped and the stride doubles, so the
 * series spans the whole run evenly in bounded space; the latest week is always shown, as a tail
 * point after the kept ones. A long session therefore neither grows the page's heap nor slows
 * the charts.
 */
export class BoundedSeries {
  private readonly weeks = new Float64Array(MAX_POINTS + 1);
  private readonly values = new Float64Array(MAX_POINTS + 1);
  private readonly recent = new Float64Array(RECENT);
  /** Points kept, weeks seen, and every how many seen weeks a point is kept. */
  private kept = 0;
  private seen = 0;
  private stride = 1;
  private tail = false;

  add(week: number, value: number): void {
    this.recent[this.seen % RECENT] = value;
    const permanent = this.seen % this.stride === 0;
    this.seen++;
    if (permanent && this.kept === MAX_POINTS) this.thin();
    const slot = permanent ? this.kept++ : this.kept;
    this.weeks[slot] = week;
    this.values[slot] = value;
    this.tail = !permanent;
  }

  /** Keeps every other point and doubles the stride (MAX_POINTS is even, so the next point lands on it). */
  private thin(): void {
    for (let k = 0; k < MAX_POINTS / 2; k++) {
      this.weeks[k] = this.weeks[2 * k];
      this.values[k] = this.values[2 * k];
    }
    this.kept = MAX_POINTS / 2;
    this.stride *= 2;
  }

  view(): Series {
    const length = this.kept + (this.tail ? 1 : 0);
    return { weeks: this.weeks.subarray(0, length), values: this.values.subarray(0, length) };
  }

  /** The raw value `back` recorded weeks before the latest (NaN when not kept). */
  recentValue(back: number): number {
    if (back < 0 || back >= RECENT || back >= this.seen) return NaN;
    return this.recent[(this.seen - 1 - back) % RECENT];
  }
}

/**
 * Time series of the indicators a chart or the inspector may show, filled from the worker's
 * indicator batches: every global-scope row and every region-scope row (per-region headline
 * indicators), each in bounded memory (BoundedSeries). Bloc and income-group rows, and the full
 * rows the CSV export needs, stay in the worker.
 */
export class SeriesStore {
  /** Series by slot: global indicators first, then each region's. */
  private readonly series: (BoundedSeries | undefined)[] = [];
  private readonly indicatorIndex = new Map<string, number>();
  private readonly indicatorCount: number;
  /** Next indicator row to ask the worker for. */
  next = 0;

  constructor(readonly info: RunInfo) {
    info.indicators.forEach((indicator, k) => this.indicatorIndex.set(indicator.name, k));
    this.indicatorCount = info.indicators.length;
  }

  private slot(scope: number, group: number, indicator: number): number {
    return (scope === SCOPE_GLOBAL ? 0 : 1 + group) * this.indicatorCount + indicator;
  }

  add(batch: IndicatorBatch): void {
    const count = batch.next - batch.from;
    for (let i = 0; i < count; i++) {
      const scope = batch.scope[i];
      if (scope !== SCOPE_GLOBAL && scope !== SCOPE_REGION) continue;
      const slot = this.slot(scope, batch.group[i], batch.indicator[i]);
      const entry = (this.series[slot] ??= new BoundedSeries());
      entry.add(batch.week[i], batch.value[i]);
    }
    this.next = batch.next;
  }

  private find(indicator: string, region: number): BoundedSeries | undefined {
    const k = this.indicatorIndex.get(indicator);
    if (k === undefined) return undefined;
    return this.series[region < 0 ? this.slot(SCOPE_GLOBAL, 0, k) : this.slot(SCOPE_REGION, region, k)];
  }

  /** The series of an indicator for the world (region = -1) or one region (empty if not recorded). */
  get(indicator: string, region = -1): Series {
    return this.find(indicator, region)?.view() ?? EMPTY;
  }

  /** The latest value (NaN when none). */
  latest(indicator: string, region = -1): number {
    return this.find(indicator, region)?.recentValue(0) ?? NaN;
  }

  /** The value `weeksBack` recorded rows before the latest (NaN when none, or further back than kept). */
  earlier(indicator: string, weeksBack: number, region = -1): number {
    return this.find(indicator, region)?.recentValue(weeksBack) ?? NaN;
  }
}
