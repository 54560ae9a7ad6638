import type { World } from './world.ts';
import { isStrategyWeek } from './world.ts';
import { resetLedger, type Ledger } from './ledger.ts';
import { applyShocks } from './shocks.ts';
import { runPhases, type Phase } from '../sim/runner.ts';
import { applyPolicy, recordPolicyQuarter } from '../../agents/policymaker/index.ts';
import {
  receiveComponents, receiveFinalGoods, serveFinalDemand, chooseDistributionHubs, computeSmePools, chooseStrategies, clearPlantJobEvents, renewContracts, topUpContracts,
  placePlantOrders, assembleAtPlants, pullFromHubs, receiveFromSmes, settleFirms, tallyContracts,
} from '../../agents/firm/index.ts';
import {
  receiveRawInputs, chooseRawSources, placeSmeOrders, produceAtSmes, shipSmeGoods,
  settleSmes, smeExitsAndEntries, adoptAndLearn,
} from '../../agents/sme/index.ts';
import { planHubRawInputs, produceAtHubs, produceDomesticRaw, produceRecycledRaw, settleHubs } from '../../agents/supplier/index.ts';
import { updateCommunities } from '../../agents/community/index.ts';
import { serveLocalMarkets } from './local-market.ts';

/** The phases of one tick, in MODEL.md §3's order (observation is run by the caller). */
export const PHASES = [
  { name: 'shocks', run: applyShocks },
  { name: 'policy', run: applyPolicy },
  { name: 'arrivals', run: (w: World) => (receiveComponents(w), receiveFinalGoods(w), receiveRawInputs(w)) },
  { name: 'markets', run: (w: World) => (serveFinalDemand(w), serveLocalMarkets(w)) },
  { name: 'strategy and orders', run: strategyAndOrders },
  { name: 'production', run: (w: World) => (produceAtSmes(w), produceAtHubs(w), produceDomesticRaw(w), produceRecycledRaw(w), assembleAtPlants(w)) },
  { name: 'rationing and shipping', run: (w: World) => (pullFromHubs(w), shipSmeGoods(w), receiveFromSmes(w)) },
  { name: 'finance', run: finance },
  { name: 'communities', run: (w: World) => (updateCommunities(w), recordPolicyQuarter(w)) },
  { name: 'smes', run: adoptAndLearn },
] as const satisfies readonly Phase<World>[];

export type PhaseName = (typeof PHASES)[number]['name'];

function strategyAndOrders(world: World): void {
  clearPlantJobEvents(world);
  if (isStrategyWeek(world)) {
    chooseStrategies(world, computeSmePools(world));
    chooseDistributionHubs(world);
    renewContracts(world);
    chooseRawSources(world);
  } else {
    topUpContracts(world);
  }
  placePlantOrders(world);
  placeSmeOrders(world);
  planHubRawInputs(world);
}

function finance(world: World): void {
  settleFirms(world);
  settleHubs(world);
  smeExitsAndEntries(world, settleSmes(world));
  tallyContracts(world);
}

/**
 * Advances the world by one week: every phase in order, then the clock. Pass `clock` and
 * `phaseSeconds` (one slot per phase) to time the phases; the core itself never reads a clock.
 */
export function step(world: World, clock?: () => number, phaseSeconds?: Float64Array): void {
  resetLedger(world.ledger);
  runPhases(world, PHASES, clock, phaseSeconds);
  accumulate(world.ledgerTotal, world.ledger);
  world.tick++;
}

function accumulate(total: Ledger, week: Ledger): void {
  for (const key of Object.keys(week) as (keyof Ledger)[]) total[key] += week[key];
}
