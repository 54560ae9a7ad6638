import { join } from 'node:path';
import { ParquetWriter } from 'hyparquet-writer';
import { factorKind, factorSchema, FileByteWriter, StreamedFile, type FactorKind, type SchemaElement, type WrittenFile } from './parquet-file.ts';
import { formatNumber } from '../model/observe/recorder.ts';
import { metricKey, type MetricRef } from './contracts.ts';
import { summarize, type RunRows } from './run-rows.ts';
import type { FactorValue } from './spec.ts';
import { AgentWriter } from './agent-writer.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** Rows per Parquet row group (a group holds whole runs; a bigger run is split into groups of this size). */
export const ROW_GROUP_ROWS = 65_536;

/** What the writers need to know of a sweep: factor names and values by point, and metrics. */
export interface OutputLayout {
  factorNames: string[];
  points: FactorValue[][];
  metrics: MetricRef[];
  /** Agent microdata fields (agents.parquet), when the spec asks for them. */
  agentFields?: string[];
}

export type { WrittenFile } from './parquet-file.ts';

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatValue(value: FactorValue): string {
  return typeof value === 'number' ? formatNumber(value) : csvField(String(value));
}

const STATS = ['final', 'mean', 'min', 'max'] as const;

/** runs.csv column names: run, point, seed, factors, lastTick, then `<metric key>_<stat>`. */
export function runsColumns(layout: OutputLayout): string[] {
  return ['run', 'point', 'seed', ...layout.factorNames, 'lastTick', ...layout.metrics.flatMap((m) => STATS.map((s) => `${metricKey(m)}_${s}`))];
}

export const RESULT_COLUMNS = ['tick', 'scope', 'group', 'indicator', 'value'];

/**
 * Writes results.parquet, runs.csv and (on request) results.csv from runs given IN RUN ORDER.
 * Rows are buffered up to one row group and then encoded and flushed, so memory stays flat
 * however many runs are written. The bytes depend only on the runs' rows and their order.
 */
export class SweepWriter {
  private readonly parquetFile: StreamedFile;
  private readonly parquet: ParquetWriter;
  private readonly runsFile: StreamedFile;
  private readonly csvFile: StreamedFile | null;
  private readonly agentWriter: AgentWriter | null;
  private readonly kinds: FactorKind[];
  private buffer: RunRows[] = [];
  private buffered = 0;
  private resultRows = 0;
  private runCount = 0;

  constructor(
    readonly directory: string,
    private readonly layout: OutputLayout,
    csv: boolean,
  ) {
    this.kinds = layout.factorNames.map(factorKind);
    this.parquetFile = new StreamedFile(join(directory, 'results.parquet'));
    this.parquet = new ParquetWriter({ writer: new FileByteWriter(this.parquetFile), schema: this.schema(), createdBy: `glocal ${packageJson.version} (hyparquet-writer)` });
    this.runsFile = new StreamedFile(join(directory, 'runs.csv'));
    this.runsFile.write(Buffer.from(runsColumns(layout).map(csvField).join(',') + '\n'));
    this.csvFile = csv ? new StreamedFile(join(directory, 'results.csv')) : null;
    this.csvFile?.write(Buffer.from(['run', 'seed', ...layout.factorNames, ...RESULT_COLUMNS].map(csvField).join(',') + '\n'));
    this.agentWriter = layout.agentFields ? new AgentWriter(directory, layout.factorNames, this.kinds, layout.points, layout.agentFields) : null;
  }

  /** Adds the next run (runs must come in increasing run order). */
  add(rows: RunRows): void {
    this.runCount++;
    this.resultRows += rows.tick.length;
    if (this.agentWriter) {
      if (!rows.agents) throw new Error(`run ${rows.run} has no agent rows`);
      this.agentWriter.add(rows.run, rows.seed, rows.point, rows.agents);
    }
    this.runsFile.write(Buffer.from(this.runsLine(rows)));
    if (this.csvFile) this.csvFile.write(Buffer.from(this.csvLines(rows)));
    if (this.buffered > 0 && this.buffered + rows.tick.length > ROW_GROUP_ROWS) this.flushGroup();
    this.buffer.push(rows);
    this.buffered += rows.tick.length;
    if (this.buffered >= ROW_GROUP_ROWS) this.flushGroup();
  }

  /** Writes the Parquet footer and renames every file into place; returns their hashes. */
  finish(): Record<string, WrittenFile> {
    this.flushGroup();
    this.parquet.finish();
    const files: Record<string, WrittenFile> = {
      'results.parquet': { sha256: this.parquetFile.commit(), bytes: this.parquetFile.bytes, rows: this.resultRows },
      'runs.csv': { sha256: this.runsFile.commit(), bytes: this.runsFile.bytes, rows: this.runCount },
    };
    if (this.csvFile) files['results.csv'] = { sha256: this.csvFile.commit(), bytes: this.csvFile.bytes, rows: this.resultRows };
    if (this.agentWriter) files['agents.parquet'] = this.agentWriter.finish();
    return files;
  }

  /** Removes the temporary files (an interrupted sweep). */
  abort(): void {
    this.parquetFile.abort();
    this.runsFile.abort();
    this.csvFile?.abort();
    this.agentWriter?.abort();
  }

  private schema(): SchemaElement[] {
    const factorElements = factorSchema(this.layout.factorNames, this.kinds);
    const text = (name: string): SchemaElement => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' });
    const columns: SchemaElement[] = [
      { name: 'run', type: 'INT32', repetition_type: 'REQUIRED' },
      { name: 'seed', type: 'INT64', repetition_type: 'REQUIRED' },
      ...factorElements,
      { name: 'tick', type: 'INT32', repetition_type: 'REQUIRED' },
      text('scope'),
      text('group'),
      text('indicator'),
      { name: 'value', type: 'DOUBLE', repetition_type: 'REQUIRED' },
    ];
    return [{ name: 'root', num_children: columns.length }, ...columns];
  }

  /** Encodes the buffered runs as one row group (a big run as several). */
  private flushGroup(): void {
    if (this.buffered === 0) return;
    const n = this.buffered;
    const run = new Int32Array(n);
    const seed = new BigInt64Array(n);
    const factors = this.layout.factorNames.map((_, j) => (this.kinds[j] === 'number' ? new Float64Array(n) : new Array<FactorValue>(n)));
    const tick = new Int32Array(n);
    const scope = new Array<string>(n);
    const group = new Array<string>(n);
    const indicator = new Array<string>(n);
    const value = new Float64Array(n);
    let i = 0;
    for (const rows of this.buffer) {
      const point = this.layout.points[rows.point];
      for (let r = 0; r < rows.tick.length; r++, i++) {
        const metric = this.layout.metrics[rows.metric[r]];
        run[i] = rows.run;
        seed[i] = BigInt(rows.seed);
        for (let j = 0; j < factors.length; j++) factors[j][i] = point[j] as never;
        tick[i] = rows.tick[r];
        scope[i] = metric.scope;
        group[i] = metric.group;
        indicator[i] = metric.indicator;
        value[i] = rows.value[r];
      }
    }
    const columnData = [
      { name: 'run', data: run },
      { name: 'seed', data: seed },
      ...this.layout.factorNames.map((name, j) => ({ name, data: factors[j] })),
      { name: 'tick', data: tick },
      { name: 'scope', data: scope },
      { name: 'group', data: group },
      { name: 'indicator', data: indicator },
      { name: 'value', data: value },
    ];
    void this.parquet.write({ columnData, rowGroupSize: Math.max(n, 1) <= ROW_GROUP_ROWS ? n : ROW_GROUP_ROWS });
    this.buffer = [];
    this.buffered = 0;
  }

  private runsLine(rows: RunRows): string {
    const point = this.layout.points[rows.point];
    const stats = summarize(rows, this.layout.metrics.length);
    const lastTick = rows.tick.length > 0 ? String(rows.tick[rows.tick.length - 1]) : '';
    const fields = [String(rows.run), String(rows.point), String(rows.seed), ...point.map(formatValue), lastTick];
    for (const s of stats) for (const stat of STATS) fields.push(Number.isNaN(s[stat]) ? '' : formatNumber(s[stat]));
    return fields.join(',') + '\n';
  }

  private csvLines(rows: RunRows): string {
    const prefix = `${rows.run},${rows.seed},${this.layout.points[rows.point].map((v) => formatValue(v) + ',').join('')}`;
    const lines: string[] = [];
    for (let r = 0; r < rows.tick.length; r++) {
      const m = this.layout.metrics[rows.metric[r]];
      lines.push(`${prefix}${rows.tick[r]},${m.scope},${csvField(m.group)},${m.indicator},${formatNumber(rows.value[r])}\n`);
    }
    return lines.join('');
  }
}
