import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appState,
  byTestId,
  configure,
  disconnectBrowser,
  download,
  openApp,
  playTo,
  waitForState,
  type AppPage,
} from './support/app.ts';
import { parseIndicatorsCsv, recordedWeeks } from './support/csv.ts';
import { REPO_ROOT } from './support/paths.ts';

/** `glocal run` in a child process; returns its indicators.csv bytes. */
function glocalRun(args: string[], directory: string): Buffer {
  execFileSync(process.execPath, [resolve(REPO_ROOT, 'bin/glocal.mjs'), 'run', ...args, '--quiet', '--out', directory], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return readFileSync(join(directory, 'indicators.csv'));
}

/** Share, export and the URL: what leaves the app is what `glocal run` makes of the same inputs. */
describe('share and export', () => {
  let app: AppPage;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'glocal-e2e-'));
    app = await openApp();
  });

  afterAll(async () => {
    await app?.close();
    await disconnectBrowser();
    rmSync(scratch, { recursive: true, force: true });
  });

  const cases = [
    { scenario: 'baseline', seed: 5, scale: 0.5, weeks: 6 },
    // With shocks: the same-seed reference run (and its loss indicators) is part of the CSV.
    { scenario: 'hub-lockdown', seed: 2, scale: 0.25, weeks: 30 },
  ];
  for (const c of cases) {
    it(`the CSV exported from the app equals glocal run's indicators.csv byte for byte (${c.scenario})`, async () => {
      const { page } = app;
      await configure(page, { world: 'two-hubs', scenario: c.scenario, seed: c.seed, params: { scale: c.scale } });
      const week = await playTo(page, c.weeks);
      const state = await appState(page);
      expect(state.exploratory).toBe(false);
      const exported = await download(page, 'export-csv');
      mkdirSync(resolve(REPO_ROOT, 'test-results/e2e'), { recursive: true });
      writeFileSync(resolve(REPO_ROOT, `test-results/e2e/exported-${c.scenario}.csv`), exported.bytes);
      const rows = parseIndicatorsCsv(exported.bytes.toString('utf8'));
      const weeks = recordedWeeks(rows);
      expect(weeks).toBe(week);
      expect(weeks).toBeGreaterThanOrEqual(c.weeks);
      if (c.scenario === 'hub-lockdown') expect(rows.some((r) => r.indicator === 'lostDeliveriesShare')).toBe(true);
      const reference = glocalRun(
        ['--world', 'two-hubs', '--scenario', c.scenario, '--seed', String(c.seed), '--weeks', String(weeks), '--set', `scale=${c.scale}`],
        join(scratch, `${c.scenario}-${c.seed}`),
      );
      writeFileSync(resolve(REPO_ROOT, `test-results/e2e/glocal-run-${c.scenario}.csv`), reference);
      expect(exported.bytes.length).toBe(reference.length);
      expect(exported.bytes.equals(reference)).toBe(true);
    });
  }

  it('a live shock marks the run as exploratory, in the state and in the export', async () => {
    const { page } = app;
    await configure(page, { world: 'two-hubs', scenario: 'baseline', seed: 5, params: { scale: 0.5 } });
    await playTo(page, 2);
    await byTestId(page, 'shock-kind').selectOption('lockdown');
    await byTestId(page, 'shock-weeks').fill('4');
    await byTestId(page, 'shock-apply').click();
    await waitForState(page, (s) => s.exploratory, 'exploratory after a live shock');
    const exported = await download(page, 'export-csv');
    expect(`${exported.name}\n${exported.bytes.toString('utf8')}`).toMatch(/exploratory/i);
  });

  it('exports the map as PNG and the scenario as JSON that glocal run accepts', async () => {
    const { page } = app;
    await configure(page, { world: 'two-hubs', scenario: 'hub-lockdown', seed: 9, params: { scale: 0.25 } });
    await byTestId(page, 'policy-instrument').selectOption('training');
    await byTestId(page, 'policy-target').selectOption('all');
    await byTestId(page, 'policy-level').fill('0.4');
    await byTestId(page, 'policy-add').click();
    await waitForState(page, (s) => JSON.stringify(s.policy).includes('training'), 'the training policy');
    const png = await download(page, 'export-png');
    expect(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.bytes.length).toBeGreaterThan(2_000);
    // At the map's full size, even where software WebGL draws the live map at less.
    const cssWidth = await byTestId(page, 'map').evaluate((canvas) => Math.round(canvas.getBoundingClientRect().width * Math.min(2, devicePixelRatio)));
    expect(png.bytes.readUInt32BE(16)).toBe(cssWidth);
    mkdirSync(resolve(REPO_ROOT, 'test-results/e2e'), { recursive: true });
    writeFileSync(resolve(REPO_ROOT, 'test-results/e2e/exported-map.png'), png.bytes);

    const scenario = await download(page, 'export-scenario');
    const json = JSON.parse(scenario.bytes.toString('utf8')) as { shocks?: unknown[]; policy?: { instrument: string; level: number }[] };
    expect(json.shocks?.length).toBe(1);
    expect(json.policy?.some((p) => p.instrument === 'training' && p.level === 0.4)).toBe(true);
    const file = join(scratch, 'exported-scenario.json');
    writeFileSync(file, scenario.bytes);
    const csv = glocalRun(['--world', 'two-hubs', '--scenario', file, '--seed', '9', '--weeks', '2', '--set', 'scale=0.25'], join(scratch, 'from-export'));
    expect(parseIndicatorsCsv(csv.toString('utf8')).length).toBeGreaterThan(0);
  });

  it('a shared URL reproduces the state', async () => {
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await configure(page, { world: 'two-hubs', scenario: 'hub-lockdown', seed: 31, params: { scale: 0.25, freightPerUnitKm: 0.0019 } });
    await byTestId(page, 'policy-instrument').selectOption('digitalInfrastructure');
    await byTestId(page, 'policy-target').selectOption('SAH');
    await byTestId(page, 'policy-level').fill('0.7');
    await byTestId(page, 'policy-add').click();
    const original = await waitForState(page, (s) => JSON.stringify(s.policy).includes('digitalInfrastructure'), 'the policy');
    await byTestId(page, 'share').click();
    await page.waitForTimeout(300);
    // The share button copies the link (and may also put it in the address bar).
    const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
    const link = /^https?:\/\//.test(copied) ? copied : page.url();
    expect(new URL(link).search + new URL(link).hash).toContain('seed=31');

    const second = await openApp(new URL(link).search + new URL(link).hash);
    try {
      const state = await appState(second.page);
      expect(state.world).toBe(original.world);
      expect(state.scenario).toBe(original.scenario);
      expect(state.seed).toBe(31);
      expect(state.params).toEqual(original.params);
      expect(state.params.freightPerUnitKm).toBe(0.0019);
      expect(state.policy).toEqual(original.policy);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
