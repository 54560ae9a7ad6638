import { beforeAll, describe, expect, it } from 'vitest';
import {
  backcastMarkdown,
  BACKCAST_TOLERANCE_PP,
  BACKCAST_TOLERANCE_REL,
  BACKCAST_WEEKS,
  runBackcast,
  type BacktestTable,
} from '../../src/calibration/backcast.ts';
import { observedByIncomeGroup } from '../../src/calibration/series.ts';
import { internetSeries2019 } from '../../worlds/world-2019/world.ts';
import { INCOME_GROUPS } from '../../src/model/world-definition.ts';

describe('backcast 2010 → 2019 (world-2019 issue)', () => {
  let table: BacktestTable;
  beforeAll(() => {
    table = runBackcast({ seeds: 2, scale: 0.02 });
  });

  it('runs 468 weeks from 2010 without warm-up, over the seeds asked for', () => {
    expect(BACKCAST_WEEKS).toBe(468);
    expect(table.weeks).toBe(468);
    expect(table.warmupWeeks).toBe(0);
    expect(table.startYear).toBe(2010);
    expect(table.endYear).toBe(2019);
    expect(table.seeds).toEqual([1, 2]);
    expect(Number.isFinite(table.accessDiffusionRate)).toBe(true);
    expect(Number.isFinite(table.literacyBaseRate)).toBe(true);
  });

  it('has a row per income group with finite values and the interval columns', () => {
    expect(table.rows.map((r) => r.incomeGroup)).toEqual([...INCOME_GROUPS]);
    const observed = observedByIncomeGroup(2019, internetSeries2019());
    for (const r of table.rows) {
      for (const v of [r.observed, r.simulatedMean, r.p5, r.p95, r.errorPp, r.start]) expect(Number.isFinite(v)).toBe(true);
      expect(r.observed).toBeCloseTo(observed[r.incomeGroup].pct, 12);
      expect(r.simulatedMean).toBeGreaterThan(0);
      expect(r.simulatedMean).toBeLessThanOrEqual(100);
      expect(r.p5).toBeLessThanOrEqual(r.simulatedMean + 1e-9);
      expect(r.p95).toBeGreaterThanOrEqual(r.simulatedMean - 1e-9);
      expect(r.zeroWidth).toBe(r.p5 === r.p95);
      expect(r.errorPp).toBeCloseTo(r.simulatedMean - r.observed, 12);
      expect(r.withinTolerance).toBe(Math.abs(r.errorPp) <= BACKCAST_TOLERANCE_PP);
      expect(r.errorRel).toBeCloseTo(r.errorPp / r.observed, 12);
      expect(r.withinRelTolerance).toBe(Math.abs(r.errorRel) <= BACKCAST_TOLERANCE_REL);
      expect(r.meetsGoal).toBe(r.withinTolerance && r.withinRelTolerance);
      // Nine years of diffusion: use rises from the 2010 start.
      expect(r.simulatedMean).toBeGreaterThan(r.start);
    }
    expect(table.allWithin).toBe(table.rows.every((r) => r.withinTolerance));
    // Observed 2019 (series, population-weighted): P7's high ≈ 89%, low ≈ 16%.
    expect(table.rows[3].observed).toBeCloseTo(88.4, 0);
    expect(table.rows[0].observed).toBeCloseTo(16.3, 0);
  });

  it('meets the goal of MODEL.md §9.6 at the defaults: every income group within ±10 pp and within ±35% of 2019', () => {
    // Defaults p = 0.008, ρ_a = 0.34, λ0 = 0 (fitted on 2000–2010 only, docs/CALIBRATION.md).
    // Measured at scale 1 (20 seeds, docs/CALIBRATION.md): low 10.91% vs 16.26% (−5.3 pp, −32.9%:
    // the narrowest margin, the ±35% band's floor is 10.57%), lower-middle 30.68% vs 35.17% (−4.5 pp,
    // −12.8%), upper-middle 69.09% vs 66.80% (+2.3 pp, +3.4%), high 86.25% vs 88.43% (−2.2 pp, −2.5%).
    // At this test's scale 0.02 (cross-region links, hence peer literacy, differ slightly): low
    // 11.12% (−31.6%), lower-middle 30.90%, upper-middle 69.11%, high 86.26%.
    expect(BACKCAST_TOLERANCE_PP).toBe(10);
    expect(BACKCAST_TOLERANCE_REL).toBe(0.35);
    for (const r of table.rows) expect(r.meetsGoal, `${r.incomeGroup}: ${r.errorPp.toFixed(2)} pp, ${(100 * r.errorRel).toFixed(1)}%`).toBe(true);
    expect(table.allMeetGoal).toBe(true);
    expect(table.accessInnovation).toBe(0.008);
    expect(table.rows.map((r) => Number(r.simulatedMean.toFixed(1)))).toEqual([11.1, 30.9, 69.1, 86.3]);
  });

  it('writes the Markdown table for docs/VALIDATION.md, saying when the interval has zero width', () => {
    const md = backcastMarkdown(table);
    expect(md).toContain('| income group | observed 2019 | simulated mean | 90% interval | error (pp) | error (%) | within ±10 pp and ±35% |');
    for (const label of ['low income', 'lower-middle income', 'upper-middle income', 'high income']) expect(md).toContain(`| ${label} |`);
    expect(md).toMatch(/\*\*Verdict: (pass|fail)\*\*/);
    if (table.allZeroWidth) {
      expect(md).toContain('(zero width)');
      expect(md).toContain('no randomness');
    }
  });
});
