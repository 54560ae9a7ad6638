/**
 * Phase 6 (MODEL.md §3 step 6, §3.6, §9.5): what assembly, hub production and the raw sources add
 * to the stocks and to the run's ledger of goods (the conservation property test checks the
 * ledger balances; these check each entry against a hand computation), and plant overheads.
 */
import { describe, expect, it } from 'vitest';
import { assembleAtPlants } from '../../../agents/firm/production.ts';
import { plantOverheadFor } from '../../../agents/firm/costs.ts';
import { produceAtHubs, produceDomesticRaw, produceRecycledRaw } from '../../../agents/supplier/production.ts';
import { recycledRawPrice } from '../../../agents/supplier/costs.ts';
import { planHubRawInputs } from '../../../agents/supplier/ordering.ts';
import type { World } from '../../../src/model/world.ts';
import { HB2, HOM, HUB, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

/** Two firms (homes HOM and NBR) and two hub suppliers (HUB, HB2). */
function twoHubWorld(): World {
  const world = twoFirmsTwoHubs();
  expect(Array.from(world.hubs.region)).toEqual([HUB, HB2]);
  return world;
}

describe('§3.6 assembly at plants', () => {
  it('moves min(capacity × factor, components, stock gap) from components to finished stock and into the ledger; inactive plants make nothing', () => {
    const world = twoHubWorld();
    const { plants, params, ledger } = world;
    plants.capacity[2] = 100;
    plants.componentStock[2] = 70;
    plants.forecast[2] = 40;
    plants.finishedStock[2] = 30;
    // The bloc-B plant of firm 0 is closed but holds components.
    expect(plants.active[1]).toBe(0);
    plants.componentStock[1] = 50;
    plants.capacity[1] = 100;
    plants.forecast[1] = 40;
    for (const p of [0, 3]) plants.componentStock[p] = 0;
    const used = ledger.componentsUsed;
    const produced = ledger.finalProduced;
    assembleAtPlants(world);
    const wanted = (params.inventoryCoverWeeks + 1) * 40 - 30;
    const output = Math.min(100, 70, wanted);
    expect(output).toBeGreaterThan(0);
    expect(plants.production[2]).toBeCloseTo(output, 12);
    expect(plants.componentStock[2]).toBeCloseTo(70 - output, 12);
    expect(plants.finishedStock[2]).toBeCloseTo(30 + output, 12);
    expect(ledger.componentsUsed - used).toBeCloseTo(output, 12);
    expect(ledger.finalProduced - produced).toBeCloseTo(output, 12);
    expect(plants.production[1]).toBe(0);
    expect(plants.componentStock[1]).toBe(50);
  });
});

describe('§3.6 hub production and the raw sources, into the ledger', () => {
  it('each hub counts what the plants owe it (deliverable where it can ship) and books raw made, raw used and components made', () => {
    const world = twoHubWorld();
    const { hubs, plantHub, regions, scratch, ledger } = world;
    const H = 2;
    plantHub.owed.fill(0);
    plantHub.owed[2 * H + 1] = 30; // plant 2 (NBR) owes HB2
    plantHub.owed[0 * H + 0] = 20; // plant 0 (HOM) owes HUB
    plantHub.owed[2 * H + 0] = 5;
    regions.borderOpen[NBR] = 0; // nothing reaches NBR
    world.rawSources.recyclingCapacity.fill(0);
    scratch.hubRawDeliverable.fill(0);
    scratch.hubLocalOrders.fill(0);
    for (let j = 0; j < H; j++) {
      hubs.rawStock[j] = 1_000;
      hubs.rawOrderInternal[j] = 10;
      hubs.rawCapacity[j] = 1_000;
      hubs.componentCapacity[j] = 1_000;
    }
    const before = { rawProduced: ledger.rawProduced, rawUsed: ledger.rawUsed, componentsProduced: ledger.componentsProduced };
    produceAtHubs(world);
    expect(Array.from(hubs.componentOwed)).toEqual([25, 30]);
    expect(Array.from(hubs.componentDeliverable)).toEqual([20, 0]);
    // HUB makes the 20 it can deliver; HB2 nothing. Raw: each makes its 10 for itself (capacity ample).
    expect(Array.from(hubs.componentOutput)).toEqual([20, 0]);
    expect(ledger.rawUsed - before.rawUsed).toBeCloseTo(20, 12);
    expect(ledger.componentsProduced - before.componentsProduced).toBeCloseTo(20, 12);
    expect(Array.from(hubs.rawFill)).toEqual([1, 1]);
    expect(ledger.rawProduced - before.rawProduced).toBeCloseTo(2 * 10, 12);
    expect(hubs.componentFill[1]).toBe(1); // nothing wanted: fill 1
  });

  it('a hub buys its recycled share of its own raw needs from its region, pays for it net of the subsidy, and books it as recycled purchases', () => {
    const world = twoHubWorld();
    const { hubs, regions, scratch, ledger } = world;
    world.rawSources.recyclingCapacity.fill(0);
    world.rawSources.recyclingCapacity[HUB] = 0.25;
    hubs.rawUnitCost[0] = 1e6; // virgin raw dearer than any recycled price: the hub recycles
    hubs.rawOrderInternal[0] = 40;
    scratch.hubRawDeliverable.fill(0);
    scratch.hubLocalOrders.fill(0);
    const cash = hubs.cash[0];
    const purchases = ledger.recycledRawPurchases;
    const rawProduced = ledger.rawProduced;
    produceAtHubs(world);
    const units = 0.25 * 40 * regions.rawCapacityFactor[HUB];
    const payment = recycledRawPrice(world) * units;
    expect(hubs.recycledIn[0]).toBeCloseTo(units, 12);
    expect(hubs.recycledIn[1]).toBe(0);
    expect(ledger.recycledRawPurchases - purchases).toBeCloseTo(payment, 9);
    expect(cash - hubs.cash[0]).toBeCloseTo(payment, 9); // no subsidy set
    // Raw produced counts the recycled units too (and each hub's own virgin raw).
    const virgin = hubs.rawOutputInternal[0] + hubs.rawOutputExternal[0] + hubs.rawOutputInternal[1] + hubs.rawOutputExternal[1];
    expect(ledger.rawProduced - rawProduced).toBeCloseTo(virgin + units, 9);
    // Once the recycled price after the subsidy is above the hub's own raw cost, it stops.
    hubs.rawUnitCost[0] = 0;
    produceAtHubs(world);
    expect(hubs.recycledIn[0]).toBe(0);
  });

  it('domestic and recycled raw sources deliver their capacity factor of what they owe, into employment and the ledger', () => {
    const world = twoHubWorld();
    const { regions, params, ledger, hubs } = world;
    world.smeRegions.domesticRawOwed.fill(0);
    world.smeRegions.domesticRawOwed[NBR] = 50;
    regions.rawCapacityFactor[NBR] = 0.6;
    const before = ledger.rawProduced;
    produceDomesticRaw(world);
    expect(world.rawSources.domesticRawOutput[NBR]).toBeCloseTo(30, 12);
    expect(world.rawSources.domesticRawEmployment[NBR]).toBeCloseTo((30 * params.labourPerRawUnit) / regions.productivity[NBR], 12);
    expect(ledger.rawProduced - before).toBeCloseTo(30, 12);
    // Recycled: SMEs' orders in NBR, and what HB2's hub took in its own region (counted at the hub).
    world.smeRegions.recycledRawOwed.fill(0);
    world.smeRegions.recycledRawOwed[NBR] = 20;
    hubs.recycledIn.fill(0);
    hubs.recycledIn[1] = 7;
    const before2 = ledger.rawProduced;
    produceRecycledRaw(world);
    expect(world.rawSources.recycledRawOutput[NBR]).toBeCloseTo(12, 12);
    expect(world.rawSources.recycledRawOutput[HB2]).toBeCloseTo(7, 12);
    expect(world.rawSources.recycledRawEmployment[HB2]).toBeCloseTo((7 * params.labourPerRawUnit) / regions.productivity[HB2], 12);
    expect(ledger.rawProduced - before2).toBeCloseTo(12, 12); // the hub's 7 were booked when it took them
  });
});

describe('plant overheads', () => {
  it('overhead × (capacity / reference capacity)^elasticity; nothing for no capacity or no reference', () => {
    const world = twoHubWorld();
    const { economy, params } = world;
    economy.plantOverhead = 1_000;
    economy.referencePlantCapacity = 200;
    expect(plantOverheadFor(world, 400)).toBeCloseTo(1_000 * 2 ** params.plantOverheadElasticity, 9);
    expect(plantOverheadFor(world, 0)).toBe(0);
    economy.referencePlantCapacity = 0;
    expect(plantOverheadFor(world, 400)).toBe(0);
  });
});

describe('§7.2 hub orders this week', () => {
  it('each hub sums what every plant ordered from it this week plus its local-market orders', () => {
    const world = twoHubWorld();
    const { plantHub, hubs, scratch } = world;
    plantHub.ordered.fill(0);
    plantHub.ordered[0 * 2 + 0] = 11; // plant 0 → HUB
    plantHub.ordered[2 * 2 + 1] = 7; // plant 2 → HB2
    plantHub.ordered[2 * 2 + 0] = 3; // plant 2 → HUB
    scratch.hubLocalOrders.fill(0);
    scratch.hubLocalOrders[1] = 5;
    planHubRawInputs(world);
    expect(Array.from(hubs.ordersThisWeek)).toEqual([14, 12]);
  });
});
