/**
 * Writing results to disk safely, for every command that writes (run, rerun, sweep, merge, the
 * web app's export through node):
 * - `checkOutputPath` before any simulation (creatable, writable, not a file, not /proc…);
 * - `OutputTransaction` for a result folder written whole (temp folder, rename at the end);
 * - `openLockedFolder` + `AtomicFile` for a folder added to over time (sweeps that resume);
 * - `acquireOutputLock` so one writer at a time; `sha256` / `canonicalJson` for manifests.
 * See docs/outputs.md.
 */
export { checkOutputPath, createFolders, isSpecialFileSystem, type CheckedOutput, type CheckOptions } from './path-check.ts';
export { acquireOutputLock, lockPathFor, processAlive, releaseAllLocks, type LockHolder, type OutputLock } from './lock.ts';
export { AtomicFile, HashingFile, writeFileAtomic, abortPendingOutputs, onAbort, type WrittenFile } from './output-file.ts';
export { OutputTransaction, recoverLeftovers, isReplaceable, type TransactionOptions } from './transaction.ts';
export { openLockedFolder, removeStaleTempFiles, type LockedFolder } from './folder.ts';
export { sha256, canonicalJson } from './hash.ts';
export { failpoint } from './failpoint.ts';
