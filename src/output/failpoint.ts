/**
 * Crash points for the tests that kill a run at precise moments of a write: when the environment
 * variable GLOCAL_FAILPOINT names this point, the process sends itself SIGKILL (a real kill -9:
 * no handler, no cleanup runs). Unset in normal use, where this is one string comparison.
 */
export function failpoint(name: string): void {
  if (process.env.GLOCAL_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
