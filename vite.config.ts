import { defineConfig } from 'vitest/config';

/**
 * Export conditions of a build: always lit's (and every package's) production code. Vite picks
 * `development` unless NODE_ENV is `production`, and Vitest sets it to `test`, so the browser
 * tests' and benchmarks' builds would otherwise ship "Lit is in dev mode" and its slower checks.
 */
const PRODUCTION_CONDITIONS = ['module', 'browser', 'production'];

/**
 * Vite serves (`npm start`) and builds (`npm run build`, relative base, into dist/) the web app
 * (index.html → src/app); Vitest runs every test in three projects: `unit` (fast tests in
 * parallel), `validation` (the stylized-facts runs: one worker, long explicit timeouts) and `e2e`
 * (real Chromium against the built app; tests/e2e/global-setup.ts installs Debian chromium when
 * missing and builds the app).
 */
export default defineConfig(({ command }) => ({
  base: './',
  resolve: command === 'build' ? { conditions: PRODUCTION_CONDITIONS } : {},
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/model-based/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/sweep/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'validation',
          include: ['tests/validation/**/*.test.ts'],
          testTimeout: 1_200_000,
          hookTimeout: 1_200_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
}));
