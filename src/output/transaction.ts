import { existsSync, fsyncSync, closeSync, openSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { checkOutputPath, createFolders, type CheckedOutput } from './path-check.ts';
import { acquireOutputLock, type OutputLock } from './lock.ts';
import { HashingFile, onAbort, type WrittenFile } from './output-file.ts';
import { failpoint } from './failpoint.ts';

export interface TransactionOptions {
  /** Replace an existing result folder (only one that holds a glocal result, see `isReplaceable`). */
  force?: boolean;
  /** The command line, recorded in the lock so a second run can name the holder. */
  command: string;
  /** The option name for messages (default `--out`). */
  flag?: string;
  /** Reports of stale leftovers cleaned up (default: a line on stderr each). */
  report?: (message: string) => void;
}

/** Temporary and set-aside names of a target `NAME` in the same parent folder. */
const tempName = (name: string, pid: number) => `.${name}.glocal-tmp-${pid}`;
const oldName = (name: string, pid: number) => `.${name}.glocal-old-${pid}`;
const leftover = (name: string) => new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.glocal-(tmp|old)-(\\d+)$`);

/** A folder --force may replace: empty, or holding a manifest.json (a glocal result). */
export function isReplaceable(folder: string): boolean {
  const entries = readdirSync(folder);
  return entries.length === 0 || entries.includes('manifest.json');
}

function fsyncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a whole result folder or nothing. `begin` checks the target, takes its lock, cleans up
 * what a killed run left (reporting it), and creates `.NAME.glocal-tmp-PID` beside the target;
 * files are streamed into that folder; `commit` renames it into place only when every file is
 * closed, so the target holds either the previous complete result or the new one, never a mix.
 * With `force`, the old folder is renamed aside first and removed after the new one is in place
 * (a run killed between the two renames has its old result restored by the next run).
 */
export class OutputTransaction {
  readonly target: string;
  readonly tempDir: string;
  private readonly checked: CheckedOutput;
  private readonly lock: OutputLock;
  private readonly open = new Set<HashingFile>();
  private readonly written = new Map<string, WrittenFile>();
  private readonly unregister: () => void;
  private finished = false;

  private constructor(checked: CheckedOutput, lock: OutputLock) {
    this.checked = checked;
    this.target = checked.target;
    this.lock = lock;
    this.tempDir = join(checked.parent, tempName(checked.name, process.pid));
    rmSync(this.tempDir, { recursive: true, force: true });
    mkdirSync(this.tempDir);
    this.unregister = onAbort(() => this.abort());
  }

  /** Checks, locks and opens a transaction on `path`; throws a UserError (exit 2) on a bad target. */
  static begin(path: string, options: TransactionOptions): OutputTransaction {
    const flag = options.flag ?? '--out';
    const report = options.report ?? ((message: string) => process.stderr.write(`${message}\n`));
    let checked = checkOutputPath(path, { force: options.force, flag });
    createFolders(checked.parent, (folder) => mkdirSync(folder));
    const lock = acquireOutputLock(checked.target, options.command);
    try {
      recoverLeftovers(checked, report);
      checked = checkOutputPath(path, { force: options.force, flag }); // a restored result now exists
      if (checked.exists && !isReplaceable(checked.target)) {
        throw new UserError(
          `glocal: ${flag} ${path}: refusing to replace a folder that does not hold a glocal result (no manifest.json)\nnothing was run and nothing was written.`,
        );
      }
      return new OutputTransaction(checked, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Opens `name` in the temporary folder for streaming; close it before `commit`. */
  file(name: string): HashingFile {
    this.assertOpen();
    if (this.written.has(name)) throw new Error(`${name} was already written in this transaction`);
    const file = new HashingFile(join(this.tempDir, name), (written) => {
      this.open.delete(file);
      this.written.set(name, written);
    });
    this.open.add(file);
    return file;
  }

  /** Writes a whole file into the temporary folder. */
  writeFile(name: string, text: string): WrittenFile {
    const file = this.file(name);
    file.write(text);
    return file.close();
  }

  /** The sha256 and size of every closed file, by name. */
  get files(): ReadonlyMap<string, WrittenFile> {
    return this.written;
  }

  /** Puts the result in place (all or nothing) and releases the lock. */
  commit(): void {
    this.assertOpen();
    if (this.open.size > 0) throw new Error(`commit with unclosed files: ${[...this.open].map((f) => f.path).join(', ')}`);
    fsyncFolder(this.tempDir);
    failpoint('before-commit');
    const { parent, name, target } = this.checked;
    if (existsSync(target)) {
      const aside = join(parent, oldName(name, process.pid));
      renameSync(target, aside);
      failpoint('after-old-aside');
      renameSync(this.tempDir, target);
      failpoint('after-commit-rename');
      rmSync(aside, { recursive: true, force: true });
    } else {
      renameSync(this.tempDir, target);
    }
    fsyncFolder(parent);
    this.finish();
  }

  /** Removes the temporary folder and releases the lock; the target is untouched. */
  abort(): void {
    if (this.finished) return;
    for (const file of this.open) file.discard();
    rmSync(this.tempDir, { recursive: true, force: true });
    this.finish();
  }

  private finish(): void {
    this.finished = true;
    this.unregister();
    this.lock.release();
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('the output transaction is already finished');
  }
}

/**
 * Cleans up what killed runs left beside a target (call with its lock held, so no live run owns
 * them): unfinished temporary folders are removed; a previous result set aside by a --force run
 * killed before the new one was in place is restored. Each action is reported.
 */
export function recoverLeftovers(checked: CheckedOutput, report: (message: string) => void): void {
  const pattern = leftover(checked.name);
  const found = readdirSync(checked.parent)
    .map((entry) => ({ entry, match: pattern.exec(entry) }))
    .filter((x) => x.match !== null);
  for (const { entry, match } of found) {
    const path = join(checked.parent, entry);
    const pid = match?.[2];
    if (match?.[1] === 'old' && !existsSync(checked.target) && lstatSync(path).isDirectory()) {
      renameSync(path, checked.target);
      report(`glocal: restored the previous result ${checked.target} (a run, process ${pid}, was killed while replacing it)`);
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    report(`glocal: removed ${path}, left unfinished by a run that was killed (process ${pid})`);
  }
}
