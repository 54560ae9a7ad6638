import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, glocal, glocalWith, HUB_LOCKDOWN_PATH, sha256, startGlocal, tempDir, waitFor } from './cli-helpers.ts';

/**
 * Results reach the disk whole: the output folder is checked before running, locked against a
 * second writer, written in a temporary folder renamed into place at the end (kill -9 at any
 * point leaves the previous result or nothing), and reproducible from its manifest.
 */

/** A small, fast run: two-hubs at a tenth of the agents, no warm-up, 12 weeks (3 batches of rows). */
const SMALL = ['--world', 'two-hubs', '--scenario', 'baseline', '--weeks', '12', '--set', 'scale=0.1', '--set', 'warmupWeeks=0', '--quiet'];

/** A result folder is whole: exactly its two files, and the CSV is the one the manifest names. */
function expectWhole(dir: string): { csvSha: string; manifest: Record<string, unknown> } {
  expect(readdirSync(dir).sort()).toEqual(['indicators.csv', 'manifest.json']);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const csvSha = sha256(readFileSync(join(dir, 'indicators.csv')));
  expect((manifest.outputs as Record<string, { sha256: string }>)['indicators.csv'].sha256).toBe(csvSha);
  return { csvSha, manifest };
}

/** Names in a folder other than the given ones (temporaries, locks). */
const leftovers = (parent: string, keep: string[]) => readdirSync(parent).filter((e) => !keep.includes(e));

describe('the output folder is checked before anything runs', () => {
  it('--out /proc/x exits 2 at once with a message (it used to hang at 100% CPU)', async () => {
    const result = await glocal(['run', ...SMALL, '--out', '/proc/x'], 30_000);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/--out \/proc\/x: is inside \/proc, a system file system/);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it('an existing file as --out exits 2 before simulating (a 5,200-week world-2019 run would take minutes)', async () => {
    const dir = tempDir();
    const file = join(dir, 'results');
    writeFileSync(file, 'precious');
    const result = await glocal(['run', '--world', 'world-2019', '--weeks', '5200', '--quiet', '--out', file], 30_000);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/is a file, not a folder/);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['results']);
  });

  it('refuses an existing result without --force, and replaces it with --force', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect((await glocal(['run', ...SMALL, '--seed', '1', '--out', out])).code).toBe(0);
    const first = expectWhole(out);
    const refused = await glocal(['run', ...SMALL, '--seed', '2', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists.*--force/);
    expect(expectWhole(out).csvSha).toBe(first.csvSha);
    const forced = await glocal(['run', ...SMALL, '--seed', '2', '--force', '--out', out]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(expectWhole(out).csvSha).not.toBe(first.csvSha);
    expect(leftovers(parent, ['out'])).toEqual([]);
  });
});

describe('kill -9 during the write leaves the previous result or nothing, and the next run cleans up', () => {
  for (const point of ['after-temp-created', 'mid-write', 'before-manifest']) {
    it(`a first run killed at ${point}: no result folder; the next run reports and removes the leftovers`, async () => {
      const parent = tempDir();
      const out = join(parent, 'out');
      const killed = await glocalWith(['run', ...SMALL, '--out', out], { env: { GLOCAL_FAILPOINT: point } });
      expect(killed.signal).toBe('SIGKILL');
      expect(existsSync(out)).toBe(false);
      expect(leftovers(parent, []).some((e) => e.startsWith('.out.glocal-tmp-'))).toBe(true);
      const next = await glocal(['run', ...SMALL, '--out', out]);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).toMatch(/removed .*\.out\.glocal-tmp-\d+, left unfinished by a run that was killed/);
      expectWhole(out);
      expect(leftovers(parent, ['out'])).toEqual([]);
    });
  }

  for (const point of ['mid-write', 'after-old-aside', 'after-commit-rename']) {
    it(`a --force run killed at ${point}: the folder holds the old result or the new, whole; never a mix`, async () => {
      const parent = tempDir();
      const out = join(parent, 'out');
      expect((await glocal(['run', ...SMALL, '--seed', '1', '--out', out])).code).toBe(0);
      const old = expectWhole(out).csvSha;
      const killed = await glocalWith(['run', ...SMALL, '--seed', '2', '--force', '--out', out], { env: { GLOCAL_FAILPOINT: point } });
      expect(killed.signal).toBe('SIGKILL');
      if (point === 'after-old-aside') {
        expect(existsSync(out)).toBe(false); // between the two renames: nothing under the name…
        const next = await glocal(['run', ...SMALL, '--seed', '3', '--out', out]);
        expect(next.stderr).toMatch(/restored the previous result/); // …and the next run puts the old one back
        expect(next.code).toBe(2); // then refuses to overwrite it without --force
        expect(expectWhole(out).csvSha).toBe(old);
      } else {
        const now = expectWhole(out).csvSha;
        if (point === 'after-commit-rename') expect(now).not.toBe(old);
        else expect(now).toBe(old);
        const next = await glocal(['run', ...SMALL, '--seed', '3', '--force', '--out', out]);
        expect(next.code, next.stderr).toBe(0);
        expect(next.stderr).toMatch(/removed .*\.out\.glocal-(tmp|old)-\d+/);
        expectWhole(out);
      }
      expect(leftovers(parent, ['out'])).toEqual([]);
    });
  }

  it('an external kill -9 as soon as the temporary folder appears leaves no result, and the next run cleans up', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    const { child, exited } = startGlocal(['run', ...SMALL, '--weeks', '200', '--out', out]);
    await waitFor(() => readdirSync(parent).some((e) => e.startsWith('.out.glocal-tmp-')), 'the temporary folder');
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const next = await glocal(['run', ...SMALL, '--out', out]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/left unfinished by a run that was killed/);
    expectWhole(out);
    expect(leftovers(parent, ['out'])).toEqual([]);
  });
  it('SIGTERM (or ^C) during the write removes the temporary folder and the lock, and exits 130', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    const { child, exited } = startGlocal(['run', ...SMALL, '--weeks', '200', '--out', out]);
    await waitFor(() => readdirSync(parent).some((e) => e.startsWith('.out.glocal-tmp-')), 'the temporary folder');
    child.kill('SIGTERM');
    const result = await exited;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/interrupted; unfinished files removed/);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('one writer per output folder', () => {
  it('a second run aimed at a folder being written exits 2 at once naming the first; the first completes', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    // The first run is held after it took the lock (until the release file exists), so the second
    // meets it mid-write however fast or slow this machine is.
    const release = join(parent, 'release');
    const first = startGlocal(['run', ...SMALL, '--weeks', '150', '--out', out], { GLOCAL_PAUSEPOINT: 'after-temp-created', GLOCAL_PAUSE_RELEASE: release });
    await waitFor(() => existsSync(join(parent, '.out.glocal-lock')), 'the lock file');
    const second = await glocal(['run', ...SMALL, '--out', out], 30_000);
    writeFileSync(release, '');
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`is being written by glocal process ${first.child.pid}`);
    expect(second.stderr).toMatch(/glocal run .*--out/);
    const done = await first.exited;
    expect(done.code, done.stderr).toBe(0);
    expectWhole(out);
    expect(leftovers(parent, ['out', 'release'])).toEqual([]);
  });
});

function sh(line: string, cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    execFile('/bin/sh', ['-c', line], { cwd, env: { ...process.env, CI: 'true' }, timeout: 90_000 }, (error, _stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr: String(stderr) });
    });
  });
}

describe('the manifest reproduces the run from anywhere', () => {
  it('with a path containing spaces, relative paths and --no-paired: the rerun line and glocal rerun give the same bytes', async () => {
    const root = tempDir();
    const work = join(root, 'my work dir');
    const elsewhere = join(root, 'somewhere else');
    mkdirSync(work);
    mkdirSync(elsewhere);
    copyFileSync(HUB_LOCKDOWN_PATH, join(work, 'my scenario.json'));
    const args = ['run', '--world', 'two-hubs', '--scenario', 'my scenario.json', '--weeks', '30', '--set', 'scale=0.1', '--set', 'warmupWeeks=0', '--no-paired', '--quiet'];
    const first = await glocalWith([...args, '--out', 'out dir'], { cwd: work });
    expect(first.code, first.stderr).toBe(0);
    const original = join(work, 'out dir');
    const { csvSha, manifest } = expectWhole(original);
    expect(manifest.paired).toBe(false);
    expect(manifest.rerun).toContain('--no-paired');
    expect(manifest.rerun).toContain(`'${join(work, 'my scenario.json')}'`);
    expect((manifest.flags as Record<string, unknown>).paired).toBe(false);
    expect((manifest.scenario as Record<string, unknown>).sha256).toMatch(/^[0-9a-f]{64}$/);

    // The recorded line, verbatim, from another directory (the original folder moved out of the way).
    const kept = join(root, 'kept');
    renameSync(original, kept);
    const line = String(manifest.rerun).replace(/^glocal /, `'${process.execPath}' '${BIN}' `);
    const byLine = await sh(`${line} --quiet`, elsewhere);
    expect(byLine.code, byLine.stderr).toBe(0);
    expect(sha256(readFileSync(join(original, 'indicators.csv')))).toBe(csvSha);

    // glocal rerun uses the scenario embedded in the manifest: changing the file does not matter.
    writeFileSync(join(work, 'my scenario.json'), '{"shocks": []}');
    const rerun = await glocalWith(['rerun', join(kept, 'manifest.json'), '--quiet'], { cwd: elsewhere });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain('Reproduced byte for byte: indicators.csv');
    const again = expectWhole(join(root, 'kept-rerun'));
    expect(again.csvSha).toBe(csvSha);
    expect(again.manifest.paired).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('glocal rerun checks what it reproduces', () => {
  it('refuses a manifest whose embedded scenario was edited, and exits 1 when an output differs', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect((await glocal(['run', ...SMALL, '--out', out])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      scenario: { definition: { shocks: unknown[] } };
      outputs: Record<string, { sha256: string }>;
    };
    const edited = structuredClone(manifest);
    edited.scenario.definition.shocks.push({ kind: 'borderClosure', target: 'all', start: 0, weeks: 1 });
    writeFileSync(join(parent, 'edited.json'), JSON.stringify(edited));
    const refused = await glocal(['rerun', join(parent, 'edited.json'), '--out', join(parent, 'x')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/embedded scenario does not match its sha256/);
    expect(existsSync(join(parent, 'x'))).toBe(false);

    const wrongHash = structuredClone(manifest);
    wrongHash.outputs['indicators.csv'].sha256 = '0'.repeat(64);
    writeFileSync(join(parent, 'wrong-hash.json'), JSON.stringify(wrongHash));
    const differs = await glocal(['rerun', join(parent, 'wrong-hash.json'), '--quiet', '--out', join(parent, 'y')]);
    expect(differs.code).toBe(1);
    expect(differs.stderr).toMatch(/rerun differs from .*wrong-hash\.json in indicators\.csv/);
    expectWhole(join(parent, 'y')); // the rerun's own result is kept, whole, for inspection
  });
});
