import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byTestId,
  callApi,
  clickPlant,
  configure,
  disconnectBrowser,
  download,
  foreignRequests,
  openApp,
  pause,
  play,
  playTo,
  saveScreenshot,
  shownWeek,
  waitForState,
  waitForWeek,
  type AppPage,
} from './support/app.ts';
import { changedShare, distinctColours, samplePixels } from './support/pixels.ts';
import { valueAt, parseIndicatorsCsv } from './support/csv.ts';

/** The main view at a small scale: loading, playing, the map, parameters and policies. */
describe('the app', () => {
  let app: AppPage;

  beforeAll(async () => {
    app = await openApp();
  });

  afterAll(async () => {
    await app?.close();
    await disconnectBrowser();
  });

  it('loads with no console error and no request outside its origin, and opens on two-hubs', async () => {
    const { page } = app;
    expect(app.errors).toEqual([]);
    // The build uses lit's production code (vite.config.ts), even when NODE_ENV is `test`.
    expect(app.messages.filter((m) => /dev mode/i.test(m))).toEqual([]);
    expect(app.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(app.requests)).toEqual([]);
    const state = await page.evaluate(() => (window as unknown as { glocal: { state(): { world: string } } }).glocal.state());
    expect(state.world).toBe('two-hubs');
    await saveScreenshot(page, 'main-view');
  });

  it('play advances the week, and the map has painted pixels that change over time', async () => {
    const { page } = app;
    await configure(page, { seed: 7, params: { scale: 0.5 } });
    const map = byTestId(page, 'map');
    const before = await samplePixels(map);
    expect(before.width).toBeGreaterThan(0);
    expect(distinctColours(before)).toBeGreaterThan(8);
    const start = await shownWeek(page);
    await play(page);
    await waitForWeek(page, start + 10);
    await pause(page);
    expect(await shownWeek(page)).toBeGreaterThanOrEqual(start + 10);
    await page.waitForTimeout(200);
    const after = await samplePixels(map);
    expect(changedShare(before, after)).toBeGreaterThan(0.001);
    expect(foreignRequests(app.requests)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('switching the choropleth changes the map', async () => {
    const { page } = app;
    const map = byTestId(page, 'map');
    await byTestId(page, 'choropleth').selectOption('access');
    await page.waitForTimeout(500);
    const access = await samplePixels(map);
    await byTestId(page, 'choropleth').selectOption('trustFirms');
    await page.waitForTimeout(500);
    const trust = await samplePixels(map);
    expect(changedShare(access, trust)).toBeGreaterThan(0.01);
    expect(app.errors).toEqual([]);
  });

  it('a parameter changed in the panel reaches the worker', async () => {
    const { page } = app;
    const before = await callApi<Record<string, unknown>>(page, 'params');
    expect(before.freightPerUnitKm).not.toBe(0.0021);
    await configure(page, { params: { scale: 0.5, freightPerUnitKm: 0.0021 } });
    const after = await callApi<Record<string, unknown>>(page, 'params');
    expect(after.freightPerUnitKm).toBe(0.0021);
    expect(after.scale).toBe(0.5);
  });

  it('digital infrastructure set in the policy panel raises digital use where it is aimed', async () => {
    // Checked in Node first: on two-hubs, infrastructure at level 1 for the low-income group
    // (Sahelia) raises Sahelia's digital use within weeks, with the same seed.
    const { page } = app;
    const usage = async () => {
      await playTo(page, 12);
      const rows = parseIndicatorsCsv((await download(page, 'export-csv')).bytes.toString('utf8'));
      return valueAt(rows, { tick: 11, scope: 'region', group: 'SAH', indicator: 'digitalUsage' });
    };
    await configure(page, { scenario: 'baseline', seed: 3, params: { scale: 0.5 } });
    const without = await usage();
    await configure(page, { seed: 3, params: { scale: 0.5 } });
    await byTestId(page, 'policy-instrument').selectOption('digitalInfrastructure');
    await byTestId(page, 'policy-target').selectOption('low_income');
    await byTestId(page, 'policy-level').fill('1');
    await byTestId(page, 'policy-add').click();
    const state = await waitForState(page, (s) => JSON.stringify(s.policy).includes('digitalInfrastructure'), 'the policy');
    expect(state.week).toBe(0);
    const withPolicy = await usage();
    expect(withPolicy).toBeGreaterThan(without);
    expect(app.errors).toEqual([]);
  });

  it('a plant clicked on the map shows in the inspector why its firm runs its strategy: four strategies, one current, chances adding to 100% (screenshot saved)', async () => {
    const { page } = app;
    await pause(page);
    await clickPlant(page, 0);
    const table = byTestId(page, 'strategy-table');
    await table.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await table.locator('caption').textContent()).toBe('Why this strategy?');
    const rows = table.locator('tbody tr');
    expect(await rows.locator('th[scope="row"]').allTextContents()).toEqual([
      expect.stringMatching(/^GLOBAL/), expect.stringMatching(/^DUAL/), expect.stringMatching(/^NEARSHORE/), expect.stringMatching(/^MULTILOCAL/),
    ]);
    // Exactly one row is marked as the firm's strategy now, in bold, and it is the one the inspector's state shows.
    const current = table.locator('tbody tr[data-current="true"]');
    expect(await current.count()).toBe(1);
    const marked = (await current.locator('th strong').textContent()) ?? '';
    expect(marked).toMatch(/^[A-Z]+ \(now\)$/);
    expect(await table.locator('tbody th strong').count()).toBe(1);
    const state = await byTestId(page, 'inspector').locator('tr', { has: page.locator('th', { hasText: /^strategy$/ }) }).locator('td').textContent();
    expect(marked).toBe(`${state} (now)`);
    // The last column is the logit over the four: its percentages add up to 100 % (each rounded to 0.1).
    const chances = (await rows.locator('td:last-child').allTextContents()).map((text) => Number(text.replace('%', '')));
    expect(chances.every((c) => c >= 0 && c <= 100)).toBe(true);
    expect(Math.abs(chances.reduce((sum, c) => sum + c, 0) - 100)).toBeLessThanOrEqual(0.3);
    await table.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'inspector-plant');
    // Esc clears the selection: the plant's table leaves the inspector.
    await page.keyboard.press('Escape');
    await table.waitFor({ state: 'hidden', timeout: 10_000 });
    expect(app.errors).toEqual([]);
  });
});
