import { describe, expect, it } from 'vitest';
import { PATTERNS, evaluatePattern } from '../../src/validation/index.ts';
import { REDUCED_SETTINGS, type PatternResult } from '../../src/validation/types.ts';

/**
 * P1–P11 at reduced settings (20 seeds, small scales), with the same thresholds as
 * `npm run validate`. A pattern the model does not reproduce is written with `it.fails`, naming
 * the mechanism that falls short, so the suite says the moment it starts to pass; its sibling test
 * asserts that every run completed, so a crash or a timeout cannot pass as an expected failure.
 */
const SETTINGS = { ...REDUCED_SETTINGS, workers: 2 };
const results = new Map<string, Promise<PatternResult>>();

function resultOf(id: string): Promise<PatternResult> {
  let result = results.get(id);
  if (!result) {
    const pattern = PATTERNS.find((p) => p.id === id);
    if (!pattern) throw new Error(`unknown pattern ${id}`);
    result = evaluatePattern(pattern, SETTINGS);
    results.set(id, result);
  }
  return result;
}

for (const pattern of PATTERNS) {
  describe(`${pattern.id} ${pattern.title}`, () => {
    it('completes every run with finite measurements (and its ablation, if any)', async () => {
      const result = await resultOf(pattern.id);
      expect(result.main.runs).toBeGreaterThanOrEqual(SETTINGS.seeds);
      expect(result.main.checks.length).toBeGreaterThan(0);
      for (const check of [...result.main.checks, ...(result.ablation?.checks ?? [])]) {
        expect(Number.isFinite(check.interval.mean), check.name).toBe(true);
        expect(check.interval.n, check.name).toBeGreaterThanOrEqual(SETTINGS.seeds);
      }
      if (pattern.ablation) expect(result.ablation).not.toBeNull();
    });

    const statement = `reproduces the pattern: ${pattern.threshold}`;
    if (pattern.knownShortfall) {
      // Expected to fail until the mechanism named in `knownShortfall` is fixed.
      it.fails(`${statement} [known shortfall: ${pattern.knownShortfall}]`, async () => {
        const result = await resultOf(pattern.id);
        expect(result.main.checks.filter((c) => !c.pass).map((c) => c.name)).toEqual([]);
      });
    } else {
      it(statement, async () => {
        const result = await resultOf(pattern.id);
        expect(result.main.checks.filter((c) => !c.pass).map((c) => c.name)).toEqual([]);
      });
    }
  });
}
