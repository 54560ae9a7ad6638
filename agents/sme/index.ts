/**
 * SMEs (MODEL.md §7.5–§7.6): the store schema, the parameters, the systems the phase table runs,
 * the initialisation and what reporters read.
 */
export {
  DOMESTIC_SOURCE, NO_BUYER, createSmeStore, growSmeStore, allocateSme, sizeClass, createSmeSupplyExposure,
  createImporterStore, type ImporterStore, type SmeStore, type SmeSupplyExposure,
} from './schema.ts';
export { createSmeRegionStore, type SmeRegionStore } from './regional.ts';
export { smeParams } from './params.ts';
export { initializeSmes } from './initialize.ts';
export { capabilityProductivity, localRevenuePerWorker, smeComponentCapacity, smeComponentPrice } from './costs.ts';
export { aggregateSmes } from './aggregate.ts';
export { setLocalInputs, stockSmeInputs, startingImportedInputUnits, importedInputShares, smeValueAdded } from './inputs.ts';
// Systems, in the order of the phase table.
export { receiveRawInputs } from './arrivals.ts';
export { setLocalDemand, followCustomers, serveSmeSide } from './local-market.ts';
export { chooseRawSources } from './sourcing.ts';
export { placeSmeOrders } from './ordering.ts';
export { produceAtSmes } from './production.ts';
export { shipSmeGoods } from './shipping.ts';
export { settleSmes } from './finance.ts';
export { endContract, releaseSmesOfFirm, signContract } from './contracts.ts';
export { smeExitsAndEntries } from './demography.ts';
export { adoptAndLearn } from './digital.ts';
