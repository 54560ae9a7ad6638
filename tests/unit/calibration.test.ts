import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  assertNoDataAfter,
  calibrateDiffusion,
  CALIBRATED_DIFFUSION,
  CALIBRATION_CUTOFF_YEAR,
  prepareCalibration,
  schemaBounds,
} from '../../src/calibration/diffusion.ts';
import {
  observationsUpTo,
  observedByIncomeGroup,
  parseInternetSeriesCsv,
  shippedInternetObservations,
  toInternetSeries,
  type InternetObservation,
} from '../../src/calibration/series.ts';
import { simulateDigitalUsage } from '../../src/calibration/model-run.ts';
import { buildWorld2019 } from '../../worlds/world-2019/world.ts';
import { INCOME_GROUPS } from '../../src/model/world-definition.ts';

const csv = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'worlds', 'world-2019', 'data', 'internet_users_timeseries.csv'),
  'utf8',
);
const all = parseInternetSeriesCsv(csv);
const upTo2010 = observationsUpTo(all, CALIBRATION_CUTOFF_YEAR);
/** The full series with every value after 2010 changed (to 100 − x): data the calibration must not see. */
const scrambledLate: InternetObservation[] = all.map((r) => (r.year > 2010 ? { ...r, pct: 100 - r.pct } : r));

describe('calibration of p, ρ_a and λ0 (MODEL.md §7.7, §8, §9.6)', () => {
  it('reads the long-format CSV, which equals the shipped series (joined countries)', () => {
    expect(all.length).toBe(5573);
    const shipped = shippedInternetObservations();
    const joined = new Set(shipped.map((r) => r.iso3));
    const byKey = (a: InternetObservation, b: InternetObservation) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : a.year - b.year);
    expect(all.filter((r) => joined.has(r.iso3)).sort(byKey)).toEqual(shipped);
    expect(Math.max(...upTo2010.map((r) => r.year))).toBe(2010);
  });

  it('rejects a series with values after 2010 instead of using them', () => {
    expect(() => assertNoDataAfter(all)).toThrow(/after 2010/);
    expect(() => calibrateDiffusion({ series: all })).toThrow(/up to 2010 only/);
    expect(() => prepareCalibration({ series: [...upTo2010, { iso3: 'USA', year: 2011, pct: 70 }] })).toThrow(/after 2010/);
    expect(() => prepareCalibration({ series: upTo2010, targetYear: 2011 })).toThrow(/targetYear/);
    expect(() => assertNoDataAfter(upTo2010)).not.toThrow();
  });

  it('builds its start world and its 2010 targets from years ≤ the year alone: values after 2010 change nothing', () => {
    // The world's start values (startYear 2000) read only years ≤ 2000 of the series it is given.
    const fromFull = buildWorld2019({ startYear: 2000, internetSeries: toInternetSeries(all) });
    const fromCut = buildWorld2019({ startYear: 2000, internetSeries: toInternetSeries(upTo2010) });
    const fromScrambled = buildWorld2019({ startYear: 2000, internetSeries: toInternetSeries(scrambledLate) });
    expect(fromCut).toEqual(fromFull);
    expect(fromScrambled).toEqual(fromFull);
    // The 2010 targets read only years ≤ 2010.
    expect(observedByIncomeGroup(2010, toInternetSeries(scrambledLate))).toEqual(observedByIncomeGroup(2010, toInternetSeries(upTo2010)));
    // …and the prepared problem is the same whichever way the late rows were cut off.
    const a = prepareCalibration({ series: upTo2010 });
    const b = prepareCalibration({ series: observationsUpTo(scrambledLate, 2010) });
    expect(b.observed).toEqual(a.observed);
    expect(b.observedStart).toEqual(a.observedStart);
    expect(b.definition).toEqual(a.definition);
    expect(a.startYear).toBe(2000);
    expect(a.targetYear).toBe(2010);
  });

  it('needs one seed: access and literacy draw nothing at random in the baseline', () => {
    const definition = buildWorld2019({ startYear: 2008 });
    const run = (seed: number, extra: Record<string, boolean> = {}) =>
      simulateDigitalUsage({ definition, startYear: 2008, years: 2, seed, scale: 0.02, params: { ...CALIBRATED_DIFFUSION, ...extra } });
    const one = run(1);
    expect(run(7).byGroup).toEqual(one.byGroup);
    // The background hazard (on by default, as in every calibration run) does not reach them either.
    expect(run(1, { hazardEnabled: false }).byGroup).toEqual(one.byGroup);
    expect(one.accessDiffusionRate).toBe(CALIBRATED_DIFFUSION.accessDiffusionRate);
    expect(one.accessInnovation).toBe(CALIBRATED_DIFFUSION.accessInnovation);
  });

  it('has its lowest objective at the calibrated values, not at perturbed points', () => {
    const problem = prepareCalibration({ series: upTo2010 });
    const best = { ...CALIBRATED_DIFFUSION };
    for (const name of ['accessInnovation', 'accessDiffusionRate', 'literacyBaseRate'] as const) {
      const bounds = schemaBounds(name);
      expect(best[name]).toBeGreaterThanOrEqual(bounds.min);
      expect(best[name]).toBeLessThanOrEqual(bounds.max);
    }
    const atBest = problem.objective(best);
    const perturbed = [
      { ...best, accessDiffusionRate: best.accessDiffusionRate + 0.05 },
      { ...best, accessDiffusionRate: best.accessDiffusionRate - 0.05, literacyBaseRate: best.literacyBaseRate + 0.05 },
      { ...best, accessInnovation: best.accessInnovation + 0.001 },
      { ...best, accessInnovation: best.accessInnovation - 0.001 },
    ].filter((point) => point.accessInnovation >= 0 && point.literacyBaseRate >= 0);
    for (const point of perturbed) expect(problem.objective(point), JSON.stringify(point)).toBeGreaterThan(atBest);
    // The recorded fit (docs/CALIBRATION.md): RMSE ≈ 3.46 pp over the four groups in 2010
    // (6.53 pp before p, with ρ_a = 0.511 and λ0 = 0).
    expect(Math.sqrt(atBest / 4)).toBeCloseTo(3.458, 2);
  });

  it('searches a grid and then refines, logging every evaluation, within the schema ranges', () => {
    const result = calibrateDiffusion({
      series: upTo2010,
      startYear: 2008,
      grid: { accessInnovation: [0, 0.01], accessDiffusionRate: [0.25, 0.75], literacyBaseRate: [0, 0.5] },
      refineSteps: [0.1],
    });
    const grid = result.log.filter((e) => e.phase === 'grid');
    const refine = result.log.filter((e) => e.phase === 'refine');
    expect(grid).toHaveLength(8);
    expect(refine.length).toBeGreaterThan(0);
    expect(result.log.indexOf(refine[0])).toBe(8);
    // p moves in a tenth of the others' step.
    for (const e of refine) expect(Math.abs(e.point.accessInnovation * 100 - Math.round(e.point.accessInnovation * 100)), String(e.point.accessInnovation)).toBeLessThan(1e-9);
    const minimum = Math.min(...result.log.map((e) => e.sse));
    expect(result.sse).toBe(minimum);
    expect(result.sse).toBeLessThanOrEqual(Math.min(...grid.map((e) => e.sse)));
    for (const e of result.log) {
      expect(e.point.accessInnovation).toBeGreaterThanOrEqual(0);
      expect(e.point.accessInnovation).toBeLessThanOrEqual(0.5);
      expect(e.point.accessDiffusionRate).toBeGreaterThanOrEqual(0);
      expect(e.point.accessDiffusionRate).toBeLessThanOrEqual(3);
      expect(e.point.literacyBaseRate).toBeGreaterThanOrEqual(0);
      expect(e.point.literacyBaseRate).toBeLessThanOrEqual(2);
      expect(Number.isFinite(e.sse)).toBe(true);
    }
    expect(result.fit.map((f) => f.incomeGroup)).toEqual([...INCOME_GROUPS]);
    for (const f of result.fit) expect(f.errorPp).toBeCloseTo(f.simulated - f.observed, 12);
    expect(result.trajectory.years).toEqual([2009, 2010]);
  });
});
