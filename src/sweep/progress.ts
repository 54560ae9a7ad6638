import cliProgress from 'cli-progress';

export interface SweepProgress {
  start(total: number, alreadyDone: number): void;
  update(done: number): void;
  stop(): void;
}

/** A progress bar of runs (done, runs per minute, ETA) on a terminal (stderr); nothing otherwise. */
export function sweepProgress(label: string, quiet: boolean): SweepProgress {
  if (quiet || !process.stderr.isTTY) return { start() {}, update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} runs | {rate} runs/min | {left}`,
      stream: process.stderr,
      hideCursor: true,
      barsize: 24,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedAt = 0;
  let startDone = 0;
  let total = 0;
  /** Runs per minute this session, and the time left at that rate. */
  const figures = (done: number) => {
    const minutes = (Date.now() - startedAt) / 60_000;
    if (!(minutes > 0) || done <= startDone) return { rate: '–', left: '– left' };
    const perMinute = (done - startDone) / minutes;
    const seconds = Math.round(((total - done) / perMinute) * 60);
    const left = seconds >= 3600 ? `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m` : seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
    return { rate: perMinute.toFixed(1), left: `${left} left` };
  };
  return {
    start(runs, alreadyDone) {
      startedAt = Date.now();
      startDone = alreadyDone;
      total = runs;
      bar.start(runs, alreadyDone, figures(alreadyDone));
    },
    update(done) {
      bar.update(done, figures(done));
    },
    stop() {
      bar.stop();
    },
  };
}
