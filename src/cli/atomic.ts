/** Kept for imports written before src/output existed; new code imports from src/output. */
export { AtomicFile, writeFileAtomic, abortPendingOutputs as removePendingFiles } from '../output/output-file.ts';
export { sha256, canonicalJson } from '../output/hash.ts';
