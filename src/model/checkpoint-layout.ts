import type { CheckpointLayout } from '../sim/checkpoint.ts';
import { FreeList } from '../sim/store.ts';
import type { World } from './world.ts';

/** What a checkpoint saves of a world: its dynamic stores and, as JSON, the clock, the flow totals and the SME free list. */
export const WORLD_CHECKPOINT: CheckpointLayout<World> = {
  stores: (world) => ({
    regions: world.regions,
    finalMarket: world.finalMarket,
    rawSources: world.rawSources,
    smeRegions: world.smeRegions,
    communityRegions: world.communityRegions,
    firms: world.firms,
    plants: world.plants,
    plantHub: world.plantHub,
    hubs: world.hubs,
    smes: world.smes,
    importers: world.importers,
    cells: world.cells,
    policy: world.policy,
  }),
  scalars: (world) => ({
    tick: world.tick,
    ledger: world.ledger,
    ledgerTotal: world.ledgerTotal,
    freeSlots: world.smes.freeSlots.toArray(),
  }),
  restoreScalars(world, scalars) {
    world.tick = scalars.tick as number;
    Object.assign(world.ledger, scalars.ledger);
    Object.assign(world.ledgerTotal, scalars.ledgerTotal);
    world.smes.freeSlots = FreeList.from(scalars.freeSlots as number[]);
  },
};
