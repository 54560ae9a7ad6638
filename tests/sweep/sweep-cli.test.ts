import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { filesIn, glocal, parseCsv, STACK_TRACE, tempDir } from '../cli/cli-helpers.ts';
import { runSweep } from '../../src/sweep/sweep.ts';
import { mergeShards } from '../../src/sweep/merge.ts';
import { parseShard, shardFromSlurm, type Shard } from '../../src/sweep/shard.ts';
import { resolveSweep, runSpecOf } from '../../src/sweep/spec.ts';
import { readJsonFile } from '../../src/cli/json-input.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { readAgents } from '../../src/model/observe/agent-tables.ts';
import { bytes, manifestCore, partCount, SMALL_SPEC, startGlocal, waitFor } from './sweep-helpers.ts';

const DATA_FILES = ['results.parquet', 'runs.csv', 'results.csv', 'agents.parquet'];
let work: string;
let specPath: string;
let reference: string;

/** Runs the test sweep in this process (the CLI's own code path, without the process start). */
function sweep(out: string, workers: number, shard: Shard | null = null, spec = specPath) {
  return runSweep({ specPath: spec, out, workers, csv: true, shard, resumeCommand: 'glocal sweep …' });
}

function expectSameSweep(directory: string): void {
  for (const name of DATA_FILES) expect(bytes(directory, name).equals(bytes(reference, name)), `${directory}/${name}`).toBe(true);
  expect(manifestCore(directory)).toEqual(manifestCore(reference));
}

beforeAll(async () => {
  work = tempDir('glocal-sweep-');
  specPath = join(work, 'spec.json');
  writeFileSync(specPath, JSON.stringify(SMALL_SPEC, null, 2));
  reference = join(work, 'reference');
  const result = await glocal(['sweep', specPath, '--out', reference, '--workers', '2', '--csv']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});

describe('glocal sweep', () => {
  it('writes every run once, in run order, with a summary and a complete manifest', () => {
    expect(filesIn(reference)).toEqual(['agents.parquet', 'manifest.json', 'results.csv', 'results.parquet', 'runs.csv']);
    const runs = parseCsv(readFileSync(join(reference, 'runs.csv'), 'utf8')).filter((r) => r.length > 1);
    expect(runs[0].slice(0, 7)).toEqual(['run', 'point', 'seed', 'bassImitation', 'strategyOverride', 'hazardEnabled', 'lastTick']);
    expect(runs.slice(1).map((r) => Number(r[0]))).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(runs.slice(1).map((r) => r[2])).toEqual(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? '1' : '5')));
    const manifest = JSON.parse(readFileSync(join(reference, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(true);
    expect(manifest.finishedRuns).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(manifest.outputs['results.parquet'].rows).toBe(16 * 8 * 5); // 8 recorded weeks × 5 metric series
    expect(manifest.provenance.sessions[0].workers).toBe(2);
  });

  it('gives the same bytes on one worker as on two', async () => {
    const one = join(work, 'one-worker');
    await sweep(one, 1);
    expectSameSweep(one);
  });

  it('results.parquet read back with hyparquet equals results.csv, row by row', async () => {
    const file = await asyncBufferFromFile(join(reference, 'results.parquet'));
    const metadata = await parquetMetadataAsync(file);
    const rows = await parquetReadObjects({ file, metadata });
    const [header, ...csv] = parseCsv(readFileSync(join(reference, 'results.csv'), 'utf8')).filter((r) => r.length > 1);
    expect(header).toEqual(['run', 'seed', 'bassImitation', 'strategyOverride', 'hazardEnabled', 'tick', 'scope', 'group', 'indicator', 'value']);
    expect(rows).toHaveLength(csv.length);
    rows.forEach((row, i) => {
      const line = csv[i];
      expect([row.run, Number(row.seed), row.bassImitation, row.strategyOverride, String(row.hazardEnabled), row.tick, row.scope, row.group, row.indicator]).toEqual([
        Number(line[0]), Number(line[1]), Number(line[2]), line[3], line[4], Number(line[5]), line[6], line[7], line[8],
      ]);
      expect(row.value).toBe(Number(line[9]));
    });
    // Row groups hold whole runs: no run's rows straddle two groups.
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      if (end < rows.length) expect(rows[end - 1].run).not.toBe(rows[end].run);
      start = end;
    }
  });

  it('agents.parquet holds the asked fields of every live SME at weeks 0, 5, 10, 15, as the model has them', async () => {
    const file = await asyncBufferFromFile(join(reference, 'agents.parquet'));
    const rows = await parquetReadObjects({ file, metadata: await parquetMetadataAsync(file) });
    expect(Object.keys(rows[0])).toEqual(['run', 'seed', 'bassImitation', 'strategyOverride', 'hazardEnabled', 'tick', 'id', 'capability', 'digital', 'buyerPlant']);
    expect([...new Set(rows.map((r) => r.run))]).toEqual(Array.from({ length: 16 }, (_, i) => i));
    // Run 3 (point 1, seed 5), against the same run stepped here and read from its stores.
    const plan = resolveSweep(readJsonFile(specPath, 'sweep spec'));
    const sim = new Simulation(runSpecOf(plan, 3), lookupWorld('two-hubs'));
    sim.warmUp();
    for (const tick of [0, 5, 10, 15]) {
      sim.advance(tick + 1 - sim.week);
      const expected = readAgents(sim.world, 'sme', ['capability', 'digital', 'buyerPlant']);
      const got = rows.filter((r) => r.run === 3 && r.tick === tick);
      expect(got.map((r) => r.id), `week ${tick}`).toEqual(Array.from(expected.id));
      expect(got.flatMap((r) => [r.capability, r.digital, r.buyerPlant]), `week ${tick}`).toEqual(Array.from(expected.values));
      expect(got.every((r) => Number(r.seed) === 5 && r.bassImitation === 0.2 && r.strategyOverride === 'none' && r.hazardEnabled === false)).toBe(true);
    }
    expect(rows.filter((r) => r.run === 3).length).toBe(rows.filter((r) => r.run === 3 && [0, 5, 10, 15].includes(r.tick as number)).length);
  });

  it('names an unknown agent field with the fields there are', () => {
    const bad = join(work, 'bad-agents.json');
    writeFileSync(bad, JSON.stringify({ ...SMALL_SPEC, agents: { kind: 'sme', fields: ['capability', 'happiness'], every: 4 } }, null, 2));
    expect(() => resolveSweep(readJsonFile(bad, 'sweep spec'))).toThrow(/at agents\.fields\[1\] \(line \d+\): unknown sme field "happiness"; expected one of region, bornAtTick, employees, capability/);
  });

  it('resumes after kill -9 mid-sweep: same bytes, no run lost or run twice', async () => {
    const out = join(work, 'killed');
    const { child, exited } = startGlocal(['sweep', specPath, '--out', out, '--workers', '1', '--csv']);
    await waitFor(() => partCount(out) >= 3);
    child.kill('SIGKILL');
    const killed = await exited;
    expect(killed.signal).toBe('SIGKILL');
    const partsAtKill = partCount(out);
    expect(partsAtKill).toBeLessThan(16);
    expect(existsSync(join(out, 'results.parquet'))).toBe(false);
    const resumed = await glocal(['sweep', specPath, '--out', out, '--workers', '2', '--csv']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`${16 - partsAtKill} ran now, ${partsAtKill} before,`));
    expectSameSweep(out);
    expect(filesIn(out)).toEqual(['agents.parquet', 'manifest.json', 'results.csv', 'results.parquet', 'runs.csv']);
  });

  it('resumes after a kill -9 at the riskiest moments: right after a part file, and between the data files and the manifest', async () => {
    for (const point of ['sweep-after-part', 'sweep-after-outputs']) {
      const out = join(work, point);
      const { exited } = startGlocal(['sweep', specPath, '--out', out, '--workers', '2', '--csv'], { GLOCAL_FAILPOINT: point });
      expect((await exited).signal, point).toBe('SIGKILL');
      expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).complete, point).toBe(false);
      const resumed = await sweep(out, 2);
      expect(resumed.resumedFrom, point).toBe(point === 'sweep-after-part' ? 1 : 16);
      expectSameSweep(out);
    }
  });

  it('stops on SIGINT within seconds, writes the manifest, says how to resume, and resumes to the same bytes', async () => {
    const out = join(work, 'interrupted');
    const { child, exited } = startGlocal(['sweep', specPath, '--out', out, '--workers', '1', '--csv']);
    await waitFor(() => partCount(out) >= 2);
    const sentAt = Date.now();
    child.kill('SIGINT');
    const stopped = await exited;
    expect(Date.now() - sentAt).toBeLessThan(5000);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted; \d+ of 16 runs are done/);
    expect(stopped.stderr).toContain(`resume with: glocal sweep ${specPath} --out ${out} --workers 1 --csv`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(false);
    expect(manifest.finishedRuns).toHaveLength(partCount(out));
    expect(manifest.provenance.sessions[0].outcome).toBe('interrupted');
    const resumed = await glocal(['sweep', specPath, '--out', out, '--workers', '2', '--csv']);
    expect(resumed.code).toBe(0);
    expectSameSweep(out);
  });

  it('runs disjoint shards (from --shard or a Slurm array) that merge into the same bytes', async () => {
    const out = join(work, 'sharded');
    await sweep(out, 1, { index: 0, count: 3 });
    await sweep(out, 1, { index: 2, count: 3 });
    await expect(mergeShards(out, true)).rejects.toThrow(/shard-1-of-3: missing \(run glocal sweep SPEC --shard 1\/3/);
    // A Slurm array 3–5 (not starting at 0): task 4 is shard 1 of 3.
    await sweep(out, 2, shardFromSlurm({ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '3', SLURM_ARRAY_TASK_COUNT: '3' }));
    const shardRuns = [0, 1, 2].map((i) => JSON.parse(readFileSync(join(out, `shard-${i}-of-3`, 'manifest.json'), 'utf8')).finishedRuns as number[]);
    expect(shardRuns.flat()).toEqual(Array.from({ length: 16 }, (_, i) => i)); // disjoint, in order, covering every run
    expect(shardRuns.map((runs) => runs.length)).toEqual([5, 5, 6]);
    const merged = await mergeShards(out, true);
    expect(merged).toMatchObject({ shards: 3, runs: 16 });
    expectSameSweep(out);
    // A shard changed after it finished is refused, not merged.
    appendFileSync(join(out, 'shard-1-of-3', 'results.parquet'), 'x');
    await expect(mergeShards(out, true)).rejects.toThrow(/shard-1-of-3\/results.parquet does not match its manifest/);
  });

  it('refuses a folder that holds another sweep, and says that a finished sweep is finished', async () => {
    const other = join(work, 'other-spec.json');
    writeFileSync(other, JSON.stringify({ ...SMALL_SPEC, weeks: 14 }));
    await expect(sweep(reference, 1, null, other)).rejects.toThrow(/holds a different sweep \(spec hash [0-9a-f]{12}…\)/);
    const again = await sweep(reference, 1);
    expect(again.alreadyComplete).toBe(true);
    expectSameSweep(reference);
  });

  it('rejects a bad spec with its line, exit 2 and no output folder', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{\n  "world": "two-hubs",\n  "seeds": 2,\n  "metrics": ["fillRate"],\n  "stop": "fillRate <"\n}\n');
    const out = join(work, 'never');
    const result = await glocal(['sweep', bad, '--out', out, '--shard', '0/2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`glocal: sweep spec ${bad} is invalid`);
    expect(result.stderr).toMatch(/at stop \(line 5\): at column 11: expected a number/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
    expect(() => parseShard('3/3')).toThrow('--shard expects i/N with 0 ≤ i < N');
    expect(() => shardFromSlurm({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '3', SLURM_ARRAY_TASK_COUNT: '3' })).toThrow(/cannot take the shard from Slurm/);
    expect(shardFromSlurm({})).toBeNull();
  });
});
