import { Simulation, type ProbeHooks, type RunSpec } from '../model/simulation.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { PROBES } from './probes.ts';
import { spawnWorker, type WorkerHandle } from '../worker/spawn.ts';
import type { IndicatorInfo } from '../model/observe/recorder.ts';
import { SCOPES } from '../model/observe/recorder.ts';

/** One finished run: its spec, indicator rows (columns) and probe results. */
export interface RunOutput {
  spec: RunSpec;
  indicators: IndicatorInfo[];
  groups: string[][];
  week: Int32Array;
  scope: Uint8Array;
  group: Uint16Array;
  indicator: Uint16Array;
  value: Float64Array;
  probes: Record<string, unknown>;
}

/** Every recorded value of an indicator for one scope and group, in week order. */
export function seriesOf(run: RunOutput, name: string, scope: (typeof SCOPES)[number] = 'global', group = 'world'): { week: number; value: number }[] {
  const k = run.indicators.findIndex((i) => i.name === name);
  if (k < 0) throw new Error(`indicator ${name} was not recorded`);
  const s = SCOPES.indexOf(scope);
  const g = run.groups[s].indexOf(group);
  const out: { week: number; value: number }[] = [];
  for (let i = 0; i < run.value.length; i++) {
    if (run.indicator[i] === k && run.scope[i] === s && run.group[i] === g) out.push({ week: run.week[i], value: run.value[i] });
  }
  return out;
}

/** The last recorded value of an indicator (NaN if never recorded). */
export function finalValue(run: RunOutput, name: string, scope: (typeof SCOPES)[number] = 'global', group = 'world'): number {
  const series = seriesOf(run, name, scope, group);
  return series.length > 0 ? series[series.length - 1].value : NaN;
}

/** Runs one spec in this thread. */
export function runInProcess(spec: RunSpec): RunOutput {
  const sim = new Simulation(spec, lookupWorld(spec.world, spec.worldOptions), PROBES as unknown as Record<string, ProbeHooks>);
  sim.advance(spec.weeks);
  const rows = sim.recorder.view(0);
  return {
    spec,
    indicators: sim.recorder.indicators,
    groups: sim.recorder.groupNames,
    week: rows.week.slice(),
    scope: rows.scope.slice(),
    group: rows.group.slice(),
    indicator: rows.indicator.slice(),
    value: rows.value.slice(),
    probes: sim.probeResults(),
  };
}

type RowColumns = Pick<RunOutput, 'week' | 'scope' | 'group' | 'indicator' | 'value'>;

/** Indicator rows a worker recorded from row `from` on, fetched in batches. */
async function rowsSince(worker: WorkerHandle, from: number): Promise<{ parts: RowColumns[]; next: number }> {
  const parts: RowColumns[] = [];
  for (;;) {
    const batch = await worker.api.indicators(from);
    if (batch.next === from) return { parts, next: from };
    parts.push(batch);
    from = batch.next;
  }
}

function concatRows(parts: RowColumns[]): RowColumns {
  const concat = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(arrays: T[], Ctor: new (n: number) => T): T => {
    if (arrays.length === 1) return arrays[0];
    const out = new Ctor(arrays.reduce((n, a) => n + a.length, 0));
    let offset = 0;
    for (const a of arrays) {
      out.set(a as never, offset);
      offset += a.length;
    }
    return out;
  };
  return {
    week: concat(parts.map((p) => p.week), Int32Array),
    scope: concat(parts.map((p) => p.scope), Uint8Array),
    group: concat(parts.map((p) => p.group), Uint16Array),
    indicator: concat(parts.map((p) => p.indicator), Uint16Array),
    value: concat(parts.map((p) => p.value), Float64Array),
  };
}

async function runOnWorker(worker: WorkerHandle, spec: RunSpec): Promise<RunOutput> {
  const info = await worker.api.init(spec);
  await worker.api.step(spec.weeks);
  const { parts } = await rowsSince(worker, 0);
  return { spec, indicators: info.indicators, groups: info.groups, ...concatRows(parts), probes: await worker.api.probes() };
}

/** Rows recorded by a run so far, with the names to read them (a stop rule sees these). */
export interface RecordedRows extends RowColumns {
  indicators: IndicatorInfo[];
  groups: string[][];
}

/** Agent snapshots a run takes: after recorded weeks 0, every, 2·every, … (`take` gets the week). */
export interface AgentSampler {
  every: number;
  take: (worker: WorkerHandle, tick: number) => Promise<void>;
}

/** The first week count after `week` at which week − 1 is a sampled week (0, every, 2·every, …). */
export function nextSampleWeek(week: number, every: number): number {
  return Math.ceil(week / every) * every + 1;
}

/**
 * Runs one spec on a worker, recording every `chunkWeeks` weeks' rows through `onRows` (in week
 * order); stops early when `onRows` returns true (a sweep's stop condition). With a `sampler`, the
 * steps also end at each sampled week, where the sampler reads the agents.
 */
export async function recordOnWorker(
  worker: WorkerHandle,
  spec: RunSpec,
  chunkWeeks: number,
  onRows: (rows: RecordedRows) => boolean,
  sampler?: AgentSampler,
): Promise<void> {
  const info = await worker.api.init(spec);
  let from = 0;
  let week = 0;
  for (;;) {
    const chunk = sampler ? Math.min(chunkWeeks, nextSampleWeek(week, sampler.every) - week) : chunkWeeks;
    const stepped = await worker.api.step(chunk);
    week = stepped.week;
    if (sampler && week > 0 && (week - 1) % sampler.every === 0) await sampler.take(worker, week - 1);
    const { parts, next } = await rowsSince(worker, from);
    from = next;
    const stop = parts.length > 0 && onRows({ indicators: info.indicators, groups: info.groups, ...concatRows(parts) });
    if (stop || stepped.done) return;
  }
}

/** A pool of worker threads that can be stopped at once (Ctrl-C): in-flight runs are dropped. */
export class WorkerPool {
  private readonly handles: WorkerHandle[];
  private stopped = false;

  constructor(readonly size: number) {
    this.handles = Array.from({ length: Math.max(1, size) }, () => spawnWorker());
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /**
   * Runs `job` for each task, at most one per worker at a time, taking tasks in order;
   * `onResult` sees each result as it finishes (in finishing order). A worker is handed its next
   * task before `onResult` runs, so it computes while this thread writes the last result.
   */
  async run<T>(tasks: readonly number[], job: (worker: WorkerHandle, task: number) => Promise<T>, onResult: (task: number, result: T) => void): Promise<void> {
    let next = 0;
    const take = () => (!this.stopped && next < tasks.length ? tasks[next++] : undefined);
    const start = (handle: WorkerHandle, task: number) => {
      const running = job(handle, task);
      running.catch(() => {}); // awaited below; this only keeps a run cut short by stop() from being reported unhandled
      return running;
    };
    await Promise.all(
      this.handles.map(async (handle) => {
        let task = take();
        let running = task !== undefined ? start(handle, task) : null;
        while (task !== undefined && running !== null) {
          let result: T;
          try {
            result = await running;
          } catch (error) {
            if (this.stopped) return; // the worker was terminated under the run
            throw error;
          }
          const finished = task;
          task = take();
          running = task !== undefined ? start(handle, task) : null;
          if (this.stopped) return;
          onResult(finished, result);
        }
      }),
    );
  }

  /** Terminates every worker (in-flight runs are lost, to be run again on resume). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.handles.map((h) => h.terminate()));
  }
}

/**
 * Runs many specs on a pool of worker threads (results in spec order, whatever finishes first).
 * With `workers` ≤ 1 it runs them in this thread.
 */
export async function runMany(
  specs: RunSpec[],
  options: { workers?: number; onDone?: (done: number, total: number) => void } = {},
): Promise<RunOutput[]> {
  const workers = Math.max(1, Math.min(options.workers ?? 1, specs.length));
  const results: RunOutput[] = new Array(specs.length);
  let done = 0;
  if (workers <= 1) {
    specs.forEach((spec, k) => {
      results[k] = runInProcess(spec);
      options.onDone?.(++done, specs.length);
    });
    return results;
  }
  let next = 0;
  const handles = Array.from({ length: workers }, () => spawnWorker());
  try {
    await Promise.all(
      handles.map(async (handle) => {
        while (next < specs.length) {
          const k = next++;
          results[k] = await runOnWorker(handle, specs[k]);
          options.onDone?.(++done, specs.length);
        }
      }),
    );
  } finally {
    await Promise.all(handles.map((h) => h.terminate()));
  }
  return results;
}
