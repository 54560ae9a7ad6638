import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, collectWholeNumber, readWholeNumber, wholeNumberFlag, workersFlag } from '../../src/cli/whole-number.ts';
import { UserError } from '../../src/cli/errors.ts';

describe('whole-number flags (one parser and one message for every command)', () => {
  it('reads digits, with spaces around them, inside the range', () => {
    expect(readWholeNumber('7', 1, 10)).toBe(7);
    expect(readWholeNumber(' 10 ', 1, 10)).toBe(10);
    expect(readWholeNumber('1', 1, 10)).toBe(1);
    expect(readWholeNumber(4, 1, 10)).toBe(4);
  });

  it('refuses what is not a plain whole number in range', () => {
    for (const raw of ['0', '11', '-1', '2.5', '1e1', '0x5', '', ' ', 'five', '3 4']) expect(readWholeNumber(raw, 1, 10), raw).toBeUndefined();
    expect(readWholeNumber(2.5, 1, 10)).toBeUndefined();
  });

  it('a flag not given takes its fallback; a bad one is a UserError naming the flag, the range and the text', () => {
    expect(wholeNumberFlag(undefined, '--seeds', 1, 10, 3)).toBe(3);
    expect(() => wholeNumberFlag('0', '--seeds', 1, 10, 3)).toThrow(UserError);
    expect(() => wholeNumberFlag('0', '--seeds', 1, 10, 3)).toThrow('glocal: --seeds expects a whole number in [1, 10], got "0"\nnothing was written.');
  });

  it('commands that report every bad flag at once collect the same message, indented, and get NaN', () => {
    const problems: string[] = [];
    expect(collectWholeNumber('12', '--tasks', 1, 100, problems)).toBe(12);
    expect(collectWholeNumber('0', '--tasks', 1, 100, problems)).toBeNaN();
    expect(problems).toEqual(['  --tasks expects a whole number in [1, 100], got "0"']);
  });

  it('--workers defaults to one per core and stops at MAX_WORKERS', () => {
    expect(workersFlag(undefined)).toBeGreaterThanOrEqual(1);
    expect(workersFlag(String(MAX_WORKERS))).toBe(MAX_WORKERS);
    expect(() => workersFlag(String(MAX_WORKERS + 1))).toThrow(`--workers expects a whole number in [1, ${MAX_WORKERS}]`);
  });
});
