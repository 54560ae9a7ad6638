import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { glocal, type CliResult } from './cli-helpers.ts';
import { headlineFor } from '../../src/compare/indicators.ts';
import { parseCsv } from '../../worlds/world-2019/scripts/build-data-lib.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const folder = mkdtempSync(join(tmpdir(), 'glocal-compare-'));
/** Reduced scale: a twentieth of the agents, a short warm-up, 30 weeks (the hubs lock down at week 26). */
const SMALL = ['--set', 'scale=0.05', '--set', 'warmupWeeks=2', '--workers', '2', '--quiet'];

function csvRows(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')).filter((row) => row.length > 1);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const own = 'tagName' in node ? [node as Element] : [];
  const inTemplate = 'content' in node && node.content ? elements(node.content as unknown as Node) : [];
  return [...own, ...children.flatMap(elements), ...inTemplate];
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join(' ') : '';
}

describe('glocal compare (two-hubs, hub-lockdown, reduced scale, 2 seeds)', () => {
  const out = join(folder, 'lockdown');
  let nothing = '';
  let args: string[] = [];
  let first: CliResult;

  beforeAll(async () => {
    nothing = join(folder, 'nothing.json');
    writeFileSync(nothing, JSON.stringify({ description: 'zero budget and no instruments', policy: [] }, null, 2));
    args = ['compare', '--world', 'two-hubs', '--scenario', 'hub-lockdown', '--scheme', nothing, '--scheme', 'digital-infrastructure-with-training', '--seeds', '2', '--weeks', '30', ...SMALL, '--out', out];
    first = await glocal(args, 300_000);
  }, 300_000);

  it('runs every arm and writes the comparison', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const name of ['comparison.csv', 'report.md', 'report.html', 'compare.json']) expect(existsSync(join(out, name))).toBe(true);
  });

  it('reproduces the baseline byte for byte with a scheme of zero budget and no instruments (common random numbers)', () => {
    for (const file of ['results.parquet', 'runs.csv']) {
      expect(readFileSync(join(out, 'arms', 'nothing', file)).equals(readFileSync(join(out, 'arms', 'baseline', file)))).toBe(true);
    }
    const rows = csvRows(join(out, 'comparison.csv')).filter((r) => r.scheme === 'nothing');
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(Number(row.difference)).toBe(0);
  });

  it('writes one comparison.csv row per scheme × indicator × scope × group, with a cost only for real spending', () => {
    const rows = csvRows(join(out, 'comparison.csv'));
    const infrastructure = rows.filter((r) => r.scheme === 'digital-infrastructure-with-training');
    const world = infrastructure.filter((r) => r.scope === 'global');
    expect(world.map((r) => r.indicator)).toEqual(headlineFor(true).map((i) => i.name));
    expect(new Set(infrastructure.map((r) => r.scope))).toEqual(new Set(['global', 'incomeGroup', 'bloc']));
    expect(Number(world[0].extra_cost)).toBeGreaterThan(0);
    for (const row of rows) {
      if (row.cost_per_point !== '') expect(row.significant).toBe('true');
      if (row.scheme === 'nothing') expect(row.cost_note).toMatch(/no extra spending|the spending itself/);
    }
  });

  it('writes a report.html that parses as HTML, holds every indicator and loads nothing from outside', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const errors: string[] = [];
    const document = parse(html, { onParseError: (error) => errors.push(`${error.code} at line ${error.startLine}`) });
    expect(errors).toEqual([]);
    const all = elements(document);
    const text = textOf(document);
    for (const indicator of headlineFor(true)) expect(text).toContain(indicator.label);
    const captions = all.filter((e) => e.tagName === 'figcaption').map(textOf);
    expect(captions.length).toBeGreaterThanOrEqual(headlineFor(true).length - 1);
    expect(all.some((e) => e.tagName === 'svg')).toBe(true);
    for (const id of ['trajectories', 'incomeGroup-digital-infrastructure-with-training', 'cost-effectiveness']) {
      expect(all.some((e) => e.attrs.some((a) => a.name === 'id' && a.value === id))).toBe(true);
    }
    expect(all.filter((e) => ['script', 'link', 'img', 'iframe', 'object', 'embed', 'image', 'use'].includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
    for (const element of all) {
      for (const attr of element.attrs) {
        if (['src', 'href', 'xlink:href', 'srcset', 'action'].includes(attr.name)) expect(attr.value.startsWith('#')).toBe(true);
        expect(attr.value).not.toMatch(/url\(|https?:|\/\//);
      }
    }
    expect(all.filter((e) => e.tagName === 'style').map(textOf).join('')).not.toMatch(/url\(|@import/);
  });

  it('runs again with the same command without running anything, and writes the same bytes', async () => {
    const before = ['comparison.csv', 'report.md', 'report.html'].map((name) => readFileSync(join(out, name)));
    const again = await glocal(args, 300_000);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 runs now');
    ['comparison.csv', 'report.md', 'report.html'].forEach((name, i) => expect(readFileSync(join(out, name)).equals(before[i])).toBe(true));
  }, 300_000);

  it('has help under 50 lines, with an example', async () => {
    const help = await glocal(['compare', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.trimEnd().split('\n').length).toBeLessThan(50);
    expect(help.stdout).toMatch(/Example:\n {2}glocal compare --world two-hubs --scenario hub-lockdown/);
    for (const flag of ['--scheme', '--seeds', '--weeks', '--out', '--workers', '--discount', '--csv']) expect(help.stdout).toContain(flag);
  });

  it('refuses a different comparison into the same folder, and bad input, writing nothing', async () => {
    const other = await glocal(['compare', '--scenario', 'hub-lockdown', '--scheme', 'tariff-wall', '--seeds', '2', '--weeks', '30', ...SMALL, '--out', out]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds a different comparison');
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{\n  "description": "x",\n  "policy": [\n    { "week": 0, "target": "all", "instrument": "tariff", "level": 7 }\n  ]\n}\n');
    const fresh = join(folder, 'never');
    const bad = await glocal(['compare', '--scheme', broken, '--seeds', '2', ...SMALL, '--out', fresh]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('at policy[0].level (line 4): expected a number ≤ 1, got 7');
    expect(bad.stderr).not.toMatch(/internal error|    at /);
    expect(existsSync(fresh)).toBe(false);
    const badRule = join(folder, 'bad-rule.json');
    writeFileSync(badRule, '{\n  "description": "x",\n  "policy": [],\n  "rules": [\n    { "when": "fillRate <", "target": "all", "instrument": "tariff", "level": 0.1 }\n  ]\n}\n');
    const ruled = await glocal(['compare', '--scheme', badRule, '--seeds', '2', ...SMALL, '--out', fresh]);
    expect(ruled.code).toBe(2);
    expect(ruled.stderr).toContain('at rules[0].when (line 5): cannot read the condition at column 11: expected a number, "week" or an indicator name, got the end');
    expect(existsSync(fresh)).toBe(false);
  }, 120_000);
});
