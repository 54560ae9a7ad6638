import { spawnWorker, type WorkerHandle } from '../worker/spawn.ts';
import type { IndicatorBatch, RunInfo } from '../worker/api.ts';
import { progressBar } from './progress.ts';
import { SummaryCollector } from './summary.ts';
import type { ResolvedRun } from './run-inputs.ts';

/** Weeks simulated per worker call: small enough for a smooth progress bar and small batches. */
const STEP_CHUNK = 4;

export interface StreamedRun {
  info: RunInfo;
  rows: number;
  summary: SummaryCollector;
  /** Live agents at the end. */
  agents: number;
}

/**
 * Runs a resolved run in a worker thread and hands its indicator rows to `onRows` as weeks
 * complete; rows taken are released in the worker, so memory stays flat with run length. The
 * progress bar (stderr, terminals only) shows the week and the live agent count.
 */
export async function streamRun(
  resolved: ResolvedRun,
  options: {
    quiet?: boolean;
    onRows?: (batch: IndicatorBatch, info: RunInfo) => void;
    /** Asks the worker something about the world at the last week, before it is closed. */
    atEnd?: (api: WorkerHandle['api']) => Promise<void>;
  },
): Promise<StreamedRun> {
  const { spec } = resolved;
  const worker = spawnWorker();
  try {
    const info = await worker.api.init(spec);
    const summary = new SummaryCollector(info);
    const bar = options.quiet ? { update() {}, stop() {} } : progressBar(spec.weeks, `${spec.world}/${spec.scenarioName}`);
    let agents = info.agents;
    let rows = 0;
    const drain = async () => {
      for (;;) {
        const batch = await worker.api.indicators(rows);
        if (batch.next === rows) return;
        summary.add(batch);
        options.onRows?.(batch, info);
        rows = batch.next;
        await worker.api.release(rows);
      }
    };
    let done = spec.weeks <= 0;
    while (!done) {
      const result = await worker.api.step(STEP_CHUNK);
      agents = result.agents;
      done = result.done;
      bar.update(result.week, `${agents.toLocaleString('en')} agents`);
      await drain();
    }
    bar.stop();
    await options.atEnd?.(worker.api);
    return { info, rows, summary, agents };
  } finally {
    await worker.terminate();
  }
}
