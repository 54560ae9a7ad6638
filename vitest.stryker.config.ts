import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant (stryker.config.mjs): in-process tests of the
 * agents and observers only. Left out: the CLI tests (child processes), the validation (minutes
 * per pattern), and whole-world tests whose runtime would multiply by the number of mutants
 * (scale, world-2019 builds, determinism across worker threads, which mutants do not reach).
 * `docs-current.test.ts` stays in: the ODD's generated tables pin the parameters' and indicators'
 * names, units and documentation, so it kills mutants of that metadata.
 */
/** STRYKER_TESTS=a.test.ts,b.test.ts narrows the run to those files (a quick score for one file; a lower bound). */
const only = process.env.STRYKER_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only ?? ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts'],
    exclude: [
      'tests/unit/scale.test.ts',
      'tests/unit/determinism.test.ts',
      'tests/unit/world-2019.test.ts',
      'tests/unit/world-2019-data.test.ts',
      'tests/unit/backcast.test.ts',
      'tests/unit/calibration.test.ts',
      'tests/unit/no-wallclock.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
