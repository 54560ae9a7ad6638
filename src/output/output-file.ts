import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What was written: the content's sha256 and size. */
export interface WrittenFile {
  sha256: string;
  bytes: number;
}

/** Clean-up actions of unfinished outputs, run on ^C or a fatal error (see `abortPendingOutputs`). */
const pending = new Set<() => void>();

/** Registers a clean-up; returns a function that unregisters it. */
export function onAbort(cleanup: () => void): () => void {
  pending.add(cleanup);
  return () => pending.delete(cleanup);
}

/** Removes every unfinished output of this process (temp files and folders); for signal handlers. */
export function abortPendingOutputs(): void {
  for (const cleanup of [...pending]) {
    try {
      cleanup();
    } catch {
      // best effort: the next run reports what is left
    }
  }
  pending.clear();
}

/** Buffered writes above this size go to the disk at once. */
const FLUSH_BYTES = 1 << 16;

/**
 * A file written as a stream (text appended piece by piece), hashed as it goes. `close()` flushes
 * it to the disk (fsync) and returns its sha256 and size. Used inside an output transaction's
 * temporary folder, and by `AtomicFile` for a single file.
 */
export class HashingFile {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private buffer: string[] = [];
  private buffered = 0;
  private closed = false;
  bytes = 0;

  /** Creates `path` (it must not exist); `onClose` hears the result of `close()`. */
  constructor(
    readonly path: string,
    private readonly onClose?: (written: WrittenFile) => void,
  ) {
    this.fd = openSync(path, 'wx');
  }

  /** Appends text (UTF-8). */
  write(text: string): void {
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const bytes = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.buffered = 0;
    this.hash.update(bytes);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
    this.bytes += bytes.length;
  }

  /** Flushes to the disk and closes; returns the content's hash and size. */
  close(): WrittenFile {
    if (this.closed) throw new Error(`${this.path} is already closed`);
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.closed = true;
    const written = { sha256: this.hash.digest('hex'), bytes: this.bytes };
    this.onClose?.(written);
    return written;
  }

  /** Closes without caring about the content (the caller removes the file). */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

/** The temporary name of an atomic file: hidden, beside it, with the writer's pid. */
export function atomicTempPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
}

/** Matches the temporary names `atomicTempPath` makes; group 1 is the pid. */
export const ATOMIC_TEMP_PATTERN = /^\..+\.(\d+)\.tmp$/;

/**
 * One file written under a temporary name beside its destination and renamed into place only
 * when complete, so a crash or ^C never leaves a half-written file under the real name. For
 * files written one at a time into a folder that is kept (a sweep's per-run files); a whole
 * result folder is better written with `OutputTransaction`.
 */
export class AtomicFile {
  private readonly file: HashingFile;
  private readonly tempPath: string;
  private readonly unregister: () => void;

  constructor(readonly path: string) {
    this.tempPath = atomicTempPath(path);
    rmSync(this.tempPath, { force: true });
    this.file = new HashingFile(this.tempPath);
    this.unregister = onAbort(() => this.abort());
  }

  get bytes(): number {
    return this.file.bytes;
  }

  write(text: string): void {
    this.file.write(text);
  }

  /** Flushes, renames into place and returns the sha256 of the content. */
  commit(): string {
    const { sha256 } = this.file.close();
    renameSync(this.tempPath, this.path);
    this.unregister();
    return sha256;
  }

  abort(): void {
    this.file.discard();
    rmSync(this.tempPath, { force: true });
    this.unregister();
  }
}

/** Writes a whole file atomically (temp + rename); returns its sha256. */
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
