/**
 * The SME census (agents/sme/aggregate.ts), raw-input arrivals (agents/sme/arrivals.ts), exits
 * and entrants' traits (agents/sme/demography.ts) and starting capability
 * (agents/sme/initialize.ts), on tiny worlds with hand-set SMEs and hand-computed values.
 */
import { describe, expect, it } from 'vitest';
import { aggregateSmes } from '../../../agents/sme/aggregate.ts';
import { receiveRawInputs } from '../../../agents/sme/arrivals.ts';
import { entrantCapability, exitingSmes, smeExitsAndEntries } from '../../../agents/sme/demography.ts';
import { initialCapability } from '../../../agents/sme/initialize.ts';
import { NO_BUYER, pipelineIndex } from '../../../agents/sme/schema.ts';
import { KeyedDraws } from '../../../src/sim/rng/keyed.ts';
import { HOM, HUB, NBR, addSme, tinyWorld } from './tiny-world.ts';

const SEED = 7;

describe('aggregateSmes: regional census of living SMEs', () => {
  it('counts, adds employees, adoption and capability, and chain membership by region; dead SMEs left out', () => {
    const world = tinyWorld();
    const a = addSme(world, HOM, { employees: 4, capability: 0.25, digital: 1 });
    const b = addSme(world, NBR, { employees: 10, capability: 0.5, digital: 0 });
    const c = addSme(world, NBR, { employees: 6, capability: 0.75, digital: 1 });
    const dead = addSme(world, NBR, { employees: 100, capability: 0.5, digital: 1 });
    world.smes.buyerPlant[a] = NO_BUYER;
    world.smes.buyerPlant[b] = 0;
    world.smes.buyerPlant[c] = 1;
    world.smes.buyerPlant[dead] = 0;
    world.smes.alive[dead] = 0;
    const r = world.regions;
    // Stale values from an earlier week are overwritten.
    for (const a of [world.smeRegions.smeCount, world.smeRegions.smeAdopted, world.smeRegions.smeEmployment, world.smeRegions.smeInChain, world.smeRegions.smeCapabilitySum]) a.fill(99);
    aggregateSmes(world);
    expect(Array.from(world.smeRegions.smeCount)).toEqual([1, 0, 2]);
    expect(Array.from(world.smeRegions.smeAdopted)).toEqual([1, 0, 1]);
    expect(Array.from(world.smeRegions.smeEmployment)).toEqual([4, 0, 16]); // NBR: 10 + 6
    expect(Array.from(world.smeRegions.smeInChain)).toEqual([0, 0, 2]);
    expect(world.smeRegions.smeCapabilitySum[HOM]).toBeCloseTo(0.25, 6);
    expect(world.smeRegions.smeCapabilitySum[HUB]).toBe(0);
    expect(world.smeRegions.smeCapabilitySum[NBR]).toBeCloseTo(1.25, 6); // 0.5 + 0.75
  });
});

describe('receiveRawInputs: this week\'s pipeline slot lands in raw stock', () => {
  it('moves slot (tick mod pipelineWeeks) of each SME into its stock and empties it, other slots untouched', () => {
    const world = tinyWorld();
    const a = addSme(world, HOM, { employees: 4, capability: 0.5 });
    const b = addSme(world, NBR, { employees: 4, capability: 0.5 });
    const s = world.smes;
    const W = s.pipelineWeeks;
    const cap = s.capacity;
    expect(W).toBeGreaterThan(1);
    s.rawStock[a] = 1;
    s.rawStock[b] = 2;
    // Slot w of SME i holds 10·(w + 1) + i.
    for (let w = 0; w < W; w++) for (const i of [a, b]) s.rawPipeline[pipelineIndex(s, i, w)] = 10 * (w + 1) + i;
    world.tick = W + 1; // slot 1
    receiveRawInputs(world);
    expect(s.rawStock[a]).toBe(1 + 20 + a);
    expect(s.rawStock[b]).toBe(2 + 20 + b);
    for (const i of [a, b]) {
      expect(s.rawPipeline[pipelineIndex(s, i, 1)]).toBe(0);
      expect(s.rawPipeline[pipelineIndex(s, i, 0)]).toBe(10 + i);
      if (W > 2) expect(s.rawPipeline[pipelineIndex(s, i, 2)]).toBe(30 + i);
    }
    // Next week: slot 2 (or 0 if W = 2).
    world.tick = W + 2;
    receiveRawInputs(world);
    const next = (W + 2) % W;
    expect(s.rawStock[a]).toBe(1 + 20 + a + 10 * (next + 1) + a);
  });
});

describe('SME exits write off cash, raw stock and the pipeline, end the contract and free the slot', () => {
  it('removes exactly the listed SMEs and counts exits by region', () => {
    const world = tinyWorld(undefined, { smeEntryRate: 0 });
    const a = addSme(world, HOM, { employees: 4, capability: 0.5, cash: -30 });
    const b = addSme(world, NBR, { employees: 4, capability: 0.5, cash: -5 });
    const stay = addSme(world, NBR, { employees: 4, capability: 0.5, cash: 7 });
    const s = world.smes;
    const W = s.pipelineWeeks;
    const cap = s.capacity;
    for (const i of [a, b, stay]) {
      s.rawStock[i] = 3;
      for (let w = 0; w < W; w++) s.rawPipeline[pipelineIndex(s, i, w)] = w + 1; // 1 + 2 + … + W
      s.buyerPlant[i] = 0;
      s.contractCapacity[i] = 9;
      s.owedToBuyer[i] = 1;
      s.owedByHub[i] = 2;
      s.owedByDomestic[i] = 3;
      s.owedByRecycled[i] = 4;
    }
    world.smeRegions.smeExits.fill(5); // last week's count is replaced
    const writeOffs = world.ledger.exitWriteOffs;
    const rawWrittenOff = world.ledger.rawWrittenOff;
    smeExitsAndEntries(world, [a, b]);
    expect(Array.from(world.smeRegions.smeExits)).toEqual([1, 0, 1]);
    expect(world.ledger.exitWriteOffs - writeOffs).toBeCloseTo(-35, 10); // −30 − 5
    // Each: stock 3 + pipeline W(W + 1)/2.
    expect(world.ledger.rawWrittenOff - rawWrittenOff).toBeCloseTo(2 * (3 + (W * (W + 1)) / 2), 10);
    for (const i of [a, b]) {
      expect(s.alive[i]).toBe(0);
      expect([s.cash[i], s.rawStock[i], s.contractCapacity[i], s.owedToBuyer[i], s.owedByHub[i], s.owedByDomestic[i], s.owedByRecycled[i]]).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(s.buyerPlant[i]).toBe(NO_BUYER);
      for (let w = 0; w < W; w++) expect(s.rawPipeline[pipelineIndex(s, i, w)]).toBe(0);
    }
    expect(s.alive[stay]).toBe(1);
    expect(s.cash[stay]).toBe(7);
    expect(s.rawStock[stay]).toBe(3);
    expect(s.rawPipeline[pipelineIndex(s, stay, (W - 1))]).toBe(W);
    expect(s.buyerPlant[stay]).toBe(0);
    expect(s.freeSlots.toArray().sort()).toEqual([a, b].sort());
  });

  it('exitingSmes lists living SMEs with smeExitWeeks or more weeks of negative cash', () => {
    const world = tinyWorld(undefined, { smeExitWeeks: 3 });
    const ids = [2, 3, 4, 9].map((weeks) => {
      const id = addSme(world, HOM, { employees: 1, capability: 0.5 });
      world.smes.negativeCashWeeks[id] = weeks;
      return id;
    });
    world.smes.alive[ids[3]] = 0; // dead: not listed again
    expect(exitingSmes(world)).toEqual([ids[1], ids[2]]); // 3 and 4 weeks; not 2
  });
});

describe('capability of new SMEs', () => {
  const params = { initialCapability: 0.4, capabilityLiteracyWeight: 0.5, capabilityDispersion: 0.1, entrantCapabilityShare: 0.8 };

  it('initialCapability: κ0 · (1 − w + w · literacy) + dispersion · z, within [0.05, 0.95]', () => {
    const world = tinyWorld(undefined, params);
    world.communityRegions.literacy[NBR] = 0.6;
    // 0.4 · (1 − 0.5 + 0.5 · 0.6) = 0.4 · 0.8 = 0.32; + 0.1 · 1.5 = 0.47.
    expect(initialCapability(world, NBR, 1.5)).toBeCloseTo(0.47, 12);
    expect(initialCapability(world, NBR, -1)).toBeCloseTo(0.22, 12); // 0.32 − 0.1
    expect(initialCapability(world, NBR, 10)).toBe(0.95); // 1.32 capped
    expect(initialCapability(world, NBR, -10)).toBe(0.05); // −0.68 floored
  });

  it('entrantCapability: share × the region\'s mean + dispersion · z, or the starting level where it has no SMEs', () => {
    const world = tinyWorld(undefined, params);
    const r = world.regions;
    world.smeRegions.smeCount[HOM] = 4;
    world.smeRegions.smeCapabilitySum[HOM] = 2; // mean 0.5
    // 0.8 · 0.5 + 0.1 · 0.5 = 0.45.
    expect(entrantCapability(world, HOM, 0.5)).toBeCloseTo(0.45, 12);
    expect(entrantCapability(world, HOM, 6)).toBe(0.95); // 1.0 capped
    expect(entrantCapability(world, HOM, -4)).toBe(0.05); // 0.0 floored
    world.smeRegions.smeCount[NBR] = 0;
    world.smeRegions.smeCapabilitySum[NBR] = 0;
    world.communityRegions.literacy[NBR] = 0.6;
    expect(entrantCapability(world, NBR, 1.5)).toBeCloseTo(0.47, 12); // initialCapability above
  });
});

describe('entry with no local demand trend', () => {
  it('a region whose local demand and trend are both 0 has growth 0, not 0/0: entry at the base mean', () => {
    const world = tinyWorld(undefined, { smeEntryRate: 0.1, entrantMinCapabilityShare: 0 });
    const r = world.regions;
    r.smeSlots.fill(0);
    r.smeSlots[NBR] = 5200;
    world.communityRegions.literacy[NBR] = 0.5;
    world.smeRegions.localDemand[NBR] = 0;
    world.smeRegions.localDemandTrend[NBR] = 0; // trend stays 0 + (0 − 0) / 52 = 0
    world.tick = 4;
    smeExitsAndEntries(world, []);
    // Mean (0.1 / 52) · 5200 · (1 + 0.5) · (1 + 0) = 15.
    const expected = new KeyedDraws(SEED, 'sme.entry').poisson(NBR, 4, 15);
    expect(expected).toBeGreaterThan(0);
    expect(world.smeRegions.smeEntries[NBR]).toBe(expected);
    expect(world.smeRegions.localDemandTrend[NBR]).toBe(0);
  });
});

describe('an entrant\'s traits (createEntrant)', () => {
  it('is born this tick in its region, adopts iff its draw < initialAdoptionFactor · a · l, and joins the census', () => {
    const params = { smeEntryRate: 0.1, entrantMinCapabilityShare: 0, initialAdoptionFactor: 0.5, riskPerceptionInitial: 0.3, hubHazardPerYear: 0.26, smeCashWeeks: 2 };
    const world = tinyWorld(undefined, params);
    const r = world.regions;
    r.smeSlots.fill(0);
    r.smeSlots[NBR] = 5200; // mean (0.1 / 52) · 5200 · (1 + l) = 10 · (1 + 0.5) = 15 a week
    world.communityRegions.literacy[NBR] = 0.5;
    world.communityRegions.access[NBR] = 0.8;
    world.smeRegions.smeCount.fill(0);
    world.smeRegions.smeAdopted.fill(0);
    world.smeRegions.smeEmployment.fill(0);
    world.smeRegions.smeCapabilitySum.fill(0);
    world.smeRegions.localDemand[NBR] = 100;
    world.smeRegions.localDemandTrend[NBR] = 100;
    r.wage[NBR] = 100;
    world.tick = 12;
    const entryCapital = world.ledger.entryCapital;
    const inputPurchases = world.ledger.domesticRawPurchases;
    smeExitsAndEntries(world, []);
    const n = world.smes.count;
    expect(n).toBe(new KeyedDraws(SEED, 'sme.entry').poisson(NBR, 12, 15));
    expect(n).toBeGreaterThan(3);
    const draws = new KeyedDraws(SEED, 'sme.entrant');
    const s = world.smes;
    let adopted = 0;
    let employees = 0;
    let capability = 0;
    let cash = 0;
    for (let k = 0; k < n; k++) {
      expect(s.alive[k]).toBe(1);
      expect(s.region[k]).toBe(NBR);
      expect(s.bornAtTick[k]).toBe(12);
      // usage 0.8 · 0.5 = 0.4; adoption probability 0.5 · 0.4 = 0.2.
      const digital = draws.uniform((NBR << 16) | k, 12, 1) < 0.2 ? 1 : 0;
      expect(s.digital[k], `entrant ${k}`).toBe(digital);
      expect(s.riskPerception[k]).toBeCloseTo(0.3, 6);
      expect(s.observedHazard[k]).toBeCloseTo(0.005, 6); // 0.26 / 52
      expect(s.rawCost[k]).toBeCloseTo(world.params.domesticRawPremium * world.economy.referenceRawPrice, 4);
      expect(s.buyerPlant[k]).toBe(NO_BUYER);
      expect(s.cash[k]).toBeCloseTo(2 * s.employees[k] * 100, 6); // smeCashWeeks · employees · wage
      adopted += digital;
      employees += s.employees[k];
      capability += s.capability[k];
      cash += s.cash[k];
    }
    expect(world.smeRegions.smeEntries[NBR]).toBe(n);
    expect(world.smeRegions.smeEntries[HOM] + world.smeRegions.smeEntries[HUB]).toBe(0);
    expect(world.smeRegions.smeCount[NBR]).toBe(n);
    expect(world.smeRegions.smeAdopted[NBR]).toBe(adopted);
    expect(world.smeRegions.smeEmployment[NBR]).toBe(employees);
    expect(world.smeRegions.smeCapabilitySum[NBR]).toBeCloseTo(capability, 5);
    // Entry capital: the entrants' cash plus the starting inputs stocked for them (bought from the domestic source).
    expect(world.ledger.entryCapital - entryCapital).toBeCloseTo(cash + world.ledger.domesticRawPurchases - inputPurchases, 4);
    expect(world.smeRegions.smeCount[HOM] + world.smeRegions.smeCount[HUB]).toBe(0);
  });
});
