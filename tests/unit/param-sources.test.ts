import { describe, expect, it } from 'vitest';
import { allParams } from '../../src/model/params/registry.ts';
import { PARAM_STATUSES, type ParamSpec } from '../../src/sim/params/define.ts';

const entries = Object.entries(allParams as Record<string, ParamSpec>);

describe('the parameter schema', () => {
  it('declares parameters', () => {
    expect(entries.length).toBeGreaterThan(100);
  });

  it('gives every parameter one of the four statuses', () => {
    const bad = entries.filter(([, spec]) => !PARAM_STATUSES.includes(spec.status)).map(([name]) => name);
    expect(bad).toEqual([]);
  });

  it('names a publication (with its year) for every cited default, never only a section of the spec', () => {
    const bad = entries
      .filter(([, spec]) => spec.status === 'cited')
      .filter(([, spec]) => /^MODEL\.md/.test(spec.source) || !/\b(19|20)\d\d\b/.test(spec.source))
      .map(([name, spec]) => `${name}: ${spec.source}`);
    expect(bad).toEqual([]);
  });

  it('gives every parameter a source or reason and a unit where it is a number', () => {
    const bad = entries
      .filter(([, spec]) => spec.source.trim() === '' || (spec.kind === 'number' && spec.unit === undefined))
      .map(([name]) => name);
    expect(bad).toEqual([]);
  });

  it('keeps every number default inside its declared range', () => {
    const bad = entries
      .filter(([, spec]) => spec.kind === 'number' && (spec.default < spec.min || spec.default > spec.max))
      .map(([name]) => name);
    expect(bad).toEqual([]);
  });
});
