import { z } from 'zod';
import { COMPARISONS } from './condition.ts';
import type { InputProblem } from '../model/validate.ts';
import { describe } from '../sim/params/define.ts';
import { AGENT_KINDS } from '../model/observe/agent-tables.ts';
import { MAX_WEEKS } from '../model/scenario.ts';

/**
 * The shape of a sweep spec (JSON), checked with zod; `resolveSweep` (spec.ts) then checks it
 * against the world, the parameter schema and the indicators.
 */

const scopeSchema = z.enum(['global', 'bloc', 'incomeGroup', 'region']);
const factorValue = z.union([z.number(), z.boolean(), z.string()]);

export const enumeratedFactorSchema = z.strictObject({ values: z.array(factorValue).min(1).max(10_000) });
export const steppedFactorSchema = z.strictObject({ from: z.number(), step: z.number().positive(), to: z.number() });

export const designSchema = z.strictObject({
  type: z.enum(['lhs', 'morris', 'sobol']),
  samples: z.number().int().min(1).max(1_000_000),
  ranges: z.record(z.string(), z.tuple([z.number(), z.number()])),
  levels: z.number().int().min(2).max(100).optional(),
  /** Seed of the design's own random stream (LHS jitter, Morris trajectories); default 1. */
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
});

export const metricSchema = z.union([
  z.string().min(1),
  z.strictObject({ indicator: z.string().min(1), scope: scopeSchema.optional(), group: z.string().min(1).optional() }),
]);

export const comparisonItemSchema = z.strictObject({
  indicator: z.string().min(1),
  scope: scopeSchema.optional(),
  group: z.string().min(1).optional(),
  op: z.enum(COMPARISONS),
  value: z.number(),
});

export const sweepSpecSchema = z.strictObject({
  /** Free text shown in the manifest. */
  description: z.string().optional(),
  world: z.string().min(1),
  worldOptions: z.strictObject({ startYear: z.number().int().optional(), blocs: z.string().optional() }).optional(),
  /** A scenario name of the world, or a path to a scenario JSON file (relative to the spec). */
  scenario: z.string().min(1).optional(),
  params: z.record(z.string(), factorValue).optional(),
  factors: z.record(z.string(), z.union([enumeratedFactorSchema, steppedFactorSchema])).optional(),
  design: designSchema.optional(),
  /** A list of seeds, or a count n meaning seeds 1, 2, …, n. */
  seeds: z.union([z.number().int().min(1).max(100_000), z.array(z.number().int().min(0).max(2 ** 32 - 1)).min(1).max(100_000)]),
  weeks: z.number().int().min(1).max(MAX_WEEKS).optional(),
  metrics: z.array(metricSchema).min(1).max(10_000),
  recordEvery: z.number().int().min(1).max(52).optional(),
  stop: z.union([z.string().min(1), z.array(comparisonItemSchema).min(1)]).optional(),
  /** Agent-level microdata: chosen fields of every live agent of one kind every `every` weeks, into agents.parquet. */
  agents: z
    .strictObject({
      kind: z.enum(AGENT_KINDS),
      fields: z.array(z.string().min(1)).min(1).max(64),
      every: z.number().int().min(1).max(MAX_WEEKS),
    })
    .optional(),
  /** Run the same-seed reference without shocks (loss measures); default: when the scenario has shocks. */
  paired: z.boolean().optional(),
});

export type SweepSpec = z.infer<typeof sweepSpecSchema>;
export type MetricInput = z.infer<typeof metricSchema>;

const UNION_EXPECTATIONS: Record<string, string> = {
  seeds: 'a count of seeds (a whole number ≥ 1) or a list of seeds',
  stop: 'a condition such as "fillRate < 0.5 and week >= 10", or a list of {indicator, op, value}',
  metrics: 'an indicator name such as "fillRate" or {indicator, scope, group}',
  params: 'a number, true/false or a text value',
};

function expectation(path: readonly PropertyKey[]): string {
  if (path[0] === 'factors') return 'an enumerated factor {"values": [...]} or a stepped one {"from", "step", "to"}';
  return UNION_EXPECTATIONS[String(path[0])] ?? 'one of the allowed forms';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function messageFor(issue: z.core.$ZodIssue, input: unknown): string {
  const got = input === undefined ? 'nothing (the field is required)' : describe(input);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${issue.minimum} item(s)`
        : issue.origin === 'string'
          ? 'expected a non-empty text'
          : `expected a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${got}`;
    case 'too_big':
      return issue.origin === 'array' ? `expected at most ${issue.maximum} item(s)` : `expected a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${got}`;
    case 'invalid_type':
      if (issue.expected === 'int') return `expected a whole number, got ${got}`;
      return `expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'invalid_union':
      return `expected ${expectation(issue.path)}, got ${got}`;
    default:
      return issue.message;
  }
}

/** Path-precise problems of a zod failure (unknown fields reported at the field itself). */
export function problemsOf(error: z.ZodError, json: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: [...path, key], message: `unknown field "${key}"` });
      continue;
    }
    problems.push({ path, message: messageFor(issue, valueAt(json, issue.path)) });
  }
  return problems;
}
