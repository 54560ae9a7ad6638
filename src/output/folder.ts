import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkOutputPath, createFolders } from './path-check.ts';
import { acquireOutputLock, processAlive, type OutputLock } from './lock.ts';
import { ATOMIC_TEMP_PATTERN } from './output-file.ts';

/** A locked folder that is kept and added to over time (a sweep that appends runs and resumes). */
export interface LockedFolder {
  /** The folder, absolute; it exists. */
  path: string;
  lock: OutputLock;
  /** Temporary files of killed writers that were removed (absolute paths). */
  removed: string[];
}

/**
 * Opens a folder for a writer that adds files to it over time rather than committing it whole:
 * checks the path (an existing folder is allowed), creates it, takes its lock (a second writer
 * exits 2 naming the holder), and removes `AtomicFile` temporaries left by killed writers. Write
 * each file with `AtomicFile`/`writeFileAtomic`; call `lock.release()` when done.
 */
export function openLockedFolder(path: string, command: string, flag = '--out'): LockedFolder {
  const checked = checkOutputPath(path, { allowExisting: true, flag });
  createFolders(checked.target, (folder) => mkdirSync(folder));
  const lock = acquireOutputLock(checked.target, command);
  try {
    return { path: checked.target, lock, removed: removeStaleTempFiles(checked.target) };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Removes `AtomicFile` temporaries in a folder whose writer is not this process and not alive. */
export function removeStaleTempFiles(folder: string): string[] {
  const removed: string[] = [];
  for (const entry of readdirSync(folder)) {
    const match = ATOMIC_TEMP_PATTERN.exec(entry);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    rmSync(join(folder, entry), { force: true });
    removed.push(join(folder, entry));
  }
  return removed;
}
