import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { filesIn, glocal, HUB_LOCKDOWN_PATH, parseCsv, sha256, tempDir, type CliResult } from './cli-helpers.ts';

/** `glocal run` on good input: what lands in the output folder, and `glocal params` / `--help`. */

const WEEKS = 60;
const SHOCK_START = 26;
const SCOPES = ['global', 'bloc', 'incomeGroup', 'region'];
const LOSS_INDICATORS = ['gvaLossGrossDirect', 'gvaLossGrossIndirect', 'lostFinalDeliveries', 'recoveryWeeks'];

interface ParamRow {
  name: string;
  group: string;
  kind: string;
  default: string;
  unit: string;
  range: string;
  source: string;
}

let builtIn: { dir: string; result: CliResult; csv: Buffer; manifest: Record<string, unknown> };
let ownFile: { dir: string; path: string; result: CliResult; csv: Buffer; manifest: Record<string, unknown> };
let paramsJson: ParamRow[];
let paramsText: string;
let runHelp: string;

beforeAll(async () => {
  const root = tempDir('glocal-run-');
  const builtInDir = join(root, 'built-in');
  const ownDir = join(root, 'own');
  const minePath = join(root, 'mine.json');
  copyFileSync(HUB_LOCKDOWN_PATH, minePath);
  const common = ['--world', 'two-hubs', '--seed', '1', '--weeks', String(WEEKS), '--quiet'];
  const [a, b, pj, pt, help] = await Promise.all([
    glocal(['run', ...common, '--scenario', 'hub-lockdown', '--out', builtInDir]),
    glocal(['run', ...common, '--scenario', minePath, '--out', ownDir]),
    glocal(['params', '--format', 'json']),
    glocal(['params']),
    glocal(['run', '--help']),
  ]);
  const read = (dir: string, result: CliResult) => {
    expect(result.code, result.stderr).toBe(0);
    return {
      csv: readFileSync(join(dir, 'indicators.csv')),
      manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>,
    };
  };
  builtIn = { dir: builtInDir, result: a, ...read(builtInDir, a) };
  ownFile = { dir: ownDir, path: minePath, result: b, ...read(ownDir, b) };
  expect(pj.code, pj.stderr).toBe(0);
  expect(pt.code, pt.stderr).toBe(0);
  expect(help.code, help.stderr).toBe(0);
  paramsJson = JSON.parse(pj.stdout) as ParamRow[];
  paramsText = pt.stdout;
  runHelp = help.stdout;
});

describe('glocal run --world two-hubs --scenario hub-lockdown --seed 1 --weeks 60', () => {
  it('exits 0 and writes exactly indicators.csv and manifest.json (no temp files)', () => {
    expect(builtIn.result.code).toBe(0);
    expect(filesIn(builtIn.dir)).toEqual(['indicators.csv', 'manifest.json']);
    expect(builtIn.result.stdout).toContain('indicators.csv');
  });

  it('writes a long-format CSV that a plain CSV reader can read', () => {
    const text = builtIn.csv.toString('utf8');
    expect(text.endsWith('\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['tick', 'scope', 'group', 'indicator', 'value']);
    expect(text.split('\n')[0]).toBe('tick,scope,group,indicator,value');
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(WEEKS);
    const ticks = new Set<number>();
    const scopes = new Set<string>();
    for (const [i, row] of body.entries()) {
      if (row.length !== 5) expect.fail(`row ${i + 2} has ${row.length} fields: ${row.join(',')}`);
      const [tick, scope, group, indicator, value] = row;
      if (!/^\d+$/.test(tick)) expect.fail(`row ${i + 2}: tick ${tick}`);
      if (!SCOPES.includes(scope)) expect.fail(`row ${i + 2}: scope ${scope}`);
      if (group === '' || indicator === '') expect.fail(`row ${i + 2}: empty group or indicator`);
      if (value.trim() === '' || !Number.isFinite(Number(value))) expect.fail(`row ${i + 2}: value ${value}`);
      ticks.add(Number(tick));
      scopes.add(scope);
    }
    expect([...ticks].sort((x, y) => x - y)).toEqual(Array.from({ length: WEEKS }, (_, w) => w));
    expect([...scopes].sort()).toEqual([...SCOPES].sort());
    expect(body.some(([, scope, group]) => scope === 'global' && group === 'world')).toBe(true);
  });

  it('reports the loss measures of the paired run: none before the shock, some after it', () => {
    const rows = parseCsv(builtIn.csv.toString('utf8')).slice(1);
    const indicators = new Set(rows.map((r) => r[3]));
    for (const name of LOSS_INDICATORS) expect(indicators, name).toContain(name);
    const global = (name: string) => rows.filter((r) => r[1] === 'global' && r[3] === name).map((r) => [Number(r[0]), Number(r[4])] as const);
    for (const name of ['gvaLossGrossDirect', 'gvaLossGrossIndirect', 'lostFinalDeliveries']) {
      const series = global(name);
      expect(series).toHaveLength(WEEKS);
      // Same seed, common random numbers: the shocked and reference worlds agree until the shock.
      for (const [week, value] of series) if (week < SHOCK_START) expect(value, `${name} at week ${week}`).toBe(0);
      expect(series[series.length - 1][1], `${name} at the end`).toBeGreaterThan(0);
    }
  });

  it('writes a manifest with version, inputs, every parameter, the seed and the output hash', () => {
    const m = builtIn.manifest;
    expect(m.glocal).toBe(packageJson.version);
    expect(m.world).toBe('two-hubs');
    expect(m.seed).toBe(1);
    expect(m.weeks).toBe(WEEKS);
    expect(m.paired).toBe(true);
    const scenario = m.scenario as { name: string; definition: unknown };
    expect(scenario.name).toBe('hub-lockdown');
    expect(scenario.definition).toMatchObject(JSON.parse(readFileSync(HUB_LOCKDOWN_PATH, 'utf8')) as object);
    expect(m.inputsSha256).toMatch(/^[0-9a-f]{64}$/);

    const parameters = m.parameters as Record<string, unknown>;
    const names = paramsJson.map((p) => p.name);
    expect(names.length).toBeGreaterThan(20);
    expect(Object.keys(parameters).sort()).toEqual([...names].sort());
    for (const p of paramsJson) {
      const value = parameters[p.name];
      const type = p.kind === 'boolean' ? 'boolean' : p.kind === 'number' || p.kind === 'integer' ? 'number' : 'string';
      expect(typeof value, p.name).toBe(type);
    }
    // No overrides here, so the manifest records the schema defaults (two-hubs sets none of its own).
    expect(String(parameters.bassImitation)).toBe(paramsJson.find((p) => p.name === 'bassImitation')?.default);

    const outputs = m.outputs as Record<string, { sha256: string; bytes?: number }>;
    expect(Object.keys(outputs)).toEqual(['indicators.csv']);
    expect(outputs['indicators.csv'].sha256).toBe(sha256(builtIn.csv));
    expect(outputs['indicators.csv'].bytes).toBe(builtIn.csv.length);
  });

  it('gives the same indicators.csv bytes for a user file with the same content as the built-in scenario', () => {
    expect(ownFile.result.code, ownFile.result.stderr).toBe(0);
    expect(filesIn(ownFile.dir)).toEqual(['indicators.csv', 'manifest.json']);
    expect(ownFile.csv.equals(builtIn.csv)).toBe(true);
    const m = ownFile.manifest;
    expect((m.outputs as Record<string, { sha256: string }>)['indicators.csv'].sha256).toBe(sha256(ownFile.csv));
    // Same content ⇒ same inputs hash, wherever the file came from.
    expect(m.inputsSha256).toBe(builtIn.manifest.inputsSha256);
    expect(JSON.stringify(m.scenario)).toContain('mine.json');
  });
});

describe('glocal params and glocal run --help', () => {
  it('lists every parameter with kind, unit, range, default and source (json)', () => {
    expect(paramsJson.length).toBeGreaterThan(20);
    expect(new Set(paramsJson.map((p) => p.name)).size).toBe(paramsJson.length);
    for (const p of paramsJson) {
      expect(p.default, p.name).not.toBe('');
      expect(p.range, p.name).not.toBe('');
      expect(p.source.trim(), p.name).not.toBe('');
      expect(typeof p.unit, p.name).toBe('string');
    }
    const byName = new Map(paramsJson.map((p) => [p.name, p]));
    expect(byName.get('bassImitation')).toMatchObject({ kind: 'number', unit: '1/year', range: '0 – 2' });
    expect(Number(byName.get('bassImitation')?.default)).toBeGreaterThan(0);
    expect(byName.get('markup')).toMatchObject({ kind: 'number', unit: 'share of cost', range: '0 – 1' });
    expect(byName.get('scale')).toMatchObject({ default: '1', range: '0.01 – 1000' });
    expect(byName.get('warmupWeeks')).toMatchObject({ kind: 'integer', unit: 'weeks' });
  });

  it('lists every parameter in the text table with its unit, range, default and source', () => {
    for (const p of paramsJson) expect(paramsText, p.name).toContain(`  ${p.name} = ${p.default}`);
    for (const name of ['bassImitation', 'markup']) {
      const p = paramsJson.find((row) => row.name === name)!;
      const at = paramsText.indexOf(`  ${name} = ${p.default} ${p.unit}   range ${p.range}`);
      expect(at, name).toBeGreaterThanOrEqual(0);
      // The entry's own source line follows its description.
      expect(paramsText.slice(at).split('\n')[2]).toBe(`      source: ${p.source}`);
    }
    expect(paramsText.match(/^\s+source: /gm)?.length).toBe(paramsJson.length);
  });

  it('shows each world’s own defaults: world-2019 runs at scale 160', () => {
    const scale = paramsJson.find((row) => row.name === 'scale') as ParamRow & { worldDefaults: Record<string, string> };
    expect(scale.worldDefaults).toEqual({ 'world-2019': '160' });
    expect(paramsText).toMatch(/^ {2}scale = 1 × {3}\(world defaults: world-2019: 160\)/m);
    expect(paramsText).not.toMatch(/\[(cited|assumption|calibrated)[^\]]*MODEL\.md/); // the section users can read: docs/ODD.md
  });

  it('lists the run options in glocal run --help, --out marked required, and sends model parameters to glocal params', () => {
    const lines = runHelp.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(50);
    for (const option of ['--out <dir>', '--world <name>', '--scenario <name|file.json>', '--seed <n>', '--weeks <n>', '--set <name=value>', '--paired', '--no-paired', '--force', '--quiet', '--start-year <year>', '--blocs <scheme>']) {
      expect(runHelp, option).toContain(option);
    }
    expect(runHelp).toMatch(/--out <dir>\s+output folder \(required\)/);
    expect(runHelp).not.toContain('--bass-imitation');
    expect(runHelp).toMatch(/Model parameters:[\s\S]*--set name=value[\s\S]*glocal params/);
    expect(runHelp).toContain(`${paramsJson.length} of them`);
  });
});
