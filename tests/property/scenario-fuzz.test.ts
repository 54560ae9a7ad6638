import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenarioDocument } from '../../src/cli/run-inputs.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { judgeDocument, scenarioDocument, type ScenarioDocument } from './scenario-documents.ts';

/**
 * Fuzzing the scenario input (issue 9): 10⁴ generated documents — hostile values, deep nesting,
 * NaN and Infinity as text, unicode, prototype keys, truncation, UTF-16 — each accepted or
 * rejected with a path-precise UserError; nothing else is ever thrown. `npm run fuzz` runs 10⁵
 * with a random seed (scripts/fuzz-scenarios.ts).
 */

const WORLD = lookupWorld('two-hubs');
const RUNS = 10_000;

/** The outcome of one document, failing the test on any breach of the contract. */
function judge(doc: ScenarioDocument): { accepted: boolean; message: string } {
  const judgement = judgeDocument(doc, WORLD);
  if (judgement.problem) expect.fail(`${judgement.problem}\nfor ${doc.how}\nmessage: ${judgement.message.slice(0, 500)}`);
  return judgement;
}

describe('scenario documents, fuzzed', () => {
  it(`${RUNS.toLocaleString('en')} documents: each accepted, or rejected with a path-precise message`, () => {
    let accepted = 0;
    const reasons = new Set<string>();
    fc.assert(
      fc.property(scenarioDocument, (doc) => {
        const outcome = judge(doc);
        if (outcome.accepted) accepted++;
        else reasons.add(outcome.message.split('\n')[0].replace(/fuzz\.json /, '').slice(0, 40));
      }),
      { seed: 20_260_901, numRuns: RUNS },
    );
    // The generator must reach both sides, and many kinds of rejection.
    expect(accepted).toBeGreaterThan(RUNS / 50);
    expect(accepted).toBeLessThan(RUNS);
    expect(reasons.size).toBeGreaterThan(4);
  });

  it('the classic hostile inputs get their own messages', () => {
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    const reject = (text: string | Uint8Array) => judge({ bytes: typeof text === 'string' ? bytes(text) : text, how: String(text).slice(0, 80) });
    expect(reject(`{"description": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`).message).toMatch(/nests deeper than 64 levels\n {2}at line 1, column \d+/);
    expect(reject(`{"description": "${'x'.repeat(50_000)}"}`).message).toMatch(/at description \(line 1\): expected a text of at most 10,000 characters/);
    expect(reject('{"__proto__": {"weeks": 1}}').message).toMatch(/at __proto__ \(line 1\): the key "__proto__" is not allowed/);
    expect(reject('{"policy": [{"constructor": 1}]}').message).toMatch(/at policy\[0\]\.constructor/);
    expect(reject('{"weeks": NaN}').message).toMatch(/not valid JSON\n {2}at line 1, column 11/);
    expect(reject('{"weeks": 1e400}').message).toMatch(/at weeks \(line 1\): expected a number ≤ 5200, got Infinity|at weeks \(line 1\): expected a number/);
    expect(reject('{"shocks": [').message).toMatch(/not valid JSON\n {2}at line 1/);
    expect(reject(Buffer.from('{"weeks": 5}', 'utf16le')).message).toMatch(/NUL bytes \(UTF-16 without a byte-order mark\?\)/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"weeks": 5, "description": "café ☕"}', 'utf16le')]);
    expect(reject(utf16).accepted).toBe(true);
    expect(reject('{"weeks": 10, "weeks": 20}').message).toMatch(/at weeks \(line 1\): duplicate key "weeks": only its last value is used/);
  });

  it('says what does nothing: a shock after the run, an empty target, overlapping settings', () => {
    const text = JSON.stringify({
      shocks: [
        { kind: 'lockdown', target: 'all', start: 60, weeks: 4, capacityFactor: 0.5 },
        { kind: 'borderClosure', target: { blocs: ['Meridia'], regions: ['NOR'] }, start: 2, weeks: 4 },
      ],
      policy: [
        { week: 0, weeks: 20, target: { regions: ['NOR', 'LAK'] }, instrument: 'training', level: 0.5 },
        { week: 10, weeks: 20, target: { regions: ['LAK'] }, instrument: 'training', level: 0.8 },
        { week: 70, target: 'all', instrument: 'tariff', level: 0.1 },
      ],
    }, null, 2);
    const { accepted, message } = judge({ bytes: Buffer.from(text), how: 'warnings' });
    expect(accepted).toBe(true);
    expect(message).toMatch(/at shocks\[0\]\.start \(line \d+\): starts at week 60, after the run's last week \(51\): this shock does nothing/);
    expect(message).toMatch(/at shocks\[1\]\.target \(line \d+\): selects no region of world two-hubs/);
    expect(message).toMatch(/at policy\[1\] \(line \d+\): overlaps policy\[0\] \(training\) in LAK in weeks 10–19/);
    expect(message).toMatch(/at policy\[2\]\.week \(line \d+\): starts at week 70, after the run's last week/);
  });

  it('a few accepted documents run for two weeks at a tiny scale without throwing', () => {
    const accepted = fc
      .sample(scenarioDocument, { seed: 7, numRuns: 400 })
      .map((doc) => {
        try {
          return checkScenarioDocument(doc.bytes, 'fuzz.json', WORLD, 2).scenario;
        } catch {
          return null;
        }
      })
      .filter((s): s is NonNullable<typeof s> => s !== null && !s.params)
      .slice(0, 4);
    expect(accepted.length).toBe(4);
    for (const scenario of accepted) {
      const spec = { world: 'two-hubs', scenarioName: 'fuzz', scenario, seed: 1, weeks: 2, params: { scale: 0.05, warmupWeeks: 0 }, paired: scenario.shocks.length > 0 };
      const sim = new Simulation(spec, WORLD);
      sim.advance(2);
      expect(sim.done).toBe(true);
      expect(Array.from(sim.recorder.view(0).value).every((v) => !Number.isNaN(v))).toBe(true);
    }
  });
});
