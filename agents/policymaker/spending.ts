import type { World } from '../../src/model/world.ts';
import {
  INSTRUMENT_COUNT,
  RESHORING_GRANT,
  LOCAL_SOURCING_SUBSIDY,
  DIGITAL_INFRASTRUCTURE,
  TRAINING,
  SME_TECH_GRANT,
  TRANSPARENCY,
  SMART_SOURCING_NODE,
  CIRCULAR_PROCUREMENT_SUBSIDY,
} from './schema.ts';

/** Instruments that spend money (the rest — tariff, border closure — only set rules). */
export const SPENDING_INSTRUMENTS = [
  LOCAL_SOURCING_SUBSIDY,
  RESHORING_GRANT,
  DIGITAL_INFRASTRUCTURE,
  TRAINING,
  SME_TECH_GRANT,
  TRANSPARENCY,
  SMART_SOURCING_NODE,
  CIRCULAR_PROCUREMENT_SUBSIDY,
] as const;

/**
 * Real dollars still available this quarter for an instrument in a region: its own budget when
 * the scheme gave it one, else what is left of the regular budget (§7.9).
 */
export function availableBudget(world: World, region: number, instrument: number): number {
  const { policy } = world;
  const cell = region * INSTRUMENT_COUNT + instrument;
  const own = policy.budgetPerYear[cell];
  if (own > 0) return Math.max(0, own / 4 - policy.spentQuarter[cell]);
  let spent = 0;
  for (let k = 0; k < INSTRUMENT_COUNT; k++) {
    if (policy.budgetPerYear[region * INSTRUMENT_COUNT + k] <= 0) spent += policy.spentQuarter[region * INSTRUMENT_COUNT + k];
  }
  return Math.max(0, policy.budgetQuarter[region] - spent);
}

/** Records real dollars spent. */
export function recordSpend(world: World, region: number, instrument: number, realAmount: number): void {
  if (!(realAmount > 0)) return;
  const cell = region * INSTRUMENT_COUNT + instrument;
  world.policy.spentQuarter[cell] += realAmount;
  world.policy.spentTotal[cell] += realAmount;
}

/**
 * Pays the region's reshoring / nearshoring grant on a capital outlay (sampled-economy $),
 * within the budget; returns the grant paid (sampled $).
 */
export function payReshoringGrant(world: World, region: number, outlay: number): number {
  const share = world.regions.reshoringGrantShare[region];
  if (!(share > 0) || !(outlay > 0)) return 0;
  const k = world.economy.sampleFactor;
  const grant = Math.min(share * outlay, availableBudget(world, region, RESHORING_GRANT) * k);
  if (grant <= 0) return 0;
  recordSpend(world, region, RESHORING_GRANT, grant / k);
  world.ledger.grants += grant;
  return grant;
}

/**
 * Pays a subsidy instrument's share of a purchase (sampled-economy $) within that instrument's
 * budget — the local-sourcing subsidy on SME inputs, the circular-procurement subsidy (§9.5) on
 * recycled raw inputs; returns what was paid (sampled $), which the buyer receives.
 */
export function paySubsidy(world: World, region: number, instrument: number, amount: number): number {
  if (!(amount > 0)) return 0;
  const k = world.economy.sampleFactor;
  const paid = Math.min(amount, availableBudget(world, region, instrument) * k);
  if (paid <= 0) return 0;
  recordSpend(world, region, instrument, paid / k);
  world.ledger.subsidies += paid;
  return paid;
}
