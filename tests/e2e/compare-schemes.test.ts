/** Compare mode's scheme picker: the library of `glocal compare`, laid over the policy run. */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appState, byTestId, disconnectBrowser, openApp, pause, waitForState, waitReady, type AppPage } from './support/app.ts';
import { REPO_ROOT } from './support/paths.ts';

const SCHEME = 'digital-infrastructure-with-training';
const schemeFile = JSON.parse(readFileSync(resolve(REPO_ROOT, 'worlds/two-hubs/schemes', `${SCHEME}.json`), 'utf8')) as { description: string; policy: unknown[] };

interface StartedRun {
  scenario: string | { policy?: unknown[] };
  seed: number;
}

/** The requests the app last started its runs from (`window.glocal.runs()`). */
function startedRuns(page: Page): Promise<{ main: StartedRun | null; baseline: StartedRun | null }> {
  return page.evaluate(() => (window as unknown as { glocal: { runs(): { main: StartedRun | null; baseline: StartedRun | null } } }).glocal.runs());
}

/** The test id of the focused element, through open shadow roots. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute('data-testid') ?? null;
  });
}

describe('compare mode: scheme library', () => {
  let app: AppPage;

  beforeAll(async () => {
    app = await openApp('world=two-hubs&scenario=baseline&seed=3&params=%7B%22scale%22%3A0.5%7D');
  });

  afterAll(async () => {
    await app?.close();
    await disconnectBrowser();
  });

  it('offers the world’s schemes by keyboard, and a chosen one makes the policy run the scenario plus the scheme', async () => {
    const { page } = app;
    await pause(page);
    const picker = byTestId(page, 'scheme');
    expect(await picker.count()).toBe(0);
    await byTestId(page, 'compare').click();
    await picker.waitFor({ state: 'visible', timeout: 60_000 });
    // Reachable by keyboard: the next stop after the compare button.
    await byTestId(page, 'compare').focus();
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('scheme');
    const option = picker.locator(`option[value="${SCHEME}"]`);
    expect(await option.getAttribute('title')).toBe(schemeFile.description);
    await picker.selectOption(SCHEME);
    await waitForState(page, (s) => s.scheme === SCHEME && s.week === 0, `scheme ${SCHEME} at week 0`);
    const runs = await startedRuns(page);
    expect(typeof runs.main?.scenario).toBe('object');
    expect((runs.main?.scenario as { policy?: unknown[] }).policy).toEqual(schemeFile.policy);
    expect(runs.baseline?.scenario).toBe('baseline');
    expect(runs.baseline?.seed).toBe(3);
    expect(runs.main?.seed).toBe(3);
    // Screen readers hear the scheme's name too, not "your policy".
    expect(await byTestId(page, 'map-compare').getAttribute('aria-label')).toContain(SCHEME);
    // The link is written once the runs are built.
    await page.waitForFunction((name) => location.hash.includes(`scheme=${name}`), SCHEME, { timeout: 60_000 });
    expect(app.errors).toEqual([]);
  });

  it('an axe scan with the picker shown finds no serious or critical violation', async () => {
    const results = await new AxeBuilder({ page: app.page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  });

  it('keeps the scheme over a reload, and drops it when the world changes', async () => {
    const { page } = app;
    await page.reload();
    await waitReady(page);
    expect((await appState(page)).scheme).toBe(SCHEME);
    expect(await byTestId(page, 'scheme').inputValue()).toBe(SCHEME);
    expect(((await startedRuns(page)).main?.scenario as { policy?: unknown[] }).policy).toEqual(schemeFile.policy);
    await pause(page);
    await byTestId(page, 'world').selectOption('world-2019');
    await waitForState(page, (s) => s.world === 'world-2019', 'world-2019', 120_000);
    expect((await appState(page)).scheme).toBe('');
    expect(await byTestId(page, 'scheme').inputValue()).toBe('');
    expect(app.errors).toEqual([]);
  });
});
