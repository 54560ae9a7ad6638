import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/model/simulation.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { AGENT_KINDS, AGENT_TABLES, readAgents } from '../../src/model/observe/agent-tables.ts';
import { nextSampleWeek } from '../../src/sweep/runner.ts';
import { builtInScenario } from '../../src/validation/specs.ts';

describe('agent tables (a sweep\'s agents.parquet)', () => {
  const scenario = builtInScenario('two-hubs', 'baseline');
  const sim = new Simulation({ world: 'two-hubs', scenarioName: 'baseline', scenario, seed: 3, weeks: 8, params: { scale: 0.1, warmupWeeks: 4 }, paired: false }, lookupWorld('two-hubs'));
  sim.advance(8);

  it('offers only fields that are per-agent arrays of their store', () => {
    for (const kind of AGENT_KINDS) {
      const store = AGENT_TABLES[kind].store(sim.world) as unknown as { count: number } & Record<string, unknown>;
      expect(store.count, kind).toBeGreaterThan(0);
      for (const field of Object.keys(AGENT_TABLES[kind].fields)) {
        const column = store[field];
        expect(ArrayBuffer.isView(column), `${kind}.${field}`).toBe(true);
        expect((column as ArrayLike<number>).length, `${kind}.${field}`).toBeGreaterThanOrEqual(store.count);
      }
    }
  });

  it('reads live SMEs only, row by row in field order', () => {
    const { smes } = sim.world;
    const table = readAgents(sim.world, 'sme', ['employees', 'digital']);
    const live = Array.from({ length: smes.count }, (_, i) => i).filter((i) => smes.alive[i] === 1);
    expect(live.length).toBeLessThan(smes.count + 1);
    expect(Array.from(table.id)).toEqual(live);
    expect(Array.from(table.values)).toEqual(live.flatMap((i) => [Math.fround(smes.employees[i]), smes.digital[i]]));
    expect(() => readAgents(sim.world, 'sme', ['cash', 'nonsense'])).toThrow('unknown sme field "nonsense"');
  });

  it('docs/sweeps.md lists every kind and field', () => {
    const docs = readFileSync('docs/sweeps.md', 'utf8');
    for (const kind of AGENT_KINDS) {
      const row = docs.split('\n').find((line) => line.startsWith(`| \`${kind}\` |`)) ?? '';
      expect(row, kind).not.toBe('');
      for (const field of Object.keys(AGENT_TABLES[kind].fields)) expect(row, `${kind}.${field}`).toContain(`\`${field}\``);
    }
  });

  it('samples after recorded weeks 0, every, 2·every, … (the week count after the step is one more)', () => {
    const every = 5;
    const sampled: number[] = [];
    for (let week = 0; week < 16; ) {
      week = nextSampleWeek(week, every);
      if (week <= 16) sampled.push(week - 1);
    }
    expect(sampled).toEqual([0, 5, 10, 15]);
    expect(nextSampleWeek(3, 1)).toBe(4);
  });
});
