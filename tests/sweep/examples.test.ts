import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, ROOT, tempDir } from '../cli/cli-helpers.ts';
import { readJsonFile } from '../../src/cli/json-input.ts';
import { resolveSweep } from '../../src/sweep/spec.ts';
import { runSweep } from '../../src/sweep/sweep.ts';
import { readSweepForAnalysis } from '../../src/sweep/runs-table.ts';

/** Every example spec shipped in worlds/<name>/sweeps/. */
const EXAMPLES = readdirSync(join(ROOT, 'worlds')).flatMap((world) => {
  try {
    return readdirSync(join(ROOT, 'worlds', world, 'sweeps'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => join('worlds', world, 'sweeps', name));
  } catch {
    return [];
  }
});

/** At most this many runs of each example are run here (a shard of the bigger ones). */
const RUNS_PER_EXAMPLE = 4;

function runsTable(directory: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(directory, 'runs.csv'), 'utf8')).filter((r) => r.length > 1);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

describe('example sweep specs (docs/sweeps.md) run', () => {
  it('ships examples for both worlds', () => {
    expect(EXAMPLES.some((path) => path.includes('two-hubs'))).toBe(true);
    expect(EXAMPLES.some((path) => path.includes('world-2019'))).toBe(true);
  });

  it.each(EXAMPLES)('%s: valid, and a slice runs at a small scale with every metric recorded', async (path) => {
    const overrides = { weeks: 6, params: { scale: path.includes('world-2019') ? 0.02 : 0.05, warmupWeeks: 2 } };
    const plan = resolveSweep(readJsonFile(join(ROOT, path), 'sweep spec'), overrides);
    const count = Math.ceil(plan.runCount / RUNS_PER_EXAMPLE);
    const out = tempDir('glocal-example-');
    const outcome = await runSweep({ specPath: join(ROOT, path), out, workers: 2, csv: false, shard: count > 1 ? { index: 0, count } : null, overrides, resumeCommand: 'test' });
    const table = runsTable(outcome.directory);
    expect(table).toHaveLength(outcome.runsInFolder);
    const analysis = readSweepForAnalysis(outcome.directory);
    expect(analysis.design).toEqual(plan.design);
    expect(analysis.seedCount).toBe(plan.seeds.length);
    expect(analysis.runs.map((r) => r.factors)).toEqual(analysis.runs.map((r) => Object.fromEntries(plan.factorNames.map((name, j) => [name, plan.points[r.point][j]]))));
    expect(table.length).toBeLessThanOrEqual(RUNS_PER_EXAMPLE);
    for (const row of table) {
      // Metrics recorded from week 0 on have a first value; fill rates are shares.
      for (const metric of plan.metrics.filter((m) => !['recoveryWeeks', 'lostFinalDeliveries'].includes(m.indicator))) {
        const key = metric.scope === 'global' ? metric.indicator : `${metric.indicator}@${metric.scope}:${metric.group}`;
        expect(row[`${key}_final`], `${path} ${key}`).not.toBe('');
        if (metric.indicator === 'fillRate') expect(Number(row[`${key}_min`])).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('stop conditions end runs early, and the analysis reads the runs back', () => {
  it('stops each run at the first recorded week the condition holds, and only then', async () => {
    const work = tempDir('glocal-stop-');
    const spec = { world: 'two-hubs', params: { scale: 0.05, warmupWeeks: 2 }, factors: { bassImitation: { values: [0.2, 0.8] } }, seeds: 2, weeks: 9, metrics: ['smeAdoption'] };
    writeFileSync(join(work, 'stop.json'), JSON.stringify({ ...spec, stop: 'week >= 3 and smeAdoption >= 0' }));
    writeFileSync(join(work, 'never.json'), JSON.stringify({ ...spec, stop: [{ indicator: 'smeAdoption', op: '>', value: 2 }] }));
    const stopped = await runSweep({ specPath: join(work, 'stop.json'), out: join(work, 'a'), workers: 2, csv: false, shard: null, resumeCommand: 'test' });
    const never = await runSweep({ specPath: join(work, 'never.json'), out: join(work, 'b'), workers: 2, csv: false, shard: null, resumeCommand: 'test' });
    expect(runsTable(stopped.directory).map((r) => r.lastTick)).toEqual(['3', '3', '3', '3']);
    expect(runsTable(never.directory).map((r) => r.lastTick)).toEqual(['8', '8', '8', '8']);
    expect(stopped.outputs['results.parquet'].rows).toBe(4 * 4);

    const analysis = readSweepForAnalysis(never.directory);
    expect(analysis).toMatchObject({ design: null, seedCount: 2 });
    expect(analysis.runs.map((r) => [r.run, r.point, r.seed, r.factors.bassImitation])).toEqual([[0, 0, 1, 0.2], [1, 0, 2, 0.2], [2, 1, 1, 0.8], [3, 1, 2, 0.8]]);
    const table = runsTable(never.directory);
    analysis.runs.forEach((run, i) => {
      expect(run.metrics.smeAdoption.final).toBe(Number(table[i].smeAdoption_final));
      expect(run.metrics.smeAdoption.min).toBeLessThanOrEqual(run.metrics.smeAdoption.mean);
      expect(run.metrics.smeAdoption.mean).toBeLessThanOrEqual(run.metrics.smeAdoption.max);
    });
  });
});
