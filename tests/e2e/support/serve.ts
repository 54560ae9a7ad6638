import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { REPO_ROOT } from './paths.ts';

/** The built app served on a loopback port. */
export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** Installs Debian's chromium when missing (loud failure when it cannot: never a silent skip). */
export function ensureChromium(): void {
  execFileSync('sh', [resolve(REPO_ROOT, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
}

/**
 * Builds the app with Vite into `outDir` (not dist/, so a developer's build is left alone) and
 * serves it with `vite preview` on a free loopback port.
 */
export async function buildAndServe(outDir: string): Promise<ServedApp> {
  mkdirSync(outDir, { recursive: true });
  const config = { root: REPO_ROOT, configFile: resolve(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' as const };
  await build({ ...config, build: { outDir, emptyOutDir: true } });
  const server = await preview({
    ...config,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
