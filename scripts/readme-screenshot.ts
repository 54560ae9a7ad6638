/**
 * Refreshes docs/screenshot.png (the README's opening picture) from the built app:
 * `node bin/run-ts.mjs scripts/readme-screenshot.ts`. Builds into bench/tmp/screenshot-dist,
 * opens two-hubs with the hub lockdown in headless Chromium (software WebGL), plays into the
 * lockdown (week 26 onwards) and saves the page.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../tests/e2e/support/paths.ts';
import { buildAndServe, ensureChromium } from '../tests/e2e/support/serve.ts';

const OUT = resolve(REPO_ROOT, 'docs/screenshot.png');
const WEEKS = 29;

ensureChromium();
const app = await buildAndServe(resolve(REPO_ROOT, 'bench/tmp/screenshot-dist'));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  // tsx keeps function names with a __name helper that the page lacks: give it one.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(`${app.url}#world=two-hubs&scenario=hub-lockdown&seed=1&layer=employment`);
  await page.waitForFunction(() => typeof (window as unknown as { glocal?: unknown }).glocal === 'object', undefined, { timeout: 120_000 });
  await page.evaluate(() => (window as unknown as { glocal: { ready: Promise<void> } }).glocal.ready);
  await page.getByTestId('speed').fill('8');
  const play = page.getByTestId('play');
  if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
  await page.waitForFunction(
    (weeks) => (window as unknown as { glocal: { state(): { week: number } } }).glocal.state().week >= weeks,
    WEEKS,
    { timeout: 120_000, polling: 200 },
  );
  await play.click();
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await app.close();
}
