import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_DIST, E2E_ROOT, REPO_ROOT } from './support/paths.ts';

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
 * loudly rather than skip), builds the app with Vite into its own folder (so a developer's
 * dist/ is left alone), serves it on a free loopback port with `vite preview`, and starts one
 * Chromium (software WebGL) that every test file connects to.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync('sh', [resolve(REPO_ROOT, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  mkdirSync(E2E_ROOT, { recursive: true });
  const config = { root: REPO_ROOT, configFile: resolve(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' as const };
  await build({ ...config, build: { outDir: E2E_DIST, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    ...config,
    build: { outDir: E2E_DIST },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  project.provide('appUrl', `http://127.0.0.1:${address.port}/`);
  const browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, host: '127.0.0.1' });
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
