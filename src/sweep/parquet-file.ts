import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { atomicTempPath, onAbort } from '../output/output-file.ts';
import { paramSpec } from '../model/params/registry.ts';

/** A finished output file of a sweep, as the manifest lists it. */
export interface WrittenFile {
  sha256: string;
  bytes: number;
  rows: number;
}

/**
 * A binary file written under a temporary name, hashed as it goes, renamed into place on commit
 * (src/output's AtomicFile, for bytes rather than text; the same temporary names and ^C clean-up).
 */
export class StreamedFile {
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
export class FileByteWriter extends ByteWriter {
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
export type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

export type FactorKind = 'number' | 'boolean' | 'string';

export function factorKind(name: string): FactorKind {
  const spec = paramSpec(name);
  return spec?.kind === 'boolean' ? 'boolean' : spec?.kind === 'choice' ? 'string' : 'number';
}

/** Parquet columns of the factors: DOUBLE, BOOLEAN or UTF8 text, by the parameter's kind. */
export function factorSchema(names: string[], kinds: FactorKind[]): SchemaElement[] {
  return names.map((name, j) => {
    const kind = kinds[j];
    if (kind === 'boolean') return { name, type: 'BOOLEAN', repetition_type: 'REQUIRED' };
    if (kind === 'string') return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' };
    return { name, type: 'DOUBLE', repetition_type: 'REQUIRED' };
  });
}

