import { describe, expect, it } from 'vitest';
import { checksSectionMarkdown } from '../../src/validation/report.ts';
import { check } from '../../src/validation/types.ts';
import { interval90 } from '../../src/validation/stats.ts';

const knownFailures = { checks: ['share at defaults'], mechanism: 'the cost gap is too wide' };
const section = (values: number[]) => ({
  title: 'Strategy shares',
  statement: 'The share lies in [0.2, 0.7].',
  checks: [check('share at defaults', interval90(values), 'within', [0.2, 0.7]), check('tariff − none', interval90([0.05, 0.07, 0.06]), '>', 0)],
  notes: ['by arm: defaults 12%'],
  runs: 6,
  knownFailures,
});

describe('checksSectionMarkdown (docs/VALIDATION.md sections outside P1–P12)', () => {
  it('counts the failing checks and gives the mechanism that falls short', () => {
    const text = checksSectionMarkdown(section([0.1, 0.12, 0.14]));
    expect(text.startsWith('## Strategy shares\n\n*The share lies in [0.2, 0.7].*')).toBe(true);
    expect(text).toContain('share at defaults: mean 0.120');
    expect(text).toContain('required within [0.2, 0.7]: **fail**');
    expect(text).toContain('required > 0: **pass**');
    expect(text).toContain('- by arm: defaults 12%');
    expect(text).toContain('Verdict: **fail** (1 of 2 checks) (6 runs).');
    expect(text).toContain('Mechanism that falls short: the cost gap is too wide');
  });

  it('gives no mechanism when every check passes', () => {
    const text = checksSectionMarkdown(section([0.3, 0.32, 0.34]));
    expect(text).toContain('Verdict: **pass** (6 runs).');
    expect(text).not.toContain('Mechanism');
  });
});
