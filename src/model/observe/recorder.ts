import type { World } from '../world.ts';
import { INCOME_GROUPS } from '../world-definition.ts';
import { createObservation, observe, type Observation } from './observation.ts';
import { GLOBAL_INDICATORS, REGIONAL_INDICATORS, type RegionalIndicator } from './indicators.ts';

export const SCOPES = ['global', 'bloc', 'incomeGroup', 'region'] as const;
export type Scope = (typeof SCOPES)[number];
const GLOBAL = 0;
const BLOC = 1;
const INCOME = 2;
const REGION = 3;

/** Indicator rows in long format (tick, scope, group, indicator, value), held as columns. */
export interface IndicatorRows {
  length: number;
  week: Int32Array;
  scope: Uint8Array;
  group: Uint16Array;
  indicator: Uint16Array;
  value: Float64Array;
}

export interface IndicatorInfo {
  name: string;
  unit: string;
  doc: string;
}

/**
 * Records indicators each observed week: every regional indicator globally, by bloc and by
 * income group (and per region for the headline ones), then the global-only indicators, then
 * any extra indicators (the loss measures of a paired run). Row order is fixed, so output bytes
 * depend only on the run.
 */
export class Recorder {
  readonly indicators: IndicatorInfo[];
  readonly groupNames: string[][];
  private rows: IndicatorRows;
  /** Row number (counting every row ever recorded) of rows[0]: rows before it were released. */
  private base = 0;
  private readonly observation: Observation;
  private readonly extraIndex = new Map<string, number>();
  private readonly numerator: Float64Array;
  private readonly denominator: Float64Array;
  private readonly regionBloc: Uint8Array;
  private readonly regionIncome: Uint8Array;
  /** The regional indicators this run records (those of mechanisms it does not use left out). */
  private readonly regional: RegionalIndicator[];

  constructor(world: World, extra: IndicatorInfo[] = []) {
    const { regions, definition } = world;
    this.regional = REGIONAL_INDICATORS.filter((i) => !i.recordedIf || i.recordedIf(world));
    this.indicators = [
      ...this.regional.map(({ name, unit, doc }) => ({ name, unit, doc })),
      ...GLOBAL_INDICATORS.map(({ name, unit, doc }) => ({ name, unit, doc })),
      ...extra,
    ];
    extra.forEach((info, k) => this.extraIndex.set(info.name, this.regional.length + GLOBAL_INDICATORS.length + k));
    this.groupNames = [['world'], definition.blocs.slice(), INCOME_GROUPS.slice(), regions.codes.slice()];
    this.observation = createObservation(regions.count);
    this.numerator = new Float64Array(regions.count);
    this.denominator = new Float64Array(regions.count);
    this.regionBloc = regions.bloc;
    this.regionIncome = regions.incomeGroup;
    this.rows = emptyRows(1024);
  }

  /** Rows recorded so far, released ones included (the row number the next row gets). */
  get length(): number {
    return this.base + this.rows.length;
  }

  /** The first row still held (0 unless rows were released). */
  get firstKept(): number {
    return this.base;
  }

  /**
   * Forgets the rows before row `upTo` once a reader has taken them (a run streaming its rows to
   * a file), so memory stays flat however long the run. `view`, `latest` and `series` then see
   * only the rows kept.
   */
  release(upTo: number): void {
    const drop = Math.min(Math.max(0, upTo - this.base), this.rows.length);
    if (drop === 0) return;
    const r = this.rows;
    const keep = r.length - drop;
    r.week.copyWithin(0, drop, r.length);
    r.scope.copyWithin(0, drop, r.length);
    r.group.copyWithin(0, drop, r.length);
    r.indicator.copyWithin(0, drop, r.length);
    r.value.copyWithin(0, drop, r.length);
    r.length = keep;
    this.base += drop;
  }

  /** Observes the world at the end of a week and appends its rows. */
  record(world: World, week: number): void {
    observe(world, this.observation);
    const o = this.observation;
    const R = world.regions.count;
    const B = world.definition.blocs.length;
    const blocNum = new Float64Array(B);
    const blocDen = new Float64Array(B);
    const incomeNum = new Float64Array(INCOME_GROUPS.length);
    const incomeDen = new Float64Array(INCOME_GROUPS.length);
    this.regional.forEach((indicator, k) => {
      let num = 0;
      let den = 0;
      blocNum.fill(0);
      blocDen.fill(0);
      incomeNum.fill(0);
      incomeDen.fill(0);
      for (let r = 0; r < R; r++) {
        const n = indicator.numerator(world, o, r);
        const d = indicator.denominator(world, o, r);
        this.numerator[r] = n;
        this.denominator[r] = d;
        num += n;
        den += d;
        blocNum[this.regionBloc[r]] += n;
        blocDen[this.regionBloc[r]] += d;
        incomeNum[this.regionIncome[r]] += n;
        incomeDen[this.regionIncome[r]] += d;
      }
      const sum = indicator.kind === 'sum';
      this.push(week, GLOBAL, 0, k, sum ? num : ratioValue(num, den));
      for (let b = 0; b < B; b++) this.push(week, BLOC, b, k, sum ? blocNum[b] : ratioValue(blocNum[b], blocDen[b]));
      for (let g = 0; g < INCOME_GROUPS.length; g++) {
        // Income groups with nothing to weigh this week (no regions in this world, or a ratio's
        // denominator of 0) are left out: there is no value to report.
        if (incomeDen[g] !== 0) this.push(week, INCOME, g, k, sum ? incomeNum[g] : ratioValue(incomeNum[g], incomeDen[g]));
      }
      if (indicator.headline) {
        for (let r = 0; r < R; r++) this.push(week, REGION, r, k, ratioValue(this.numerator[r], this.denominator[r]));
      }
    });
    GLOBAL_INDICATORS.forEach((indicator, k) => {
      this.push(week, GLOBAL, 0, this.regional.length + k, indicator.value(world, o));
    });
  }

  /** Appends a row for an extra indicator (global scope unless a region is given). */
  recordExtra(week: number, name: string, value: number, region = -1): void {
    const k = this.extraIndex.get(name);
    if (k === undefined) throw new Error(`unknown extra indicator ${name}`);
    if (region < 0) this.push(week, GLOBAL, 0, k, value);
    else this.push(week, REGION, region, k, value);
  }

  /** Replaces the recorded rows (restoring a checkpoint); `firstRow` is the number of the first. */
  load(columns: Omit<IndicatorRows, 'length'>, firstRow = 0): void {
    const n = columns.week.length;
    this.base = firstRow;
    this.rows = emptyRows(Math.max(1024, n));
    this.rows.week.set(columns.week);
    this.rows.scope.set(columns.scope);
    this.rows.group.set(columns.group);
    this.rows.indicator.set(columns.indicator);
    this.rows.value.set(columns.value);
    this.rows.length = n;
  }

  /** Rows from row number `from` on (a view, not a copy); `from` must not be a released row. */
  view(from = 0): IndicatorRows {
    if (from < this.base) throw new Error(`rows before ${this.base} were released; cannot view from ${from}`);
    const r = this.rows;
    const start = Math.min(from - this.base, r.length);
    const end = r.length;
    return {
      length: end - start,
      week: r.week.subarray(start, end),
      scope: r.scope.subarray(start, end),
      group: r.group.subarray(start, end),
      indicator: r.indicator.subarray(start, end),
      value: r.value.subarray(start, end),
    };
  }

  /** The latest recorded value of an indicator for a scope and group, or NaN. */
  latest(name: string, scope: Scope = 'global', group = 'world'): number {
    const k = this.indicators.findIndex((i) => i.name === name);
    const s = SCOPES.indexOf(scope);
    const g = this.groupNames[s].indexOf(group);
    const r = this.rows;
    for (let i = r.length - 1; i >= 0; i--) {
      if (r.indicator[i] === k && r.scope[i] === s && r.group[i] === g) return r.value[i];
    }
    return NaN;
  }

  /** Every recorded value of an indicator for a scope and group, in week order. */
  series(name: string, scope: Scope = 'global', group = 'world'): { week: number; value: number }[] {
    const k = this.indicators.findIndex((i) => i.name === name);
    const s = SCOPES.indexOf(scope);
    const g = this.groupNames[s].indexOf(group);
    const r = this.rows;
    const out: { week: number; value: number }[] = [];
    for (let i = 0; i < r.length; i++) {
      if (r.indicator[i] === k && r.scope[i] === s && r.group[i] === g) out.push({ week: r.week[i], value: r.value[i] });
    }
    return out;
  }

  private push(week: number, scope: number, group: number, indicator: number, value: number): void {
    if (this.rows.length === this.rows.week.length) this.rows = grow(this.rows);
    const r = this.rows;
    const i = r.length++;
    r.week[i] = week;
    r.scope[i] = scope;
    r.group[i] = group;
    r.indicator[i] = indicator;
    r.value[i] = value;
  }
}

function ratioValue(numerator: number, denominator: number): number {
  return denominator !== 0 ? numerator / denominator : 0;
}

function emptyRows(capacity: number): IndicatorRows {
  return {
    length: 0,
    week: new Int32Array(capacity),
    scope: new Uint8Array(capacity),
    group: new Uint16Array(capacity),
    indicator: new Uint16Array(capacity),
    value: new Float64Array(capacity),
  };
}

function grow(rows: IndicatorRows): IndicatorRows {
  const next = emptyRows(rows.week.length * 2);
  next.week.set(rows.week);
  next.scope.set(rows.scope);
  next.group.set(rows.group);
  next.indicator.set(rows.indicator);
  next.value.set(rows.value);
  next.length = rows.length;
  return next;
}

/** CSV text of rows: header `tick,scope,group,indicator,value`, one line per row. */
export function rowsToCsv(rows: IndicatorRows, indicators: IndicatorInfo[], groupNames: string[][], header = true): string {
  const lines: string[] = header ? ['tick,scope,group,indicator,value'] : [];
  for (let i = 0; i < rows.length; i++) {
    const scope = rows.scope[i];
    lines.push(
      `${rows.week[i]},${SCOPES[scope]},${csvField(groupNames[scope][rows.group[i]])},${indicators[rows.indicator[i]].name},${formatNumber(rows.value[i])}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Numbers in the shortest form that reads back exactly (ECMAScript Number::toString). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === 0) return '0';
  return String(value);
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
