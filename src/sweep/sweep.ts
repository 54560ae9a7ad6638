import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile } from '../cli/json-input.ts';
import { buildManifest, newSession, writeManifest, type SweepSession } from './manifest.ts';
import { finishedParts, inspectFolder } from './folder.ts';
import { abortPendingOutputs, checkOutputPath, failpoint, openLockedFolder } from '../output/index.ts';
import { agentRowsOf, partPath, readPart, RunRowCollector, writePart, type RunRows } from './run-rows.ts';
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

/** Runs one sweep run on a worker: its metric rows (and agent rows), stopping early if the stop condition holds. */
async function runOne(plan: SweepPlan, worker: WorkerHandle, run: number): Promise<RunRows> {
  const spec = runSpecOf(plan, run);
  const collector = new RunRowCollector(plan.metrics, plan.stop);
  // With a stop condition, step one recording interval at a time and check it after each.
  const recordEvery = typeof spec.params.recordEvery === 'number' ? spec.params.recordEvery : 1;
  const chunk = plan.stop ? recordEvery : spec.weeks;
  const snapshots: { tick: number; id: Int32Array; values: Float64Array }[] = [];
  const { agents } = plan;
  const sampler = agents
    ? { every: agents.every, take: async (w: WorkerHandle, tick: number) => void snapshots.push({ tick, ...(await w.api.agents(agents.kind, agents.fields)) }) }
    : undefined;
  await recordOnWorker(worker, spec, chunk, (rows) => collector.add(rows), sampler);
  const { point, seed } = runCoordinates(plan, run);
  const rows = collector.finish(run, point, seed);
  if (agents) {
    // A run cut short by the stop condition keeps the snapshots up to its last recorded week.
    const lastTick = rows.tick.length > 0 ? rows.tick[rows.tick.length - 1] : -1;
    rows.agents = agentRowsOf(plan.stop ? snapshots.filter((s) => s.tick <= lastTick) : snapshots, agents.fields.length);
  }
  return rows;
}

/** The state of one session on a sweep folder: finished runs, the writer, the manifest. */
class SweepSessionState {
  readonly partsDirectory: string;
  readonly done: Set<number>;
  readonly resumedFrom: number;
  readonly session: SweepSession;
  private readonly sessions: SweepSession[];
  private readonly writer: SweepWriter;
  readonly output: OrderedOutput;
  private lastSave = Date.now();

  constructor(
    readonly plan: SweepPlan,
    readonly directory: string,
    readonly runs: number[],
    earlierSessions: SweepSession[],
    private readonly options: SweepOptions,
  ) {
    this.session = newSession(options.workers);
    this.partsDirectory = join(directory, 'parts');
    mkdirSync(this.partsDirectory, { recursive: true });
    this.done = finishedParts(this.partsDirectory, plan.specHash, runs);
    this.resumedFrom = this.done.size;
    this.sessions = [...earlierSessions, this.session];
    this.saveManifest(null);
    this.writer = new SweepWriter(directory, { factorNames: plan.factorNames, points: plan.points, metrics: plan.metrics, agentFields: plan.agents?.fields }, options.csv);
    this.output = new OrderedOutput(runs, this.done, this.writer, this.partsDirectory, plan.specHash, 4 * options.workers);
  }

  saveManifest(outputs: Record<string, WrittenFile> | null): void {
    writeManifest(this.directory, buildManifest(this.plan, this.options.shard, this.runs.length, this.done, outputs, this.sessions));
    this.lastSave = Date.now();
  }

  /** A run finished: its part file first (durable), then the ordered writer, progress, manifest now and then. */
  finished(run: number, rows: RunRows): void {
    writePart(partPath(this.partsDirectory, run), this.plan.specHash, rows);
    failpoint('sweep-after-part');
    this.done.add(run);
    this.session.runsDone++;
    this.output.finished(rows);
    this.options.onRun?.(this.done.size, this.runs.length);
    if (Date.now() - this.lastSave > 2000) this.saveManifest(null);
  }

  /** Every run is done: the data files, then the complete manifest, then the parts go. */
  complete(): Record<string, WrittenFile> {
    if (!this.output.complete) throw new Error('not every run reached the writer');
    failpoint('sweep-before-outputs');
    const outputs = this.writer.finish();
    failpoint('sweep-after-outputs');
    this.end('complete');
    this.saveManifest(outputs);
    rmSync(this.partsDirectory, { recursive: true, force: true });
    return outputs;
  }

  /** Stopped (signal or error): temporary files go, the manifest lists the finished runs. */
  stop(): void {
    this.writer.abort();
    this.end('interrupted');
    this.saveManifest(null);
  }

  private end(outcome: SweepSession['outcome']): void {
    this.session.endedAt = new Date().toISOString();
    this.session.outcome = outcome;
  }
}

/** On SIGINT/SIGTERM: stop the workers, save what is done, say how to resume, exit 130. */
function onSignal(state: SweepSessionState, pool: WorkerPool | null, unlock: () => void, resumeCommand: string): () => void {
  const interrupt = (signal: NodeJS.Signals) => {
    void pool?.stop();
    state.stop();
    abortPendingOutputs();
    unlock();
    process.stderr.write(
      `\nglocal: ${signal === 'SIGINT' ? 'interrupted' : 'stopped'}; ${state.done.size} of ${state.runs.length} runs are done and kept in ${state.partsDirectory}.\n  resume with: ${resumeCommand}\n`,
    );
    process.exit(130);
  };
  process.prependListener('SIGINT', interrupt);
  process.prependListener('SIGTERM', interrupt);
  return () => {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  };
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
  const folderState = inspectFolder(directory, plan.specHash, options.shard, options.resumeCommand);
  if (folderState.kind === 'complete') {
    return { directory, plan, runsInFolder: runs.length, runsThisSession: 0, resumedFrom: runs.length, outputs: folderState.manifest.outputs, alreadyComplete: true };
  }
  const folder = openLockedFolder(directory, options.resumeCommand);
  const unlock = () => folder.lock.release();
  let removeSignalHandlers = () => {};
  let pool: WorkerPool | null = null;
  try {
    const state = new SweepSessionState(plan, directory, runs, folderState.kind === 'resume' ? folderState.manifest.provenance.sessions : [], options);
    options.onStart?.({ total: runs.length, alreadyDone: state.resumedFrom, directory });
    const todo = runs.filter((run) => !state.done.has(run));
    pool = todo.length > 0 ? new WorkerPool(Math.min(options.workers, todo.length)) : null;
    removeSignalHandlers = onSignal(state, pool, unlock, options.resumeCommand);
    try {
      state.output.drain();
      options.onRun?.(state.done.size, runs.length);
      await pool?.run(todo, (worker, run) => runOne(plan, worker, run), (run, rows) => state.finished(run, rows));
      const outputs = state.complete();
      return { directory, plan, runsInFolder: runs.length, runsThisSession: state.session.runsDone, resumedFrom: state.resumedFrom, outputs, alreadyComplete: false };
    } catch (error) {
      state.stop();
      throw error;
    }
  } finally {
    removeSignalHandlers();
    await pool?.stop();
    unlock();
  }
}
