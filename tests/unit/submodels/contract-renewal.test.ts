/**
 * SME contracts (MODEL.md §7.6) for the second firm's plant: which contracts a review keeps and
 * which it ends, whom a plant short of its need recruits and in what order, the weekly top-up after
 * suppliers exit, the contract tally, and the SME side (sign, end, release).
 */
import { describe, expect, it } from 'vitest';
import { inPool, renewContracts, tallyContracts, topUpContracts } from '../../../agents/firm/contracts.ts';
import { contractOffer } from '../../../agents/firm/pools.ts';
import { DUAL, GLOBAL, LOCAL, MULTILOCAL, NEARSHORE } from '../../../agents/firm/schema.ts';
import { NO_BUYER, endContract, releaseSmesOfFirm, signContract } from '../../../agents/sme/index.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, threeRegions, tinyWorld } from './tiny-world.ts';

const P2 = 2; // firm 1's home plant, in NBR (bloc A)

/** Two firms (homes HOM and NBR); firm 1 goes NEARSHORE with plant 2 needing `need` units a week of SME capacity. */
function contractWorld(need = 1_000, params: Record<string, unknown> = {}): World {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, NBR] }), { supplierChoiceTemp: 0.001, ...params });
  const { firms, plants, regions } = world;
  expect(plants.region[P2]).toBe(NBR);
  for (const r of [HOM, HUB, NBR]) regions.productivity[r] = 1;
  firms.strategy[1] = NEARSHORE;
  plants.smeShareTarget[P2] = 1;
  plants.forecast[P2] = need * world.params.plantUtilisationTarget; // need = share × forecast / u
  return world;
}

describe('§7.6 pools by strategy', () => {
  it('GLOBAL none; LOCAL the home region; DUAL and NEARSHORE the home bloc; MULTILOCAL the plant’s bloc', () => {
    const world = contractWorld();
    const { firms } = world;
    const regionsIn = () => [HOM, HUB, NBR].filter((r) => inPool(world, P2, r));
    firms.strategy[1] = GLOBAL;
    expect(regionsIn()).toEqual([]);
    firms.strategy[1] = LOCAL;
    expect(regionsIn()).toEqual([NBR]);
    firms.strategy[1] = DUAL;
    expect(regionsIn()).toEqual([HOM, NBR]);
    firms.strategy[1] = MULTILOCAL;
    expect(regionsIn()).toEqual([HOM, NBR]);
    expect([HOM, HUB, NBR].filter((r) => inPool(world, 3, r))).toEqual([HUB]); // the bloc-B plant
  });
});

describe('§7.6 recruiting', () => {
  it('a plant short of its need signs the cheapest landed offers first (freight, subsidy for its own region) until the need is met', () => {
    const world = contractWorld(15);
    const { smes, plants, regions } = world;
    // Three equal SMEs: two in HOM (freight to NBR), one in NBR (none). NBR subsidises local sourcing.
    const far1 = addSme(world, HOM, { employees: 10, capability: 0.9, digital: 1 });
    const far2 = addSme(world, HOM, { employees: 10, capability: 0.9, digital: 1 });
    const near = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    regions.localSourcingSubsidy[NBR] = 0.2;
    const offer = contractOffer(world, near, NEARSHORE);
    expect(offer).toBeGreaterThan(7.5);
    expect(offer).toBeLessThan(15);
    renewContracts(world);
    // The NBR SME first; one HOM SME fills the rest (2 offers ≥ 15), the other stays free.
    expect(smes.buyerPlant[near]).toBe(P2);
    expect(smes.contractCapacity[near]).toBeCloseTo(offer, 5); // stored as float32
    expect(smes.rawForecast[near]).toBeCloseTo(offer * world.params.plantUtilisationTarget, 9);
    const signed = [far1, far2].filter((i) => smes.buyerPlant[i] === P2);
    expect(signed.length).toBe(1);
    expect(plants.smeContractCapacity[P2]).toBeCloseTo(2 * offer, 5);
    expect(plants.smeContracts[P2]).toBe(2);
    expect(plants.smeCapacityAfterRecruiting[P2]).toBeCloseTo(2 * offer, 5);
    // Firm 0 (GLOBAL) recruits no one.
    expect(plants.smeContracts[0]).toBe(0);
  });

  it('a plant within its need recruits no one; an SME held by another plant, dead, or outside the pool is not a candidate', () => {
    const world = contractWorld(1_000);
    const { smes, plants } = world;
    // Firm 0 (NEARSHORE too, its need met) holds one NBR SME.
    world.firms.strategy[0] = NEARSHORE;
    plants.smeShareTarget[0] = 1;
    plants.forecast[0] = 5 * world.params.plantUtilisationTarget;
    const held = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    signContract(world, held, 0, 5, 5);
    const dead = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    smes.alive[dead] = 0;
    const outside = addSme(world, HUB, { employees: 10, capability: 0.9, digital: 1 });
    renewContracts(world);
    expect(smes.buyerPlant[held]).toBe(0);
    expect(smes.buyerPlant[dead]).toBe(NO_BUYER);
    expect(smes.buyerPlant[outside]).toBe(NO_BUYER);
    expect(plants.smeContracts[P2]).toBe(0);
    // Need met: a fresh candidate stays free.
    const satisfied = contractWorld(5);
    const a = addSme(satisfied, NBR, { employees: 10, capability: 0.9, digital: 1 });
    renewContracts(satisfied);
    expect(satisfied.smes.buyerPlant[a]).toBe(P2);
    const b = addSme(satisfied, NBR, { employees: 10, capability: 0.9, digital: 1 });
    renewContracts(satisfied);
    expect(satisfied.smes.buyerPlant[b]).toBe(NO_BUYER);
  });
});

describe('§7.6 reviews and top-ups', () => {
  it('a review ends contracts that no longer fit (capability below qMin − slack, out of the pool, invisible, plant closed or without SME share) and keeps the rest', () => {
    const world = contractWorld(0);
    const { smes, params, plants } = world;
    const slack = params.contractCapabilitySlack;
    const qMin = params.minCapabilityNearshore;
    const ids = {
      fit: addSme(world, NBR, { employees: 10, capability: qMin - slack / 2, digital: 1 }),
      weak: addSme(world, NBR, { employees: 10, capability: qMin - 2 * slack, digital: 1 }),
      hidden: addSme(world, NBR, { employees: 10, capability: 0.9, digital: 0 }),
      away: addSme(world, HUB, { employees: 10, capability: 0.9, digital: 1 }),
    };
    for (const id of Object.values(ids)) signContract(world, id, P2, 5, 5);
    renewContracts(world);
    expect(smes.buyerPlant[ids.fit]).toBe(P2);
    expect(smes.contractCapacity[ids.fit]).toBe(5);
    for (const id of [ids.weak, ids.hidden, ids.away]) {
      expect(smes.contractCapacity[id]).toBe(0);
      expect(smes.buyerPlant[id]).toBe(NO_BUYER); // nothing owed: released at once
    }
    // Under LOCAL visibility does not matter.
    const local = contractWorld(0);
    local.firms.strategy[1] = LOCAL;
    const hiddenLocal = addSme(local, NBR, { employees: 10, capability: 0.9, digital: 0 });
    signContract(local, hiddenLocal, P2, 5, 5);
    renewContracts(local);
    expect(local.smes.contractCapacity[hiddenLocal]).toBe(5);
    // No SME share any more: every contract ends.
    plants.smeShareTarget[P2] = 0;
    renewContracts(world);
    expect(smes.contractCapacity[ids.fit]).toBe(0);
  });

  it('an ended contract with a backlog keeps its buyer until delivered; a closed plant or dead SME ends at once', () => {
    const world = contractWorld(0);
    const { smes, plants } = world;
    const owing = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    signContract(world, owing, P2, 5, 5);
    smes.owedToBuyer[owing] = 3;
    endContract(world, owing);
    expect(smes.contractCapacity[owing]).toBe(0);
    expect(smes.buyerPlant[owing]).toBe(P2);
    expect(smes.owedToBuyer[owing]).toBe(3);
    plants.active[P2] = 0;
    endContract(world, owing);
    expect(smes.buyerPlant[owing]).toBe(NO_BUYER);
    expect(smes.owedToBuyer[owing]).toBe(0);
  });

  it('top-up: between reviews a plant recruits only once its capacity fell below contractTopUpShare of what it held after recruiting', () => {
    const world = contractWorld(15);
    const { smes, plants, params } = world;
    const first = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    const second = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    renewContracts(world);
    const held = plants.smeCapacityAfterRecruiting[P2];
    expect(held).toBeGreaterThan(0);
    const spare = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    // Lose a sliver of capacity: still above the share, no recruiting.
    plants.smeContractCapacity[P2] = params.contractTopUpShare * held + 1e-6;
    topUpContracts(world);
    expect(smes.buyerPlant[spare]).toBe(NO_BUYER);
    // One supplier exits: below the share, recruit at once.
    smes.alive[second] = 0;
    tallyContracts(world);
    expect(plants.smeContractCapacity[P2]).toBeLessThan(params.contractTopUpShare * held);
    topUpContracts(world);
    expect(smes.buyerPlant[spare]).toBe(P2);
    expect(smes.buyerPlant[first]).toBe(P2);
  });
});

describe('§7.6 the contract tally and a firm’s exit', () => {
  it('tallies live SMEs with a positive contract per plant; releases every SME of an exiting firm, and only those', () => {
    const world = contractWorld(0);
    const { smes, plants } = world;
    const a = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    const b = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    const ended = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    const dead = addSme(world, NBR, { employees: 10, capability: 0.9, digital: 1 });
    const other = addSme(world, HOM, { employees: 10, capability: 0.9, digital: 1 });
    signContract(world, a, P2, 4, 4);
    signContract(world, b, P2, 6, 6);
    signContract(world, ended, P2, 0, 0);
    signContract(world, dead, P2, 7, 7);
    smes.alive[dead] = 0;
    signContract(world, other, 0, 3, 3);
    tallyContracts(world);
    expect(plants.smeContractCapacity[P2]).toBe(10);
    expect(plants.smeContracts[P2]).toBe(2);
    expect(plants.smeContractCapacity[0]).toBe(3);
    expect(plants.smeContracts[0]).toBe(1);
    smes.owedToBuyer[a] = 2;
    releaseSmesOfFirm(world, 1);
    for (const id of [a, b, ended, dead]) {
      expect(smes.buyerPlant[id]).toBe(NO_BUYER);
      expect(smes.contractCapacity[id]).toBe(0);
    }
    expect(smes.owedToBuyer[a]).toBe(0);
    expect(smes.buyerPlant[other]).toBe(0);
    expect(smes.contractCapacity[other]).toBe(3);
  });
});
