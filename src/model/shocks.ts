import type { Scenario, PolicyItem } from './scenario.ts';
import { selectRegions, type SelectionContext } from './selection.ts';
import { initStream } from '../sim/rng/init-stream.ts';
import type { World } from './world.ts';
import { resolveRules, type ResolvedRule } from './rules.ts';
import { cutTiersByHazard, cutTiersByLockdown, followLabourByTier } from './lockdowns.ts';

/** One shock on one region, with every range already drawn. Weeks are scenario weeks. */
export interface RegionShock {
  kind: 'lockdown' | 'borderClosure' | 'demand' | 'logistics';
  region: number;
  startWeek: number;
  /** Exclusive. */
  endWeek: number;
  capacityFactor: number;
  finalMultiplier: number;
  localMultiplier: number;
  leadTimeMultiplier: number;
  freightMultiplier: number;
}

/** One policy setting on one region. */
export interface RegionPolicySetting {
  region: number;
  instrument: PolicyItem['instrument'];
  level: number;
  startWeek: number;
  /** Exclusive; -1 = open-ended. */
  endWeek: number;
  linked: boolean;
  budgetPerYear: number;
}

export interface ResolvedScenario {
  name: string;
  shocks: RegionShock[];
  policy: RegionPolicySetting[];
  /** Adaptive rules, with their state in the run. */
  rules: ResolvedRule[];
  /** First scenario-shock week and last end week (exclusive), or -1 when there are none. */
  shockStartWeek: number;
  shockEndWeek: number;
}

function drawShare(value: number | [number, number], uniform: () => number): number {
  return typeof value === 'number' ? value : value[0] + (value[1] - value[0]) * uniform();
}

function drawWeeks(value: number | [number, number], uniform: () => number): number {
  if (typeof value === 'number') return value;
  const [lo, hi] = value[0] <= value[1] ? value : [value[1], value[0]];
  return lo + Math.floor(uniform() * (hi - lo + 1));
}

/** Expands a validated scenario into per-region shocks and settings, drawing ranges from the seed. */
export function resolveScenario(scenario: Scenario, context: SelectionContext, seed: number): ResolvedScenario {
  const stream = initStream(seed, 'scenario.ranges');
  const uniform = stream.uniform;
  const shocks: RegionShock[] = [];
  for (const shock of scenario.shocks) {
    for (const region of selectRegions(shock.target, context)) {
      const startWeek = drawWeeks(shock.start, uniform);
      const weeks = drawWeeks(shock.weeks, uniform);
      const entry: RegionShock = {
        kind: shock.kind,
        region,
        startWeek,
        endWeek: startWeek + weeks,
        capacityFactor: 1,
        finalMultiplier: 1,
        localMultiplier: 1,
        leadTimeMultiplier: 1,
        freightMultiplier: 1,
      };
      if (shock.kind === 'lockdown') entry.capacityFactor = drawShare(shock.capacityFactor, uniform);
      if (shock.kind === 'demand') {
        if (shock.markets !== 'local') entry.finalMultiplier = shock.multiplier;
        if (shock.markets !== 'final') entry.localMultiplier = shock.multiplier;
      }
      if (shock.kind === 'logistics') {
        entry.leadTimeMultiplier = shock.leadTimeMultiplier;
        entry.freightMultiplier = shock.freightMultiplier;
      }
      shocks.push(entry);
    }
  }
  const policy: RegionPolicySetting[] = [];
  for (const item of scenario.policy) {
    for (const region of selectRegions(item.target, context)) {
      policy.push({
        region,
        instrument: item.instrument,
        level: item.level,
        startWeek: item.week,
        endWeek: item.weeks === undefined ? -1 : item.week + item.weeks,
        linked: item.linked ?? false,
        budgetPerYear: item.budgetPerYear ?? 0,
      });
    }
  }
  let shockStartWeek = -1;
  let shockEndWeek = -1;
  for (const s of shocks) {
    if (shockStartWeek < 0 || s.startWeek < shockStartWeek) shockStartWeek = s.startWeek;
    if (s.endWeek > shockEndWeek) shockEndWeek = s.endWeek;
  }
  const rules = resolveRules(scenario.rules ?? [], context);
  return { name: scenario.name ?? 'custom', shocks, policy, rules, shockStartWeek, shockEndWeek };
}

/**
 * The same scenario without its shocks: the reference run of the loss measures (§3, §6). It
 * keeps the timeline but not the adaptive rules: nothing records its indicators to react to.
 */
export function withoutShocks(scenario: ResolvedScenario): ResolvedScenario {
  return { ...scenario, shocks: [], rules: [], shockStartWeek: -1, shockEndWeek: -1 };
}

/** Region r's own rate of ≥ 1-month disruptions (1/year): hubs and other regions have their own (§9.1). */
export function hazardPerYear(world: Pick<World, 'regions' | 'params'>, r: number): number {
  return world.regions.isHub[r] ? world.params.hubHazardPerYear : world.params.hazardPerRegionYear;
}

/**
 * Phase 1 — shocks start and end. Sets every region's capacity factors (headline and by tier, §9.3),
 * border, demand and logistics multipliers for this week from the scenario's shocks and the
 * background hazard.
 */
export function applyShocks(world: World): void {
  const { regions } = world;
  followLabourByTier(world); // reads last week's capacity factor: do it before the reset
  regions.capacityFactor.fill(1);
  regions.finalDemandMultiplier.fill(1);
  regions.localDemandMultiplier.fill(1);
  regions.leadTimeMultiplier.fill(1);
  regions.freightMultiplier.fill(1);
  regions.borderOpen.fill(1);
  regions.lockedDown.fill(0);
  regions.disruptionOnset.fill(0);
  applyScenarioShocks(world);
  cutTiersByLockdown(world);
  drawHazards(world);
}

/** The scenario's shocks holding this week; a region under several lockdowns takes the deepest. */
function applyScenarioShocks(world: World): void {
  const { regions, params, scenario, tick } = world;
  const week = tick - params.warmupWeeks;
  for (const shock of scenario.shocks) {
    if (week < shock.startWeek || week >= shock.endWeek) continue;
    const r = shock.region;
    switch (shock.kind) {
      case 'lockdown':
        regions.capacityFactor[r] = Math.min(regions.capacityFactor[r], shock.capacityFactor);
        regions.lockedDown[r] = 1;
        if (week === shock.startWeek) regions.disruptionOnset[r] = 1;
        break;
      case 'borderClosure':
        regions.borderOpen[r] = 0;
        break;
      case 'demand':
        regions.finalDemandMultiplier[r] *= shock.finalMultiplier;
        regions.localDemandMultiplier[r] *= shock.localMultiplier;
        break;
      case 'logistics':
        regions.leadTimeMultiplier[r] = Math.max(regions.leadTimeMultiplier[r], shock.leadTimeMultiplier);
        regions.freightMultiplier[r] = Math.max(regions.freightMultiplier[r], shock.freightMultiplier);
        break;
    }
  }
}

/** Background hazard: a disruption starts with probability hazard/52 in a region not already in one; it cuts every tier alike. */
function drawHazards(world: World): void {
  const { regions, params, tick } = world;
  const draws = world.draws.for('shock.hazard');
  const hazardOn = params.hazardEnabled ? 1 : 0;
  const minWeeks = Math.min(params.hazardMinWeeks, params.hazardMaxWeeks);
  const maxWeeks = Math.max(params.hazardMinWeeks, params.hazardMaxWeeks);
  const minFactor = Math.min(params.hazardCapacityMin, params.hazardCapacityMax);
  const maxFactor = Math.max(params.hazardCapacityMin, params.hazardCapacityMax);
  for (let r = 0; r < regions.count; r++) {
    const weeklyHazard = (hazardOn * hazardPerYear(world, r)) / 52;
    if (regions.hazardUntilTick[r] <= tick && weeklyHazard > 0 && draws.uniform(r, tick, 0) < weeklyHazard) {
      const weeks = minWeeks + Math.floor(draws.uniform(r, tick, 1) * (maxWeeks - minWeeks + 1));
      regions.hazardUntilTick[r] = tick + weeks;
      regions.hazardCapacityFactor[r] = minFactor + (maxFactor - minFactor) * draws.uniform(r, tick, 2);
      regions.disruptionOnset[r] = 1;
    }
    if (regions.hazardUntilTick[r] > tick) cutTiersByHazard(world, r, regions.hazardCapacityFactor[r]);
  }
}
