/**
 * Lead times without silent clipping (issue 11): pipelines are sized from the longest lead time a
 * world and scenario can produce, and a scenario whose logistics shock would exceed the model's
 * limit is rejected with a message at the shock's path (lead-time-problems.ts), never clipped.
 */
import type { Params } from './params/registry.ts';
import type { Scenario } from './scenario.ts';
import type { WorldDefinition } from './world-definition.ts';
import { PIPELINE_WEEKS, greatCircleKm } from './geography.ts';

/** The longest lead time the model holds (weeks): every agent keeps a ring of up to this + 1 weekly slots. */
export const MAX_LEAD_TIME_WEEKS = 52;

export type LeadParams = Pick<Params, 'handlingWeeks' | 'shipKmPerWeek'>;

/** Lead time L = handlingWeeks + ceil(km / shipKmPerWeek), at least 1 week. */
export function baseLeadTime(km: number, params: LeadParams): number {
  return Math.max(1, params.handlingWeeks + Math.ceil(km / params.shipKmPerWeek));
}

/** A lead time under a logistics shock's multiplier, rounded to whole weeks, at least 1. */
export function shockedLeadTime(base: number, multiplier: number): number {
  return multiplier === 1 ? base : Math.max(1, Math.round(base * multiplier));
}

/** Pipeline ring for lead times up to `longestLead` weeks (a shipment lands `lead` slots ahead). */
export function pipelineWeeksFor(longestLead: number): number {
  return Math.max(PIPELINE_WEEKS, longestLead + 1);
}

/** The largest lead-time multiplier among a scenario's logistics shocks (1 without any). */
export function largestLeadTimeMultiplier(shocks: readonly { kind: string; leadTimeMultiplier?: number }[]): number {
  let largest = 1;
  for (const shock of shocks) if (shock.kind === 'logistics') largest = Math.max(largest, shock.leadTimeMultiplier ?? 1);
  return largest;
}

export interface Route {
  weeks: number;
  from: string;
  to: string;
}

/** The route with the longest base lead time between two regions of a world definition. */
export function longestRoute(world: WorldDefinition, params: LeadParams): Route {
  let best: Route = { weeks: 1, from: world.regions[0]?.code ?? '', to: world.regions[0]?.code ?? '' };
  for (const a of world.regions) {
    for (const b of world.regions) {
      const weeks = baseLeadTime(a === b ? 0 : greatCircleKm(a.latitude, a.longitude, b.latitude, b.longitude), params);
      if (weeks > best.weeks) best = { weeks, from: a.code, to: b.code };
    }
  }
  return best;
}

/** Thrown when a world is built with lead times beyond the model's limit (inputs that skipped validation). */
export class LeadTimeLimitError extends Error {
  constructor(readonly route: Route, readonly weeks: number) {
    super(`the longest lead time, ${route.from} → ${route.to}, would be ${weeks} weeks; the model holds at most ${MAX_LEAD_TIME_WEEKS} (lower the logistics shock's leadTimeMultiplier, or raise shipKmPerWeek)`);
    this.name = 'LeadTimeLimitError';
  }
}

/**
 * For a run whose parameters were set outside the scenario (CLI flags, sweeps): the message that
 * refuses it when its longest lead time would exceed the limit, else null.
 */
export function leadTimeLimitMessage(world: WorldDefinition, params: LeadParams, scenario: Scenario): string | null {
  const route = longestRoute(world, params);
  const weeks = shockedLeadTime(route.weeks, largestLeadTimeMultiplier(scenario.shocks));
  return weeks > MAX_LEAD_TIME_WEEKS ? new LeadTimeLimitError(route, weeks).message : null;
}
