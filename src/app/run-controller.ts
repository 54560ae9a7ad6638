import { wrap, type Remote } from 'comlink';
import type { Api, RunInfo } from '../worker/api.ts';
import type { MapSnapshot } from '../worker/map-snapshot.ts';
import type { RunSpec } from '../model/simulation.ts';
import { SeriesStore } from './series-store.ts';

/** Weeks per worker call at most, and the time a call should take at most (ms): pauses stay prompt. */
const MAX_WEEKS_PER_CALL = 26;
const CALL_BUDGET_MS = 120;

/**
 * One simulation in its own browser Web Worker (src/worker/api.ts through comlink). The UI
 * thread never steps the model: it asks the worker for weeks, then for one map snapshot and the
 * new indicator rows, at most once per animation frame, with one request in flight at a time.
 */
export class RunController extends EventTarget {
  readonly worker: Worker;
  readonly api: Remote<Api>;
  info: RunInfo | null = null;
  spec: RunSpec | null = null;
  snapshot: MapSnapshot | null = null;
  series: SeriesStore | null = null;
  playing = false;
  /** Target weeks per second while playing. */
  speed = 8;
  /** Weeks simulated per second, measured over the last second. */
  measuredWps = 0;
  done = false;
  /** A change made since reset that the run's spec does not hold (live policy or shock). */
  exploratory = false;
  private busy: Promise<void> | null = null;
  /** Paused while a step was in flight: `settling` until that step has landed. */
  private settlePending = false;
  private owed = 0;
  private lastFrame = 0;
  private readonly completions: { time: number; weeks: number }[] = [];
  /** Measured worker time per week (ms, moving average): sizes the calls. */
  private msPerWeek = 5;

  constructor() {
    super();
    this.worker = new Worker(new URL('../worker/browser-entry.ts', import.meta.url), { type: 'module' });
    this.api = wrap<Api>(this.worker);
  }

  get week(): number {
    return this.snapshot ? Math.max(0, this.snapshot.week) : 0;
  }

  /** Starts a fresh run from a spec (reset), and fetches its first picture. */
  async start(spec: RunSpec): Promise<void> {
    await this.busy;
    this.spec = spec;
    this.info = await this.api.init(spec);
    this.series = new SeriesStore(this.info);
    this.done = false;
    this.exploratory = false;
    this.owed = 0;
    this.completions.length = 0;
    this.measuredWps = 0;
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const [snapshot, batch] = await Promise.all([this.api.mapSnapshot(), this.api.indicators(this.series?.next ?? 0)]);
    this.snapshot = snapshot;
    this.series?.add(batch);
    this.dispatchEvent(new Event('update'));
  }

  /** Runs `weeks` weeks in the worker, then refreshes once. */
  async step(weeks = 1): Promise<void> {
    if (this.busy) await this.busy;
    const run = async () => {
      const started = performance.now();
      const result = await this.api.step(weeks);
      this.msPerWeek = 0.7 * this.msPerWeek + 0.3 * ((performance.now() - started) / Math.max(1, weeks));
      this.done = result.done;
      this.completions.push({ time: performance.now(), weeks });
      await this.refresh();
    };
    this.busy = run().finally(() => {
      this.busy = null;
      if (this.settlePending) {
        this.settlePending = false;
        this.dispatchEvent(new Event('update'));
      }
    });
    return this.busy;
  }

  /** Called every animation frame: asks for the weeks due at the current speed when idle. */
  frame(now: number): void {
    const elapsed = this.lastFrame ? Math.min(0.25, (now - this.lastFrame) / 1000) : 0;
    this.lastFrame = now;
    this.updateMeasuredSpeed(now);
    if (!this.playing || this.done) return;
    // A call may take as long as a frame does (slow frames: bigger calls), and never less than the budget.
    const budget = Math.max(CALL_BUDGET_MS, elapsed * 1000);
    const perCall = Math.max(1, Math.min(MAX_WEEKS_PER_CALL, Math.floor(budget / this.msPerWeek)));
    this.owed = Math.min(perCall, this.owed + elapsed * this.speed);
    if (this.busy || this.owed < 1) return;
    const weeks = Math.floor(this.owed);
    this.owed -= weeks;
    void this.step(weeks).then(() => {
      if (this.done) this.setPlaying(false);
    });
  }

  setPlaying(playing: boolean): void {
    this.playing = playing && !this.done;
    this.settlePending = !this.playing && this.busy !== null;
    this.dispatchEvent(new Event('update'));
  }

  /**
   * Paused, with the worker still finishing the weeks asked for before the pause (a pause shows
   * at once; the week on screen may still move once, when that call lands).
   */
  get settling(): boolean {
    return this.settlePending;
  }

  private updateMeasuredSpeed(now: number): void {
    while (this.completions.length > 0 && now - this.completions[0].time > 1000) this.completions.shift();
    this.measuredWps = this.completions.reduce((sum, c) => sum + c.weeks, 0);
  }

  /** Waits for the request in flight, if any. */
  async idle(): Promise<void> {
    await this.busy;
  }

  terminate(): void {
    this.worker.terminate();
  }
}
