import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glocal, STACK_TRACE, tempDir } from './cli-helpers.ts';

/**
 * What a run says: a summary that shows a shock (each headline indicator's lowest week), the
 * losses and where the files are; warnings for scenario items that do nothing; and clean
 * refusals of hostile inputs that used to end in "internal error".
 */

const FAST = ['--set', 'scale=0.2', '--quiet'];

/** The "lowest" cell of a summary line: value and week. */
function lowest(stdout: string, label: string): { value: number; week: number } {
  const line = stdout.split('\n').find((l) => l.startsWith(label));
  if (!line) throw new Error(`no line "${label}" in:\n${stdout}`);
  const match = /([\d.]+)% \(wk (\d+)\)/.exec(line);
  if (!match) throw new Error(`no lowest cell in "${line}"`);
  return { value: Number(match[1]) / 100, week: Number(match[2]) };
}

describe('summaries', () => {
  it('glocal run ends with the summary: the lockdown’s lowest fill rate and its week, the losses, where the files are', async () => {
    const out = join(tempDir(), 'lockdown');
    const result = await glocal(['run', '--scenario', 'hub-lockdown', '--weeks', '50', ...FAST, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const fill = lowest(result.stdout, 'Fill rate');
    expect(fill.value).toBeLessThan(0.9); // hubs at 40% for 8 weeks from week 26
    expect(fill.week).toBeGreaterThanOrEqual(26);
    expect(fill.week).toBeLessThan(45);
    expect(result.stdout).toMatch(/Losses against the same-seed run without shocks[\s\S]*Value added lost in the shocked regions: \$[\d,]+/);
    expect(result.stdout).toContain(`Files in ${out}:`);
    expect(result.stdout).toMatch(/indicators\.csv {2}[\d,]+ rows/);
  });

  it('glocal summary prints the same kind of table and writes nothing; start is its old name', async () => {
    const dir = tempDir();
    const [summary, start, help] = await Promise.all([
      glocal(['summary', '--scenario', 'hub-lockdown', '--weeks', '40', ...FAST]),
      glocal(['start', '--weeks', '3', ...FAST]),
      glocal(['--help']),
    ]);
    expect(summary.code, summary.stderr).toBe(0);
    expect(lowest(summary.stdout, 'Fill rate').week).toBeGreaterThanOrEqual(26);
    expect(summary.stdout).toMatch(/Nothing was written/);
    expect(summary.stdout).toMatch(/agents at the end/);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toMatch(/Losses: not measured/);
    expect(help.stdout).toMatch(/^ {2}summary /m);
    expect(help.stdout).toMatch(/^ {2}rerun /m);
    expect(help.stdout).not.toMatch(/^ {2}start /m);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('scenario items that do nothing or conflict', () => {
  it('run with warnings on stderr naming the path and line; the result is written', async () => {
    const dir = tempDir();
    const scenario = writeFileSync(
      join(dir, 'odd.json'),
      `{
  "weeks": 8,
  "weeks": 10,
  "shocks": [
    { "kind": "lockdown", "target": { "hubs": true }, "start": 30, "weeks": 4, "capacityFactor": 0.5 },
    { "kind": "borderClosure", "target": { "blocs": ["Meridia"], "regions": ["NOR"] }, "start": 2, "weeks": 4 }
  ],
  "policy": [
    { "week": 0, "weeks": 6, "target": "all", "instrument": "training", "level": 0.5 },
    { "week": 3, "weeks": 6, "target": { "regions": ["LAK"] }, "instrument": "training", "level": 0.9 }
  ]
}
`,
    );
    void scenario;
    const out = join(dir, 'out');
    const result = await glocal(['run', '--scenario', join(dir, 'odd.json'), ...FAST, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: scenario .*odd\.json at weeks \(line 3\): duplicate key "weeks"/);
    expect(result.stderr).toMatch(/at shocks\[0\]\.start \(line 5\): starts at week 30, after the run's last week \(9\)/);
    expect(result.stderr).toMatch(/at shocks\[1\]\.target \(line 6\): selects no region/);
    expect(result.stderr).toMatch(/at policy\[1\] \(line 10\): overlaps policy\[0\] \(training\) in LAK in weeks 3–5/);
    expect(readdirSync(out).sort()).toEqual(['indicators.csv', 'manifest.json']);
  });
});

describe('hostile inputs are refused cleanly (exit 2, a message, nothing written)', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a 200,000-deep nesting', () => `{"description": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`, /nests deeper than 64 levels\n {2}at line 1, column 80\n/],
    ['a 50 MB description', () => `{"description": "${'x'.repeat(50 * 2 ** 20)}"}`, /at description \(line 1\): expected a text of at most 10,000 characters, got "x+"… \(52,428,800 characters\)/],
    ['a __proto__ key', () => '{"shocks": [], "__proto__": {"weeks": 1}}', /at __proto__ \(line 1\): the key "__proto__" is not allowed/],
  ];
  for (const [what, text, message] of cases) {
    it(what, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'bad.json'), text());
      const out = join(dir, 'out');
      const result = await glocal(['run', '--scenario', join(dir, 'bad.json'), ...FAST, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(result.stderr.length).toBeLessThan(2_000);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual(['bad.json']);
      rmSync(dir, { recursive: true, force: true }); // the 50 MB file
    });
  }
});
