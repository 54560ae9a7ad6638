import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { glocal } from './cli-helpers.ts';
import { parseCsv } from '../../worlds/world-2019/scripts/build-data-lib.ts';

/**
 * Issue 13: at reduced scale over ≥ 10 seeds, digital-infrastructure-with-training should narrow
 * the digital divide more per unit of budget than digital-infrastructure-only (the same budget,
 * the same regions). At the model's defaults it does not: the measured numbers are recorded below
 * as a known failure, and docs/compare.md#a-known-failure explains the mechanism.
 */
const MEASURED = { onlyPerBillion: 0.079277, withTrainingPerBillion: 0.060641 };

describe('digital infrastructure with and without training (two-hubs baseline, scale 0.05, 26 weeks, 10 seeds)', () => {
  const narrowing = new Map<string, number>();
  const spending = new Map<string, number>();

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'glocal-divide-')), 'divide');
    const result = await glocal(
      ['compare', '--world', 'two-hubs', '--scenario', 'baseline', '--scheme', 'digital-infrastructure-only', '--scheme', 'digital-infrastructure-with-training',
        '--seeds', '10', '--weeks', '26', '--set', 'scale=0.05', '--set', 'warmupWeeks=2', '--workers', '2', '--quiet', '--out', out],
      300_000,
    );
    expect(result.stderr).toBe('');
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'comparison.csv'), 'utf8')).filter((row) => row.length > 1);
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    for (const row of rows) {
      if (at(row, 'indicator') !== 'usageGapQuartiles' || at(row, 'scope') !== 'global') continue;
      expect(Number(at(row, 'seeds'))).toBe(10);
      // Narrowing of the gap in percentage points per $1 bn of extra spending over the run.
      spending.set(at(row, 'scheme'), Number(at(row, 'extra_cost')));
      narrowing.set(at(row, 'scheme'), -Number(at(row, 'effect_points')) / (Number(at(row, 'extra_cost')) / 1e9));
    }
  }, 300_000);

  it('spend the same budget, and both narrow the divide', () => {
    expect(spending.get('digital-infrastructure-only')).toBeGreaterThan(0);
    expect(spending.get('digital-infrastructure-with-training')).toBeCloseTo(spending.get('digital-infrastructure-only') as number, 0);
    expect(narrowing.get('digital-infrastructure-only')).toBeGreaterThan(0);
    expect(narrowing.get('digital-infrastructure-with-training')).toBeGreaterThan(0);
  });

  it.fails('with training narrows the divide more per unit of budget than infrastructure alone (known failure)', () => {
    expect(narrowing.get('digital-infrastructure-with-training')).toBeGreaterThan(narrowing.get('digital-infrastructure-only') as number);
  });

  it('measures what was recorded for the known failure (a change means the note in docs/compare.md needs a look)', () => {
    expect(Math.abs((narrowing.get('digital-infrastructure-only') as number) / MEASURED.onlyPerBillion - 1)).toBeLessThan(0.01);
    expect(Math.abs((narrowing.get('digital-infrastructure-with-training') as number) / MEASURED.withTrainingPerBillion - 1)).toBeLessThan(0.01);
  });
});
