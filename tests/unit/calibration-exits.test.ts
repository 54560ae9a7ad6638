import { describe, expect, it } from 'vitest';
import {
  annualSmeEntryRate,
  bracketAndBisect,
  calmRuns,
  CALIBRATED_PARAM,
  EXIT_CALIBRATION_SETTINGS,
  EXIT_GRID,
  EXIT_RATE_RANGE,
  EXIT_RATE_TARGET,
  EXIT_TOLERANCE,
  exitParamBounds,
  summariseRuns,
} from '../../src/calibration/exits.ts';
import { annualSmeExitRate } from '../../src/validation/calm-baseline.ts';
import { EXITS_FIT } from '../../src/model/params/exits-fit.ts';
import { paramSpec } from '../../src/model/params/registry.ts';
import { REDUCED_SETTINGS } from '../../src/validation/types.ts';
import { SCOPES } from '../../src/model/observe/recorder.ts';
import type { RunOutput } from '../../src/sweep/runner.ts';

/** A run that recorded `count` SMEs, `exits` exits and `entries` entries every week of ten years. */
function syntheticRun(count: number, exits: number, entries: number): RunOutput {
  const names = ['smeCount', 'smeExits', 'smeEntries'];
  const values = [count, exits, entries];
  const n = 520 * names.length;
  const run = {
    spec: {} as RunOutput['spec'],
    indicators: names.map((name) => ({ name })) as unknown as RunOutput['indicators'],
    groups: SCOPES.map(() => ['world']),
    week: new Int32Array(n),
    scope: new Uint8Array(n),
    group: new Uint16Array(n),
    indicator: new Uint16Array(n),
    value: new Float64Array(n),
    probes: {},
  };
  let i = 0;
  for (let week = 0; week < 520; week++) {
    for (let k = 0; k < names.length; k++) {
      run.week[i] = week;
      run.indicator[i] = k;
      // Year 1 (weeks 0–51) is left out of both rates: give it values that would show if it were not.
      run.value[i] = week < 52 && k > 0 ? 100 : values[k];
      i++;
    }
  }
  return run;
}

describe('§9.6 SME exit calibration: the measure', () => {
  it('exit and entry rates are a year’s events over years 2–10 / the mean SMEs alive (hand-computed)', () => {
    const run = syntheticRun(200, 0.5, 0.25);
    // 0.5 exits a week × 468 weeks / 9 years / 200 SMEs = 26 / 200 = 0.13 a year.
    expect(annualSmeExitRate(run)).toBeCloseTo(0.13, 12);
    // 0.25 × 468 / 9 / 200 = 0.065.
    expect(annualSmeEntryRate(run)).toBeCloseTo(0.065, 12);
  });

  it('the objective’s input is the mean over seeds of the calm baseline’s exit rate (what the §9.6 check reads)', () => {
    const runs = [syntheticRun(200, 0.5, 0.25), syntheticRun(100, 0.5, 0.5)];
    const s = summariseRuns(runs);
    expect(s.exitRates).toEqual([annualSmeExitRate(runs[0]), annualSmeExitRate(runs[1])]);
    expect(s.exitRate).toBeCloseTo((0.13 + 0.26) / 2, 12);
    expect(s.entryRate).toBeCloseTo((0.065 + 0.26) / 2, 12);
    expect(s.interval.mean).toBeCloseTo(s.exitRate, 12);
  });

  it('runs at the calm-baseline check’s settings, aims at the middle of 8–10%, over the schema range', () => {
    expect(EXIT_CALIBRATION_SETTINGS).toEqual({ ...REDUCED_SETTINGS, workers: 2 });
    expect(EXIT_RATE_RANGE).toEqual([0.08, 0.1]);
    expect(EXIT_RATE_TARGET).toBe(0.09);
    const { min, max } = exitParamBounds();
    expect(EXIT_GRID[0]).toBe(min);
    expect(EXIT_GRID[EXIT_GRID.length - 1]).toBe(max);
  });
});

describe('§9.6 SME exit calibration: the search', () => {
  // A decreasing stand-in for the exit rate: 0.3 e^{−2x}; it meets 0.09 at x* = ln(0.3 / 0.09) / 2 = 0.601986.
  const f = (x: number) => Promise.resolve(0.3 * Math.exp(-2 * x));
  const root = Math.log(0.3 / 0.09) / 2;

  it('evaluates the grid in order, then bisects the first straddling pair to the tolerance', async () => {
    const r = await bracketAndBisect(f, EXIT_GRID, 0.09, EXIT_TOLERANCE);
    expect(r.log.slice(0, EXIT_GRID.length).map((e) => e.x)).toEqual([...EXIT_GRID]);
    expect(r.log.slice(0, EXIT_GRID.length).every((e) => e.phase === 'grid')).toBe(true);
    // Bracket [0.5, 0.75], halved until narrower than 0.001: 0.25 / 2^8 < 0.001 → 8 bisections.
    expect(r.log.length).toBe(EXIT_GRID.length + 8);
    expect(r.log[EXIT_GRID.length].x).toBe(0.625);
    expect(r.bracket[0]).toBeLessThanOrEqual(root);
    expect(r.bracket[1]).toBeGreaterThanOrEqual(root);
    expect(r.bracket[1] - r.bracket[0]).toBeLessThan(EXIT_TOLERANCE);
    expect(Math.abs(r.best - root)).toBeLessThan(EXIT_TOLERANCE);
    expect(r.value).toBeCloseTo(0.3 * Math.exp(-2 * r.best), 12);
  });

  it('keeps the bracket straddling the target at every step (f(lo) ≥ target ≥ f(hi))', async () => {
    const r = await bracketAndBisect(f, EXIT_GRID, 0.09, EXIT_TOLERANCE);
    expect(0.3 * Math.exp(-2 * r.bracket[0])).toBeGreaterThanOrEqual(0.09);
    expect(0.3 * Math.exp(-2 * r.bracket[1])).toBeLessThanOrEqual(0.09);
  });

  it('refuses a grid that does not bracket the target', async () => {
    await expect(bracketAndBisect(f, [0, 0.25], 0.09, EXIT_TOLERANCE)).rejects.toThrow(/does not bracket/);
  });
});

describe('§9.6 SME exit calibration: the parameter', () => {
  it('is calibrated, cites OECD business demography and names the script; its default is the fit', () => {
    const spec = paramSpec(CALIBRATED_PARAM);
    expect(spec?.status).toBe('calibrated');
    expect(spec?.default).toBe(EXITS_FIT.entrantMinCapabilityShare);
    expect(spec?.source).toMatch(/OECD/);
    expect(spec?.source).toMatch(/death rates/);
    expect(spec?.source).toMatch(/scripts\/calibrate-exits\.ts/);
  });

  it('in the calm two-hubs baseline the fitted threshold lowers exits below the rule without selection (seed 1, scale 0.2)', async () => {
    const settings = { ...EXIT_CALIBRATION_SETTINGS, seeds: 1, twoHubsScale: 0.2, workers: 1 };
    const without = summariseRuns(await calmRuns(settings, { [CALIBRATED_PARAM]: 0 }));
    const fitted = summariseRuns(await calmRuns(settings, {}));
    expect(fitted.exitRate).toBeLessThan(without.exitRate);
    expect(fitted.entryRate).toBeLessThan(without.entryRate);
  }, 60_000);
});
