import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../cli/errors.ts';

/** Who holds a lock: written as JSON into the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

/** A held lock; `release()` is idempotent and also runs when the process exits. */
export interface OutputLock {
  readonly path: string;
  release(): void;
}

const held = new Set<OutputLock>();
let exitHookInstalled = false;

/** The lock file of a folder: beside it, so it exists before the folder does. */
export function lockPathFor(folder: string): string {
  const target = resolve(folder);
  return join(dirname(target), `.${basename(target)}.glocal-lock`);
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, host: value.host, command: String(value.command ?? ''), startedAt: String(value.startedAt ?? '') };
  } catch {
    return null;
  }
}

/** A lock is stale when its holder ran on this host and is gone, or it was left empty long ago. */
function isStale(path: string, holder: LockHolder | null): boolean {
  if (holder) return holder.host === hostname() && !processAlive(holder.pid);
  try {
    return Date.now() - statSync(path).mtimeMs > 60_000;
  } catch {
    return true;
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Moves a stale lock aside (atomic: of two runs doing this at once, only one succeeds). */
function breakStaleLock(path: string, stale: LockHolder | null): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = readHolder(aside);
  if (moved && stale && moved.pid !== stale.pid) renameSync(aside, path); // a fresh lock slipped in: put it back
  else rmSync(aside, { force: true });
}

function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another glocal run (its lock file is being written)';
  return `glocal process ${holder.pid} on ${holder.host}, started ${holder.startedAt}: ${holder.command}`;
}

/**
 * Takes the lock of an output folder: a file created with O_EXCL beside it, recording this
 * process's id, host and command. If another live run holds it, throws a UserError (exit 2)
 * naming the holder, at once. A lock left by a process that died on this host is broken. The
 * lock is released by `release()` or when this process exits (not after kill -9: then the next
 * run finds the dead pid and breaks it).
 */
export function acquireOutputLock(folder: string, command: string): OutputLock {
  const path = lockPathFor(folder);
  const holder: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, holder)) return register(path);
    const current = readHolder(path);
    if (current && current.pid === process.pid && current.host === holder.host) {
      throw new UserError(`glocal: ${folder} is already being written by this process\nnothing was written.`);
    }
    if (!isStale(path, current)) {
      throw new UserError(`glocal: ${resolve(folder)} is being written by ${describeHolder(current)}\nwait for it to finish, or choose another --out. (If that process is gone, for example on another machine, delete the lock file ${path}.)`);
    }
    breakStaleLock(path, current);
  }
  throw new UserError(`glocal: could not take the lock ${path}; another run keeps taking it\nnothing was written.`);
}

function register(path: string): OutputLock {
  const lock: OutputLock = {
    path,
    release() {
      if (!held.delete(lock)) return;
      const current = readHolder(path);
      if (current && current.pid === process.pid) rmSync(path, { force: true });
    },
  };
  held.add(lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', releaseAllLocks);
  }
  return lock;
}

/** Releases every lock this process holds (on exit, on ^C). */
export function releaseAllLocks(): void {
  for (const lock of [...held]) lock.release();
}
