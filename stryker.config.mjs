// @ts-check
/**
 * Mutation testing (issue 11, deliverable 8): `npm run mutate` mutates the agents and the observers
 * and runs the in-process unit tests against each mutant (vitest.stryker.config.ts: no CLI, e2e or
 * validation tests). Incremental: results are kept in reports/stryker-incremental.json (gitignored),
 * so a rerun tests only mutants whose code or tests changed. One file at a time:
 *   npm run mutate -- --mutate agents/firm/strategy.ts
 * Not part of `npm test`. Survivors and their verdicts are listed in docs/TESTING.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  mutate: ['agents/**/*.ts', 'src/model/observe/**/*.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores are shared with other work: one test runner, generous timeouts for world-building tests.
  concurrency: 1,
  timeoutMS: 60_000,
  timeoutFactor: 2,
  ignorePatterns: ['reports', 'runs', 'results', 'out', 'dist', 'coverage', 'bench/tmp', 'scratch', 'shared'],
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
