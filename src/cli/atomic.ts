import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** Temp files still open; removed if the process is interrupted. */
const pending = new Set<string>();

export function removePendingFiles(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

/**
 * A file written under a temporary name next to its destination and renamed only when
 * complete (so a crash or ^C never leaves a half-written result), hashing as it goes.
 */
export class AtomicFile {
  private readonly fd: number;
  private readonly tempPath: string;
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tempPath, 'w');
    pending.add(this.tempPath);
  }

  write(text: string): void {
    const buffer = Buffer.from(text, 'utf8');
    this.hash.update(buffer);
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
    this.bytes += buffer.length;
  }

  /** Flushes, renames into place and returns the sha256 of the content. */
  commit(): string {
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tempPath, this.path);
    pending.delete(this.tempPath);
    return this.hash.digest('hex');
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tempPath, { force: true });
    pending.delete(this.tempPath);
  }
}

export function writeFileAtomic(path: string, text: string): string {
  const file = new AtomicFile(path);
  try {
    file.write(text);
    return file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
