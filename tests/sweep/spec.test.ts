import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/cli/json-input.ts';
import { UserError } from '../../src/cli/errors.ts';
import { resolveSweep, runCoordinates, runSpecOf, steppedValues, type SweepPlan } from '../../src/sweep/spec.ts';
import { runIndex } from '../../src/sweep/contracts.ts';

const base = {
  world: 'two-hubs',
  params: { scale: 0.1 },
  seeds: 2,
  weeks: 10,
  metrics: ['fillRate'],
};

function plan(spec: object): SweepPlan {
  return resolveSweep(parseJsonText(JSON.stringify(spec, null, 2), 'spec.json', 'sweep spec'));
}

/** The message of the UserError a spec text raises. */
function problem(text: string): string {
  try {
    resolveSweep(parseJsonText(text, 'bad.json', 'sweep spec'));
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('the spec was accepted');
}

describe('sweep spec: enumerated and stepped factors', () => {
  it('crosses the factors in full factorial, first factor slowest, seeds innermost', () => {
    const p = plan({ ...base, factors: { bassInnovation: { from: 0.01, step: 0.02, to: 0.05 }, bassImitation: { values: [0.2, 0.6] } } });
    expect(p.factorNames).toEqual(['bassInnovation', 'bassImitation']);
    expect(p.points).toEqual([[0.01, 0.2], [0.01, 0.6], [0.03, 0.2], [0.03, 0.6], [0.05, 0.2], [0.05, 0.6]]);
    expect(p.seeds).toEqual([1, 2]);
    expect(p.runCount).toBe(12);
    // run = point × seedCount + seedIndex (the contract with the analysis)
    expect(runCoordinates(p, runIndex(4, 1, 2))).toEqual({ point: 4, seedIndex: 1, seed: 2 });
    const spec = runSpecOf(p, 9);
    expect(spec.seed).toBe(2);
    expect(spec.params).toEqual({ scale: 0.1, bassInnovation: 0.05, bassImitation: 0.2 });
  });

  it('steps include the end despite rounding, and never pass it', () => {
    expect(steppedValues(0.1, 0.1, 0.3)).toEqual([0.1, 0.2, 0.3]);
    expect(steppedValues(0, 0.25, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(steppedValues(1, 2, 6)).toEqual([1, 3, 5]);
    expect(steppedValues(0.5, 1, 0.5)).toEqual([0.5]);
  });

  it('takes a list of seeds as given and a count as 1…n', () => {
    expect(plan({ ...base, seeds: [7, 3, 11] }).seeds).toEqual([7, 3, 11]);
    expect(plan({ ...base, seeds: 4 }).seeds).toEqual([1, 2, 3, 4]);
    expect(plan(base).points).toEqual([[]]);
  });

  it('spells out every group of a metric given without a group', () => {
    const p = plan({ ...base, metrics: ['fillRate@bloc', { indicator: 'smeAdoption', scope: 'region', group: 'NOR' }, 'fillRate@bloc:Meridia'] });
    expect(p.metrics.map((m) => `${m.indicator}@${m.scope}:${m.group}`)).toEqual([
      'fillRate@bloc:Atlantica',
      'fillRate@bloc:Meridia',
      'fillRate@bloc:Orienta',
      'smeAdoption@region:NOR',
    ]);
  });

  it('hashes the spec: equal specs share a hash, any change makes another', () => {
    expect(plan(base).specHash).toBe(plan({ ...base }).specHash);
    expect(plan({ ...base, weeks: 11 }).specHash).not.toBe(plan(base).specHash);
  });
});

describe('sweep spec: sampled designs', () => {
  const design = { type: 'lhs', samples: 5, ranges: { bassInnovation: [0.01, 0.05], bassImitation: [0.1, 0.9] } };

  it('samples the design deterministically, inside the ranges', () => {
    const a = plan({ ...base, design });
    const b = plan({ ...base, design });
    expect(a.points).toEqual(b.points);
    expect(a.points).toHaveLength(5);
    expect(a.runCount).toBe(10);
    for (const [innovation, imitation] of a.points as number[][]) {
      expect(innovation).toBeGreaterThanOrEqual(0.01);
      expect(innovation).toBeLessThanOrEqual(0.05);
      expect(imitation).toBeGreaterThanOrEqual(0.1);
      expect(imitation).toBeLessThanOrEqual(0.9);
    }
    expect(plan({ ...base, design: { ...design, seed: 2 } }).points).not.toEqual(a.points);
    expect(a.design).toEqual({ type: 'lhs', samples: 5, ranges: design.ranges });
  });

  it('gives a Morris design r(k + 1) points and a Sobol design N(k + 2)', () => {
    expect(plan({ ...base, design: { ...design, type: 'morris', samples: 3 } }).points).toHaveLength(9);
    expect(plan({ ...base, design: { ...design, type: 'sobol', samples: 4 } }).points).toHaveLength(16);
  });
});

describe('sweep spec: errors name the field, its line and what was expected', () => {
  it('reports an unknown factor and an out-of-range value at their lines', () => {
    const text = `{
  "world": "two-hubs",
  "seeds": 2,
  "metrics": ["fillRate"],
  "factors": {
    "bassInovation": { "values": [0.1] },
    "bassImitation": { "values": [0.2, 7] }
  }
}`;
    const message = problem(text);
    expect(message).toContain('sweep spec bad.json is invalid');
    expect(message).toMatch(/at factors\.bassInovation \(line 6\): unknown parameter "bassInovation"; did you mean "bassInnovation"\?/);
    expect(message).toMatch(/at factors\.bassImitation\.values\[1\] \(line 7\): expected a number in \[0, 2\]/);
    expect(message).toContain('nothing was written.');
  });

  it('reports shape errors from the schema', () => {
    const text = `{
  "world": "two-hubs",
  "seeds": "many",
  "weeks": 0,
  "metrics": [],
  "colour": "red"
}`;
    const message = problem(text);
    expect(message).toMatch(/at seeds \(line 3\): expected a count of seeds \(a whole number ≥ 1\) or a list of seeds, got "many"/);
    expect(message).toMatch(/at weeks \(line 4\): expected a number ≥ 1, got 0/);
    expect(message).toMatch(/at metrics \(line 5\): expected at least 1 item/);
    expect(message).toMatch(/at colour \(line 6\): unknown field "colour"/);
  });

  it('reports metrics and stop conditions that do not exist or cannot parse', () => {
    const text = `{
  "world": "two-hubs",
  "seeds": 1,
  "metrics": ["fillRat", {"indicator": "usageGini", "scope": "region"}, "smeAdoption@bloc:Nowhere"],
  "stop": "fillRate < and week > 3"
}`;
    const message = problem(text);
    expect(message).toMatch(/at metrics\[0\] \(line 4\): unknown indicator "fillRat"/);
    expect(message).toMatch(/at metrics\[1\] \(line 4\): usageGini is recorded at scope global, not region/);
    expect(message).toMatch(/at metrics\[2\] \(line 4\): unknown bloc "Nowhere"; expected one of Atlantica, Meridia, Orienta/);
    expect(message).toMatch(/at stop \(line 5\): at column 12: expected a number, "week" or an indicator name, got "and"/);
  });

  it('refuses a design together with factors, and a design over a whole-number parameter', () => {
    const text = `{
  "world": "two-hubs", "seeds": 1, "metrics": ["fillRate"],
  "factors": { "bassImitation": { "values": [0.2] } },
  "design": { "type": "lhs", "samples": 4, "ranges": { "warmupWeeks": [1, 10] } }
}`;
    expect(problem(text)).toMatch(/at design \(line 4\): a spec has either "factors" or one "design", not both/);
    const integer = `{
  "world": "two-hubs", "seeds": 1, "metrics": ["fillRate"],
  "design": { "type": "sobol", "samples": 4, "ranges": { "warmupWeeks": [1, 10], "bassImitation": [0, 9] } }
}`;
    const message = problem(integer);
    expect(message).toMatch(/at design\.ranges\.warmupWeeks \(line 3\): a sampled design needs continuous parameters; warmupWeeks is an integer/);
    expect(message).toMatch(/at design\.ranges\.bassImitation \(line 3\): expected a range inside \[0, 2\]/);
  });

  it('refuses loss indicators without paired runs, and an unknown world', () => {
    expect(problem(JSON.stringify({ ...base, metrics: ['recoveryWeeks'] }))).toMatch(/recoveryWeeks is recorded only by paired runs/);
    expect(problem(JSON.stringify({ ...base, world: 'mars' }))).toMatch(/unknown world "mars"; expected one of two-hubs, world-2019/);
  });
});
