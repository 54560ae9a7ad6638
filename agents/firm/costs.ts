import type { World } from '../../src/model/world.ts';
import { pow } from '../../src/sim/math.ts';

/**
 * Weekly overhead of a plant of the given capacity: the reference overhead × (capacity /
 * reference capacity)^elasticity — below-proportional, so small plants pay more per unit
 * (economies of scale, §7.1 departure 2 in docs/ODD.md).
 */
export function plantOverheadFor(world: World, capacity: number): number {
  const { economy, params } = world;
  if (!(capacity > 0) || !(economy.referencePlantCapacity > 0)) return 0;
  return economy.plantOverhead * pow(capacity / economy.referencePlantCapacity, params.plantOverheadElasticity);
}

/**
 * §9.5: the factor smart sourcing nodes leave of the coordination cost, 1 − cut × (share of the
 * sourcing regions that run a node): a node cuts the cost of coordinating with its own region.
 */
export function sourcingNodeFactor(cut: number, nodeShare: number): number {
  return 1 - cut * nodeShare;
}
