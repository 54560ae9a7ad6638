/**
 * Hub suppliers and the domestic raw source (MODEL.md §7.4): the store schema, the parameters,
 * the systems the phase table runs and the initialisation.
 */
export { createHubStore, type HubStore } from './schema.ts';
export { supplierParams } from './params.ts';
export { createHubs, sizeHubCapacity } from './initialize.ts';
export { domesticRawPrice } from './costs.ts';
// Systems, in the order of the phase table.
export { planHubRawInputs } from './ordering.ts';
export { produceAtHubs, produceDomesticRaw } from './production.ts';
export { settleHubs } from './finance.ts';
