import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesIn, glocal, lineContaining, STACK_TRACE, tempDir, writeFile, type CliResult } from './cli-helpers.ts';

/**
 * Bad input to `glocal run`: exit code 2, a message that names the JSON path (and its line) and
 * what was expected, no stack trace, and nothing written to the output folder.
 */

interface Prepared {
  args: string[];
  /** Substrings the message must contain. */
  expected: string[];
}

interface Case {
  name: string;
  /** Builds the arguments (after `run --quiet --out OUT`) inside a fresh temp folder. */
  prepare(dir: string): Prepared;
}

/** A scenario file whose text is `lines` joined by newlines. */
function scenarioFile(dir: string, lines: string[], name = 'scenario.json'): { path: string; text: string } {
  const text = lines.join('\n') + '\n';
  return { path: writeFile(dir, name, text), text };
}

const lockdown = (fields: string[]): string[] => [
  '{',
  '  "name": "broken",',
  '  "description": "a scenario with one mistake",',
  '  "shocks": [',
  '    {',
  '      "kind": "lockdown",',
  '      "target": { "hubs": true },',
  ...fields,
  '    }',
  '  ],',
  '  "policy": []',
  '}',
];

const CASES: Case[] = [
  {
    name: 'wrong type: "weeks": "eight" in a shock',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, lockdown(['      "start": 26,', '      "weeks": "eight",', '      "capacityFactor": 0.4']));
      const line = lineContaining(text, '"weeks": "eight"');
      expect(line).toBe(9);
      return { args: ['--scenario', path], expected: [path, 'shocks[0].weeks', `line ${line}`, 'expected', 'got "eight"'] };
    },
  },
  {
    name: 'out-of-range value: "capacityFactor": 1.5',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, lockdown(['      "start": 26,', '      "weeks": 8,', '      "capacityFactor": 1.5']));
      return {
        args: ['--scenario', path],
        expected: ['shocks[0].capacityFactor', `line ${lineContaining(text, '"capacityFactor"')}`, 'expected a number ≤ 1, got 1.5'],
      };
    },
  },
  {
    name: 'unknown instrument "free-money"',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, [
        '{',
        '  "shocks": [],',
        '  "policy": [',
        '    {',
        '      "week": 4,',
        '      "target": "all",',
        '      "instrument": "free-money",',
        '      "level": 0.5',
        '    }',
        '  ]',
        '}',
      ]);
      return {
        args: ['--scenario', path],
        expected: [
          'policy[0].instrument',
          `line ${lineContaining(text, '"instrument"')}`,
          'unknown instrument "free-money"; expected one of localSourcingSubsidy, ',
          'transparency, smartSourcingNode',
        ],
      };
    },
  },
  {
    name: 'a smart sourcing node at level 0.5 (it runs or not)',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, [
        '{',
        '  "shocks": [],',
        '  "policy": [',
        '    { "week": 0, "target": { "incomeGroups": ["low_income"] }, "instrument": "smartSourcingNode", "level": 0.5 }',
        '  ]',
        '}',
      ]);
      return {
        args: ['--scenario', path],
        expected: ['policy[0].level', `line ${lineContaining(text, 'smartSourcingNode')}`, 'smartSourcingNode is 0 (off) or 1 (platform running), got 0.5'],
      };
    },
  },
  {
    name: 'unknown region "XXX"',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, [
        '{',
        '  "shocks": [',
        '    {',
        '      "kind": "borderClosure",',
        '      "target": {',
        '        "regions": ["XXX"]',
        '      },',
        '      "start": 10,',
        '      "weeks": 4',
        '    }',
        '  ]',
        '}',
      ]);
      return {
        args: ['--scenario', path],
        expected: ['shocks[0].target.regions[0]', `line ${lineContaining(text, '"XXX"')}`, 'unknown region "XXX"'],
      };
    },
  },
  {
    name: 'unknown top-level field',
    prepare(dir) {
      const { path } = scenarioFile(dir, ['{', '  "name": "typo",', '  "shocks": [],', '  "policy": [],', '  "colour": "blue"', '}']);
      return { args: ['--scenario', path], expected: [path, 'unknown field "colour"'] };
    },
  },
  {
    name: 'unknown field inside a shock',
    prepare(dir) {
      const { path } = scenarioFile(dir, lockdown(['      "start": 26,', '      "weeks": 8,', '      "capacityFactor": 0.4,', '      "severity": 3']));
      return { args: ['--scenario', path], expected: ['shocks[0]', 'unknown field "severity"'] };
    },
  },
  {
    name: 'negative duration: "weeks": -8',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, lockdown(['      "start": 26,', '      "weeks": -8,', '      "capacityFactor": 0.4']));
      return {
        args: ['--scenario', path],
        expected: ['shocks[0].weeks', `line ${lineContaining(text, '"weeks": -8')}`, 'expected a number ≥ 1, got -8'],
      };
    },
  },
  {
    name: 'malformed JSON (missing comma)',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, ['{', '  "name": "no comma"', '  "shocks": [],', '  "policy": []', '}']);
      const line = lineContaining(text, '"shocks"');
      const column = text.split('\n')[line - 1].indexOf('"shocks"') + 1;
      expect([line, column]).toEqual([3, 3]);
      return { args: ['--scenario', path], expected: [path, 'is not valid JSON', `line ${line}, column ${column}`] };
    },
  },
  {
    name: 'unknown parameter in params, with a did-you-mean for a near miss',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, ['{', '  "shocks": [],', '  "params": {', '    "markup": 0.3,', '    "scael": 2', '  }', '}']);
      return {
        args: ['--scenario', path],
        expected: ['params.scael', `line ${lineContaining(text, '"scael"')}`, 'unknown parameter "scael"', 'did you mean "scale"'],
      };
    },
  },
  {
    name: 'out-of-range parameter in params',
    prepare(dir) {
      const { path, text } = scenarioFile(dir, ['{', '  "params": {', '    "markup": 3', '  }', '}']);
      return { args: ['--scenario', path], expected: ['params.markup', `line ${lineContaining(text, '"markup"')}`, '3'] };
    },
  },
  {
    name: '--set nope=1 (unknown parameter)',
    prepare: () => ({ args: ['--set', 'nope=1'], expected: ['--set nope=1', 'unknown parameter "nope"'] }),
  },
  {
    name: '--set scael=2 (near miss)',
    prepare: () => ({ args: ['--set', 'scael=2'], expected: ['unknown parameter "scael"', 'did you mean "scale"'] }),
  },
  {
    name: '--set without "="',
    prepare: () => ({ args: ['--set', 'scale'], expected: ['--set scale', 'expected name=value'] }),
  },
  {
    name: '--set scale=-1 (out of range)',
    prepare: () => ({ args: ['--set', 'scale=-1'], expected: ['scale', 'got -1', '0.01'] }),
  },
  {
    name: '--set markup=abc (not a number)',
    prepare: () => ({ args: ['--set', 'markup=abc'], expected: ['markup', 'expected a number', '"abc"'] }),
  },
  {
    name: 'schema flag out of range: --bass-imitation 7',
    prepare: () => ({ args: ['--bass-imitation', '7'], expected: ['bassImitation', 'got 7'] }),
  },
  {
    name: 'unknown world',
    prepare: () => ({ args: ['--world', 'atlantis'], expected: ['unknown world "atlantis"', 'two-hubs', 'world-2019'] }),
  },
  {
    name: 'unknown built-in scenario name',
    prepare: () => ({
      args: ['--world', 'two-hubs', '--scenario', 'hub-lockdwn'],
      expected: ['unknown scenario "hub-lockdwn"', 'baseline', 'hub-lockdown'],
    }),
  },
  {
    name: 'missing scenario file',
    prepare(dir) {
      const path = join(dir, 'does-not-exist.json');
      return { args: ['--scenario', path], expected: [path, 'no such file'] };
    },
  },
  {
    name: 'bad --seed abc',
    prepare: () => ({ args: ['--seed', 'abc'], expected: ['--seed', '"abc"', 'whole number'] }),
  },
  {
    name: 'bad --seed -1',
    prepare: () => ({ args: ['--seed', '-1'], expected: ['--seed', '"-1"'] }),
  },
  {
    name: 'bad --weeks 0',
    prepare: () => ({ args: ['--weeks', '0'], expected: ['--weeks', '"0"', 'whole number'] }),
  },
  {
    name: 'bad --weeks 2.5',
    prepare: () => ({ args: ['--weeks', '2.5'], expected: ['--weeks', '"2.5"'] }),
  },
];

function expectCleanFailure(result: CliResult, expected: string[], outDir: string): void {
  const output = result.stderr + result.stdout;
  expect(result.code, output).toBe(2);
  for (const text of expected) expect(output).toContain(text);
  expect(output).not.toMatch(STACK_TRACE);
  expect(output).not.toContain('wrote ');
  expect(filesIn(outDir)).toEqual([]);
}

describe.concurrent('glocal run on bad input', () => {
  it.each(CASES)('$name → exit 2, a message naming the problem, nothing written', async ({ prepare }) => {
    const dir = tempDir('glocal-bad-');
    const outDir = join(dir, 'out');
    const { args, expected } = prepare(dir);
    const result = await glocal(['run', '--quiet', '--out', outDir, ...withDefaults(args)]);
    expectCleanFailure(result, expected, outDir);
  });

  it('reports every problem of a file at once, each with its path and line', async () => {
    const dir = tempDir('glocal-bad-');
    const outDir = join(dir, 'out');
    const { path, text } = scenarioFile(dir, [
      '{',
      '  "shocks": [',
      '    { "kind": "lockdown", "target": { "hubs": true }, "start": 26, "weeks": 8, "capacityFactor": 1.5 },',
      '    { "kind": "borderClosure", "target": { "regions": ["XXX"] }, "start": 26, "weeks": 8 }',
      '  ],',
      '  "policy": [',
      '    { "week": 4, "target": "all", "instrument": "free-money", "level": 0.5 }',
      '  ]',
      '}',
    ]);
    const result = await glocal(['run', '--quiet', '--scenario', path, '--out', outDir]);
    // Problems that zod finds (shape, ranges) are reported before the world checks (regions),
    // so the region problem may appear only once the others are fixed; the others must all show.
    expectCleanFailure(
      result,
      [
        `shocks[0].capacityFactor (line ${lineContaining(text, '1.5')})`,
        `policy[0].instrument (line ${lineContaining(text, 'free-money')})`,
        'expected a number ≤ 1, got 1.5',
        'unknown instrument "free-money"',
      ],
      outDir,
    );
  });

  it('an existing output folder is left alone when the inputs are bad', async () => {
    const dir = tempDir('glocal-bad-');
    const outDir = join(dir, 'out');
    const good = await glocal(['run', '--quiet', '--world', 'two-hubs', '--scenario', 'hub-lockdown', '--seed', '1', '--weeks', '30', '--out', outDir]);
    expect(good.code, good.stderr).toBe(0);
    expect(filesIn(outDir)).toEqual(['indicators.csv', 'manifest.json']);
    const csvBefore = readFileSync(join(outDir, 'indicators.csv'));
    const manifestBefore = readFileSync(join(outDir, 'manifest.json'));

    const { path } = scenarioFile(dir, lockdown(['      "start": 26,', '      "weeks": -8,', '      "capacityFactor": 0.4']), 'bad.json');
    const bad = await glocal(['run', '--quiet', '--world', 'two-hubs', '--scenario', path, '--seed', '1', '--weeks', '30', '--out', outDir]);
    expect(bad.code, bad.stderr).toBe(2);
    expect(bad.stderr).toContain('shocks[0].weeks');
    expect(bad.stderr + bad.stdout).not.toMatch(STACK_TRACE);

    const badSet = await glocal(['run', '--quiet', '--world', 'two-hubs', '--scenario', 'hub-lockdown', '--set', 'nope=1', '--weeks', '30', '--out', outDir]);
    expect(badSet.code, badSet.stderr).toBe(2);

    expect(filesIn(outDir)).toEqual(['indicators.csv', 'manifest.json']);
    expect(readFileSync(join(outDir, 'indicators.csv')).equals(csvBefore)).toBe(true);
    expect(readFileSync(join(outDir, 'manifest.json')).equals(manifestBefore)).toBe(true);
  });
});

/** Adds `--world two-hubs --weeks 4` unless the case gives its own. */
function withDefaults(args: string[]): string[] {
  return [...(args.includes('--world') ? [] : ['--world', 'two-hubs']), ...(args.includes('--weeks') ? [] : ['--weeks', '4']), ...args];
}

describe.concurrent('glocal run on bad command-line usage (parsed by commander)', () => {
  // Usage mistakes are bad input too: the same exit code 2 as every other input error.
  it('an unknown option (--sede 1) exits 2 with a did-you-mean and writes nothing', async () => {
    const dir = tempDir('glocal-bad-');
    const outDir = join(dir, 'out');
    const result = await glocal(['run', '--quiet', '--weeks', '4', '--sede', '1', '--out', outDir]);
    expectCleanFailure(result, ["unknown option '--sede'", '--seed'], outDir);
  });

  it('a missing --out exits 2 and names the option', async () => {
    const result = await glocal(['run', '--quiet', '--weeks', '4']);
    const output = result.stderr + result.stdout;
    expect(result.code, output).toBe(2);
    expect(output).toContain('--out');
    expect(output).not.toMatch(STACK_TRACE);
  });
});
