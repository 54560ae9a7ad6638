import { defineConfig } from 'vitest/config';

/**
 * Vite builds the web app (src/app, once it lands); Vitest runs every test in two projects:
 * `unit` (fast tests in parallel) and `validation` (the stylized-facts runs: one worker, long
 * explicit timeouts).
 */
export default defineConfig({
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
    ],
  },
});
