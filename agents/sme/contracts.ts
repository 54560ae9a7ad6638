import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';

/**
 * The SME side of a supply contract (§7.6). Lead firms decide whom to contract and when to stop;
 * these are the only functions that change an SME's contract state, so the firm kind never writes
 * the SME store.
 */

/** SME `id` signs with plant `plant` for `capacity` units a week and plans raw inputs for `expectedOrders` at once. */
export function signContract(world: World, id: number, plant: number, capacity: number, expectedOrders: number): void {
  const { smes } = world;
  smes.buyerPlant[id] = plant;
  smes.contractCapacity[id] = capacity;
  smes.rawForecast[id] = expectedOrders;
}

/**
 * The buyer ends SME `id`'s contract: no new orders (contract capacity 0), but what the SME already
 * owes is still delivered; the link is cut once the backlog is cleared (in the SME finance phase).
 * A contract with a closed plant, or of an SME that has exited, ends at once.
 */
export function endContract(world: World, id: number): void {
  const { smes, plants } = world;
  smes.contractCapacity[id] = 0;
  const p = smes.buyerPlant[id];
  if (!smes.alive[id] || !plants.active[p] || smes.owedToBuyer[id] <= 1e-9) {
    smes.buyerPlant[id] = NO_BUYER;
    smes.owedToBuyer[id] = 0;
  }
}

/** Lead firm `firm` has exited: every SME contracted by one of its plants is free at once, its backlog void. */
export function releaseSmesOfFirm(world: World, firm: number): void {
  const { smes, plants } = world;
  for (let i = 0; i < smes.count; i++) {
    const p = smes.buyerPlant[i];
    if (p !== NO_BUYER && plants.firm[p] === firm) {
      smes.buyerPlant[i] = NO_BUYER;
      smes.contractCapacity[i] = 0;
      smes.owedToBuyer[i] = 0;
    }
  }
}
