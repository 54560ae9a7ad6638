/**
 * Hub suppliers, the domestic raw source and the recycled raw source (MODEL.md §7.4, §9.5): the store schema, the parameters,
 * the systems the phase table runs and the initialisation.
 */
export { createHubStore, type HubStore } from './schema.ts';
export { createRawSourceStore, type RawSourceStore } from './raw-sources.ts';
export { supplierParams } from './params.ts';
export { createHubs, sizeHubCapacity, startHubs } from './initialize.ts';
export { domesticRawPrice, recycledBuyerPrice, recycledRawPrice } from './costs.ts';
// Systems, in the order of the phase table.
export { planHubRawInputs } from './ordering.ts';
export { produceAtHubs, produceDomesticRaw, produceRecycledRaw } from './production.ts';
export {
  initializeRecycling, nextRecyclingCapacity, recyclingGrowthRate, settledRecyclingCapacity,
} from './production.ts';
export { settleHubs } from './finance.ts';
