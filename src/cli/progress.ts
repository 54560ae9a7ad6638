import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, note?: string): void;
  stop(): void;
}

/** A progress bar on a terminal (stderr), nothing otherwise (files, CI logs). */
export function progressBar(total: number, label: string, unit = 'week'): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | ${unit} {value}/{total} | {note} | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { note: '' });
  return {
    update(done, note = '') {
      bar.update(done, { note });
    },
    stop() {
      bar.stop();
    },
  };
}
