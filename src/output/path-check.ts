import { accessSync, constants, lstatSync, realpathSync, statfsSync, type Stats } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { UserError } from '../cli/errors.ts';

/** What `checkOutputPath` learned about a target folder. */
export interface CheckedOutput {
  /** The target, absolute. */
  target: string;
  /** The folder that holds it (absolute; may not exist yet). */
  parent: string;
  /** The target's last path component. */
  name: string;
  /** Whether the target already exists (as a folder). */
  exists: boolean;
  /** The nearest ancestor that exists, resolved through symbolic links. */
  existingAncestor: string;
}

export interface CheckOptions {
  /** Allow an existing target folder (it will be replaced by a transaction's commit). */
  force?: boolean;
  /** Allow an existing target folder that is kept and added to (a sweep that resumes). */
  allowExisting?: boolean;
  /** The option name for messages (default `--out`). */
  flag?: string;
}

/** Mount points of kernel file systems: nothing a user wants results in, and writes there can hang. */
const SPECIAL_PREFIXES = ['/proc', '/sys', '/dev'];
/** …except shared memory, an ordinary tmpfs. */
const ORDINARY_UNDER_SPECIAL = ['/dev/shm'];
/** statfs f_type of kernel file systems (linux/magic.h): proc, sysfs, devpts, debugfs, tracefs, securityfs, cgroup, cgroup2, bpf, configfs, pstore, fusectl, devtmpfs is tmpfs. */
const SPECIAL_FS_TYPES = new Set([
  0x9fa0, 0x62656572, 0x1cd1, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0xcafe4a11, 0x62656570, 0x6165676c,
  0x65735543,
]);

function fail(flag: string, path: string, reason: string): never {
  throw new UserError(`glocal: ${flag} ${path}: ${reason}\nnothing was run and nothing was written.`);
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') return null;
    throw error;
  }
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + sep);
}

/** Whether a resolved path lies in a kernel file system (/proc, /sys, /dev, or such a mount elsewhere). */
export function isSpecialFileSystem(realPath: string): boolean {
  if (ORDINARY_UNDER_SPECIAL.some((p) => isUnder(realPath, p))) return false;
  if (SPECIAL_PREFIXES.some((p) => isUnder(realPath, p))) return true;
  try {
    return SPECIAL_FS_TYPES.has(Number(statfsSync(realPath).type));
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of `path` (a bounded walk up, one stat per level). */
function nearestExisting(path: string, flag: string, shown: string): { path: string; stats: Stats } {
  let current = dirname(path);
  for (;;) {
    const stats = lstatOrNull(current);
    if (stats) return { path: current, stats };
    const up = dirname(current);
    if (up === current) fail(flag, shown, 'no folder on this path exists');
    current = up;
  }
}

/**
 * Checks an output folder before anything is simulated: it must be creatable (its nearest
 * existing ancestor is a writable folder), not a file, not inside a kernel file system such as
 * /proc, and — unless `force` or `allowExisting` — not exist yet. Only stats the disk: creates
 * nothing, never follows a path that could hang. Throws a UserError (exit 2) naming the problem.
 */
export function checkOutputPath(path: string, options: CheckOptions = {}): CheckedOutput {
  const flag = options.flag ?? '--out';
  try {
    return checkPath(path, options, flag);
  } catch (error) {
    if (error instanceof UserError) throw error;
    return fail(flag, path, `cannot be checked: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function checkPath(path: string, options: CheckOptions, flag: string): CheckedOutput {
  if (path.trim() === '') fail(flag, JSON.stringify(path), 'expected a folder name');
  const target = resolve(path);
  const name = basename(target);
  if (target === dirname(target)) fail(flag, path, 'the root folder cannot be an output folder');
  const stats = lstatOrNull(target);
  if (stats && stats.isSymbolicLink()) fail(flag, path, 'is a symbolic link; give the folder it points to, or a new name');
  if (stats && !stats.isDirectory()) fail(flag, path, 'is a file, not a folder; give a new folder name');
  const ancestor = stats ? { path: target, stats } : nearestExisting(target, flag, path);
  if (!ancestor.stats.isDirectory() && !ancestor.stats.isSymbolicLink()) {
    fail(flag, path, `${ancestor.path} is a file, so no folder can be created inside it`);
  }
  let existingAncestor: string;
  try {
    existingAncestor = realpathSync(ancestor.path);
  } catch {
    fail(flag, path, `${ancestor.path} cannot be resolved (a broken link?)`);
  }
  if (isSpecialFileSystem(existingAncestor)) fail(flag, path, `is inside ${existingAncestor}, a system file system; results cannot be kept there`);
  const parentToWrite = stats ? dirname(target) : existingAncestor;
  try {
    accessSync(stats ? realpathSync(parentToWrite) : parentToWrite, constants.W_OK | constants.X_OK);
  } catch {
    fail(flag, path, `${parentToWrite} is not writable`);
  }
  if (stats && !options.force && !options.allowExisting) {
    fail(flag, path, 'already exists; choose a new folder, or add --force to replace it once the new run is complete');
  }
  return { target, parent: dirname(target), name, exists: stats !== null, existingAncestor };
}

/** Creates the missing folders of `path` one level at a time (never a recursive mkdir into the unknown). */
export function createFolders(path: string, makeDir: (p: string) => void): void {
  const missing: string[] = [];
  let current = resolve(path);
  while (!lstatOrNull(current)) {
    missing.push(current);
    const up = dirname(current);
    if (up === current) break;
    current = up;
  }
  for (const folder of missing.reverse()) makeDir(folder);
}

