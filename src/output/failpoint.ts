import { existsSync } from 'node:fs';

/**
 * Crash and pause points for the tests that act at precise moments of a write. When the
 * environment variable GLOCAL_FAILPOINT names this point, the process sends itself SIGKILL (a real
 * kill -9: no handler, no cleanup runs). When GLOCAL_PAUSEPOINT names it, the process waits there
 * until the file named by GLOCAL_PAUSE_RELEASE exists (so a test can hold a run mid-write however
 * fast or slow the machine is). Unset in normal use, where this is two string comparisons.
 */
export function failpoint(name: string): void {
  if (process.env.GLOCAL_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
  if (process.env.GLOCAL_PAUSEPOINT === name) waitForRelease(process.env.GLOCAL_PAUSE_RELEASE ?? '');
}

function waitForRelease(path: string): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (path !== '' && !existsSync(path)) Atomics.wait(sleeper, 0, 0, 20);
}
