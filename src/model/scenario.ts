import { z } from 'zod';
import { INCOME_GROUPS } from './world-definition.ts';
import { INSTRUMENTS } from '../../agents/policymaker/index.ts';

/**
 * Scenario files: shocks and a policy timeline on top of a world, plus parameter overrides.
 * Checked with zod (shape, types, ranges) and then against the world (region codes, blocs).
 */

/** Size limits: far above any real scenario, low enough that a runaway file is refused, not copied into a manifest. */
export const SCENARIO_LIMITS = { description: 10_000, name: 200, code: 64, listItems: 1_000, shocks: 1_000, policy: 1_000, rules: 100, condition: 1_000, params: 500 } as const;
const code = z.string().max(SCENARIO_LIMITS.code);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(SCENARIO_LIMITS.listItems);

/** The longest run, in recorded weeks (100 years): the one limit the scenario schema, the CLI, sweeps, the worker and the app share. */
export const MAX_WEEKS = 5200;
const weekCount = z.number().int().min(1).max(MAX_WEEKS);
const weekIndex = z.number().int().min(0).max(MAX_WEEKS);
const share = z.number().min(0).max(1);
/** A fixed value, or [min, max] drawn per region from the run's seed. */
const shareOrRange = z.union([share, z.tuple([share, share])]);
const weeksOrRange = z.union([weekCount, z.tuple([weekCount, weekCount])]);
const startOrRange = z.union([weekIndex, z.tuple([weekIndex, weekIndex])]);

export const targetSchema = z.union([
  z.literal('all'),
  z
    .object({
      regions: list(code).optional(),
      blocs: list(code).optional(),
      incomeGroups: list(z.enum(INCOME_GROUPS)).optional(),
      hubs: z.boolean().optional(),
      /** Income quartiles of regions by GDP per capita, population-weighted (1 = bottom). */
      incomeQuartiles: list(z.number().int().min(1).max(4)).optional(),
      /** Region codes left out of the selection. */
      except: list(code).optional(),
    })
    .strict(),
]);
export type Target = z.infer<typeof targetSchema>;

const shockBase = { target: targetSchema, start: startOrRange, weeks: weeksOrRange };

export const shockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lockdown'), ...shockBase, capacityFactor: shareOrRange }).strict(),
  z.object({ kind: z.literal('borderClosure'), ...shockBase }).strict(),
  z
    .object({
      kind: z.literal('demand'),
      ...shockBase,
      multiplier: z.number().min(0).max(5),
      markets: z.enum(['final', 'local', 'both']).default('both'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('logistics'),
      ...shockBase,
      leadTimeMultiplier: z.number().min(1).max(5).default(1),
      freightMultiplier: z.number().min(1).max(10).default(1),
    })
    .strict(),
]);
export type Shock = z.infer<typeof shockSchema>;

export const policyItemSchema = z
  .object({
    week: weekIndex,
    target: targetSchema,
    instrument: z.enum(INSTRUMENTS),
    level: z.number().min(0).max(1),
    /** How long the setting holds; without it, until a later item changes it. */
    weeks: weekCount.optional(),
    /** Training only: delivered together with the infrastructure investment. */
    linked: z.boolean().optional(),
    /** Budget per targeted region per year in real $, instead of a share of the regular budget. */
    budgetPerYear: z.number().min(0).max(1e13).optional(),
  })
  .strict();
export type PolicyItem = z.infer<typeof policyItemSchema>;

/**
 * An adaptive rule (docs/compare.md#adaptive-rules): when the condition (the sweeps' condition
 * grammar, src/model/observe/condition.ts) holds on the week just recorded, the setting applies
 * to the target's regions from the next week, for `weeks` weeks or, without it, while the
 * condition holds; `once` lets it fire only once in a run.
 */
export const ruleSchema = z
  .object({
    when: z.string().min(1).max(SCENARIO_LIMITS.condition),
    target: targetSchema,
    instrument: z.enum(INSTRUMENTS),
    level: z.number().min(0).max(1),
    weeks: weekCount.optional(),
    once: z.boolean().optional(),
    linked: z.boolean().optional(),
    budgetPerYear: z.number().min(0).max(1e13).optional(),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const scenarioSchema = z
  .object({
    name: z.string().min(1).max(SCENARIO_LIMITS.name).optional(),
    description: z.string().max(SCENARIO_LIMITS.description).optional(),
    /** Suggested horizon in weeks (the CLI's default for --weeks). */
    weeks: weekCount.optional(),
    params: z
      .record(z.string().max(SCENARIO_LIMITS.code), z.union([z.number(), z.boolean(), z.string().max(SCENARIO_LIMITS.code)]))
      .refine((record) => Object.keys(record).length <= SCENARIO_LIMITS.params, { message: `expected at most ${SCENARIO_LIMITS.params} parameters` })
      .optional(),
    shocks: z.array(shockSchema).max(SCENARIO_LIMITS.shocks).default([]),
    policy: z.array(policyItemSchema).max(SCENARIO_LIMITS.policy).default([]),
    /** Absent rather than empty when there are none, so scenarios without rules keep their bytes. */
    rules: z.array(ruleSchema).max(SCENARIO_LIMITS.rules).optional(),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export const emptyScenario = (): Scenario => ({ shocks: [], policy: [] });
