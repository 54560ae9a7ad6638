import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile } from '../cli/json-input.ts';
import { buildManifest, newSession, writeManifest, type SweepSession } from './manifest.ts';
import { finishedParts, inspectFolder } from './folder.ts';
import { abortPendingOutputs, checkOutputPath, failpoint, openLockedFolder } from '../output/index.ts';
import { partPath, readPart, RunRowCollector, writePart, type RunRows } from './run-rows.ts';
import { recordOnWorker, WorkerPool } from './runner.ts';
import type { WorkerHandle } from '../worker/spawn.ts';
import { shardFolder, shardRuns, type Shard } from './shard.ts';
import { resolveSweep, runCoordinates, runSpecOf, type SpecOverrides, type SweepPlan } from './spec.ts';
import { SweepWriter, type WrittenFile } from './writers.ts';

export interface SweepOptions {
  specPath: string;
  out: string;
  workers: number;
  csv: boolean;
  shard: Shard | null;
  overrides?: SpecOverrides;
  /** The command that resumes this sweep (printed on interrupt). */
  resumeCommand: string;
  onStart?: (info: { total: number; alreadyDone: number; directory: string }) => void;
  onRun?: (done: number, total: number) => void;
}

export interface SweepOutcome {
  directory: string;
  plan: SweepPlan;
  runsInFolder: number;
  runsThisSession: number;
  resumedFrom: number;
  outputs: Record<string, WrittenFile>;
  alreadyComplete: boolean;
}

/** Ordered output: runs go to the writer in run order as soon as every earlier run is done. */
class OrderedOutput {
  private nextIndex = 0;
  /** Rows of runs that finished ahead of their turn, kept in memory up to a bound (else re-read from disk). */
  private readonly early = new Map<number, RunRows>();

  constructor(
    private readonly runs: readonly number[],
    private readonly done: Set<number>,
    private readonly writer: SweepWriter,
    private readonly partsDirectory: string,
    private readonly specHash: string,
    private readonly earlyLimit: number,
  ) {}

  finished(rows: RunRows): void {
    if (this.early.size < this.earlyLimit) this.early.set(rows.run, rows);
    this.drain();
  }

  drain(): void {
    while (this.nextIndex < this.runs.length && this.done.has(this.runs[this.nextIndex])) {
      const run = this.runs[this.nextIndex++];
      const rows = this.early.get(run) ?? readPart(partPath(this.partsDirectory, run), this.specHash);
      this.early.delete(run);
      if (!rows) throw new Error(`part file of run ${run} vanished or is damaged`);
      this.writer.add(rows);
    }
  }

  get complete(): boolean {
    return this.nextIndex === this.runs.length;
  }
}

/** Runs one sweep run on a worker: its metric rows, stopping early if the stop condition holds. */
async function runOne(plan: SweepPlan, worker: WorkerHandle, run: number): Promise<RunRows> {
  const spec = runSpecOf(plan, run);
  const collector = new RunRowCollector(plan.metrics, plan.stop);
  // With a stop condition, step one recording interval at a time and check it after each.
  const recordEvery = typeof spec.params.recordEvery === 'number' ? spec.params.recordEvery : 1;
  const chunk = plan.stop ? recordEvery : spec.weeks;
  await recordOnWorker(worker, spec, chunk, (rows) => collector.add(rows));
  const { point, seed } = runCoordinates(plan, run);
  return collector.finish(run, point, seed);
}

/**
 * `glocal sweep`: checks the spec and the folder (nothing is written on bad input), then runs
 * the runs not yet finished on a worker pool. Each finished run is written to its own part file
 * (atomically), and the results are written from the parts in run order. A crash loses at most
 * the runs in flight; the same command resumes. Ctrl-C stops, writes the manifest and says how
 * to resume.
 */
export async function runSweep(options: SweepOptions): Promise<SweepOutcome> {
  const plan = resolveSweep(readJsonFile(options.specPath, 'sweep spec'), options.overrides);
  const directory = options.shard ? join(options.out, shardFolder(options.shard)) : options.out;
  const runs = shardRuns(plan.runCount, options.shard);
  checkOutputPath(directory, { allowExisting: true });
  const state = inspectFolder(directory, plan.specHash, options.shard, options.resumeCommand);
  if (state.kind === 'complete') {
    return { directory, plan, runsInFolder: runs.length, runsThisSession: 0, resumedFrom: runs.length, outputs: state.manifest.outputs, alreadyComplete: true };
  }
  const folder = openLockedFolder(directory, options.resumeCommand);
  const unlock = () => folder.lock.release();
  const partsDirectory = join(directory, 'parts');
  mkdirSync(partsDirectory, { recursive: true });
  const done = finishedParts(partsDirectory, plan.specHash, runs);
  const resumedFrom = done.size;
  const session = newSession(options.workers);
  const sessions: SweepSession[] = [...(state.kind === 'resume' ? state.manifest.provenance.sessions : []), session];
  const saveManifest = (outputs: Record<string, WrittenFile> | null) => writeManifest(directory, buildManifest(plan, options.shard, runs.length, done, outputs, sessions));
  saveManifest(null);
  options.onStart?.({ total: runs.length, alreadyDone: resumedFrom, directory });

  const writer = new SweepWriter(directory, { factorNames: plan.factorNames, points: plan.points, metrics: plan.metrics }, options.csv);
  const output = new OrderedOutput(runs, done, writer, partsDirectory, plan.specHash, 4 * options.workers);
  const todo = runs.filter((run) => !done.has(run));
  const pool = todo.length > 0 ? new WorkerPool(Math.min(options.workers, todo.length)) : null;
  let lastSave = Date.now();
  const interrupt = (signal: NodeJS.Signals) => {
    void pool?.stop();
    writer.abort();
    session.endedAt = new Date().toISOString();
    session.outcome = 'interrupted';
    saveManifest(null);
    abortPendingOutputs();
    unlock();
    process.stderr.write(
      `\nglocal: ${signal === 'SIGINT' ? 'interrupted' : 'stopped'}; ${done.size} of ${runs.length} runs are done and kept in ${partsDirectory}.\n  resume with: ${options.resumeCommand}\n`,
    );
    process.exit(130);
  };
  process.prependListener('SIGINT', interrupt);
  process.prependListener('SIGTERM', interrupt);
  try {
    output.drain();
    options.onRun?.(done.size, runs.length);
    await pool?.run(
      todo,
      (worker, run) => runOne(plan, worker, run),
      (run, rows) => {
        writePart(partPath(partsDirectory, run), plan.specHash, rows);
        failpoint('sweep-after-part');
        done.add(run);
        session.runsDone++;
        output.finished(rows);
        options.onRun?.(done.size, runs.length);
        if (Date.now() - lastSave > 2000) {
          saveManifest(null);
          lastSave = Date.now();
        }
      },
    );
    if (!output.complete) throw new Error('not every run reached the writer');
    failpoint('sweep-before-outputs');
    const outputs = writer.finish();
    failpoint('sweep-after-outputs');
    session.endedAt = new Date().toISOString();
    session.outcome = 'complete';
    saveManifest(outputs);
    rmSync(partsDirectory, { recursive: true, force: true });
    return { directory, plan, runsInFolder: runs.length, runsThisSession: session.runsDone, resumedFrom, outputs, alreadyComplete: false };
  } catch (error) {
    writer.abort();
    session.outcome = 'interrupted';
    session.endedAt = new Date().toISOString();
    saveManifest(null);
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    await pool?.stop();
    unlock();
  }
}
