/**
 * Whom a lead firm's plant recruits (MODEL.md §7.6, agents/firm/contracts.ts), term by term:
 * landed cost = SME price + freight + tariff × price + contract fixed cost / offer − local-sourcing
 * subsidy, scored −landed / reference price / temperature + Gumbel noise; the order in which short
 * plants recruit (drawn from the seed); what is left of a plant's need; and the review's edge cases
 * (a dead SME, a closed plant, capability exactly at qMin − slack, the top-up trigger exactly met).
 *
 * Every SME here has capability 1 in a region of productivity 1, so its worker output is 1 and, with
 * labourPerComponent = 0.5 and smeMaxChainShare = 0.5, its offer is 0.5 × employees / 0.5 =
 * employees units a week; with wage 20 its price is (0.5 × 20 + raw cost) × (1 + markup 0.2) =
 * (10 + raw) × 1.2. The reference component price is 50, so the fixed cost of a contract is
 * contractFixedCost 0.5 × 50 = 25 a week.
 */
import { describe, expect, it } from 'vitest';
import { renewContracts, topUpContracts, inPool } from '../../../agents/firm/contracts.ts';
import { MULTILOCAL, NEARSHORE } from '../../../agents/firm/schema.ts';
import { NO_BUYER, signContract } from '../../../agents/sme/index.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, addSme, threeRegions, tinyWorld } from './tiny-world.ts';

const R = 3;
const P0 = 0; // firm 0's home plant, in HOM
const P2 = 2; // firm 1's home plant, in NBR (bloc A)
const P3 = 3; // firm 1's bloc-B plant, in HUB

/** Two NEARSHORE firms (homes HOM and NBR); no plant needs SME capacity until a test says so. */
function choiceWorld(params: Record<string, unknown> = {}): World {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, NBR] }), {
    supplierChoiceTemp: 0.001,
    smeMaxChainShare: 0.5,
    labourPerComponent: 0.5,
    plantUtilisationTarget: 0.5,
    ...params,
  });
  const { firms, plants, regions, economy, geo, params: p } = world;
  expect(Array.from(plants.region)).toEqual([HOM, HUB, NBR, HUB]);
  expect(p.markup).toBe(0.2);
  expect(p.contractFixedCost).toBe(0.5);
  firms.strategy[0] = NEARSHORE;
  firms.strategy[1] = NEARSHORE;
  plants.smeShareTarget.fill(0);
  plants.smeContractCapacity.fill(0);
  for (const r of [HOM, HUB, NBR]) {
    regions.productivity[r] = 1;
    regions.wage[r] = 20;
    regions.localSourcingSubsidy[r] = 0;
    regions.tariff[r] = 0;
  }
  economy.referenceComponentPrice = 50;
  // Freight per unit set by hand: HOM → NBR 3, HOM → HUB 4, NBR → HUB 1.
  const setFreight = (a: number, b: number, value: number) => {
    geo.freightPerUnit[a * R + b] = value;
    geo.freightPerUnit[b * R + a] = value;
  };
  setFreight(HOM, NBR, 3);
  setFreight(HOM, HUB, 4);
  setFreight(NBR, HUB, 1);
  return world;
}

/** Plant p needs `need` units a week of SME capacity: share 1 × forecast / utilisation 0.5. */
function needs(world: World, p: number, need: number): void {
  world.plants.active[p] = 1;
  world.plants.smeShareTarget[p] = 1;
  world.plants.forecast[p] = need * 0.5;
}

/** A visible SME of capability 1 in region r: offer = employees, price = (10 + raw) × 1.2. */
function sme(world: World, r: number, raw: number, employees = 10): number {
  const id = addSme(world, r, { employees, capability: 1, digital: 1 });
  world.smes.rawCost[id] = raw;
  return id;
}

/** The SMEs among `ids` that plant p signed. */
function signedBy(world: World, p: number, ids: number[]): number[] {
  return ids.filter((id) => world.smes.buyerPlant[id] === p);
}

describe('§7.6 the landed cost, term by term (temperature 0.001: a unit of cost is 20 units of utility)', () => {
  it('price: of two NBR SMEs for the NBR plant, the one with raw cost 0 (price 12) beats raw cost 1 (price 13.2)', () => {
    const world = choiceWorld();
    const dear = sme(world, NBR, 1);
    const cheap = sme(world, NBR, 0);
    needs(world, P2, 5);
    renewContracts(world);
    expect(signedBy(world, P2, [dear, cheap])).toEqual([cheap]);
  });

  it('freight: an NBR SME at 13.2 beats a HOM SME at 12 + freight 3 = 15', () => {
    const world = choiceWorld();
    const far = sme(world, HOM, 0);
    const near = sme(world, NBR, 1);
    needs(world, P2, 5);
    renewContracts(world);
    expect(signedBy(world, P2, [far, near])).toEqual([near]);
  });

  it('subsidy for the plant’s own region only: NBR at 14.4 − 0.05 × 50 = 11.9 beats HOM at 12 + 1 = 13, which would win without it', () => {
    const world = choiceWorld();
    world.geo.freightPerUnit[HOM * R + NBR] = 1;
    world.regions.localSourcingSubsidy[NBR] = 0.05;
    const far = sme(world, HOM, 0); // 12 + 1 = 13
    const near = sme(world, NBR, 2); // (10 + 2) × 1.2 = 14.4, less the subsidy 2.5 = 11.9
    needs(world, P2, 5);
    renewContracts(world);
    expect(signedBy(world, P2, [far, near])).toEqual([near]);
    // The same pair without a subsidy: HOM wins (13 < 14.4).
    const plain = choiceWorld();
    plain.geo.freightPerUnit[HOM * R + NBR] = 1;
    const far2 = sme(plain, HOM, 0);
    const near2 = sme(plain, NBR, 2);
    needs(plain, P2, 5);
    renewContracts(plain);
    expect(signedBy(plain, P2, [far2, near2])).toEqual([far2]);
  });

  it('fixed cost per unit of offer: 50 units at 13.2 + 25 / 50 = 13.7 beat 10 units at 12 + 25 / 10 = 14.5', () => {
    const world = choiceWorld();
    const small = sme(world, NBR, 0, 10);
    const large = sme(world, NBR, 1, 50);
    needs(world, P2, 5);
    renewContracts(world);
    expect(signedBy(world, P2, [small, large])).toEqual([large]);
    expect(world.smes.contractCapacity[large]).toBe(50);
  });

  it('tariff on the price: for the bloc-B plant (HUB, tariff 1) HOM at 12 × 2 + 4 = 28 beats NBR at 13.8 × 2 + 1 = 28.6, which is cheaper untaxed', () => {
    const world = choiceWorld();
    world.regions.tariff[HUB] = 1;
    const home = sme(world, HOM, 0); // price 12, freight 4 to HUB
    const nbr = sme(world, NBR, 1.5); // price (10 + 1.5) × 1.2 = 13.8, freight 1
    // Firm 1 (NEARSHORE) recruits for its bloc-B plant from its home bloc A (HOM, NBR), not from HUB's bloc.
    needs(world, P3, 5);
    expect(inPool(world, P3, HOM)).toBe(true);
    expect(inPool(world, P3, HUB)).toBe(false);
    renewContracts(world);
    expect(signedBy(world, P3, [home, nbr])).toEqual([home]);
    // Without the tariff NBR wins: 13.8 + 1 = 14.8 < 12 + 4 = 16.
    const untaxed = choiceWorld();
    const home2 = sme(untaxed, HOM, 0);
    const nbr2 = sme(untaxed, NBR, 1.5);
    needs(untaxed, P3, 5);
    renewContracts(untaxed);
    expect(signedBy(untaxed, P3, [home2, nbr2])).toEqual([nbr2]);
  });

  it('candidates are ranked by score, not by id: the cheaper of two SMEs wins when it has the lower id, too', () => {
    const world = choiceWorld();
    const cheap = sme(world, NBR, 0);
    const dear = sme(world, NBR, 1);
    const dearer = sme(world, NBR, 2);
    expect(cheap).toBeLessThan(dear);
    needs(world, P2, 15); // two offers of 10
    renewContracts(world);
    expect(signedBy(world, P2, [cheap, dear, dearer])).toEqual([cheap, dear]);
  });
});

describe('§7.6 logit noise and temperature (week 6: Gumbel draws of SMEs 0 and 1 on firm.supplierChoice)', () => {
  /** Two NBR SMEs, ids 0 and 1; SME 0 dearer by 1.2 (raw 1 vs 0); week 6. */
  function noisyPair(temperature: number) {
    const world = choiceWorld({ supplierChoiceTemp: temperature });
    world.tick = 6;
    const dear = sme(world, NBR, 1);
    const cheap = sme(world, NBR, 0);
    expect([dear, cheap]).toEqual([0, 1]);
    const noise = world.draws.for('firm.supplierChoice');
    const g = [noise.gumbel(dear, 6), noise.gumbel(cheap, 6)];
    needs(world, P2, 5);
    return { world, dear, cheap, g };
  }

  it('at temperature 10 a price gap of 1.2 is 1.2 / 50 / 10 = 0.0024 of utility: the larger Gumbel draw wins, here the dearer SME', () => {
    const { world, dear, cheap, g } = noisyPair(10);
    const utility = [-13.2 / 50 / 10 + g[0], -12 / 50 / 10 + g[1]];
    expect(utility[0]).toBeGreaterThan(utility[1]); // the draw favours SME 0 by more than 0.0024
    renewContracts(world);
    expect(signedBy(world, P2, [dear, cheap])).toEqual([dear]);
  });

  it('at temperature 0.001 the same gap is 24 units of utility: the cheaper SME wins whatever the draws', () => {
    const { world, dear, cheap, g } = noisyPair(0.001);
    expect(Math.abs(g[0] - g[1])).toBeLessThan(24);
    expect(g[0]).toBeGreaterThan(g[1]); // the noise alone would pick the dearer one
    renewContracts(world);
    expect(signedBy(world, P2, [dear, cheap])).toEqual([cheap]);
  });
});

describe('§7.6 recruiting order and what is left of the need', () => {
  it('short plants recruit in the order of their draws on firm.contractOrder (lowest first), not by id: in week 6 plant 2 before plant 0', () => {
    const world = choiceWorld();
    world.tick = 6;
    const priority = world.draws.for('firm.contractOrder');
    expect(priority.uniform(P2, 6)).toBeLessThan(priority.uniform(P0, 6));
    const only = sme(world, NBR, 0); // one SME, offer 10, for two plants each needing 10
    needs(world, P0, 10);
    needs(world, P2, 10);
    renewContracts(world);
    expect(world.smes.buyerPlant[only]).toBe(P2);
    expect(world.plants.smeContractCapacity[P2]).toBe(10);
    expect(world.plants.smeContractCapacity[P0]).toBe(0);
    expect(world.plants.smeCapacityAfterRecruiting[P0]).toBe(0);
  });

  it('a plant holding 10 of a need of 15 recruits one more offer of 10 (remaining 5), not two', () => {
    const world = choiceWorld();
    const held = sme(world, NBR, 0);
    signContract(world, held, P2, 10, 5);
    const a = sme(world, NBR, 0);
    const b = sme(world, NBR, 0);
    needs(world, P2, 15);
    renewContracts(world);
    expect(world.smes.buyerPlant[held]).toBe(P2);
    expect(signedBy(world, P2, [a, b]).length).toBe(1);
    expect(world.plants.smeContractCapacity[P2]).toBe(20);
    expect(world.plants.smeContracts[P2]).toBe(2);
  });

  it('recruiting stops when the remaining need is exactly 0: need 20, offers of 10 → two contracts, the third SME stays free', () => {
    const world = choiceWorld();
    const ids = [sme(world, NBR, 0), sme(world, NBR, 0.5), sme(world, NBR, 1)];
    needs(world, P2, 20);
    renewContracts(world);
    expect(signedBy(world, P2, ids)).toEqual([ids[0], ids[1]]);
    expect(world.plants.smeContractCapacity[P2]).toBe(20);
    expect(world.plants.smeCapacityAfterRecruiting[P2]).toBe(20);
  });
});

describe('§7.6 review edge cases', () => {
  it('a review ends the contract of an SME that has exited', () => {
    const world = choiceWorld();
    const gone = sme(world, NBR, 0);
    signContract(world, gone, P2, 10, 5);
    world.smes.alive[gone] = 0;
    needs(world, P2, 0.5);
    renewContracts(world);
    expect(world.smes.contractCapacity[gone]).toBe(0);
    expect(world.smes.buyerPlant[gone]).toBe(NO_BUYER);
  });

  it('a closed plant keeps no contract and recruits no one, even with a share target left over', () => {
    const world = choiceWorld();
    const held = sme(world, NBR, 0);
    const free = sme(world, NBR, 0);
    needs(world, P3, 20);
    world.plants.active[P3] = 0;
    signContract(world, held, P3, 10, 5);
    renewContracts(world);
    expect(world.smes.buyerPlant[held]).toBe(NO_BUYER); // ended at once: the plant is closed
    expect(world.smes.contractCapacity[held]).toBe(0);
    expect(world.smes.buyerPlant[free]).toBe(NO_BUYER);
    expect(world.plants.smeContracts[P3]).toBe(0);
  });

  it('capability exactly qMin − slack (0.75 − 0.25 = 0.5) keeps the contract', () => {
    const world = choiceWorld({ minCapabilityNearshore: 0.75, contractCapabilitySlack: 0.25 });
    const edge = sme(world, NBR, 0);
    world.smes.capability[edge] = 0.5;
    signContract(world, edge, P2, 10, 5);
    needs(world, P2, 10);
    renewContracts(world);
    expect(world.smes.buyerPlant[edge]).toBe(P2);
    expect(world.smes.contractCapacity[edge]).toBe(10);
  });

  it('an ended contract still delivering its backlog is left alone by the review, even once the SME has exited', () => {
    const world = choiceWorld();
    const owing = sme(world, NBR, 0);
    signContract(world, owing, P2, 0, 0); // ended: no new orders
    world.smes.owedToBuyer[owing] = 3;
    world.smes.alive[owing] = 0;
    renewContracts(world);
    expect(world.smes.buyerPlant[owing]).toBe(P2);
    expect(world.smes.owedToBuyer[owing]).toBe(3);
  });
});

describe('§7.6 the top-up trigger', () => {
  /** Plant 2 needs 20, held 20 after its last recruitment and holds `now`; one free SME. */
  function topUpWorld(now: (share: number) => number) {
    const world = choiceWorld();
    const free = sme(world, NBR, 0);
    needs(world, P2, 20);
    world.plants.smeCapacityAfterRecruiting[P2] = 20;
    world.plants.smeContractCapacity[P2] = now(world.params.contractTopUpShare);
    return { world, free };
  }

  it('short of its need but still holding more than contractTopUpShare (0.85) of 20: no top-up', () => {
    const { world, free } = topUpWorld(() => 18);
    expect(world.params.contractTopUpShare * 20).toBeLessThan(18);
    topUpContracts(world);
    expect(world.smes.buyerPlant[free]).toBe(NO_BUYER);
  });

  it('holding exactly 0.85 × 20 = 17: still no top-up (recruiting starts below the share)', () => {
    const { world, free } = topUpWorld((share) => share * 20);
    topUpContracts(world);
    expect(world.smes.buyerPlant[free]).toBe(NO_BUYER);
  });

  it('below the share and short: recruits at once', () => {
    const { world, free } = topUpWorld(() => 16);
    topUpContracts(world);
    expect(world.smes.buyerPlant[free]).toBe(P2);
    expect(world.plants.smeContractCapacity[P2]).toBe(26);
  });
});

describe('§7.6 pools of a plant outside the home bloc', () => {
  it('NEARSHORE and DUAL draw on the home bloc for every plant; MULTILOCAL on the plant’s own bloc', () => {
    const world = choiceWorld();
    expect([HOM, HUB, NBR].filter((r) => inPool(world, P3, r))).toEqual([HOM, NBR]);
    world.firms.strategy[1] = MULTILOCAL;
    expect([HOM, HUB, NBR].filter((r) => inPool(world, P3, r))).toEqual([HUB]);
  });
});
