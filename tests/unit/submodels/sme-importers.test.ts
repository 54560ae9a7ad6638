/**
 * The regional importers of SMEs' local-market inputs (MODEL.md §9.2, agents/sme/importers.ts)
 * against hand-computed values: arrivals into stock, SMEs taking and paying for imported inputs,
 * the importer's supply line and hub spread when it orders, its backlog at the hubs, and the hubs'
 * shipments to it (fill, record of deliveries, landed cost, availability).
 */
import { describe, expect, it } from 'vitest';
import {
  addImporterBacklogs,
  currentHubWeights,
  orderImportedInputs,
  payImporter,
  receiveImportedInputs,
  servableDemand,
  shipImportedInputs,
  takeImportedInputs,
} from '../../../agents/sme/importers.ts';
import { currentFreight, currentLeadTime, tariffRate } from '../../../src/model/geography.ts';
import { HOM, HUB, NBR, addSme, threeRegions, tinyWorld } from './tiny-world.ts';

const R = 3;

describe('§9.2 importers: arrivals, SMEs taking and paying for imported inputs', () => {
  it('this week’s pipeline slot lands in stock and is emptied; other weeks’ slots and regions stay', () => {
    const world = tinyWorld(threeRegions());
    const { regions, geo } = world;
    world.tick = 9;
    const slot = (9 % geo.pipelineWeeks) * R;
    const nextSlot = (10 % geo.pipelineWeeks) * R;
    world.importers.pipeline.fill(0);
    world.importers.stock.fill(0);
    world.importers.pipeline[slot + NBR] = 40;
    world.importers.pipeline[nextSlot + NBR] = 7;
    world.importers.stock[HOM] = 3;
    receiveImportedInputs(world);
    expect(world.importers.stock[NBR]).toBe(40);
    expect(world.importers.pipeline[slot + NBR]).toBe(0);
    expect(world.importers.pipeline[nextSlot + NBR]).toBe(7);
    expect(world.importers.stock[HOM]).toBe(3);
  });

  it('an SME takes what the stock holds, at most: 4 of 10, then 6 of a wanted 20; the ledger counts the inputs used', () => {
    const world = tinyWorld(threeRegions());
    const { regions, ledger } = world;
    const id = addSme(world, HOM, { employees: 5, capability: 0.5 });
    world.importers.stock[HOM] = 10;
    ledger.localInputsUsed = 0;
    takeImportedInputs(world, id, 4);
    expect(world.importers.stock[HOM]).toBe(6);
    takeImportedInputs(world, id, 20);
    expect(world.importers.stock[HOM]).toBe(0);
    expect(ledger.localInputsUsed).toBe(10);
  });

  it('an SME pays the importer’s landed cost for the units it used: 10 units at $2.5 = $25 from its cash into the importer’s', () => {
    const world = tinyWorld(threeRegions());
    const { regions, smes } = world;
    const id = addSme(world, HOM, { employees: 5, capability: 0.5, cash: 100 });
    world.importers.cost[HOM] = 2.5;
    world.importers.cash[HOM] = 0;
    smes.spend[id] = 1;
    payImporter(world, id, 10);
    expect(world.importers.cash[HOM]).toBe(25);
    expect(smes.cash[id]).toBe(75);
    expect(smes.spend[id]).toBe(26);
    payImporter(world, id, 0);
    expect(smes.cash[id]).toBe(75);
  });

  it('with no imported inputs a $ of sales needs none, so all demand is servable even with an empty stock (not 0 / 0)', () => {
    const world = tinyWorld(threeRegions());
    world.regions.localSmeDemand[HOM] = 800;
    world.importers.stock[HOM] = 0;
    expect(servableDemand(world, HOM, 0)).toBe(800);
    expect(servableDemand(world, HOM, 0.5)).toBe(0);
  });
});

/** Two hub suppliers in HUB; NBR's importer holds shares 0.75 / 0.25 and records 1 / 0.5 (HOM's: 0.6 / 0.4, records 1). */
function twoHubWorld() {
  const world = tinyWorld(threeRegions({ hubSuppliersPerHub: 2 }));
  const { regions } = world;
  world.importers.hubShare.set([0.6, 0.4], HOM * 2);
  world.importers.reliability.set([1, 1], HOM * 2);
  world.importers.hubShare.set([0.75, 0.25], NBR * 2);
  world.importers.reliability.set([1, 0.5], NBR * 2);
  return world;
}

describe('§9.2 importers order from their hubs', () => {
  it('hub weights: share × record over the open hubs, renormalised: 0.75 and 0.125 → 6/7 and 1/7; none when the hub region is closed', () => {
    const world = twoHubWorld();
    const weights = new Float64Array(2);
    expect(currentHubWeights(world, NBR, weights)).toBe(true);
    expect(weights[0]).toBeCloseTo(6 / 7, 12);
    expect(weights[1]).toBeCloseTo(1 / 7, 12);
    world.regions.borderOpen[HUB] = 0;
    expect(currentHubWeights(world, NBR, weights)).toBe(false);
    expect([...weights]).toEqual([0, 0]);
  });

  it('the supply line is the pipeline plus what the hubs owe (10 + 5 + 20 + 8 = 43), and the order is split 6/7, 1/7', () => {
    const world = twoHubWorld();
    const { regions, hubs, scratch, geo, params } = world;
    world.importers.forecast[NBR] = 100;
    world.importers.stock[NBR] = 150;
    world.importers.pipeline.fill(0);
    world.importers.pipeline[0 * R + NBR] = 10;
    world.importers.pipeline[3 * R + NBR] = 5;
    world.importers.pipeline[3 * R + HOM] = 1000; // another region's inputs in transit
    world.importers.owed.fill(0);
    world.importers.owed[NBR * 2] = 20;
    world.importers.owed[NBR * 2 + 1] = 8;
    world.importers.owed[HOM * 2 + 1] = 500; // another region's backlog
    scratch.regionImportNeed.fill(0);
    scratch.regionImportNeed[NBR] = 100;
    regions.importedInputShare[HOM] = 0;
    world.importers.forecast[HOM] = 55;
    scratch.regionImportNeed[HOM] = 1;
    orderImportedInputs(world);
    const lead = currentLeadTime(geo, regions, hubs.region[0], NBR);
    const { inventoryCoverWeeks: cover, stockAdjustment: a, supplyLineWeight: b } = params;
    const order = 100 + a * (cover * 100 - 150 + b * ((lead - 1) * 100 - 43));
    expect(order).toBeGreaterThan(0);
    expect(world.importers.owed[NBR * 2]).toBeCloseTo(20 + (order * 6) / 7, 8);
    expect(world.importers.owed[NBR * 2 + 1]).toBeCloseTo(8 + order / 7, 8);
    expect(world.importers.forecast[HOM]).toBe(55); // no imported inputs: no importer at work
    expect(world.importers.owed[HOM * 2 + 1]).toBe(500);
  });

  it('a closed hub region takes no order, though the forecast still follows the need', () => {
    const world = twoHubWorld();
    const { regions, scratch, params } = world;
    regions.borderOpen[HUB] = 0;
    world.importers.owed.fill(0);
    world.importers.forecast[NBR] = 80;
    scratch.regionImportNeed.fill(0);
    scratch.regionImportNeed[NBR] = 100;
    orderImportedInputs(world);
    expect(world.importers.forecast[NBR]).toBeCloseTo(80 + params.forecastSmoothing * 20, 12);
    expect([...world.importers.owed]).toEqual(new Array(world.importers.owed.length).fill(0));
  });

  it('what hubs owe importers joins their raw backlog; only what they can ship to open regions is deliverable', () => {
    const world = twoHubWorld();
    const { regions, scratch } = world;
    world.importers.owed.fill(0);
    world.importers.owed[HOM * 2] = 30;
    world.importers.owed[NBR * 2 + 1] = 20;
    world.importers.owed[NBR * 2] = 4;
    scratch.hubRawOwed.fill(0);
    scratch.hubRawDeliverable.fill(0);
    addImporterBacklogs(world);
    expect([...scratch.hubRawOwed]).toEqual([34, 20]);
    expect([...scratch.hubRawDeliverable]).toEqual([34, 20]);
    scratch.hubRawOwed.fill(0);
    scratch.hubRawDeliverable.fill(0);
    regions.borderOpen[NBR] = 0;
    addImporterBacklogs(world);
    expect([...scratch.hubRawOwed]).toEqual([34, 20]);
    expect([...scratch.hubRawDeliverable]).toEqual([30, 0]);
  });
});

describe('§9.2 hubs ship to importers', () => {
  /** NBR's importer is owed 100 by hub 0 (fill 0.6, $8) and 10 by hub 1 (fill 0.3, $6); lead times × 1.5 (HUB's logistics). */
  function shippingWorld() {
    const world = twoHubWorld();
    const { regions, hubs, scratch, ledger } = world;
    world.tick = 5;
    regions.leadTimeMultiplier[HUB] = 1.5;
    world.importers.owed.fill(0);
    world.importers.pipeline.fill(0);
    world.importers.owed[NBR * 2] = 100;
    world.importers.owed[NBR * 2 + 1] = 10;
    world.importers.owed[HOM * 2 + 1] = 50;
    world.importers.reliability.set([1, 0.9], NBR * 2);
    world.importers.availability[NBR] = 0.9;
    world.importers.cost[NBR] = 10;
    world.importers.cash[NBR] = 0;
    regions.tariff[NBR] = 0.1;
    regions.importedInputShare[HOM] = 0;
    hubs.rawFill[0] = 0.6;
    hubs.rawFill[1] = 0.3;
    hubs.rawPrice[0] = 8;
    hubs.rawPrice[1] = 6;
    scratch.hubRawRevenue.fill(0);
    scratch.hubRawShipped.fill(0);
    ledger.freight = 0;
    ledger.tariffs = 0;
    return world;
  }

  it('fills 0.6 of 100 and 0.3 of 10: 63 shipped into the pipeline after the lead time, paid at price, freight and tariff on dispatch', () => {
    const world = shippingWorld();
    const { regions, hubs, geo, params, scratch, ledger } = world;
    shipImportedInputs(world);
    const lead = currentLeadTime(geo, regions, hubs.region[0], NBR);
    expect((2 * lead) % geo.pipelineWeeks).not.toBe(0); // so that tick + lead and tick − lead are different slots
    const freightPerUnit = currentFreight(geo, regions, hubs.region[0], NBR);
    expect(tariffRate(regions, hubs.region[0], NBR)).toBe(0.1); // other bloc: NBR's 10% tariff
    const paid = 8 * 60 + 6 * 3 + freightPerUnit * 63 + 0.1 * (480 + 18);
    expect(world.importers.owed[NBR * 2]).toBeCloseTo(40, 9);
    expect(world.importers.owed[NBR * 2 + 1]).toBeCloseTo(7, 9);
    expect(world.importers.owed[HOM * 2 + 1]).toBe(50); // HOM has no importer at work
    expect(world.importers.pipeline[((5 + lead) % geo.pipelineWeeks) * R + NBR]).toBeCloseTo(63, 9);
    expect(world.importers.reliability[NBR * 2]).toBeCloseTo(1 + params.reorderShiftRate * (0.6 - 1), 12);
    expect(world.importers.reliability[NBR * 2 + 1]).toBeCloseTo(0.9 + params.reorderShiftRate * (0.3 - 0.9), 12);
    expect(world.importers.cash[NBR]).toBeCloseTo(-paid, 6);
    expect(world.importers.cost[NBR]).toBeCloseTo(10 + params.smeRawCostMemoryRate * (paid / 63 - 10), 9);
    expect(scratch.hubRawRevenue[0]).toBeCloseTo(480, 9);
    expect(scratch.hubRawRevenue[1]).toBeCloseTo(18, 9);
    expect([...scratch.hubRawShipped]).toEqual([60, 3]);
    expect(ledger.freight).toBeCloseTo(freightPerUnit * 63, 6);
    expect(ledger.tariffs).toBeCloseTo(0.1 * 498, 9);
    // Every hub can ship (shares 0.75 + 0.25 = 1): availability moves toward 1 by at most reorderShiftRate a week.
    expect(params.reorderShiftRate).toBeGreaterThan(0.1);
    expect(world.importers.availability[NBR]).toBeCloseTo(1, 12);
  });

  it('a closed border: nothing ships, the record falls toward 0, availability falls by reorderShiftRate, the cost stays', () => {
    const world = shippingWorld();
    const { regions, params, scratch } = world;
    regions.borderOpen[NBR] = 0;
    world.importers.owed[NBR * 2 + 1] = 0;
    shipImportedInputs(world);
    expect(world.importers.owed[NBR * 2]).toBe(100);
    expect(world.importers.reliability[NBR * 2]).toBeCloseTo(1 - params.reorderShiftRate, 12);
    expect(world.importers.reliability[NBR * 2 + 1]).toBe(0.9); // owed nothing: its record stays
    expect(world.importers.availability[NBR]).toBeCloseTo(0.9 - params.reorderShiftRate, 12);
    expect(world.importers.cost[NBR]).toBe(10);
    expect(world.importers.cash[NBR]).toBe(0);
    expect(scratch.hubRawShipped[0]).toBe(0);
  });

  it('a region without imported inputs has no importer at work: its record and availability stay', () => {
    const world = shippingWorld();
    const { regions } = world;
    regions.importedInputShare[NBR] = 0;
    shipImportedInputs(world);
    expect(world.importers.owed[NBR * 2]).toBe(100);
    expect(world.importers.reliability[NBR * 2]).toBe(1);
    expect(world.importers.availability[NBR]).toBe(0.9);
  });
});
