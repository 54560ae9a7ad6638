import { describe, expect, it } from 'vitest';
import { checksSectionMarkdown, validationMarkdown } from '../../src/validation/report.ts';
import { check, FULL_SETTINGS, type PatternResult } from '../../src/validation/types.ts';
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

describe('validationMarkdown: ablations', () => {
  const run = (values: number[]) => ({ checks: [check('gap', interval90(values), '>', 0)], notes: [], runs: 3 });
  const result = (ablated: number[]): PatternResult => {
    const ablation = { id: 'off', input: 'the input off', params: {} };
    return {
      definition: { id: 'P0', title: 'A pattern', statement: 'It holds.', source: 'a source', threshold: 'gap > 0', ablations: [ablation], run: async () => run([1]) },
      main: run([1, 2, 3]),
      ablations: [{ ablation, run: run(ablated), survives: true }],
      pass: true,
      origin: 'emerges',
      seeds: 3,
      settings: FULL_SETTINGS,
    };
  };
  const meta = { date: '2026-11-26', commit: 'abc1234', seconds: 10 };

  it('says when an ablation changed nothing the pattern measures (the input does not bind)', () => {
    expect(validationMarkdown([result([1, 2, 3])], 'backcast', meta)).toContain('this input does not bind at these settings');
  });

  it('says nothing of the kind when the ablation moved a measure', () => {
    expect(validationMarkdown([result([1, 2, 4])], 'backcast', meta)).not.toContain('does not bind');
  });
});
