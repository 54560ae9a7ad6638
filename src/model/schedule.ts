import type { World } from './world.ts';
import { isStrategyWeek } from './world.ts';
import { resetLedger, type Ledger } from './ledger.ts';
import { applyShocks } from './shocks.ts';
import { applyPolicy, recordPolicyQuarter } from '../../agents/policymaker/systems.ts';
import { receiveComponents } from '../../agents/firm/arrivals.ts';
import { receiveRawInputs } from '../../agents/sme/arrivals.ts';
import { serveFinalDemand } from '../../agents/firm/market.ts';
import { serveLocalMarkets } from '../../agents/sme/local-market.ts';
import { computeSmePools } from '../../agents/firm/pools.ts';
import { chooseStrategies } from '../../agents/firm/strategy.ts';
import { renewContracts, topUpContracts } from '../../agents/firm/contracts.ts';
import { chooseRawSources } from '../../agents/sme/sourcing.ts';
import { placePlantOrders } from '../../agents/firm/ordering.ts';
import { placeSmeOrders } from '../../agents/sme/ordering.ts';
import { planHubRawInputs } from '../../agents/supplier/ordering.ts';
import { produceAtSmes } from '../../agents/sme/production.ts';
import { produceAtHubs, produceDomesticRaw } from '../../agents/supplier/production.ts';
import { assembleAtPlants } from '../../agents/firm/production.ts';
import { pullFromHubs, receiveFromSmes } from '../../agents/firm/shipping.ts';
import { shipSmeGoods } from '../../agents/sme/shipping.ts';
import { settleFirms } from '../../agents/firm/finance.ts';
import { settleHubs } from '../../agents/supplier/finance.ts';
import { settleSmes } from '../../agents/sme/finance.ts';
import { smeExitsAndEntries } from '../../agents/sme/demography.ts';
import { updateCommunities } from '../../agents/community/systems.ts';
import { adoptAndLearn } from '../../agents/sme/digital.ts';

/** The phases of one tick, in MODEL.md §3's order (observation is run by the caller). */
export const PHASES = [
  { name: 'shocks', run: applyShocks },
  { name: 'policy', run: applyPolicy },
  { name: 'arrivals', run: (w: World) => (receiveComponents(w), receiveRawInputs(w)) },
  { name: 'markets', run: (w: World) => (serveFinalDemand(w), serveLocalMarkets(w)) },
  { name: 'strategy and orders', run: strategyAndOrders },
  { name: 'production', run: (w: World) => (produceAtSmes(w), produceAtHubs(w), produceDomesticRaw(w), assembleAtPlants(w)) },
  { name: 'rationing and shipping', run: (w: World) => (pullFromHubs(w), shipSmeGoods(w), receiveFromSmes(w)) },
  { name: 'finance', run: finance },
  { name: 'communities', run: (w: World) => (updateCommunities(w), recordPolicyQuarter(w)) },
  { name: 'smes', run: adoptAndLearn },
] as const;

export type PhaseName = (typeof PHASES)[number]['name'];

function strategyAndOrders(world: World): void {
  if (isStrategyWeek(world)) {
    chooseStrategies(world, computeSmePools(world));
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
}

/**
 * Advances the world by one week: every phase in order, then the clock. Pass `clock` and
 * `phaseSeconds` (one slot per phase) to time the phases; the core itself never reads a clock.
 */
export function step(world: World, clock?: () => number, phaseSeconds?: Float64Array): void {
  resetLedger(world.ledger);
  if (clock && phaseSeconds) {
    for (let k = 0; k < PHASES.length; k++) {
      const start = clock();
      PHASES[k].run(world);
      phaseSeconds[k] += clock() - start;
    }
  } else {
    for (let k = 0; k < PHASES.length; k++) PHASES[k].run(world);
  }
  accumulate(world.ledgerTotal, world.ledger);
  world.tick++;
}

function accumulate(total: Ledger, week: Ledger): void {
  for (const key of Object.keys(week) as (keyof Ledger)[]) total[key] += week[key];
}
