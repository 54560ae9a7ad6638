/**
 * Renders a comparison's report.html in headless Chromium to docs/compare-report.png:
 * `node bin/run-ts.mjs scripts/compare-screenshot.ts DIR` (DIR from `glocal compare --out DIR`).
 * The page loads nothing from outside, so it is opened straight from the file; any request other
 * than the file itself fails the script.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../tests/e2e/support/paths.ts';
import { ensureChromium } from '../tests/e2e/support/serve.ts';

const directory = process.argv[2];
if (!directory) throw new Error('usage: node bin/run-ts.mjs scripts/compare-screenshot.ts DIR');
const OUT = resolve(REPO_ROOT, 'docs/compare-report.png');
const page_url = pathToFileURL(resolve(directory, 'report.html')).href;

ensureChromium();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, deviceScaleFactor: 1 });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(page_url);
  await page.screenshot({ path: OUT });
  const outside = requests.filter((url) => url !== page_url);
  if (outside.length > 0) throw new Error(`report.html requested ${outside.join(', ')}`);
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
}
