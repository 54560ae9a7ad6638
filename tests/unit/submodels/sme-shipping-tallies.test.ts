/**
 * Phase 7 at SMEs (MODEL.md §3 step 7, §7.1, §9.2, §9.5), the cases the first SME-shipping tests
 * leave open, against hand computations, for SMEs other than the first: a shipment across blocs
 * (tariff on the payment, not in-bloc) to a second firm's plant in the hub region; the buyer's
 * exposure (its firm's row, the SME's region and a visible hub's region); the week's tallies start
 * from zero; SMEs with nothing owed, without a buyer or dead; the importer's bill for the imported
 * inputs of local sales; and raw inputs landing in the SME's own pipeline slots.
 */
import { pipelineIndex } from '../../../agents/sme/schema.ts';
import { describe, expect, it } from 'vitest';
import { shipSmeGoods } from '../../../agents/sme/shipping.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, HB2, HOM, HUB, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

const R = 4;
const P2 = 2; // firm 1's home plant, in NBR
const P3 = 3; // firm 1's plant in HUB (bloc B)

function shippingWorld(): World {
  const world = twoFirmsTwoHubs();
  const { smes, regions, importers } = world;
  for (const field of ['owedByHub', 'owedByDomestic', 'owedByRecycled', 'localRevenue', 'rawPipeline'] as const) smes[field].fill(0);
  // NBR's local inputs: 0.45 / 1.5 = 0.3 units a $ of sales, 0.2 of them imported → 0.06 imported units a $.
  regions.localInputPrice[NBR] = 1.5;
  regions.importedInputShare[NBR] = 0.2;
  importers.availability[NBR] = 1;
  importers.cost[NBR] = 2;
  world.tick = 20;
  addSme(world, HOM, { employees: 5, capability: 0.5 }); // SME 0: no buyer, nothing owed
  return world;
}

function sme(world: World, fields: { buyer: number; owed: number; output: number }): number {
  const { smes } = world;
  const id = addSme(world, NBR, { employees: 10, capability: 0.8, digital: 1 });
  smes.buyerPlant[id] = fields.buyer;
  smes.contractCapacity[id] = 50;
  smes.owedToBuyer[id] = fields.owed;
  smes.chainOutput[id] = fields.output;
  smes.price[id] = 30;
  smes.riskPerception[id] = 0.1;
  smes.rawSource[id] = -1;
  smes.rawHubShare[id] = 0;
  return id;
}

describe('§3 step 7 shipments across blocs and the buyer’s exposure', () => {
  it('NBR → plant 3 in HUB: 6 units at 30 = 180, tariff 0.1 × 180 = 18, not in-bloc; firm 1’s row marks NBR and the visible hub’s HUB; last week’s tallies are gone', () => {
    const world = shippingWorld();
    const { smes, scratch, regions, ledger } = world;
    const exposure = world.smeSupplyExposure.byFirmRegion;
    exposure.fill(1);
    for (const tally of ['plantSmeIncoming', 'plantSmePayment', 'plantSmeFreight', 'plantSmeTariff', 'plantSmeOwed', 'plantSmeShipped', 'plantSmeLocal', 'plantSmeBloc', 'plantSmeCo2', 'plantSmeLeadWeighted', 'hubRawRevenue', 'hubRawShipped'] as const)
      scratch[tally].fill(9);
    regions.tariff[HUB] = 0.1;
    const id = sme(world, { buyer: P3, owed: 10, output: 6 });
    smes.rawSource[id] = 0; // HUB's hub, half its inputs: visible at tier 2
    smes.rawHubShare[id] = 0.5;
    smes.hubReliability[id] = 0.5;
    const tariffs = ledger.tariffs;
    shipSmeGoods(world);
    expect(scratch.plantSmePayment[P3]).toBeCloseTo(180, 9);
    expect(scratch.plantSmeTariff[P3]).toBeCloseTo(18, 9);
    expect(ledger.tariffs - tariffs).toBeCloseTo(18, 9);
    expect(scratch.plantSmeShipped[P3]).toBeCloseTo(6, 12);
    expect(scratch.plantSmeOwed[P3]).toBeCloseTo(10, 12);
    expect(scratch.plantSmeBloc[P3]).toBe(0);
    expect(scratch.plantSmeLocal[P3]).toBe(0);
    for (const tally of ['plantSmePayment', 'plantSmeShipped', 'plantSmeOwed', 'plantSmeTariff', 'plantSmeLeadWeighted'] as const) {
      expect(scratch[tally][P2]).toBe(0);
      expect(scratch[tally][0]).toBe(0);
    }
    expect(scratch.hubRawRevenue[0]).toBe(0);
    expect(scratch.hubRawShipped[1]).toBe(0);
    const marked = Array.from(exposure.subarray(0, 2 * R));
    // Firm 0's row (0–3) empty; firm 1's row (4–7): HUB (the hub's region) and NBR (the SME's).
    expect(marked).toEqual([0, 0, 0, 0, 0, 1, 1, 0]);
  });

  it('a visible SME whose hub share is only at the threshold (0.25, not above) marks its own region, not its hub’s', () => {
    const world = shippingWorld();
    const { smes, params } = world;
    const exposure = world.smeSupplyExposure.byFirmRegion;
    params.tier2VisibleMinHubShare = 0.25;
    const id = sme(world, { buyer: P2, owed: 5, output: 5 });
    smes.rawSource[id] = 1; // HB2's hub
    smes.rawHubShare[id] = 0.25;
    smes.hubReliability[id] = 0.25;
    shipSmeGoods(world);
    expect(exposure[1 * R + NBR]).toBe(1);
    expect(exposure[1 * R + HB2]).toBe(0);
  });
});

describe('§3 step 7 SMEs that ship nothing', () => {
  it('nothing owed and nothing made: no shortfall (π 0.1 → 0.1 + 0.05 · (0 − 0.1) = 0.095) and the buyer gets no source region; no buyer: π stays; dead: nothing moves', () => {
    const world = shippingWorld();
    const { smes, scratch } = world;
    const idle = sme(world, { buyer: P2, owed: 0, output: 0 });
    const free = sme(world, { buyer: -1, owed: 0, output: 0 });
    smes.localRevenue[free] = 100;
    const cash = smes.cash[free];
    const dead = sme(world, { buyer: -1, owed: 0, output: 0 });
    smes.owedByDomestic[dead] = 5;
    smes.alive[dead] = 0;
    shipSmeGoods(world);
    expect(smes.riskPerception[idle]).toBeCloseTo(0.095, 6);
    expect(smes.owedToBuyer[idle]).toBe(0);
    expect(scratch.plantSourceRegion[P2 * R + NBR]).toBe(0);
    expect(scratch.plantSmeOwed[P2]).toBe(0);
    expect(smes.riskPerception[free]).toBeCloseTo(0.1, 6);
    // Its local sales of 100 $ used 100 × 0.06 = 6 imported units, at the importer's landed cost 2: 12 $.
    expect(smes.spend[free]).toBeCloseTo(12, 9);
    expect(cash - smes.cash[free]).toBeCloseTo(12, 4);
    expect(smes.revenue[free]).toBeCloseTo(100, 9);
    expect(smes.owedByDomestic[dead]).toBe(5);
    expect(smes.spend[dead]).toBe(0);
    for (let s = 0; s < smes.pipelineWeeks; s++) expect(smes.rawPipeline[pipelineIndex(smes, dead, s)]).toBe(0);
  });
});

describe('§3 step 7 raw inputs land in the SME’s own pipeline slots', () => {
  it('week 20: hub 0 fill 0.6 of 10 → 6 at (20 + 3) mod 8 = 7; domestic 0.8 of 5 → 4 at (20 + 2 handling weeks) mod 8 = 6; recycled 0.8 of 2 → 1.6 at (20 + 1) mod 8 = 5', () => {
    const world = shippingWorld();
    const { smes, hubs, regions, geo, params } = world;
    params.handlingWeeks = 2;
    hubs.rawFill[0] = 0.6;
    regions.rawCapacityFactor[NBR] = 0.8;
    expect(geo.leadTimeWeeks[HUB * R + NBR]).toBe(3);
    const id = sme(world, { buyer: -1, owed: 0, output: 0 });
    smes.rawSource[id] = 0;
    smes.hubReliability[id] = 1;
    smes.owedByHub[id] = 10;
    smes.owedByDomestic[id] = 5;
    smes.owedByRecycled[id] = 2;
    // A hub buyer owed nothing learns nothing about the hub's fill; a domestic buyer has no hub record to move.
    const waiting = sme(world, { buyer: -1, owed: 0, output: 0 });
    smes.rawSource[waiting] = 0;
    smes.hubReliability[waiting] = 0.7;
    const domestic = sme(world, { buyer: -1, owed: 0, output: 0 });
    smes.hubReliability[domestic] = 0.7;
    shipSmeGoods(world);
    const cap = smes.capacity;
    const slots = Array.from({ length: smes.pipelineWeeks }, (_, s) => smes.rawPipeline[pipelineIndex(smes, id, s)]);
    expect(slots[7]).toBeCloseTo(6, 5);
    expect(slots[6]).toBeCloseTo(4, 5);
    expect(slots[5]).toBeCloseTo(1.6, 5);
    expect(slots.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    for (let s = 0; s < smes.pipelineWeeks; s++) expect(smes.rawPipeline[pipelineIndex(smes, 0, s)]).toBe(0);
    expect(smes.owedByHub[id]).toBeCloseTo(4, 5);
    expect(smes.hubReliability[id]).toBeCloseTo(1 + 0.2 * (0.6 - 1), 6); // 0.92
    expect(smes.hubReliability[waiting]).toBeCloseTo(0.7, 6);
    expect(smes.rawHubShare[waiting]).toBeCloseTo(0.7, 6);
    expect(smes.hubReliability[domestic]).toBeCloseTo(0.7, 6);
    expect(smes.rawHubShare[domestic]).toBe(0);
  });
});
