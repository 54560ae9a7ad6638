import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glocal, tempDir } from './cli-helpers.ts';

/**
 * `glocal strategies`: how lead firms price the four strategies at the end of a run, term by term.
 * The table's lines add up to C_k, the JSON carries the same numbers, and bad firm numbers are
 * refused with a message and a non-zero exit.
 */
const FAST = ['--set', 'scale=0.2', '--quiet', '--weeks', '13'];
const STRATEGIES = ['GLOBAL', 'DUAL', 'NEARSHORE', 'MULTILOCAL'];
const TERMS = ['components', 'assembly', 'overhead', 'outbound', 'coordination', 'contracts', 'subsidy', 'expectedLoss', 'localBonus'] as const;

interface JsonRow {
  strategy: string;
  cost: number;
  switching: number;
  probability: number;
  holding?: number;
  current?: boolean;
  terms: Record<(typeof TERMS)[number], number>;
}

describe('glocal strategies', () => {
  it('prints a column per strategy whose lines add up to C_k, and the same numbers as JSON; writes nothing', async () => {
    const dir = tempDir();
    const [text, json] = await Promise.all([glocal(['strategies', ...FAST]), glocal(['strategies', ...FAST, '--json'])]);
    expect(text.code, text.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);
    const lines = text.stdout.split('\n');
    const header = lines.find((l) => l.includes('GLOBAL'));
    expect(header?.trim().split(/\s+/)).toEqual(STRATEGIES);
    const cells = (label: string) => {
      const line = lines.find((l) => l.startsWith(label));
      if (!line) throw new Error(`no line "${label}" in:\n${text.stdout}`);
      return line.trim().split(/\s+/).slice(-STRATEGIES.length).map((v) => Number(v.replace('%', '')));
    };
    const added = cells('  components').map((components, k) =>
      components + cells('+ assembly')[k] + cells('+ plant overhead')[k] + cells('+ freight and tariffs')[k] + cells('+ coordination')[k] +
      cells('+ SME contracts')[k] - cells('− local-sourcing subsidy')[k] + cells('+ expected disruption loss')[k] - cells('− local bonus')[k]);
    cells('= cost per unit C_k').forEach((cost, k) => expect(added[k]).toBeCloseTo(cost, 1)); // each cell rounded to cents
    cells('C_k − C_GLOBAL').forEach((gap, k) => expect(gap).toBeCloseTo(cells('= cost per unit C_k')[k] - cells('= cost per unit C_k')[0], 1));
    const chances = cells('chance at a review now');
    expect(chances.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    const report = JSON.parse(json.stdout) as { scope: string; firms: number; rows: JsonRow[] };
    expect(report.scope).toBe('all');
    expect(report.rows.map((r) => r.strategy)).toEqual(STRATEGIES);
    expect(report.rows.reduce((n, r) => n + (r.holding ?? 0), 0)).toBe(report.firms);
    expect(cells('firms holding it now')).toEqual(report.rows.map((r) => r.holding));
    report.rows.forEach((row, k) => expect(row.cost.toFixed(2)).toBe(cells('= cost per unit C_k')[k].toFixed(2)));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--firm shows one firm, its strategy now marked (and says when strategyOverride holds it); an unknown or malformed firm is refused', async () => {
    const [one, missing, malformed, forced] = await Promise.all([
      glocal(['strategies', ...FAST, '--firm', '1', '--json']),
      glocal(['strategies', ...FAST, '--firm', '999']),
      glocal(['strategies', ...FAST, '--firm', 'first']),
      glocal(['strategies', ...FAST, '--firm', '1', '--set', 'strategyOverride=NEARSHORE']),
    ]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/NEARSHORE \(now\)/);
    expect(forced.stdout).toMatch(/strategyOverride = NEARSHORE: every firm is held at NEARSHORE and reviews nothing/);
    expect(JSON.parse(one.stdout).override).toBeNull();
    expect(one.code, one.stderr).toBe(0);
    const report = JSON.parse(one.stdout) as { scope: string; firm: number; rows: JsonRow[] };
    expect(report).toMatchObject({ scope: 'firm', firm: 1 });
    expect(report.rows.filter((r) => r.current)).toHaveLength(1);
    for (const row of report.rows) {
      const sum = row.terms.components + row.terms.assembly + row.terms.overhead + row.terms.outbound + row.terms.coordination +
        row.terms.contracts - row.terms.subsidy + row.terms.expectedLoss - row.terms.localBonus;
      expect(sum).toBeCloseTo(row.cost, 9);
    }
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no living lead firm 999/);
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toMatch(/--firm expects a firm number .* got "first"/);
  });

  it('--seeds N runs seeds seed … seed + N − 1 and prints means ± 90% intervals over them; the JSON has every run', async () => {
    const [text, json, one, bad] = await Promise.all([
      glocal(['strategies', ...FAST, '--seed', '5', '--seeds', '2', '--workers', '2']),
      glocal(['strategies', ...FAST, '--seed', '5', '--seeds', '2', '--json']),
      glocal(['strategies', ...FAST, '--seed', '6', '--json']),
      glocal(['strategies', ...FAST, '--seeds', '0']),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/seeds 5–6 \(means ± half the 90% interval over seeds\)/);
    expect(text.stdout).toMatch(/= cost per unit C_k +[\d.]+ ± [\d.]+/);
    const report = JSON.parse(json.stdout) as { seeds: number[]; runs: { scope: string; rows: JsonRow[] }[] };
    expect(report.seeds).toEqual([5, 6]);
    expect(report.runs).toHaveLength(2);
    // The second run is seed 6's, the same numbers as a run of seed 6 alone.
    expect(report.runs[1].rows).toEqual((JSON.parse(one.stdout) as { rows: JsonRow[] }).rows);
    const meanCost = (report.runs[0].rows[1].cost + report.runs[1].rows[1].cost) / 2;
    const line = text.stdout.split('\n').find((l) => l.startsWith('= cost per unit C_k')) ?? '';
    expect(Number(line.split(/\s+/)[8])).toBeCloseTo(meanCost, 1); // DUAL's mean: after "= cost per unit C_k", GLOBAL's "x ± y"
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--seeds expects a whole number in \[1, 1000\], got "0"/);
  });
});
