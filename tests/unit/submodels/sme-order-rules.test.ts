/**
 * The rules behind an SME's input order (MODEL.md §9.2, §9.5), each against a hand computation:
 * the recycled share and its price test against virgin inputs (a hub other than the first, in a
 * region other than the first), the local sales its inputs are needed for, and the hub's share of
 * the order.
 */
import { describe, expect, it } from 'vitest';
import { localSalesNeed, orderHubShare, recycledOrderShare, recycledTestPrices } from '../../../agents/sme/ordering.ts';
import { localRevenuePerWorker } from '../../../agents/sme/costs.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

function orderWorld(): World {
  return twoFirmsTwoHubs();
}

describe('§9.5 the recycled share of an SME’s raw order', () => {
  it('the region’s recycling capacity when the recycled price is not above virgin inputs landed (hub share × hub landed + rest × domestic), else 0', () => {
    const world = orderWorld();
    const { smes, regions } = world;
    const id = addSme(world, NBR, { employees: 10, capability: 0.8 });
    smes.rawSource[id] = 1;
    smes.rawHubShare[id] = 0.75;
    world.rawSources.recyclingCapacity[NBR] = 0.3;
    const prices = recycledTestPrices(world);
    const R = regions.count;
    const virgin = 0.75 * prices.landed[1 * R + NBR] + 0.25 * prices.domestic;
    expect(prices.landed[1 * R + NBR]).not.toBeCloseTo(prices.landed[0 * R + NBR], 6); // the two hubs land at different costs
    const at = (recycled: number) => {
      prices.recycled[NBR] = recycled;
      return recycledOrderShare(world, id, prices);
    };
    expect(at(virgin)).toBe(0.3);
    expect(at(virgin * 1.0001)).toBe(0);
    // Without a hub, virgin inputs are the domestic source's.
    smes.rawSource[id] = -1;
    expect(at(prices.domestic)).toBe(0.3);
    expect(at(prices.domestic * 1.0001)).toBe(0);
    world.rawSources.recyclingCapacity[NBR] = 0;
    expect(at(0)).toBe(0);
  });
});

describe('§9.2 what an SME orders inputs for', () => {
  it('local sales need = min(max(local sales, customers’ share of the SME side’s demand), labour capacity)', () => {
    const world = orderWorld();
    const { smes, regions, scratch } = world;
    const id = addSme(world, NBR, { employees: 10, capability: 0.8, customers: 3 });
    regions.localSmeDemand[NBR] = 1_000;
    scratch.regionSmeWeight[NBR] = 12;
    regions.localServicesCapacityFactor[NBR] = 0.5;
    const labour = 10 * localRevenuePerWorker(world, id) * 0.5;
    smes.localRevenue[id] = 10;
    const demanded = (1_000 * 3) / 12;
    expect(localSalesNeed(world, id)).toBeCloseTo(Math.min(Math.max(10, demanded), labour), 9);
    smes.localRevenue[id] = labour * 2;
    expect(localSalesNeed(world, id)).toBeCloseTo(labour, 9);
    regions.localServicesCapacityFactor[NBR] = 1e9;
    smes.localRevenue[id] = 10;
    expect(localSalesNeed(world, id)).toBeCloseTo(demanded, 9);
    scratch.regionSmeWeight[NBR] = 0; // no customers counted yet: its own sales
    expect(localSalesNeed(world, id)).toBeCloseTo(10, 9);
  });

  it('hub share of the order = chain need × the chain’s hub share / all needs; the chain’s share when there is no need; 0 without a hub', () => {
    const world = orderWorld();
    const { smes } = world;
    const id = addSme(world, NBR, { employees: 10, capability: 0.8 });
    smes.rawSource[id] = 1;
    smes.rawHubShare[id] = 0.8;
    expect(orderHubShare(world, id, 30, 10)).toBeCloseTo((30 * smes.rawHubShare[id]) / 40, 9);
    expect(orderHubShare(world, id, 0, 0)).toBeCloseTo(smes.rawHubShare[id], 9);
    smes.rawSource[id] = -1;
    expect(orderHubShare(world, id, 30, 10)).toBe(0);
  });
});
