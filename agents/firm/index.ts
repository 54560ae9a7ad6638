/**
 * Lead firms and their plants (MODEL.md §7.1–§7.3): the store schema, the parameters, the systems
 * the phase table runs, the initialisation and what reporters read. Other kinds and the model layer
 * import the firm kind from here.
 */
export {
  GLOBAL, DUAL, NEARSHORE, MULTILOCAL, LOCAL, CHOOSABLE_COUNT,
  createFirmStore, createPlantStore, createPlantHubLinks, createPlantJobEvents,
  type FirmStore, type PlantStore, type PlantHubLinks, type PlantJobEvents,
} from './schema.ts';
export { createFinalMarketStore, type FinalMarketStore } from './final-market-store.ts';
export { firmParams, STRATEGIES, type Strategy } from './params.ts';
export { STRATEGY_CODES, STRATEGY_NAMES } from './strategy-codes.ts';
export { createFirms, startPlants, startingPlantCost } from './initialize.ts';
// Systems, in the order of the phase table.
export { receiveComponents } from './arrivals.ts';
export { receiveFinalGoods } from './last-mile.ts';
export { serveFinalDemand } from './market.ts';
export { computeSmePools } from './pools.ts';
export { chooseStrategies, clearPlantJobEvents, drawStartingStrategies } from './strategy.ts';
export { chooseDistributionHubs } from './last-mile-choice.ts';
export { renewContracts, tallyContracts, topUpContracts } from './contracts.ts';
export { placePlantOrders, stermanOrder, updateForecast } from './ordering.ts';
export { assembleAtPlants } from './production.ts';
export { pullFromHubs, receiveFromSmes } from './shipping.ts';
export { settleFirms } from './finance.ts';
export { explainStrategies, explainStrategiesOverFirms, type StrategyExplanation } from './strategy-explain.ts';
