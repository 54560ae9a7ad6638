import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { atomicTempPath, onAbort } from '../output/output-file.ts';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { formatNumber } from '../model/observe/recorder.ts';
import { paramSpec } from '../model/params/registry.ts';
import { metricKey, type MetricRef } from './contracts.ts';
import { summarize, type RunRows } from './run-rows.ts';
import type { FactorValue } from './spec.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** Rows per Parquet row group (a group holds whole runs; a bigger run is split into groups of this size). */
export const ROW_GROUP_ROWS = 65_536;

/** What the writers need to know of a sweep: factor names and values by point, and metrics. */
export interface OutputLayout {
  factorNames: string[];
  points: FactorValue[][];
  metrics: MetricRef[];
}

export interface WrittenFile {
  sha256: string;
  bytes: number;
  rows: number;
}

/**
 * A binary file written under a temporary name, hashed as it goes, renamed into place on commit
 * (src/output's AtomicFile, for bytes rather than text; the same temporary names and ^C clean-up).
 */
class StreamedFile {
  private readonly fd: number;
  private readonly tempPath: string;
  private readonly hash = createHash('sha256');
  bytes = 0;
  private open = true;
  private readonly unregister: () => void;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tempPath = atomicTempPath(path);
    this.fd = openSync(this.tempPath, 'w');
    this.unregister = onAbort(() => this.abort());
  }

  write(chunk: Uint8Array): void {
    this.hash.update(chunk);
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset, chunk.length - offset);
    this.bytes += chunk.length;
  }

  commit(): string {
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.open = false;
    renameSync(this.tempPath, this.path);
    this.unregister();
    return this.hash.digest('hex');
  }

  abort(): void {
    if (this.open) closeSync(this.fd);
    this.open = false;
    rmSync(this.tempPath, { force: true });
    this.unregister();
  }
}

/** hyparquet-writer's byte writer, flushed to a streamed file after each row group. */
class FileByteWriter extends ByteWriter {
  constructor(private readonly file: StreamedFile) {
    super(1 << 20);
  }

  flush(): void {
    this.file.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

/** The schema element type of hyparquet-writer's own hyparquet copy. */
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

type FactorKind = 'number' | 'boolean' | 'string';

function factorKind(name: string): FactorKind {
  const spec = paramSpec(name);
  return spec?.kind === 'boolean' ? 'boolean' : spec?.kind === 'choice' ? 'string' : 'number';
}

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
  }

  /** Adds the next run (runs must come in increasing run order). */
  add(rows: RunRows): void {
    this.runCount++;
    this.resultRows += rows.tick.length;
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
    return files;
  }

  /** Removes the temporary files (an interrupted sweep). */
  abort(): void {
    this.parquetFile.abort();
    this.runsFile.abort();
    this.csvFile?.abort();
  }

  private schema(): SchemaElement[] {
    const factorElements: SchemaElement[] = this.layout.factorNames.map((name, j) => {
      const kind = this.kinds[j];
      if (kind === 'boolean') return { name, type: 'BOOLEAN', repetition_type: 'REQUIRED' };
      if (kind === 'string') return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' };
      return { name, type: 'DOUBLE', repetition_type: 'REQUIRED' };
    });
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
