import { describe, expect, it } from 'vitest';
import { Simulation, type RunSpec } from '../../src/model/simulation.ts';
import { rowsToCsv } from '../../src/model/observe/recorder.ts';
import { checkScenario } from '../../src/model/validate.ts';
import { api } from '../../src/worker/api.ts';
import { lookupWorld, WORLDS } from '../../worlds/index.ts';

/**
 * Streaming (issue 9): a reader that releases the rows it has taken gets exactly the rows of a
 * run that keeps them all, memory held by the recorder stays bounded, and a checkpoint taken
 * mid-stream restores and continues to the same bytes.
 */

function spec(weeks: number): RunSpec {
  const check = checkScenario(WORLDS['two-hubs'].scenarios['hub-lockdown'], lookupWorld('two-hubs'));
  if (!check.ok) throw new Error('hub-lockdown is invalid');
  return { world: 'two-hubs', scenarioName: 'hub-lockdown', scenario: check.scenario, seed: 3, weeks, params: { scale: 0.1, warmupWeeks: 4 }, paired: true };
}

/** Runs week by week, taking and releasing rows after each week; returns the CSV text and the most rows held at once. */
function streamed(sim: Simulation, until: number, taken: string[]): number {
  let held = 0;
  while (sim.week < until) {
    sim.advance(1);
    const from = sim.recorder.firstKept;
    const rows = sim.recorder.view(from);
    held = Math.max(held, rows.length);
    taken.push(rowsToCsv(rows, sim.recorder.indicators, sim.recorder.groupNames, false));
    sim.recorder.release(sim.recorder.length);
  }
  return held;
}

describe('Recorder.release', () => {
  it('streams the same rows as a run that keeps them all, holding one week of rows at a time', () => {
    const whole = new Simulation(spec(40), lookupWorld('two-hubs'));
    whole.advance(40);
    const expected = rowsToCsv(whole.recorder.view(0), whole.recorder.indicators, whole.recorder.groupNames, false);

    const sim = new Simulation(spec(40), lookupWorld('two-hubs'));
    const taken: string[] = [];
    const held = streamed(sim, 40, taken);
    expect(taken.join('')).toBe(expected);
    expect(sim.recorder.length).toBe(whole.recorder.length);
    expect(held).toBeLessThan((2 * whole.recorder.length) / 40); // about one week's rows, not forty
    expect(() => sim.recorder.view(0)).toThrow(/released/);
  });

  it('restores a checkpoint taken mid-stream and continues to the same bytes', () => {
    const whole = new Simulation(spec(30), lookupWorld('two-hubs'));
    whole.advance(30);
    const expected = rowsToCsv(whole.recorder.view(0), whole.recorder.indicators, whole.recorder.groupNames, false);

    const first = new Simulation(spec(30), lookupWorld('two-hubs'));
    const taken: string[] = [];
    streamed(first, 12, taken);
    const restored = Simulation.restore(first.checkpoint(), lookupWorld);
    expect(restored.recorder.firstKept).toBe(first.recorder.firstKept);
    streamed(restored, 30, taken);
    expect(taken.join('')).toBe(expected);
  });
});

describe('worker api', () => {
  it('step() reports the live agent count (for the progress bar), and release() frees rows already read', () => {
    api.init(spec(8));
    const result = api.step(4);
    expect(result.week).toBe(4);
    expect(result.agents).toBeGreaterThan(100);
    const batch = api.indicators(0);
    expect(batch.next).toBeGreaterThan(0);
    api.release(batch.next);
    api.step(4);
    const next = api.indicators(batch.next);
    expect(next.from).toBe(batch.next);
    expect(next.week[0]).toBe(4);
  });
});
