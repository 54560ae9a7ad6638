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
      format: `${label} [{bar}] {value}/{total} runs | {rate} runs/min | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedAt = 0;
  let startDone = 0;
  const rate = (done: number) => {
    const minutes = (Date.now() - startedAt) / 60_000;
    return minutes > 0 && done > startDone ? ((done - startDone) / minutes).toFixed(1) : '–';
  };
  return {
    start(total, alreadyDone) {
      startedAt = Date.now();
      startDone = alreadyDone;
      bar.start(total, alreadyDone, { rate: '–' });
    },
    update(done) {
      bar.update(done, { rate: rate(done) });
    },
    stop() {
      bar.stop();
    },
  };
}
