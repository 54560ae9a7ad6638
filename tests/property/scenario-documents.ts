import fc from 'fast-check';
import { INSTRUMENTS } from '../../agents/policymaker/schema.ts';
import { UserError } from '../../src/cli/errors.ts';
import { checkScenarioDocument } from '../../src/cli/run-inputs.ts';
import type { WorldDefinition } from '../../src/model/world-definition.ts';

/**
 * Generated scenario documents for the fuzzer (tests/property/scenario-fuzz.test.ts and
 * scripts/fuzz-scenarios.ts): mostly well-formed scenarios with wrong, extreme or hostile values
 * in them, then serialised in hostile ways — truncated, NaN/Infinity as bare text, deep nesting,
 * UTF-16 with or without a byte-order mark, invalid UTF-8.
 */

const CODES = ['NOR', 'LAK', 'MEZ', 'SOL', 'VAL', 'COR', 'SAH', 'KAL', 'HAN', 'KIR', 'TAM', 'SHO'];
const BLOCS = ['Atlantica', 'Meridia', 'Orienta'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];

/** Numbers a scenario may meet: ordinary, boundary, huge, tiny, negative zero, non-integers. */
const anyNumber = fc.oneof(
  fc.integer({ min: -10, max: 300 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, -0, 1, 5200, 5201, 1e308, -1e308, 5e-324, 2 ** 53, 1e21, 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, small, with unicode text. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyNumber,
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...HOSTILE_KEYS)), tie('value'), { maxKeys: 3 }),
  ),
})).value;

type Wrap = <T>(valid: fc.Arbitrary<T>) => fc.Arbitrary<T | unknown>;
/** Usually-valid values with a chance of anything. */
const mostly: Wrap = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: anyJson });
const exactly: Wrap = <T>(valid: fc.Arbitrary<T>) => valid;

function scenarioArbitrary(m: Wrap, hostile: boolean): fc.Arbitrary<Record<string, unknown>> {
  const target = m(
    fc.oneof(
      fc.constant('all'),
      fc.record(
        {
          regions: fc.array(hostile ? fc.oneof(fc.constantFrom(...CODES), fc.string({ maxLength: 4 })) : fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }),
          blocs: fc.array(fc.constantFrom(...BLOCS, ...(hostile ? ['Nowhere'] : [])), { minLength: 1, maxLength: 2 }),
          hubs: fc.boolean(),
          incomeQuartiles: fc.array(fc.integer({ min: hostile ? 0 : 1, max: hostile ? 5 : 4 }), { minLength: 1, maxLength: 2 }),
          except: fc.array(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    ),
  );
  const weeks = m(fc.oneof(fc.integer({ min: 1, max: 300 }), fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 31, max: 60 }))));
  const base = { target, start: m(fc.integer({ min: 0, max: 600 })), weeks };
  const share = m(fc.double({ min: 0, max: 1, noNaN: true }));
  const shock = fc.oneof(
    fc.record({ kind: m(fc.constant('lockdown')), ...base, capacityFactor: share }),
    fc.record({ kind: m(fc.constant('borderClosure')), ...base }),
    fc.record({ kind: m(fc.constant('demand')), ...base, multiplier: m(fc.double({ min: 0, max: 5, noNaN: true })) }),
    fc.record({ kind: m(fc.constant('logistics')), ...base, leadTimeMultiplier: m(fc.double({ min: 1, max: 5, noNaN: true })) }),
  );
  const policyItem = fc.record(
    { week: m(fc.integer({ min: 0, max: 600 })), target, instrument: m(fc.constantFrom(...INSTRUMENTS)), level: share, weeks: m(fc.integer({ min: 1, max: 100 })) },
    { requiredKeys: ['week', 'target', 'instrument', 'level'] },
  );
  const paramKeys = hostile ? ['scale', 'markup', 'bassImitation', 'nope', '__proto__'] : ['markup', 'bassImitation'];
  const paramValue = hostile ? anyNumber : fc.double({ min: 0.01, max: 1, noNaN: true });
  return fc
    .tuple(
      fc.record(
        {
          name: m(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
          description: m(fc.string({ unit: 'grapheme', maxLength: 40 })),
          weeks: m(fc.integer({ min: 1, max: 5200 })),
          params: m(fc.dictionary(fc.constantFrom(...paramKeys), paramValue, { maxKeys: 2 })),
          shocks: m(fc.array(shock, { maxLength: 3 })),
          policy: m(fc.array(policyItem, { maxLength: 4 })),
        },
        { requiredKeys: [] },
      ),
      hostile ? fc.option(fc.tuple(fc.constantFrom(...HOSTILE_KEYS, 'extra'), anyJson), { freq: 6 }) : fc.constant(null),
    )
    .map(([scenario, extra]) => {
      if (extra) Object.defineProperty(scenario, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
      return scenario as Record<string, unknown>;
    });
}

/** A scenario object: a valid one, or one with wrong, extreme or hostile values and fields. */
export const scenarioObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 2, arbitrary: scenarioArbitrary(exactly, false) },
  { weight: 3, arbitrary: scenarioArbitrary(mostly, true) },
);

/** Ways of turning the object into bytes, hostile ones included. */
type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'utf16le-no-bom' | 'invalid-utf8';
/** Ways of damaging the JSON text. */
type Damage = { kind: 'none' } | { kind: 'truncate'; at: number } | { kind: 'bare-number'; token: string } | { kind: 'nest'; depth: number } | { kind: 'duplicate-key' };

function damage(text: string, d: Damage): string {
  switch (d.kind) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, Math.floor(d.at * text.length));
    case 'bare-number': {
      // Replace the first number with NaN, Infinity or an out-of-range literal, as text.
      const replaced = text.replace(/-?\d+(\.\d+)?([eE][+-]?\d+)?/, d.token);
      return replaced === text ? text.replace(/^\{/, `{"weeks": ${d.token},`) : replaced;
    }
    case 'nest':
      return text.replace(/^\{/, `{"description": ${'['.repeat(d.depth)}${']'.repeat(d.depth)},`);
    case 'duplicate-key':
      return text.replace(/^\{/, '{"weeks": 10, "weeks": 20,');
  }
}

function encode(text: string, encoding: Encoding): Uint8Array {
  const utf16le = (t: string) => Buffer.from(t, 'utf16le');
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(text).swap16()]);
    case 'utf16le-no-bom':
      return utf16le(text);
    case 'invalid-utf8':
      return Buffer.concat([Buffer.from(text.slice(0, 5), 'utf8'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(text.slice(5), 'utf8')]);
  }
}

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Damage>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at): Damage => ({ kind: 'truncate', at })) },
  { weight: 2, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '1e-400', '0x10', '+1', '01').map((token): Damage => ({ kind: 'bare-number', token })) },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(100_000)).map((depth): Damage => ({ kind: 'nest', depth })) },
  { weight: 1, arbitrary: fc.constant<Damage>({ kind: 'duplicate-key' }) },
);

const encodingArb: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Encoding>('utf8') },
  { weight: 1, arbitrary: fc.constantFrom<Encoding>('utf8-bom', 'utf16le-bom', 'utf16be-bom', 'utf16le-no-bom', 'invalid-utf8') },
);

/** A generated document: its bytes, and how it was made (for failure messages). */
export interface ScenarioDocument {
  bytes: Uint8Array;
  how: string;
}

export const scenarioDocument: fc.Arbitrary<ScenarioDocument> = fc
  .tuple(scenarioObject, fc.boolean(), damageArb, encodingArb)
  .map(([object, pretty, d, encoding]) => {
    const text = damage(JSON.stringify(object, null, pretty ? 2 : undefined), d);
    return { bytes: encode(text, encoding), how: `${encoding}, ${d.kind}: ${text.slice(0, 300)}` };
  });

/** What every rejection must look like: a user error that says where (a path or a line) or why the bytes cannot be read. */
export const PATH_PRECISE = /\n {2}at (line \d+, column \d+|\S.*?( \(line \d+\))?: )|cannot be read: /;

/** How one document fared: accepted (message = its warnings) or rejected; `problem` says what broke the contract. */
export interface Judgement {
  accepted: boolean;
  message: string;
  problem?: string;
}

/**
 * Checks a document as `glocal run` would and judges the outcome against the contract: accepted
 * with well-formed warnings, or a UserError (exit 2) whose message says where, never copies a
 * huge input, and is never an internal error. Anything else thrown is a problem.
 */
export function judgeDocument(doc: ScenarioDocument, world: WorldDefinition): Judgement {
  try {
    const { warnings } = checkScenarioDocument(doc.bytes, 'fuzz.json', world, 52);
    const bad = warnings.find((w) => !/^glocal: warning: scenario fuzz\.json at \S/.test(w));
    return { accepted: true, message: warnings.join('\n'), problem: bad && `malformed warning: ${bad}` };
  } catch (error) {
    if (!(error instanceof UserError)) return { accepted: false, message: '', problem: `not a UserError: ${(error as Error).stack ?? String(error)}` };
    const { message } = error;
    const problem =
      error.exitCode !== 2 ? `exit code ${error.exitCode}`
      : !PATH_PRECISE.test(message) ? 'message without a path or line'
      : /internal error|Maximum call stack/.test(message) ? 'internal error'
      : message.length >= 20_000 ? `message of ${message.length} characters`
      : undefined;
    return { accepted: false, message, problem };
  }
}
