/**
 * What lead firms can see of the SMEs (MODEL.md §7.6, §2 tier 2) and component arrivals at plants
 * (§3 step 3), against hand computations, with two hub regions so tier-2 cells are indexed.
 */
import { describe, expect, it } from 'vitest';
import { computeSmePools, contractOffer, isEligible } from '../../../agents/firm/pools.ts';
import { receiveComponents } from '../../../agents/firm/arrivals.ts';
import { DUAL, LOCAL, MULTILOCAL, NEARSHORE } from '../../../agents/firm/schema.ts';
import { smeComponentCapacity, smeComponentPrice } from '../../../agents/sme/index.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, HB2, HOM, HUB, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

const R = 4;

function poolWorld(): World {
  const world = twoFirmsTwoHubs();
  expect(Array.from(world.hubs.region)).toEqual([HUB, HB2]);
  return world;
}

describe('§7.6 the SME pools lead firms see', () => {
  it('each strategy level sums the offers, offer × price and count of the SMEs eligible at its qMin; an invisible SME only for LOCAL', () => {
    const world = poolWorld();
    const { params, smes } = world;
    const capable = addSme(world, NBR, { employees: 40, capability: 0.99, digital: 1 });
    const hidden = addSme(world, NBR, { employees: 40, capability: 0.99, digital: 0 });
    addSme(world, HOM, { employees: 40, capability: params.minCapabilityLocal, digital: 1 });
    smes.rawSource[capable] = 1; // buys raw inputs from HB2's hub
    smes.rawHubShare[capable] = 0.6;
    smes.rawSource[hidden] = 0;
    smes.rawHubShare[hidden] = 1;
    const pools = computeSmePools(world);
    expect(pools.hubRegions).toEqual([HUB, HB2]);
    const HR = 2;
    // 40 employees offer more than the minimum order: the eligible branch is the one exercised.
    expect(contractOffer(world, capable, DUAL)).toBeGreaterThanOrEqual(params.minOrderUnits);
    for (const level of [DUAL, NEARSHORE, MULTILOCAL]) {
      const offer = contractOffer(world, capable, level);
      expect(isEligible(world, capable, level, offer)).toBe(offer >= params.minOrderUnits);
      const eligible = offer >= params.minOrderUnits;
      expect(pools.capacity[level * R + NBR]).toBeCloseTo(eligible ? offer : 0, 9);
      expect(pools.priceTimesCapacity[level * R + NBR]).toBeCloseTo(eligible ? offer * smeComponentPrice(world, capable) : 0, 9);
      expect(pools.count[level * R + NBR]).toBe(eligible ? 1 : 0);
      // Tier 2: the visible SME's offer × its hub share, in HB2's column; nothing in HUB's.
      expect(pools.tierTwo[(level * R + NBR) * HR + 1]).toBeCloseTo(eligible ? offer * smes.rawHubShare[capable] : 0, 9); // 0.6 as stored
      expect(pools.tierTwo[(level * R + NBR) * HR + 0]).toBe(0);
    }
    expect(contractOffer(world, capable, DUAL)).toBeCloseTo(params.smeMaxChainShare * smeComponentCapacity(world, capable), 12);
    // LOCAL takes all of each SME's capacity, seen or not; only digital SMEs reveal tier 2.
    const local = smeComponentCapacity(world, capable) + smeComponentCapacity(world, hidden);
    expect(pools.capacity[LOCAL * R + NBR]).toBeCloseTo(local, 9);
    expect(pools.count[LOCAL * R + NBR]).toBe(2);
    expect(pools.tierTwo[(LOCAL * R + NBR) * HR + 0]).toBe(0);
    // An SME at exactly LOCAL's qMin is in LOCAL's pool only (the others ask more).
    expect(pools.count[LOCAL * R + HOM]).toBe(1);
    expect(pools.count[DUAL * R + HOM]).toBe(params.minCapabilityDual <= params.minCapabilityLocal ? 1 : 0);
  });

  it('a dead SME is in no pool', () => {
    const world = poolWorld();
    const id = addSme(world, NBR, { employees: 40, capability: 0.99, digital: 1 });
    world.smes.alive[id] = 0;
    const pools = computeSmePools(world);
    for (const level of [DUAL, NEARSHORE, MULTILOCAL, LOCAL]) expect(pools.capacity[level * R + NBR]).toBe(0);
  });
});

describe('§3 step 3 components arrive at plants', () => {
  it('this week’s slot lands in an active plant’s stock; at a closed plant it goes to the home plant, or is written off if the firm has exited', () => {
    const world = poolWorld();
    const { plants, firms, ledger, geo } = world;
    const P = plants.count;
    world.tick = geo.pipelineWeeks + 3; // slot 3
    plants.componentStock.fill(0);
    plants.pipeline.fill(0);
    plants.pipeline[3 * P + 2] = 10; // firm 1's home plant, active
    plants.pipeline[3 * P + 3] = 4; // firm 1's closed bloc-B plant → home plant 2
    plants.pipeline[3 * P + 1] = 6; // firm 0's closed bloc-B plant → home plant 0
    plants.pipeline[4 * P + 2] = 99; // next week's slot stays
    expect(Array.from(plants.active)).toEqual([1, 0, 1, 0]);
    firms.alive[0] = 0;
    plants.active[0] = 0;
    const writtenOff = ledger.componentsWrittenOff;
    receiveComponents(world);
    expect(plants.componentStock[2]).toBe(14);
    expect(plants.componentStock[0]).toBe(0);
    expect(ledger.componentsWrittenOff - writtenOff).toBe(6);
    expect(plants.pipeline[3 * P + 2]).toBe(0);
    expect(plants.pipeline[3 * P + 3]).toBe(0);
    expect(plants.pipeline[4 * P + 2]).toBe(99);
  });
});
