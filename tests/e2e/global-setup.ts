import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_DIST } from './support/paths.ts';
import { buildAndServe, ensureChromium } from './support/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served for the browser tests (http://127.0.0.1:PORT/). */
    appUrl: string;
    /** Playwright endpoint of the one Chromium every test file connects to. */
    browserEndpoint: string;
  }
}

/**
 * Once per e2e run: installs Debian's chromium when missing (scripts/ensure-chromium.sh fails
 * loudly rather than skip), builds the app with Vite into test-results/e2e/dist, serves it on a
 * free loopback port with `vite preview`, and starts one Chromium (software WebGL) that every
 * test file connects to.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureChromium();
  const app = await buildAndServe(E2E_DIST);
  project.provide('appUrl', app.url);
  const browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, host: '127.0.0.1' });
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await app.close();
  };
}
