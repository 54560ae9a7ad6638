import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { atomicTempPath } from '../output/output-file.ts';
import { SCOPES } from '../model/observe/recorder.ts';
import type { MetricRef } from './contracts.ts';
import { evaluateCondition, type Condition } from './condition.ts';
import type { RecordedRows } from './runner.ts';

/**
 * The result rows of one run of a sweep: its metrics, tick by tick (metrics in the spec's order
 * within a tick). This is what a part file holds and what the output writers consume.
 */
export interface RunRows {
  run: number;
  point: number;
  seed: number;
  tick: Int32Array;
  /** Index into the sweep's metric list. */
  metric: Uint16Array;
  value: Float64Array;
  /** Agent microdata (a spec with `agents`): one row per live agent per sampled week. */
  agents?: AgentRows;
}

/** Agent rows of one run: the week, the agent's id, and its fields (row-major, `fieldCount` per row). */
export interface AgentRows {
  tick: Int32Array;
  id: Int32Array;
  values: Float64Array;
  fieldCount: number;
}

/** Joins agent snapshots taken at `ticks` into one run's agent rows. */
export function agentRowsOf(snapshots: { tick: number; id: Int32Array; values: Float64Array }[], fieldCount: number): AgentRows {
  const n = snapshots.reduce((sum, s) => sum + s.id.length, 0);
  const rows: AgentRows = { tick: new Int32Array(n), id: new Int32Array(n), values: new Float64Array(n * fieldCount), fieldCount };
  let offset = 0;
  for (const s of snapshots) {
    rows.tick.fill(s.tick, offset, offset + s.id.length);
    rows.id.set(s.id, offset);
    rows.values.set(s.values, offset * fieldCount);
    offset += s.id.length;
  }
  return rows;
}

/** Collects a run's metric rows from the recorder's rows and evaluates the stop condition. */
export class RunRowCollector {
  private readonly ticks: number[] = [];
  private readonly metrics: number[] = [];
  private readonly values: number[] = [];
  private lookup: Map<number, number> | null = null;
  private readonly latest = new Map<string, number>();

  constructor(
    private readonly metricRefs: MetricRef[],
    private readonly stop: Condition | null,
  ) {}

  /** Takes a chunk of recorded rows; returns true when the stop condition holds. */
  add(rows: RecordedRows): boolean {
    const lookup = (this.lookup ??= this.buildLookup(rows));
    const slots = new Float64Array(this.metricRefs.length);
    const present = new Uint8Array(this.metricRefs.length);
    let start = 0;
    let stopped = false;
    while (start < rows.week.length) {
      const tick = rows.week[start];
      let end = start;
      present.fill(0);
      for (; end < rows.week.length && rows.week[end] === tick; end++) {
        const m = lookup.get(rowKey(rows.indicator[end], rows.scope[end], rows.group[end]));
        if (m !== undefined) {
          slots[m] = rows.value[end];
          present[m] = 1;
        }
      }
      for (let m = 0; m < slots.length; m++) {
        if (!present[m]) continue;
        this.ticks.push(tick);
        this.metrics.push(m);
        this.values.push(slots[m]);
      }
      if (this.stop) {
        this.remember(rows, start, end);
        stopped = evaluateCondition(this.stop, tick, (ref) => this.latest.get(refKey(ref.indicator, ref.scope, ref.group)) ?? NaN);
        if (stopped) break;
      }
      start = end;
    }
    return stopped;
  }

  finish(run: number, point: number, seed: number): RunRows {
    return {
      run,
      point,
      seed,
      tick: Int32Array.from(this.ticks),
      metric: Uint16Array.from(this.metrics),
      value: Float64Array.from(this.values),
    };
  }

  private remember(rows: RecordedRows, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const scope = SCOPES[rows.scope[i]];
      this.latest.set(refKey(rows.indicators[rows.indicator[i]].name, scope, rows.groups[rows.scope[i]][rows.group[i]]), rows.value[i]);
    }
  }

  private buildLookup(rows: RecordedRows): Map<number, number> {
    const lookup = new Map<number, number>();
    this.metricRefs.forEach((ref, m) => {
      const k = rows.indicators.findIndex((i) => i.name === ref.indicator);
      const s = SCOPES.indexOf(ref.scope);
      const g = rows.groups[s].indexOf(ref.group);
      if (k >= 0 && g >= 0) lookup.set(rowKey(k, s, g), m);
    });
    return lookup;
  }
}

function rowKey(indicator: number, scope: number, group: number): number {
  return (indicator * 4 + scope) * 65536 + group;
}

function refKey(indicator: string, scope: string, group: string): string {
  return `${indicator}@${scope}:${group}`;
}

/** Header of a part file: enough to check that it belongs to this sweep. */
interface PartHeader {
  specHash: string;
  run: number;
  point: number;
  seed: number;
  rows: number;
  /** Agent rows and fields per row (absent: no agent microdata). */
  agentRows?: number;
  agentFields?: number;
}

/** `parts/run-000042.bin`: the file of one finished run. */
export function partPath(partsDirectory: string, run: number): string {
  return join(partsDirectory, `run-${String(run).padStart(6, '0')}.bin`);
}

/**
 * Writes a run's rows to its part file: a temporary name, fsync, then rename, so a part file
 * exists only when complete (a crash at any moment leaves either nothing or the whole run).
 * Layout: uint32 header length, JSON header, values (Float64), ticks (Int32), metrics (Uint16);
 * then, with agent microdata, agent values (Float64), ticks (Int32) and ids (Int32).
 */
export function writePart(path: string, specHash: string, rows: RunRows): void {
  const agents = rows.agents;
  const header = Buffer.from(
    JSON.stringify({
      specHash,
      run: rows.run,
      point: rows.point,
      seed: rows.seed,
      rows: rows.tick.length,
      ...(agents ? { agentRows: agents.id.length, agentFields: agents.fieldCount } : {}),
    } satisfies PartHeader),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const arrays: ArrayBufferView[] = [rows.value, rows.tick, rows.metric, ...(agents ? [agents.values, agents.tick, agents.id] : [])];
  const chunks = [length, header, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))];
  const temp = atomicTempPath(path);
  const fd = openSync(temp, 'w');
  try {
    for (const chunk of chunks) {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(fd, chunk, offset);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Reads a part file back; null when it belongs to another sweep or is damaged. */
export function readPart(path: string, specHash: string): RunRows | null {
  const bytes = readFileSync(path);
  if (bytes.length < 4) return null;
  const headerLength = bytes.readUInt32LE(0);
  let header: PartHeader;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as PartHeader;
  } catch {
    return null;
  }
  const n = header.rows;
  const a = header.agentRows ?? 0;
  const fields = header.agentFields ?? 0;
  const start = 4 + headerLength;
  const agentsStart = start + n * 14;
  if (header.specHash !== specHash || bytes.length !== agentsStart + a * (fields * 8 + 8)) return null;
  const copy = (offset: number, size: number) => {
    const out = new ArrayBuffer(size);
    new Uint8Array(out).set(bytes.subarray(offset, offset + size));
    return out;
  };
  const rows: RunRows = {
    run: header.run,
    point: header.point,
    seed: header.seed,
    value: new Float64Array(copy(start, n * 8)),
    tick: new Int32Array(copy(start + n * 8, n * 4)),
    metric: new Uint16Array(copy(start + n * 12, n * 2)),
  };
  if (header.agentRows !== undefined) {
    const valueBytes = a * fields * 8;
    rows.agents = {
      values: new Float64Array(copy(agentsStart, valueBytes)),
      tick: new Int32Array(copy(agentsStart + valueBytes, a * 4)),
      id: new Int32Array(copy(agentsStart + valueBytes + a * 4, a * 4)),
      fieldCount: fields,
    };
  }
  return rows;
}

/** Final, mean, min and max of each metric over the recorded ticks (NaN when never recorded). */
export function summarize(rows: RunRows, metricCount: number): { final: number; mean: number; min: number; max: number }[] {
  const stats = Array.from({ length: metricCount }, () => ({ final: NaN, sum: 0, count: 0, min: Infinity, max: -Infinity }));
  for (let i = 0; i < rows.tick.length; i++) {
    const s = stats[rows.metric[i]];
    const v = rows.value[i];
    s.final = v;
    s.sum += v;
    s.count++;
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
  }
  return stats.map((s) => (s.count === 0 ? { final: NaN, mean: NaN, min: NaN, max: NaN } : { final: s.final, mean: s.sum / s.count, min: s.min, max: s.max }));
}
