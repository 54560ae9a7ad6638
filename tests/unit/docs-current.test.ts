import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { refreshOddTables } from '../../src/model/docs-tables.ts';
import { PARAM_NAMES } from '../../src/model/params/registry.ts';

describe('docs/ODD.md', () => {
  const text = readFileSync('docs/ODD.md', 'utf8');

  it('has the parameter and indicator tables generated from the current schema (run `npm run docs`)', () => {
    expect(refreshOddTables(text)).toBe(text);
  });

  it('names every parameter', () => {
    const missing = PARAM_NAMES.filter((name) => !text.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
