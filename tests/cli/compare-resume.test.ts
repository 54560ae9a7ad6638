import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glocal } from './cli-helpers.ts';
import { startGlocal, waitFor } from '../sweep/sweep-helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'glocal-compare-resume-'));
const args = (out: string) => [
  'compare', '--world', 'two-hubs', '--scenario', 'hub-lockdown', '--scheme', 'tariff-wall', '--scheme', 'sme-tech-grants',
  '--seeds', '3', '--weeks', '12', '--set', 'scale=0.05', '--set', 'warmupWeeks=2', '--workers', '1', '--quiet', '--out', out,
];

/** Finished part files of an arm still running (a finished arm has none). */
const parts = (out: string, arm: string) => {
  const directory = join(out, 'arms', arm, 'parts');
  return existsSync(directory) ? readdirSync(directory).filter((n) => /^run-\d+\.bin$/.test(n)).length : 0;
};

describe('an interrupted glocal compare', () => {
  it('stops on Ctrl-C saying how to resume, and the same command finishes it with the bytes of an unbroken comparison', async () => {
    const unbroken = join(folder, 'unbroken');
    expect((await glocal(args(unbroken), 300_000)).code).toBe(0);

    const out = join(folder, 'interrupted');
    const { child, exited } = startGlocal(args(out));
    await waitFor(() => parts(out, 'tariff-wall') >= 1, 240_000);
    child.kill('SIGINT');
    const stopped = await exited;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/resume with: glocal compare --world two-hubs --scenario hub-lockdown --scheme tariff-wall --scheme sme-tech-grants/);
    expect(existsSync(join(out, 'comparison.csv'))).toBe(false);

    const resumed = await glocal(args(out), 300_000);
    expect(resumed.code).toBe(0);
    // The runs finished before the interrupt are kept, not run again.
    expect(Number(/(\d+) runs now/.exec(resumed.stdout)?.[1])).toBeLessThan(9);
    for (const name of ['comparison.csv', 'report.md', 'report.html']) {
      expect(readFileSync(join(out, name)).equals(readFileSync(join(unbroken, name)))).toBe(true);
    }
    for (const arm of ['baseline', 'tariff-wall', 'sme-tech-grants']) {
      expect(readFileSync(join(out, 'arms', arm, 'results.parquet')).equals(readFileSync(join(unbroken, 'arms', arm, 'results.parquet')))).toBe(true);
    }
  }, 600_000);
});
