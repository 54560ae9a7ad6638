import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesIn, glocal, parseCsv, tempDir, writeFile } from '../cli/cli-helpers.ts';
import { sampleDesign } from '../../src/sweep/designs/index.ts';
import { sobolIndices } from '../../src/sweep/analysis/sobol.ts';
import { elementaryEffects, morrisIndices } from '../../src/sweep/analysis/morris.ts';
import { pointOutputs } from '../../src/sweep/analysis/point-values.ts';
import { analyzeResults } from '../../src/cli/commands/analyze.ts';
import type { RunSummary, SampledDesignSpec, SweepResultsForAnalysis } from '../../src/sweep/contracts.ts';

/** Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³. */
const A = 7;
const B = 0.1;
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);

/** Analytic partial variances (Sobol' & Levitan 1999; Saltelli et al. 2008, §4.6). */
function ishigamiAnalytic() {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = ((B ** 2 * pi4 ** 2) / 18 - (B ** 2 * pi4 ** 2) / 50) * 1; // b²π⁸(1/18 − 1/50)
  const variance = A ** 2 / 8 + (B * pi4) / 5 + (B ** 2 * pi4 ** 2) / 18 + 0.5;
  return { first: [v1 / variance, v2 / variance, 0], total: [(v1 + v13) / variance, v2 / variance, v13 / variance] };
}

const PI_RANGE: [number, number] = [-Math.PI, Math.PI];
const ishigamiDesign: SampledDesignSpec = { type: 'sobol', samples: 2 ** 13, ranges: { x1: PI_RANGE, x2: PI_RANGE, x3: PI_RANGE } };

describe('Sobol indices (Saltelli 2010 first order, Jansen total) on the Ishigami function', () => {
  const { factors, points } = sampleDesign(ishigamiDesign, 1);
  const outputs = points.map(ishigami);
  const analysis = sobolIndices(outputs, factors, { resamples: 200, confidence: 0.95, seed: 5 });
  const exact = ishigamiAnalytic();

  it('the analytic values are the published ones (S1 ≈ 0.3139, 0.4424, 0; ST ≈ 0.5576, 0.4424, 0.2437)', () => {
    expect(exact.first[0]).toBeCloseTo(0.3139, 4);
    expect(exact.first[1]).toBeCloseTo(0.4424, 4);
    expect(exact.total[0]).toBeCloseTo(0.5576, 4);
    expect(exact.total[2]).toBeCloseTo(0.2437, 4);
  });

  it('every first-order and total index is within 0.03 of its analytic value at N = 2¹³', () => {
    analysis.indices.forEach((index, j) => {
      expect(Math.abs(index.firstOrder.value - exact.first[j]), `S1 of ${index.factor}`).toBeLessThan(0.03);
      expect(Math.abs(index.total.value - exact.total[j]), `ST of ${index.factor}`).toBeLessThan(0.03);
    });
  });

  it('gives bootstrap intervals that hold the estimate and narrow as N grows', () => {
    for (const index of analysis.indices) {
      for (const e of [index.firstOrder, index.total]) {
        expect(e.low).toBeLessThanOrEqual(e.value);
        expect(e.high).toBeGreaterThanOrEqual(e.value);
        expect(e.high - e.low).toBeGreaterThan(0);
      }
    }
    const small = sampleDesign({ ...ishigamiDesign, samples: 2 ** 9 }, 1);
    const coarse = sobolIndices(small.points.map(ishigami), small.factors, { resamples: 200, confidence: 0.95, seed: 5 });
    const width = (e: { low: number; high: number }) => e.high - e.low;
    expect(width(coarse.indices[0].total)).toBeGreaterThan(2 * width(analysis.indices[0].total));
  });

  it('resamples deterministically: same seed, same intervals; another seed, others', () => {
    const again = sobolIndices(outputs, factors, { resamples: 200, confidence: 0.95, seed: 5 });
    expect(again).toEqual(analysis);
    const other = sobolIndices(outputs, factors, { resamples: 200, confidence: 0.95, seed: 6 });
    expect(other.indices[0].firstOrder.value).toBe(analysis.indices[0].firstOrder.value);
    expect(other.indices[0].firstOrder.low).not.toBe(analysis.indices[0].firstOrder.low);
  });
});

describe('Morris elementary effects', () => {
  // y = 10·x1 + 5·x2² + x3 + 0·x4 on [0, 1]⁴ (x2 over [0, 2]): a known ranking and known effects.
  const design: SampledDesignSpec = { type: 'morris', samples: 30, ranges: { x1: [0, 1], x2: [0, 2], x3: [0, 1], x4: [0, 1] } };
  const model = ([x1, x2, x3]: number[]) => 10 * x1 + 5 * x2 ** 2 + x3;
  const { points } = sampleDesign(design, 11);
  const analysis = morrisIndices(design, 11, points.map(model), { resamples: 200, confidence: 0.95, seed: 1 });
  const byFactor = Object.fromEntries(analysis.indices.map((index) => [index.factor, index]));

  it('gives a linear factor its slope times the range as μ = μ*, with σ = 0', () => {
    expect(byFactor.x1.mu).toBeCloseTo(10, 9);
    expect(byFactor.x1.muStar.value).toBeCloseTo(10, 9);
    expect(byFactor.x1.sigma).toBeCloseTo(0, 9);
    expect(byFactor.x3.muStar.value).toBeCloseTo(1, 9);
  });

  it('gives a factor without effect μ* = 0, and a non-linear one σ > 0', () => {
    expect(byFactor.x4.muStar.value).toBe(0);
    expect(byFactor.x2.sigma).toBeGreaterThan(1);
  });

  it('ranks the factors by μ*: x2, x1, x3, x4', () => {
    const ranking = [...analysis.indices].sort((p, q) => q.muStar.value - p.muStar.value).map((index) => index.factor);
    expect(ranking).toEqual(['x2', 'x1', 'x3', 'x4']);
  });

  it('computes each effect from the step its trajectory took (sign included)', () => {
    const effects = elementaryEffects(design, 11, points.map((x) => -3 * x[0]));
    expect(effects[0]).toHaveLength(30);
    for (const e of effects[0]) expect(e).toBeCloseTo(-3, 9);
    for (const e of effects[1]) expect(Math.abs(e)).toBe(0);
  });

  it('refuses outputs that do not fit the design', () => {
    expect(() => elementaryEffects(design, 11, [1, 2, 3])).toThrow(/150 points, got 3/);
  });
});

describe('outputs per design point (mean over seeds)', () => {
  const design: SampledDesignSpec = { type: 'morris', samples: 2, ranges: { a: [0, 1], b: [0, 1] } };
  const { factors, points } = sampleDesign(design, 1);
  const run = (run: number, point: number, seed: number, final: number): RunSummary => ({
    run,
    point,
    seed,
    factors: Object.fromEntries(factors.map((name, j) => [name, points[point][j]])),
    metrics: { fillRate: { final, mean: final / 2, min: 0, max: final } },
  });
  const results = (runs: RunSummary[]): SweepResultsForAnalysis => ({ design, designSeed: 1, seedCount: 2, runs });
  const complete = Array.from({ length: 12 }, (_, r) => run(r, Math.floor(r / 2), (r % 2) + 1, r));

  it('averages each point over its seeds', () => {
    const outcome = pointOutputs(results(complete), 'fillRate', 'final');
    expect('values' in outcome && Array.from(outcome.values)).toEqual([0.5, 2.5, 4.5, 6.5, 8.5, 10.5]);
    const means = pointOutputs(results(complete), 'fillRate', 'mean');
    expect('values' in means && means.values[0]).toBe(0.25);
  });

  it('names a missing metric, the missing runs and a design it cannot analyse', () => {
    expect(pointOutputs(results(complete), 'trust', 'final')).toEqual({ problem: 'no metric "trust" in runs.csv; expected one of: fillRate' });
    expect(pointOutputs(results(complete.slice(0, 11)), 'fillRate', 'final')).toEqual({
      problem: '1 of 6 design points do not have all 2 seeds (points 5); finish the sweep (run the same command again to resume) before analysing',
    });
    const otherSeed = { ...results(complete), designSeed: 2 };
    expect(pointOutputs(otherSeed, 'fillRate', 'final')).toMatchObject({ problem: expect.stringMatching(/^run 0 has a = .* but the design \(seed 2\) puts .* runs.csv does not belong to this design$/) });
    const lhs = { ...results(complete), design: { ...design, type: 'lhs' as const } };
    expect('problem' in pointOutputs(lhs, 'fillRate', 'final')).toBe(true);
  });
});

describe('analyzeResults', () => {
  const design: SampledDesignSpec = { type: 'sobol', samples: 256, ranges: { a: [0, 1], b: [0, 1] } };
  const { factors, points } = sampleDesign(design, 1);
  const runs = points.map((point, p): RunSummary => ({
    run: p,
    point: p,
    seed: 1,
    factors: Object.fromEntries(factors.map((name, j) => [name, point[j]])),
    metrics: { trust: { final: 0.5, mean: 0.5 + point[0], min: 0.5, max: 0.5 } },
  }));
  const flags = { metric: 'trust', stat: 'final' as const, resamples: '100', confidence: '0.9', seed: '3' };

  it('refuses a metric that does not vary over the design (no variance to apportion)', () => {
    expect(() => analyzeResults('out', { design, designSeed: 1, seedCount: 1, runs }, flags)).toThrow(/is the same at every design point/);
  });

  it('gives a factor that alone drives the metric S1 = ST = 1, the other 0, with the bootstrap settings asked for', () => {
    const report = analyzeResults('out', { design, designSeed: 1, seedCount: 1, runs }, { ...flags, stat: 'mean' });
    expect(report.bootstrap).toEqual({ resamples: 100, confidence: 0.9, seed: 3 });
    if (report.result.method !== 'sobol') throw new Error('expected a Sobol analysis');
    const [a, b] = report.result.analysis.indices;
    expect(Math.abs(a.total.value - 1)).toBeLessThan(0.05);
    expect(Math.abs(a.firstOrder.value - 1)).toBeLessThan(0.05);
    expect(b.total.value).toBe(0); // f(AB_b) = f(A) exactly when b has no effect
    expect(Math.abs(b.firstOrder.value)).toBe(0);
  });
});

describe('glocal analyze (CLI) on a real Sobol sweep', () => {
  // 2 factors, N = 4 base samples: 16 runs of two-hubs at a tenth of the scale, 6 weeks.
  const spec = {
    description: 'analyze test',
    world: 'two-hubs',
    params: { scale: 0.1, warmupWeeks: 4 },
    design: { type: 'sobol', samples: 4, ranges: { bassInnovation: [0.01, 0.05], bassImitation: [0.2, 0.6] } },
    seeds: 1,
    weeks: 6,
    recordEvery: 2,
    metrics: ['smeAdoption'],
  };
  const folder = tempDir('glocal-analyze-');
  const sweepDir = join(folder, 'sweep');
  let swept: Promise<void> | null = null;
  const sweep = () =>
    (swept ??= (async () => {
      const path = writeFile(folder, 'spec.json', JSON.stringify(spec, null, 2));
      const result = await glocal(['sweep', path, '--out', sweepDir, '--workers', '2', '--quiet'], 300_000);
      expect(result.code, result.stderr).toBe(0);
    })());

  it('writes sensitivity.csv (one row per factor) and a self-contained sensitivity.html, the same bytes each time', async () => {
    await sweep();
    const first = await glocal(['analyze', sweepDir, '--metric', 'smeAdoption', '--stat', 'mean', '--resamples', '200']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Sobol sensitivity of smeAdoption (mean)');
    const csv = readFileSync(join(sweepDir, 'sensitivity.csv'), 'utf8');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['method', 'metric', 'stat', 'factor', 'factor_unit', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high', 'base_samples']);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[11]])).toEqual([
      ['sobol', 'bassInnovation', '1/year', '4'],
      ['sobol', 'bassImitation', '1/year', '4'],
    ]);
    for (const row of rows.slice(1)) for (const cell of row.slice(5, 11)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
    const html = readFileSync(join(sweepDir, 'sensitivity.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('smeAdoption [share of SMEs]');
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bhref=|url\(/i); // no external assets
    const again = await glocal(['analyze', sweepDir, '--metric', 'smeAdoption', '--stat', 'mean', '--resamples', '200', '--out', join(folder, 'again')]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(folder, 'again', 'sensitivity.csv'), 'utf8')).toBe(csv);
  });

  it('names an unknown metric and a bad option, exits 2 and writes nothing', async () => {
    await sweep();
    const out = join(folder, 'bad');
    const unknown = await glocal(['analyze', sweepDir, '--metric', 'smeAdopton', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no metric "smeAdopton" in runs.csv; expected one of: smeAdoption');
    const stat = await glocal(['analyze', sweepDir, '--metric', 'smeAdoption', '--stat', 'median', '--out', out]);
    expect(stat.code).toBe(2);
    expect(stat.stderr).toMatch(/--stat.*median/);
    const level = await glocal(['analyze', sweepDir, '--metric', 'smeAdoption', '--confidence', '95', '--out', out]);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--confidence: expected a level between 0 and 1');
    expect(filesIn(out)).toEqual([]);
  });
});
