import { join } from 'node:path';
import { ParquetWriter } from 'hyparquet-writer';
import { factorSchema, FileByteWriter, StreamedFile, type FactorKind, type SchemaElement, type WrittenFile } from './parquet-file.ts';
import type { AgentRows } from './run-rows.ts';
import type { FactorValue } from './spec.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** Rows per row group of agents.parquet (a group holds whole runs; a bigger run is split). */
export const AGENT_ROW_GROUP_ROWS = 65_536;

/** agents.parquet's columns: run, seed, the factors, tick, id, then the chosen fields. */
export function agentColumns(factorNames: string[], fields: string[]): string[] {
  return ['run', 'seed', ...factorNames, 'tick', 'id', ...fields];
}

interface BufferedRun {
  run: number;
  seed: number;
  point: number;
  rows: AgentRows;
}

/**
 * Writes agents.parquet (wide: one row per agent per sampled week) from runs given in run order,
 * one bounded row group at a time, so memory stays flat; the bytes depend only on the rows.
 */
export class AgentWriter {
  private readonly file: StreamedFile;
  private readonly parquet: ParquetWriter;
  private buffer: BufferedRun[] = [];
  private buffered = 0;
  private rowCount = 0;

  constructor(
    directory: string,
    private readonly factorNames: string[],
    private readonly kinds: FactorKind[],
    private readonly points: FactorValue[][],
    private readonly fields: string[],
  ) {
    this.file = new StreamedFile(join(directory, 'agents.parquet'));
    this.parquet = new ParquetWriter({ writer: new FileByteWriter(this.file), schema: this.schema(), createdBy: `glocal ${packageJson.version} (hyparquet-writer)` });
  }

  add(run: number, seed: number, point: number, rows: AgentRows): void {
    if (rows.fieldCount !== this.fields.length) throw new Error(`run ${run}: ${rows.fieldCount} agent fields, expected ${this.fields.length}`);
    const n = rows.id.length;
    this.rowCount += n;
    if (this.buffered > 0 && this.buffered + n > AGENT_ROW_GROUP_ROWS) this.flush();
    this.buffer.push({ run, seed, point, rows });
    this.buffered += n;
    if (this.buffered >= AGENT_ROW_GROUP_ROWS) this.flush();
  }

  finish(): WrittenFile {
    this.flush();
    this.parquet.finish();
    return { sha256: this.file.commit(), bytes: this.file.bytes, rows: this.rowCount };
  }

  abort(): void {
    this.file.abort();
  }

  private schema(): SchemaElement[] {
    const columns: SchemaElement[] = [
      { name: 'run', type: 'INT32', repetition_type: 'REQUIRED' },
      { name: 'seed', type: 'INT64', repetition_type: 'REQUIRED' },
      ...factorSchema(this.factorNames, this.kinds),
      { name: 'tick', type: 'INT32', repetition_type: 'REQUIRED' },
      { name: 'id', type: 'INT32', repetition_type: 'REQUIRED' },
      ...this.fields.map((name): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' })),
    ];
    return [{ name: 'root', num_children: columns.length }, ...columns];
  }

  /** Encodes the buffered runs as one row group (a big run as several). */
  private flush(): void {
    const n = this.buffered;
    if (n === 0) return;
    const F = this.fields.length;
    const run = new Int32Array(n);
    const seed = new BigInt64Array(n);
    const factors = this.factorNames.map((_, j) => (this.kinds[j] === 'number' ? new Float64Array(n) : new Array<FactorValue>(n)));
    const tick = new Int32Array(n);
    const id = new Int32Array(n);
    const values = this.fields.map(() => new Float64Array(n));
    let i = 0;
    for (const b of this.buffer) {
      const point = this.points[b.point];
      run.fill(b.run, i, i + b.rows.id.length);
      seed.fill(BigInt(b.seed), i, i + b.rows.id.length);
      tick.set(b.rows.tick, i);
      id.set(b.rows.id, i);
      for (let r = 0; r < b.rows.id.length; r++, i++) {
        for (let j = 0; j < factors.length; j++) factors[j][i] = point[j] as never;
        for (let k = 0; k < F; k++) values[k][i] = b.rows.values[r * F + k];
      }
    }
    const columnData = [
      { name: 'run', data: run },
      { name: 'seed', data: seed },
      ...this.factorNames.map((name, j) => ({ name, data: factors[j] })),
      { name: 'tick', data: tick },
      { name: 'id', data: id },
      ...this.fields.map((name, k) => ({ name, data: values[k] })),
    ];
    void this.parquet.write({ columnData, rowGroupSize: n <= AGENT_ROW_GROUP_ROWS ? n : AGENT_ROW_GROUP_ROWS });
    this.buffer = [];
    this.buffered = 0;
  }
}
