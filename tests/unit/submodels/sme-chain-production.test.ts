/**
 * Phase 6 at SMEs (MODEL.md §3.6, §9.2–§9.3): chain output = min(labour left after the local
 * market × output per worker × the component tier's factor, raw stock, what the buyer is owed),
 * and the totals of what SMEs are owed by each hub, domestic source and recycled source — for SMEs
 * of two hubs' customers, against hand computations.
 */
import { describe, expect, it } from 'vitest';
import { produceAtSmes } from '../../../agents/sme/production.ts';
import { smeWorkerOutput } from '../../../agents/sme/costs.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, HB2, HOM, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

const P2 = 2; // firm 1's home plant, in NBR

function chainWorld(): World {
  const world = twoFirmsTwoHubs();
  for (const field of ['owedByHub', 'owedByDomestic', 'owedByRecycled'] as const) world.smes[field].fill(0);
  return world;
}

/** An SME in `region` with a contract to plant 2 owing `owed`, `rawStock` in stock and `employees` (2 of them on the local market). */
function supplier(world: World, region: number, fields: { owed: number; rawStock: number; employees: number }): number {
  const id = addSme(world, region, { employees: fields.employees, capability: 0.8, digital: 1 });
  world.smes.buyerPlant[id] = P2;
  world.smes.contractCapacity[id] = 100;
  world.smes.owedToBuyer[id] = fields.owed;
  world.smes.rawStock[id] = fields.rawStock;
  world.smes.localLabour[id] = 2;
  return id;
}

describe('§3.6 SME chain output', () => {
  it('min(capacity of the labour left × the component tier factor, raw stock, owed); raw stock falls and the ledger counts raw used and components made', () => {
    const world = chainWorld();
    const { smes, regions, params, ledger } = world;
    regions.componentCapacityFactor[NBR] = 0.5;
    const capacityBound = supplier(world, NBR, { owed: 1e6, rawStock: 1e6, employees: 12 });
    const stockBound = supplier(world, NBR, { owed: 1e6, rawStock: 3, employees: 12 });
    const owedBound = supplier(world, NBR, { owed: 2, rawStock: 1e6, employees: 12 });
    const used = ledger.rawUsed;
    const made = ledger.componentsProduced;
    produceAtSmes(world);
    const capacity = ((10 * smeWorkerOutput(world, capacityBound)) / params.labourPerComponent) * 0.5;
    expect(capacity).toBeGreaterThan(3);
    expect(smes.chainOutput[capacityBound]).toBeCloseTo(capacity, 9);
    expect(smes.rawStock[capacityBound]).toBeCloseTo(1e6 - capacity, 3);
    expect(smes.chainOutput[stockBound]).toBeCloseTo(3, 6);
    expect(smes.chainOutput[owedBound]).toBeCloseTo(2, 6);
    expect(ledger.rawUsed - used).toBeCloseTo(capacity + 3 + 2, 6);
    expect(ledger.componentsProduced - made).toBeCloseTo(capacity + 3 + 2, 6);
  });

  it('nothing for an SME without a buyer, with nothing owed, behind a closed border, or dead', () => {
    const world = chainWorld();
    const { smes, regions } = world;
    const free = supplier(world, HOM, { owed: 10, rawStock: 10, employees: 12 });
    smes.buyerPlant[free] = -1;
    const done = supplier(world, HOM, { owed: 0, rawStock: 10, employees: 12 });
    const dead = supplier(world, HOM, { owed: 10, rawStock: 10, employees: 12 });
    smes.alive[dead] = 0;
    smes.chainOutput[dead] = 5; // last week's, cleared
    const blocked = supplier(world, HOM, { owed: 10, rawStock: 10, employees: 12 });
    regions.borderOpen[NBR] = 0;
    produceAtSmes(world);
    for (const id of [free, done, dead, blocked]) expect(smes.chainOutput[id]).toBe(0);
    expect(smes.rawStock[blocked]).toBe(10);
  });

  it('totals what SMEs are owed by each hub (deliverable where it can ship), domestic source and recycled source, by region', () => {
    const world = chainWorld();
    const { smes, scratch, regions } = world;
    const a = supplier(world, NBR, { owed: 0, rawStock: 0, employees: 5 });
    const b = supplier(world, HOM, { owed: 0, rawStock: 0, employees: 5 });
    const c = supplier(world, HOM, { owed: 0, rawStock: 0, employees: 5 });
    smes.rawSource[a] = 1; // HB2's hub
    smes.owedByHub[a] = 7;
    smes.rawSource[b] = 1;
    smes.owedByHub[b] = 4;
    smes.rawSource[c] = -1; // no hub: its owedByHub does not count
    smes.owedByHub[c] = 99;
    smes.owedByDomestic[a] = 3;
    smes.owedByDomestic[b] = 5;
    smes.owedByRecycled[b] = 2;
    regions.borderOpen[HOM] = 0; // HB2 cannot ship to HOM
    produceAtSmes(world);
    expect(Array.from(scratch.hubRawOwed.subarray(0, 2))).toEqual([0, 11]);
    expect(Array.from(scratch.hubRawDeliverable.subarray(0, 2))).toEqual([0, 7]);
    expect(world.smeRegions.domesticRawOwed[NBR]).toBe(3);
    expect(world.smeRegions.domesticRawOwed[HOM]).toBe(5);
    expect(world.smeRegions.recycledRawOwed[HOM]).toBe(2);
    expect(world.smeRegions.recycledRawOwed[HB2]).toBe(0);
  });
});

describe('§3.6 SME chain output: hub 0 and dead SMEs', () => {
  it('what SMEs are owed by hub 0 (HUB’s) counts like any hub’s; a dead SME in the buyer’s own region neither produces nor counts', () => {
    const world = chainWorld();
    const { smes, scratch, regions } = world;
    // Both in NBR, plant 2's region: nothing stops shipping, so only life decides.
    const live = supplier(world, NBR, { owed: 0, rawStock: 0, employees: 5 });
    smes.rawSource[live] = 0;
    smes.owedByHub[live] = 3;
    smes.owedByDomestic[live] = 1;
    const dead = supplier(world, NBR, { owed: 10, rawStock: 10, employees: 12 });
    smes.alive[dead] = 0;
    smes.rawSource[dead] = 0;
    smes.owedByHub[dead] = 6;
    smes.owedByDomestic[dead] = 2;
    smes.owedByRecycled[dead] = 4;
    produceAtSmes(world);
    expect(Array.from(scratch.hubRawOwed.subarray(0, 2))).toEqual([3, 0]);
    expect(Array.from(scratch.hubRawDeliverable.subarray(0, 2))).toEqual([3, 0]);
    expect(world.smeRegions.domesticRawOwed[NBR]).toBe(1);
    expect(world.smeRegions.recycledRawOwed[NBR]).toBe(0);
    expect(smes.chainOutput[dead]).toBe(0);
    expect(smes.rawStock[dead]).toBe(10);
  });
});
