import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../../agents/policymaker/index.ts';
import { loadScheme, mergeScheme, schemeLibrary } from '../../src/compare/scheme.ts';
import { UserError } from '../../src/cli/errors.ts';
import { loadScenario } from '../../src/cli/run-inputs.ts';
import { WORLDS } from '../../worlds/index.ts';
import type { Rule, Scenario } from '../../src/model/scenario.ts';

const world = WORLDS['two-hubs'].definition();
const lockdown = loadScenario('two-hubs', 'hub-lockdown').scenario;
const folder = mkdtempSync(join(tmpdir(), 'glocal-scheme-'));

/** Writes a scheme file (JSON text as given, so line numbers are known) and returns its path. */
function schemeFile(name: string, text: string): string {
  const path = join(folder, `${name}.json`);
  writeFileSync(path, text);
  return path;
}

/** The UserError message of loading a scheme (fails the test when it loads). */
function problemsOf(path: string, scenario: Scenario = lockdown): string {
  try {
    loadScheme(path, world, scenario);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error(`${path} loaded without a problem`);
}

describe('scheme files', () => {
  it('name each problem by its path and line in the scheme file', () => {
    const path = schemeFile(
      'broken',
      [
        '{',
        '  "description": "broken on purpose",',
        '  "policy": [',
        '    { "week": 0, "target": "all", "instrument": "tariff", "level": 0.1 },',
        '    { "week": 0, "target": { "regions": ["ATL"] }, "instrument": "freeMoney", "level": 2 }',
        '  ],',
        '  "params": { "bassImitashun": 0.5 }',
        '}',
      ].join('\n'),
    );
    const message = problemsOf(path);
    expect(message).toContain(`glocal: scheme ${path} is invalid`);
    expect(message).toMatch(/at policy\[1\]\.instrument \(line 5\): unknown instrument "freeMoney"; expected one of/);
    expect(message).toContain(INSTRUMENTS.join(', '));
    expect(message).toMatch(/at policy\[1\]\.level \(line 5\): expected a number ≤ 1, got 2/);
    expect(message).toContain('nothing was written.');
  });

  it('refuse shocks, unknown fields, a missing description and unknown regions, each at its line', () => {
    const shape = schemeFile('shape', ['{', '  "policy": [],', '  "shocks": []', '}'].join('\n'));
    const message = problemsOf(shape);
    expect(message).toMatch(/at shocks \(line 3\): unknown field "shocks": a scheme holds no shocks/);
    expect(message).toMatch(/at description \(line 1\): expected a text saying what the scheme represents, got nothing/);
    const region = schemeFile('region', ['{', '  "description": "x",', '  "policy": [', '    { "week": 3, "target": { "regions": ["NOR", "ATL"] }, "instrument": "training", "level": 0.2 }', '  ]', '}'].join('\n'));
    expect(problemsOf(region)).toMatch(/at policy\[0\]\.target\.regions\[1\] \(line 4\): unknown region "ATL"/);
    const params = schemeFile('params', ['{', '  "description": "x",', '  "policy": [],', '  "params": { "policyMode": "chaos" }', '}'].join('\n'));
    expect(problemsOf(params)).toMatch(/at params\.policyMode \(line 4\): /);
  });

  it('check adaptive rules at their path and line: the condition (with its column), indicators, groups, instrument, level and target', () => {
    const path = schemeFile(
      'rules',
      [
        '{',
        '  "description": "rules broken on purpose",',
        '  "policy": [],',
        '  "rules": [',
        '    { "when": "fillRate < < 0.9", "target": "all", "instrument": "localSourcingSubsidy", "level": 0.2 },',
        '    { "when": "fillRat < 0.9", "target": "all", "instrument": "localSourcingSubsidy", "level": 0.2 },',
        '    { "when": "fillRate@incomeGroup:Rich < 0.9 or fillRate@region:ATL < 0.8", "target": "all", "instrument": "tariff", "level": 0.1 },',
        '    { "when": "fillRate < 0.9", "target": { "regions": ["ATL"] }, "instrument": "freeMoney", "level": 2 },',
        '    { "when": "fillRate < 0.9", "target": "all", "instrument": "tariff", "level": 0.1, "every": 4 }',
        '  ]',
        '}',
      ].join('\n'),
    );
    const message = problemsOf(path);
    expect(message).toMatch(/at rules\[3\]\.instrument \(line 8\): unknown instrument "freeMoney"/);
    expect(message).toMatch(/at rules\[3\]\.level \(line 8\): expected a number ≤ 1, got 2/);
    expect(message).toMatch(/at rules\[4\]\.every \(line 9\): unknown field "every"/);
    // Shape problems come first; with the shape right, the conditions and targets are read.
    const fixed = schemeFile('rules-shape-ok', readFileSync(path, 'utf8').replace('"freeMoney", "level": 2', '"training", "level": 0.2').replace(', "every": 4', ''));
    const second = problemsOf(fixed);
    expect(second).toMatch(/at rules\[0\]\.when \(line 5\): cannot read the condition at column 12: expected a number, "week" or an indicator name, got "<"/);
    expect(second).toMatch(/at rules\[1\]\.when \(line 6\): unknown indicator "fillRat"/);
    expect(second).toMatch(/at rules\[2\]\.when \(line 7\): unknown incomeGroup "Rich" in fillRate@incomeGroup:Rich; expected one of/);
    expect(second).toMatch(/at rules\[2\]\.when \(line 7\): unknown region "ATL" in fillRate@region:ATL/);
    expect(second).toMatch(/at rules\[3\]\.target\.regions\[0\] \(line 8\): unknown region "ATL"/);
  });

  it('count rules against the regular budget as if they held from week 0, at the rule', () => {
    const path = schemeFile(
      'rules-over',
      [
        '{',
        '  "description": "a rule on top of a programme",',
        '  "policy": [{ "week": 0, "target": "all", "instrument": "digitalInfrastructure", "level": 0.7 }],',
        '  "rules": [{ "when": "fillRate < 0.9", "target": { "regions": ["SAH"] }, "instrument": "smeTechGrant", "level": 0.5 }]',
        '}',
      ].join('\n'),
    );
    expect(problemsOf(path)).toMatch(/at rules\[0\]\.level \(line 4\): in region SAH when the rules hold the shares of the regular budget sum to 1\.2 \(digitalInfrastructure 0\.7 \+ smeTechGrant 0\.5\); expected at most 1/);
    const funded = schemeFile('rules-funded', readFileSync(path, 'utf8').replace('"level": 0.5 }', '"level": 0.5, "budgetPerYear": 1e8 }'));
    expect(loadScheme(funded, world, lockdown).rules).toHaveLength(1);
  });

  it('append the scheme’s rules to the scenario’s, and add no rules field when there are none', () => {
    const rule: Rule = { when: 'fillRate < 0.9', target: 'all', instrument: 'localSourcingSubsidy', level: 0.2 };
    const path = schemeFile('rules-ok', JSON.stringify({ description: 'react', policy: [], rules: [rule] }, null, 2));
    const scheme = loadScheme(path, world, lockdown);
    expect(mergeScheme(lockdown, scheme).rules).toEqual([rule]);
    const own: Scenario = { ...lockdown, rules: [{ ...rule, level: 0.1 }] };
    expect(mergeScheme(own, scheme).rules?.map((r) => r.level)).toEqual([0.1, 0.2]);
    const plain = loadScheme('local-sourcing-subsidy', world, lockdown);
    expect('rules' in mergeScheme(lockdown, plain)).toBe(false);
  });

  it('load the adaptive-rules example of docs/compare.md', () => {
    const docs = readFileSync('docs/compare.md', 'utf8');
    const section = docs.slice(docs.indexOf('### Adaptive rules'));
    const example = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7));
    expect(loadScheme(schemeFile('docs-example', example), world, lockdown).rules.map((r) => r.instrument)).toEqual(['localSourcingSubsidy', 'reshoringGrant']);
  });

  it('name the library’s schemes when a name is unknown', () => {
    expect(() => loadScheme('local-sourcing-subsidies', world, lockdown)).toThrow(/unknown scheme "local-sourcing-subsidies" for world two-hubs; expected one of adaptive-resilience, .*local-sourcing-subsidy, /);
  });

  it('reject spending shares of the regular budget that sum above 1 for one region at one time, at the item', () => {
    const over = schemeFile(
      'over',
      [
        '{',
        '  "description": "too much",',
        '  "policy": [',
        '    { "week": 0, "target": "all", "instrument": "digitalInfrastructure", "level": 0.6 },',
        '    { "week": 10, "target": { "regions": ["SAH"] }, "instrument": "training", "level": 0.5 }',
        '  ]',
        '}',
      ].join('\n'),
    );
    expect(problemsOf(over)).toMatch(/at policy\[1\]\.level \(line 5\): in region SAH from week 10 the shares of the regular budget sum to 1\.1 \(digitalInfrastructure 0\.6 \+ training 0\.5\); expected at most 1/);
  });

  it('accept the same levels when they do not overlap in time, or when extra money is declared', () => {
    const apart = { week: 10, weeks: 5, target: { regions: ['SAH'] }, instrument: 'training', level: 0.5 };
    const infrastructure = { week: 0, weeks: 10, target: 'all', instrument: 'digitalInfrastructure', level: 0.6 };
    const path = schemeFile('apart', JSON.stringify({ description: 'in turn', policy: [infrastructure, apart] }, null, 2));
    expect(loadScheme(path, world, lockdown).policy).toHaveLength(2);
    const funded = { ...infrastructure, weeks: undefined, budgetPerYear: 1e9 };
    const path2 = schemeFile('funded', JSON.stringify({ description: 'extra money', policy: [funded, { ...apart, weeks: undefined }] }, null, 2));
    expect(loadScheme(path2, world, lockdown).policy).toHaveLength(2);
  });

  it('count the scenario’s own programmes: a scheme that adds to them past the budget is rejected', () => {
    const withProgramme: Scenario = { ...lockdown, policy: [{ week: 0, target: 'all', instrument: 'smeTechGrant', level: 0.7 }] };
    const path = schemeFile('adds', JSON.stringify({ description: 'adds', policy: [{ week: 52, target: 'all', instrument: 'training', level: 0.4 }] }, null, 2));
    expect(problemsOf(path, withProgramme)).toMatch(/at policy\[0\]\.level \(line \d+\): in region \w+ from week 52 the shares of the regular budget sum to 1\.1 \(smeTechGrant 0\.7 \+ training 0\.4\)/);
  });
});

describe.each([
  ['two-hubs', ['baseline', 'hub-lockdown']],
  ['world-2019', ['baseline-2019', 'covid-2020']],
])('the %s scheme library', (worldName, scenarios) => {
  const libraryWorld = WORLDS[worldName].definition();
  const names = readdirSync(schemeLibrary(worldName)).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, '')).sort();

  it('holds the ten schemes of the issue, each valid over both scenarios and described in the README', () => {
    expect(names).toEqual(
      ['adaptive-resilience', 'border-closure', 'digital-infrastructure-only', 'digital-infrastructure-with-training', 'local-sourcing-subsidy', 'nearshoring-bloc', 'reshoring-grants', 'sme-tech-grants', 'tariff-wall', 'transparency-pact'],
    );
    const readme = readFileSync(join(schemeLibrary(worldName), 'README.md'), 'utf8');
    for (const name of names) {
      for (const scenario of scenarios) expect(loadScheme(name, libraryWorld, loadScenario(worldName, scenario).scenario).name).toBe(name);
      expect(readme).toContain(`\`${name}\``);
    }
  });

  it('gives the two infrastructure schemes the same budget in the same regions (a fair per-budget comparison)', () => {
    const budget = (name: string) => {
      const scheme = loadScheme(name, libraryWorld, loadScenario(worldName, scenarios[0]).scenario);
      return { total: scheme.policy.reduce((sum, item) => sum + (item.budgetPerYear ?? 0), 0), targets: new Set(scheme.policy.map((item) => JSON.stringify(item.target))) };
    };
    const only = budget('digital-infrastructure-only');
    const withTraining = budget('digital-infrastructure-with-training');
    expect(only.total).toBeGreaterThan(0);
    expect(withTraining.total).toBe(only.total);
    expect([...withTraining.targets]).toEqual([...only.targets]);
  });
});
