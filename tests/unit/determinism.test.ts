import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation, type RunSpec } from '../../src/model/simulation.ts';
import { rowsToCsv, type IndicatorRows } from '../../src/model/observe/recorder.ts';
import { checkScenario } from '../../src/model/validate.ts';
import { spawnWorker } from '../../src/worker/spawn.ts';
import type { IndicatorBatch } from '../../src/worker/api.ts';
import { lookupWorld, WORLDS } from '../../worlds/index.ts';
import { glocal, tempDir } from '../cli/cli-helpers.ts';

/**
 * Same inputs ⇒ same bytes: across processes (CLI), across a checkpoint and restore, and
 * between the in-process engine and the worker behind the comlink API.
 */

const WORLD = 'two-hubs';

function spec(scenarioName: 'hub-lockdown' | 'baseline', weeks: number, paired: boolean, seed = 1): RunSpec {
  const definition = lookupWorld(WORLD);
  const check = checkScenario(WORLDS[WORLD].scenarios[scenarioName], definition);
  if (!check.ok) throw new Error(`built-in scenario ${scenarioName} is invalid: ${JSON.stringify(check.problems)}`);
  return { world: WORLD, scenarioName, scenario: check.scenario, seed, weeks, params: {}, paired };
}

function csvOf(sim: Simulation): string {
  return rowsToCsv(sim.recorder.view(0), sim.recorder.indicators, sim.recorder.groupNames);
}

/** The first line where two CSV texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: ${x[i]} ≠ ${y[i]}`;
  }
  return 'identical';
}

describe('glocal run is deterministic', () => {
  it('gives byte-identical indicators.csv for the same seed and different output for another seed', async () => {
    const root = tempDir('glocal-det-');
    const args = (seed: number, out: string) =>
      ['run', '--world', WORLD, '--scenario', 'hub-lockdown', '--seed', String(seed), '--weeks', '40', '--quiet', '--out', join(root, out)];
    const results = await Promise.all([glocal(args(1, 'a')), glocal(args(1, 'b')), glocal(args(2, 'c'))]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const [a, b, c] = ['a', 'b', 'c'].map((d) => readFileSync(join(root, d, 'indicators.csv')));
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b), firstDifference(a.toString(), b.toString())).toBe(true);
    expect(a.equals(c)).toBe(false);
    const indicators = (t: Buffer) => new Set(t.toString().trimEnd().split('\n').map((l) => l.split(',')[3]));
    expect(indicators(c)).toEqual(indicators(a));
    const [ma, mb, mc] = ['a', 'b', 'c'].map((d) => JSON.parse(readFileSync(join(root, d, 'manifest.json'), 'utf8')) as Record<string, unknown>);
    expect(ma.inputsSha256).toBe(mb.inputsSha256);
    expect(ma.inputsSha256).not.toBe(mc.inputsSha256);
    expect(JSON.stringify(ma.outputs)).toBe(JSON.stringify(mb.outputs));
  });
});

describe('checkpoint and restore', () => {
  const TOTAL = 70;

  /** Runs `at` weeks, checkpoints, restores into a new Simulation and runs the rest. */
  function resumed(runSpec: RunSpec, at: number): { csv: string; restored: Simulation; original: Simulation } {
    const original = new Simulation(runSpec, lookupWorld(runSpec.world));
    expect(original.advance(at)).toBe(at);
    const bytes = original.checkpoint();
    // A copy, so nothing can be shared with the original run's memory.
    const restored = Simulation.restore(bytes.slice(), lookupWorld);
    expect(restored).not.toBe(original);
    expect(restored.week).toBe(at);
    expect(restored.recorder.length).toBe(original.recorder.length);
    expect(restored.advance(TOTAL - at)).toBe(TOTAL - at);
    expect(restored.done).toBe(true);
    return { csv: csvOf(restored), restored, original };
  }

  it.each([
    { label: 'paired hub-lockdown, checkpoint before the shock (week 20)', scenario: 'hub-lockdown' as const, paired: true, at: 20 },
    { label: 'paired hub-lockdown, checkpoint during the shock (week 30)', scenario: 'hub-lockdown' as const, paired: true, at: 30 },
    { label: 'paired hub-lockdown, checkpoint after the shock (week 40)', scenario: 'hub-lockdown' as const, paired: true, at: 40 },
    { label: 'unpaired baseline (week 40)', scenario: 'baseline' as const, paired: false, at: 40 },
  ])('$label: the resumed run equals the unbroken 70-week run', ({ scenario, paired, at }) => {
    const runSpec = spec(scenario, TOTAL, paired);
    const unbroken = new Simulation(runSpec, lookupWorld(WORLD));
    unbroken.advance(TOTAL);
    expect(unbroken.done).toBe(true);
    const expected = csvOf(unbroken);
    const { csv, restored } = resumed(runSpec, at);
    expect(restored.reference === null).toBe(!paired);
    expect(csv.length).toBeGreaterThan(1000);
    expect(csv === expected, firstDifference(csv, expected)).toBe(true);
    if (paired) {
      expect(csv).toContain('gvaLossGrossDirect');
      const last = restored.recorder.latest('gvaLossGrossDirect');
      expect(last).toBeGreaterThan(0);
      expect(last).toBe(unbroken.recorder.latest('gvaLossGrossDirect'));
    }
  });

  it('taking a checkpoint does not change the run', () => {
    const runSpec = spec('hub-lockdown', 50, true);
    const plain = new Simulation(runSpec, lookupWorld(WORLD));
    plain.advance(50);
    const checkpointed = new Simulation(runSpec, lookupWorld(WORLD));
    checkpointed.advance(20);
    checkpointed.checkpoint();
    checkpointed.advance(10);
    checkpointed.checkpoint();
    checkpointed.advance(20);
    const a = csvOf(plain);
    const b = csvOf(checkpointed);
    expect(a === b, firstDifference(a, b)).toBe(true);
  });

  it('a checkpoint restores to the same checkpoint bytes', () => {
    const runSpec = spec('hub-lockdown', 40, true);
    const sim = new Simulation(runSpec, lookupWorld(WORLD));
    sim.advance(30);
    const bytes = sim.checkpoint();
    const again = Simulation.restore(bytes.slice(), lookupWorld).checkpoint();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('the worker API', () => {
  const COLUMNS = ['week', 'scope', 'group', 'indicator', 'value'] as const;

  function bytesOf(array: ArrayBufferView): Buffer {
    return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  }

  it('gives exactly the rows of the in-process Simulation for the same spec', async () => {
    const runSpec = spec('hub-lockdown', 45, true, 7);
    const local = new Simulation(runSpec, lookupWorld(WORLD));
    local.advance(runSpec.weeks);
    const expected: IndicatorRows = local.recorder.view(0);

    const handle = spawnWorker();
    try {
      const info = await handle.api.init(runSpec);
      expect(info.week).toBe(0);
      expect(info.indicators.map((i) => i.name)).toEqual(local.recorder.indicators.map((i) => i.name));
      expect(info.groups).toEqual(local.recorder.groupNames);
      let done = false;
      let steps = 0;
      while (!done) {
        const result = await handle.api.step(7);
        done = result.done;
        expect(++steps).toBeLessThan(100);
      }
      // Read in batches, as the CLI does.
      const batches: IndicatorBatch[] = [];
      let from = 0;
      for (;;) {
        const batch = await handle.api.indicators(from, 10_000);
        expect(batch.from).toBe(from);
        if (batch.next === from) break;
        batches.push(batch);
        from = batch.next;
      }
      expect(from).toBe(expected.length);
      for (const column of COLUMNS) {
        const got = Buffer.concat(batches.map((b) => bytesOf(b[column])));
        expect(got.equals(bytesOf(expected[column])), column).toBe(true);
      }
      const all = await handle.api.indicators(0);
      expect(all.next).toBe(expected.length);
      for (const column of COLUMNS) expect(Array.from(all[column]), column).toEqual(Array.from(expected[column]));
      const csv = rowsToCsv({ ...all, length: all.next - all.from }, info.indicators, info.groups);
      expect(csv === csvOf(local), firstDifference(csv, csvOf(local))).toBe(true);
    } finally {
      await handle.terminate();
    }
  });
});
