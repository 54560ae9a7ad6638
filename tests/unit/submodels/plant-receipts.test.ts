/**
 * Phase 7 at the plants (MODEL.md §3 step 7, §7.3): what a plant records when it pulls from hubs
 * and when it takes in its SMEs' shipments — units in transit, spending, local, in-bloc and total
 * receipts, transport CO₂, the source regions it used, its reliability records and the regions it
 * is exposed to — each against a hand computation.
 */
import { describe, expect, it } from 'vitest';
import { pullFromHubs, receiveFromSmes } from '../../../agents/firm/shipping.ts';
import { currentFreight, currentLeadTime } from '../../../src/model/geography.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, threeRegions, tinyWorld, twoFirmsTwoHubs } from './tiny-world.ts';

const R = 3;

/**
 * Two firms, homed in HOM (bloc A) and HUB (bloc B); the one hub supplier sits in HUB. Firm 0's
 * home plant (0) owes it 100 units, firm 1's home plant (3, in HUB itself) 50; the hub ships 60%.
 */
function receiptsWorld(): World {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
  const { hubs, plantHub, plants, regions } = world;
  expect(hubs.count).toBe(1);
  expect(Array.from(plants.region)).toEqual([HOM, HUB, HOM, HUB]);
  expect(Array.from(plants.active)).toEqual([1, 0, 0, 1]);
  hubs.price[0] = 40;
  hubs.componentFill[0] = 0.6;
  regions.tariff[HOM] = 0.1;
  plantHub.owed.fill(0);
  plantHub.owed[0] = 100;
  plantHub.owed[3] = 50;
  plantHub.reliability.fill(0.9);
  plants.hubReliability.fill(0.8);
  plants.pipeline.fill(0);
  world.tick = 5;
  return world;
}

describe('§3 step 7 a plant pulls its fill of what the hub owes it', () => {
  it('units in transit, what is still owed, spending, freight and tariffs, transport CO₂ and the source region', () => {
    const world = receiptsWorld();
    const { plants, plantHub, geo, regions, params, ledger, scratch } = world;
    const P = plants.count;
    const freight0 = ledger.freight;
    const tariffs0 = ledger.tariffs;
    pullFromHubs(world);
    const lead = currentLeadTime(geo, regions, HUB, HOM);
    expect(plants.pipeline[((5 + lead) % geo.pipelineWeeks) * P + 0]).toBeCloseTo(60, 12);
    expect(plantHub.owed[0]).toBeCloseTo(40, 12);
    expect(plantHub.owed[3]).toBeCloseTo(20, 12);
    const freightHom = currentFreight(geo, regions, HUB, HOM);
    const freightHub = currentFreight(geo, regions, HUB, HUB);
    expect(plants.inputSpend[0]).toBeCloseTo(60 * (40 + freightHom) + 0.1 * 40 * 60, 9);
    expect(plants.inputSpend[3]).toBeCloseTo(30 * (40 + freightHub), 9); // same bloc: no tariff
    expect(ledger.freight - freight0).toBeCloseTo(60 * freightHom + 30 * freightHub, 9);
    expect(ledger.tariffs - tariffs0).toBeCloseTo(0.1 * 40 * 60, 9);
    expect(plants.receivedTotal[0]).toBeCloseTo(60, 12);
    expect(plants.receivedTotal[3]).toBeCloseTo(30, 12);
    // Plant 0 is in another bloc than the hub; plant 3 in its very region.
    expect(plants.receivedLocal[0]).toBe(0);
    expect(plants.receivedBloc[0]).toBe(0);
    expect(plants.receivedLocal[3]).toBeCloseTo(30, 12);
    expect(plants.receivedBloc[3]).toBeCloseTo(30, 12);
    expect(plants.co2[0]).toBeCloseTo(60 * geo.distanceKm[HUB * R + HOM] * params.co2PerUnitKm, 9);
    expect(plants.co2[0]).toBeGreaterThan(0);
    expect(Array.from(scratch.plantSourceRegion.subarray(0, R))).toEqual([0, 1, 0]);
    expect(Array.from(scratch.plantSourceRegion.subarray(3 * R, 4 * R))).toEqual([0, 1, 0]);
  });

  it('reliability records move toward the fill at reorderShiftRate, only where something was owed', () => {
    const world = receiptsWorld();
    const { plants, plantHub, params } = world;
    const rate = params.reorderShiftRate;
    pullFromHubs(world);
    expect(plantHub.reliability[0]).toBeCloseTo(0.9 + rate * (0.6 - 0.9), 12);
    expect(plantHub.reliability[1]).toBe(0.9); // plant 1 owed nothing
    expect(plants.hubReliability[0]).toBeCloseTo(0.8 + rate * (0.6 - 0.8), 12);
    expect(plants.hubReliability[1]).toBe(0.8);
    // A closed border: nothing ships, and the records move toward 0.
    world.regions.borderOpen[HOM] = 0;
    const owed = plantHub.owed[0];
    const before = plants.hubReliability[0];
    pullFromHubs(world);
    expect(plantHub.owed[0]).toBe(owed);
    expect(plants.receivedTotal[0]).toBe(0);
    expect(plants.hubReliability[0]).toBeCloseTo(before + rate * (0 - before), 12);
  });

  it('exposure: an active plant’s own region, and its hubs’ regions where the hub part outweighs hubExposureMinWeight', () => {
    const world = receiptsWorld();
    const { firms, plants } = world;
    pullFromHubs(world);
    expect(Array.from(firms.exposure.subarray(0, R))).toEqual([1, 1, 0]);
    // All components from SMEs: the hub no longer counts, and firm 0's inactive bloc-B plant (in
    // HUB) adds nothing either.
    plants.smeShareTarget[0] = 1;
    pullFromHubs(world);
    expect(Array.from(firms.exposure.subarray(0, R))).toEqual([1, 0, 0]);
    expect(Array.from(firms.exposure.subarray(R, 2 * R))).toEqual([0, 1, 0]);
  });
});

describe('§3 step 7 exposure of a second firm', () => {
  it('firm 1’s plant in NBR marks NBR, and the hub region it leans on (HB2), in firm 1’s row only', () => {
    const world = twoFirmsTwoHubs();
    const { firms, plantHub } = world;
    const R4 = 4;
    plantHub.weight.fill(0);
    plantHub.weight[2 * 2 + 1] = 1; // plant 2 buys from HB2's hub
    plantHub.weight[0 * 2 + 0] = 1; // plant 0 from HUB's
    pullFromHubs(world);
    expect(Array.from(firms.exposure.subarray(R4, 2 * R4))).toEqual([0, 0, 1, 1]); // NBR and HB2
    expect(Array.from(firms.exposure.subarray(0, R4))).toEqual([1, 1, 0, 0]);
  });
});

describe('§3 step 7 a plant takes in what its SMEs shipped', () => {
  it('adds the SMEs’ shipments to its pipeline, pays for them, and updates its receipts, reliability, lead time and bloc content', () => {
    const world = receiptsWorld();
    const { plants, firms, scratch, params, geo } = world;
    const P = plants.count;
    for (const field of ['receivedTotal', 'receivedLocal', 'receivedBloc', 'co2', 'inputSpend'] as const) plants[field].fill(0);
    plants.pipeline[2 * P + 0] = 5;
    scratch.plantSmeIncoming.fill(0);
    scratch.plantSmeIncoming[2 * P + 0] = 10;
    scratch.plantSmeIncoming[(geo.pipelineWeeks - 1) * P + 0] = 3;
    scratch.plantSmePayment[0] = 100;
    scratch.plantSmeFreight[0] = 5;
    scratch.plantSmeTariff[0] = 2;
    scratch.plantSmeShipped[0] = 13;
    scratch.plantSmeLocal[0] = 4;
    scratch.plantSmeBloc[0] = 8;
    scratch.plantSmeCo2[0] = 3;
    scratch.plantSmeOwed[0] = 20;
    scratch.plantSmeLeadWeighted[0] = 150;
    plants.smeContractCapacity[0] = 50;
    plants.smeReliability[0] = 0.7;
    plants.blocContent[0] = 0.5;
    plants.smeLeadTime[3] = 9;
    const cash = firms.cash[0];
    receiveFromSmes(world);
    expect(plants.pipeline[2 * P + 0]).toBe(15);
    expect(plants.pipeline[(geo.pipelineWeeks - 1) * P + 0]).toBe(3);
    expect(cash - firms.cash[0]).toBeCloseTo(107, 12);
    expect(plants.inputSpend[0]).toBeCloseTo(107, 12);
    expect(plants.receivedTotal[0]).toBe(13);
    expect(plants.receivedLocal[0]).toBe(4);
    expect(plants.receivedBloc[0]).toBe(8);
    expect(plants.co2[0]).toBe(3);
    expect(plants.smeReliability[0]).toBeCloseTo(0.7 + params.reorderShiftRate * (13 / 20 - 0.7), 12);
    expect(plants.owedBySmes[0]).toBe(7);
    expect(plants.smeLeadTime[0]).toBeCloseTo(3, 12);
    expect(plants.blocContent[0]).toBeCloseTo(0.5 + params.blocContentMemoryRate * (8 / 13 - 0.5), 12);
    // A plant without SME contracts keeps its lead time; one that received nothing its bloc content.
    expect(plants.smeLeadTime[3]).toBe(9);
    expect(plants.blocContent[1]).toBe(0);
  });
});
