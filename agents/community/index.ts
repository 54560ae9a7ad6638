/**
 * Communities: population cells (MODEL.md §7.7–§7.8): the store schema, the parameters, the
 * system the phase table runs, the initialisation and the regional summary reporters read.
 */
export { createCellStore, type CellStore } from './schema.ts';
export { createCommunityRegionStore, type CommunityRegionStore } from './regional.ts';
export { communityParams } from './params.ts';
export { initializeCells, clamp01 } from './initialize.ts';
export { updateCommunities, summariseCells } from './systems.ts';
