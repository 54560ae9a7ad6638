import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and where the browser tests keep their build and artifacts (gitignored). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const E2E_ROOT = resolve(REPO_ROOT, 'test-results/e2e');
export const E2E_DIST = resolve(E2E_ROOT, 'dist');
/** Debian's chromium, installed by scripts/ensure-chromium.sh. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The flags the project runs Chromium with (software WebGL through SwiftShader). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
