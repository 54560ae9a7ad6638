import type { World } from '../../src/model/world.ts';
import { isStrategyWeek, scenarioWeek } from '../../src/model/world.ts';
import {
  BORDER_CLOSURE,
  CIRCULAR_PROCUREMENT_SUBSIDY,
  DIGITAL_INFRASTRUCTURE,
  INSTRUMENTS,
  INSTRUMENT_COUNT,
  LOCAL_SOURCING_SUBSIDY,
  RESHORING_GRANT,
  SMART_SOURCING_NODE,
  SME_TECH_GRANT,
  TARIFF,
  TRAINING,
  TRANSPARENCY,
} from './schema.ts';
import { availableBudget, recordSpend } from './spending.ts';
import { exp } from '../../src/sim/math.ts';
import { ruleActive } from '../../src/model/rules.ts';

const INSTRUMENT_INDEX = new Map<string, number>(INSTRUMENTS.map((name, i) => [name, i]));

/**
 * Phase 2 — policy (§7.9). Each week: the scheme timeline sets instrument levels; quarterly,
 * adaptive policymakers re-run their trigger rules; budgets turn levels into this week's
 * spending; rules (tariff, border, transparency, subsidy rate, grant share, smart sourcing node)
 * go to the regions.
 */
export function applyPolicy(world: World): void {
  const { policy, regions } = world;
  const R = regions.count;
  if (isStrategyWeek(world)) policy.spentQuarter.fill(0);
  policy.spentLastWeek.set(policy.spentQuarter);
  if (isStrategyWeek(world)) {
    if (world.params.policyMode === 'adaptive') runAdaptiveRules(world);
    policy.quarterDemand.fill(0);
    policy.quarterLost.fill(0);
    policy.quarterExits.fill(0);
    policy.quarterSmes.fill(0);
  }
  applySchemeTimeline(world);
  for (let r = 0; r < R; r++) setRegionInstruments(world, r);
}

/** Scheme mode: the latest timeline setting that holds this week wins (later items override), then active rules. */
function applySchemeTimeline(world: World): void {
  const { policy, scenario } = world;
  const week = scenarioWeek(world);
  policy.level.fill(0);
  policy.budgetPerYear.fill(0);
  policy.trainingLinked.fill(0);
  for (const setting of scenario.policy) {
    if (week < setting.startWeek || (setting.endWeek >= 0 && week >= setting.endWeek)) continue;
    const instrument = INSTRUMENT_INDEX.get(setting.instrument) as number;
    const cell = setting.region * INSTRUMENT_COUNT + instrument;
    policy.level[cell] = setting.level;
    policy.budgetPerYear[cell] = setting.budgetPerYear;
    if (instrument === TRAINING) policy.trainingLinked[setting.region] = setting.linked ? 1 : 0;
  }
  // Adaptive rules that fired override the timeline while they hold (src/model/rules.ts).
  for (const rule of scenario.rules) {
    if (!ruleActive(rule, week)) continue;
    const instrument = INSTRUMENT_INDEX.get(rule.instrument) as number;
    for (const region of rule.regions) {
      const cell = region * INSTRUMENT_COUNT + instrument;
      policy.level[cell] = rule.level;
      policy.budgetPerYear[cell] = rule.budgetPerYear;
      if (instrument === TRAINING) policy.trainingLinked[region] = rule.linked ? 1 : 0;
    }
  }
  if (world.params.policyMode === 'adaptive') {
    for (let cell = 0; cell < policy.level.length; cell++) {
      policy.level[cell] = Math.max(policy.level[cell], policy.adaptiveLevel[cell]);
    }
    for (let r = 0; r < policy.count; r++) policy.trainingLinked[r] |= policy.adaptiveLinked[r];
  }
}

function setRegionInstruments(world: World, r: number): void {
  const { policy, regions, params, economy } = world;
  const level = (instrument: number) => policy.level[r * INSTRUMENT_COUNT + instrument];
  regions.tariff[r] = level(TARIFF);
  if (level(BORDER_CLOSURE) >= 0.5) regions.borderOpen[r] = 0;
  regions.transparency[r] = level(TRANSPARENCY);
  regions.localSourcingSubsidy[r] = level(LOCAL_SOURCING_SUBSIDY);
  regions.reshoringGrantShare[r] = level(RESHORING_GRANT);
  regions.circularSubsidy[r] = level(CIRCULAR_PROCUREMENT_SUBSIDY);

  // A smart sourcing node is paid first: a fixed running cost (§9.5). The firm side reads only
  // `regions.sourcingNode`.
  regions.sourcingNode[r] = runSourcingNode(world, r, level(SMART_SOURCING_NODE));

  // Budget-share instruments split the regular weekly budget (scaled down if over-committed).
  const weeklyBudget = policy.budgetQuarter[r] / params.strategyPeriodWeeks;
  let committed = 0;
  for (const k of [DIGITAL_INFRASTRUCTURE, TRAINING, SME_TECH_GRANT] as const) {
    if (policy.budgetPerYear[r * INSTRUMENT_COUNT + k] <= 0) committed += level(k);
  }
  const scale = committed > 1 ? 1 / committed : 1;
  const weekly = (k: number) => {
    const own = policy.budgetPerYear[r * INSTRUMENT_COUNT + k];
    const wanted = own > 0 ? (level(k) * own) / 52 : level(k) * scale * weeklyBudget;
    return Math.min(wanted, availableBudget(world, r, k));
  };
  const infrastructure = weekly(DIGITAL_INFRASTRUCTURE);
  regions.infrastructureSpend[r] = infrastructure;
  recordSpend(world, r, DIGITAL_INFRASTRUCTURE, infrastructure);
  const training = weekly(TRAINING);
  regions.trainingSpend[r] = training;
  regions.trainingLinked[r] = policy.trainingLinked[r] && infrastructure > 0 ? 1 : 0;
  recordSpend(world, r, TRAINING, training);
  // SME grants are paid in the SME finance phase; this is the sampled-economy pot.
  regions.smeGrantSpend[r] = weekly(SME_TECH_GRANT) * economy.sampleFactor;
  const transparencyCost = Math.min(
    params.transparencyCostShare * level(TRANSPARENCY) * weeklyBudget,
    availableBudget(world, r, TRANSPARENCY),
  );
  recordSpend(world, r, TRANSPARENCY, transparencyCost);
}

/**
 * §9.5 — a smart sourcing node at `level` (0 = off, 1 = running) costs `level ×
 * smartSourcingNodeCostPerYear / 52` real $ a week, paid first (a fixed running cost) from its
 * own budget when the scheme gave it one, else from the regular budget. It runs only in a week
 * it is paid for in full; returns the node's state for the region (1 running, 0 not).
 */
function runSourcingNode(world: World, r: number, level: number): number {
  if (!(level > 0)) return 0;
  const weekly = (level * world.params.smartSourcingNodeCostPerYear) / 52;
  const available = availableBudget(world, r, SMART_SOURCING_NODE);
  // Thirteen weekly payments add up to a quarter's own budget only up to rounding.
  if (available < weekly * (1 - 1e-9)) return 0;
  recordSpend(world, r, SMART_SOURCING_NODE, Math.min(weekly, available));
  return 1;
}

/**
 * Adaptive mode: every instrument of §7.9 has a trigger rule (the smart sourcing node of §9.5 has
 * none: it runs only where a scheme sets it). Evaluated quarterly on the last
 * quarter's record; a fired trigger sets the instrument's adaptive level.
 */
function runAdaptiveRules(world: World): void {
  const { policy, regions, params, tick, communityRegions } = world;
  const R = regions.count;
  const draws = world.draws.for('policy.adaptive');
  const topUsage = quartileMean(world, 4, (r) => communityRegions.access[r] * communityRegions.literacy[r]);
  const topLiteracy = quartileMean(world, 4, (r) => communityRegions.literacy[r]);
  for (let r = 0; r < R; r++) {
    const cell = (k: number) => r * INSTRUMENT_COUNT + k;
    const fire = (k: number, level: number) => {
      policy.adaptiveLevel[cell(k)] = level;
      policy.triggerFired[cell(k)]++;
    };
    const lostShare = policy.quarterDemand[r] > 0 ? policy.quarterLost[r] / policy.quarterDemand[r] : 0;
    const shortage = lostShare > params.shortageTrigger;
    policy.shortageHistory[r] = ((policy.shortageHistory[r] << 1) | (shortage ? 1 : 0)) & 0b1111;
    // 1. Shortages → local-sourcing subsidy.
    if (shortage) fire(LOCAL_SOURCING_SUBSIDY, params.adaptiveSubsidyRate);
    else policy.adaptiveLevel[cell(LOCAL_SOURCING_SUBSIDY)] *= params.adaptiveSubsidyDecay;
    // 2. Recurring shortages → reshoring grant.
    if (popCount(policy.shortageHistory[r]) >= params.reshoringRecurrence) fire(RESHORING_GRANT, params.adaptiveReshoringShare);
    else policy.adaptiveLevel[cell(RESHORING_GRANT)] = 0;
    // 3. Usage gap → infrastructure (with linked training).
    const usage = communityRegions.access[r] * communityRegions.literacy[r];
    if (topUsage - usage > params.usageGapTrigger) {
      fire(DIGITAL_INFRASTRUCTURE, params.adaptiveProgrammeLevel);
      policy.adaptiveLinked[r] = 1;
    } else {
      policy.adaptiveLevel[cell(DIGITAL_INFRASTRUCTURE)] = 0;
      policy.adaptiveLinked[r] = 0; // the link ends with the infrastructure it tied training to
    }
    // 4. Literacy gap → training.
    if (topLiteracy - communityRegions.literacy[r] > params.literacyGapTrigger) fire(TRAINING, params.adaptiveProgrammeLevel);
    else policy.adaptiveLevel[cell(TRAINING)] = 0;
    // 5. SME exits → SME technology grants.
    const exitRate = policy.quarterSmes[r] > 0 ? (4 * policy.quarterExits[r]) / policy.quarterSmes[r] : 0;
    if (exitRate > params.smeExitTrigger) fire(SME_TECH_GRANT, params.adaptiveProgrammeLevel);
    else policy.adaptiveLevel[cell(SME_TECH_GRANT)] = 0;
    // 6–7. Political pressure → tariff, then border closure, with probability rising in the excess.
    const pressure = (1 - communityRegions.trustGovernment[r]) * communityRegions.unemployment[r];
    const tariffTrigger = params.tariffPressureTrigger;
    if (pressure > tariffTrigger && draws.uniform(r, tick, 0) < 1 - exp(-(pressure - tariffTrigger) / Math.max(tariffTrigger, 1e-6))) {
      fire(TARIFF, params.adaptiveTariffRate);
    } else if (pressure < tariffTrigger / 2) {
      policy.adaptiveLevel[cell(TARIFF)] = 0;
    }
    const borderTrigger = params.borderPressureTrigger;
    if (pressure > borderTrigger && draws.uniform(r, tick, 1) < 1 - exp(-(pressure - borderTrigger) / Math.max(borderTrigger, 1e-6))) {
      fire(BORDER_CLOSURE, 1);
    } else {
      policy.adaptiveLevel[cell(BORDER_CLOSURE)] = 0;
    }
    // 8. Low approval → transparency (kept once started).
    policy.approval[r] = communityRegions.trustGovernment[r];
    if (policy.approval[r] < params.approvalTrigger) fire(TRANSPARENCY, params.adaptiveTransparency);
  }
}

/**
 * End of phase 9 — adds the week to each policymaker's quarter record (final demand and what was
 * lost of it, SME exits, and SMEs on average), which the adaptive rules read at the next review.
 */
export function recordPolicyQuarter(world: World): void {
  const { policy, regions, params, finalMarket, smeRegions } = world;
  for (let r = 0; r < regions.count; r++) {
    policy.quarterDemand[r] += finalMarket.finalDemand[r];
    policy.quarterLost[r] += finalMarket.finalLost[r];
    policy.quarterExits[r] += smeRegions.smeExits[r];
    policy.quarterSmes[r] += smeRegions.smeCount[r] / params.strategyPeriodWeeks;
  }
}

function popCount(bits: number): number {
  let count = 0;
  for (let b = bits; b; b >>= 1) count += b & 1;
  return count;
}

/** Population-weighted mean of a regional value over one income quartile. */
function quartileMean(world: World, quartile: number, value: (r: number) => number): number {
  const { regions, economy } = world;
  let weighted = 0;
  let population = 0;
  for (let r = 0; r < regions.count; r++) {
    if (economy.incomeQuartile[r] !== quartile) continue;
    weighted += regions.population[r] * value(r);
    population += regions.population[r];
  }
  return population > 0 ? weighted / population : 0;
}
