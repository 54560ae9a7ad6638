import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { allParams } from '../../src/model/params/registry.ts';
import type { ParamSpec } from '../../src/sim/params/define.ts';

/**
 * MODEL.md §8: defaults marked `assumption` (and those `cited`) are frozen when the core lands;
 * only `calibrated` parameters may be fitted, on data up to 2010. The table beside this test holds
 * each frozen default at MODEL.md's value, else at its first committed value. Changing a default
 * means changing the table, marking the entry "changed: see docs/ODD.md", and giving the reason in
 * docs/ODD.md under "Changed frozen defaults".
 */
interface FrozenEntry {
  value: number | boolean | string;
  from: string;
}

const table = JSON.parse(readFileSync('tests/unit/frozen-defaults.json', 'utf8')) as { defaults: Record<string, FrozenEntry> };
const frozen = table.defaults;
const specs = allParams as Record<string, ParamSpec>;
const isFrozen = (spec: ParamSpec) => spec.status === 'assumption' || spec.status === 'cited';

describe('frozen defaults (MODEL.md §8)', () => {
  it('lists every assumed and cited parameter', () => {
    const missing = Object.keys(specs).filter((name) => isFrozen(specs[name]) && !(name in frozen));
    expect(missing, 'add these to tests/unit/frozen-defaults.json at MODEL.md’s value or their first committed one').toEqual([]);
  });

  it('holds every assumed and cited default at its frozen value', () => {
    const moved = Object.keys(specs)
      .filter((name) => isFrozen(specs[name]) && name in frozen && specs[name].default !== frozen[name].value)
      .map((name) => `${name}: default ${String(specs[name].default)}, frozen ${String(frozen[name].value)} (${frozen[name].from})`);
    expect(moved).toEqual([]);
  });

  it('lets no frozen parameter disappear or become calibrated (a knob may become a setting)', () => {
    const escaped = Object.keys(frozen)
      .filter((name) => !(name in specs) || !['assumption', 'cited', 'setting'].includes(specs[name].status))
      .map((name) => `${name}: ${name in specs ? specs[name].status : 'no longer a parameter'}`);
    expect(escaped).toEqual([]);
  });

  it('says where each frozen value comes from', () => {
    const unexplained = Object.entries(frozen)
      .filter(([, entry]) => !/^(MODEL\.md §\d+(\.\d+)?|first committed value \([0-9a-f]{7}\)|changed: see docs\/ODD\.md)$/.test(entry.from))
      .map(([name, entry]) => `${name}: ${entry.from}`);
    expect(unexplained).toEqual([]);
  });

  it('gives a reason in docs/ODD.md for every changed frozen default', () => {
    const odd = readFileSync('docs/ODD.md', 'utf8');
    const section = odd.split('### Changed frozen defaults')[1]?.split(/\n##? /)[0] ?? '';
    const changed = Object.entries(frozen).filter(([, entry]) => entry.from.startsWith('changed'));
    const unexplained = changed.map(([name]) => name).filter((name) => !new RegExp('`' + name + '`.{40,}').test(section));
    expect(unexplained).toEqual([]);
  });
});
