import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { metricKey, type MetricRef } from './contracts.ts';
import type { AgentRows, RunRows } from './run-rows.ts';
import type { FactorValue } from './spec.ts';

/** A run read back from results.parquet, with its factor values. */
export interface ReadRun {
  rows: RunRows;
  factors: FactorValue[];
}

/** The rows of a Parquet file in order, read one row group at a time (memory holds one group). */
async function* parquetRows(path: string): AsyncGenerator<Record<string, unknown>> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    yield* await parquetReadObjects({ file, metadata, rowStart, rowEnd });
    rowStart = rowEnd;
  }
}

/**
 * Reads a sweep's results.parquet run by run (in file order), one row group at a time, with
 * hyparquet — the independent reader; memory holds one row group plus one run.
 */
export async function* readResultRuns(path: string, factorNames: string[], metrics: MetricRef[], seedCount: number): AsyncGenerator<ReadRun> {
  const metricIndex = new Map(metrics.map((m, i) => [metricKey(m), i]));
  let current: { run: number; seed: number; factors: FactorValue[]; tick: number[]; metric: number[]; value: number[] } | null = null;
  const emit = (c: NonNullable<typeof current>): ReadRun => ({
    rows: { run: c.run, point: Math.floor(c.run / seedCount), seed: c.seed, tick: Int32Array.from(c.tick), metric: Uint16Array.from(c.metric), value: Float64Array.from(c.value) },
    factors: c.factors,
  });
  for await (const row of parquetRows(path)) {
    const run = Number(row.run);
    if (!current || current.run !== run) {
      if (current) yield emit(current);
      current = { run, seed: Number(row.seed), factors: factorNames.map((name) => row[name] as FactorValue), tick: [], metric: [], value: [] };
    }
    const key = metricKey({ indicator: String(row.indicator), scope: row.scope as MetricRef['scope'], group: String(row.group) });
    const m = metricIndex.get(key);
    if (m === undefined) throw new Error(`${path}: row of unknown metric ${key}`);
    current.tick.push(Number(row.tick));
    current.metric.push(m);
    current.value.push(Number(row.value));
  }
  if (current) yield emit(current);
}

/** Reads a sweep's agents.parquet run by run (file order), one row group at a time. */
export async function* readAgentRuns(path: string, fields: string[]): AsyncGenerator<{ run: number; rows: AgentRows }> {
  let current: { run: number; tick: number[]; id: number[]; values: number[] } | null = null;
  const emit = (c: NonNullable<typeof current>) => ({
    run: c.run,
    rows: { tick: Int32Array.from(c.tick), id: Int32Array.from(c.id), values: Float64Array.from(c.values), fieldCount: fields.length },
  });
  for await (const row of parquetRows(path)) {
    const run = Number(row.run);
    if (!current || current.run !== run) {
      if (current) yield emit(current);
      current = { run, tick: [], id: [], values: [] };
    }
    current.tick.push(Number(row.tick));
    current.id.push(Number(row.id));
    for (const field of fields) current.values.push(Number(row[field]));
  }
  if (current) yield emit(current);
}
