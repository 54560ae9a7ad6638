import type { World } from '../../src/model/world.ts';
import { unitLabourCost } from '../../src/model/economy.ts';

/** Hub cost of a raw-input unit ($). */
export function hubRawUnitCost(world: World, hub: number): number {
  const { params } = world;
  return params.labourPerRawUnit * params.hubLabourFactor * unitLabourCost(world.regions, world.hubs.region[hub]);
}

/** Hub cost of a component, raw input made in-house included ($). */
export function hubComponentUnitCost(world: World, hub: number): number {
  const { params } = world;
  return (
    (params.labourPerRawUnit + params.labourPerComponent) *
    params.hubLabourFactor *
    unitLabourCost(world.regions, world.hubs.region[hub])
  );
}

/** Congestion factor: 1 up to the target utilisation, convex above it (§2). */
export function congestionFactor(world: World, utilisation: number): number {
  const excess = utilisation - world.params.plantUtilisationTarget;
  return excess > 0 ? 1 + world.params.congestionSlope * excess * excess : 1;
}

/** Price of the generic domestic raw-input source (same everywhere). */
export function domesticRawPrice(world: World): number {
  return world.params.domesticRawPremium * world.economy.referenceRawPrice;
}

/** Price of recycled raw inputs from a region’s recycling source before any subsidy (§9.5; same everywhere). */
export function recycledRawPrice(world: World): number {
  return (1 + world.params.recycledPricePremium) * world.economy.referenceRawPrice;
}

/** What a buyer in region r pays per recycled unit: the price less the region’s circular-procurement subsidy share. */
export function recycledBuyerPrice(world: World, region: number): number {
  return recycledRawPrice(world) * (1 - world.regions.circularSubsidy[region]);
}
