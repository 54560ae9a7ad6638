/**
 * An SME's weekly input order (MODEL.md §7.2, §9.2, §9.5) against hand computations, for an SME
 * other than the first, in NBR, buying from the second hub (HB2's): the forecast of chain and local
 * needs, the importer's share of the local needs, the lead time mixed over recycled, hub and
 * domestic sources (handling weeks above 1), the supply line over the pipeline and all three
 * sources' backlogs, and which SMEs order at all.
 */
import { pipelineIndex } from '../../../agents/sme/schema.ts';
import { describe, expect, it } from 'vitest';
import { placeSmeOrders } from '../../../agents/sme/ordering.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, equatorKm, HB2, HOM, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

const R = 4;
const P2 = 2; // firm 1's home plant (NBR)
const P3 = 3; // firm 1's other plant
const freight = (degrees: number) => 0.0012 * equatorKm(degrees);

/**
 * NBR's local inputs: price 1.5 → 0.45 / 1.5 = 0.3 units a $ of sales, of which the imported share
 * 0.2 × availability 1: 0.24 domestic and 0.06 imported. Reference raw price 20: domestic source
 * 1.3 · 20 = 26, recycled 1.15 · 20 = 23 (no subsidy).
 */
function orderWorld(): World {
  const world = twoFirmsTwoHubs();
  const { regions, importers, economy, smes, params } = world;
  for (const field of ['owedByHub', 'owedByDomestic', 'owedByRecycled', 'localRevenue', 'rawForecast'] as const) smes[field].fill(0);
  regions.localInputPrice[NBR] = 1.5;
  regions.importedInputShare[NBR] = 0.2;
  importers.availability[NBR] = 1;
  economy.referenceRawPrice = 20;
  economy.referenceSmeProductivity = 0.75;
  regions.wage[NBR] = 100;
  regions.localServicesCapacityFactor[NBR] = 1;
  params.handlingWeeks = 3; // after the world is built: the lead-time table stays as it was
  world.tick = 20;
  addSme(world, HOM, { employees: 5, capability: 0.5 }); // SME 0: outside any chain, orders nothing
  return world;
}

describe('§7.2 an SME’s input order: needs, lead time and supply line', () => {
  it('chain need 16 + local need 250 $ × 0.24 = 60; imported 250 × 0.06 = 15 to the importer; 25 % recycled, the rest by hub share 16/76 at HB2’s lead and 3 handling weeks', () => {
    const world = orderWorld();
    const { smes, regions, scratch, hubs, geo } = world;
    hubs.rawPrice[1] = 20;
    world.rawSources.recyclingCapacity[NBR] = 0.25;
    regions.localSmeDemand[NBR] = 1000;
    scratch.regionSmeWeight[NBR] = 12;
    const id = addSme(world, NBR, { employees: 10, capability: 0.8, customers: 3 });
    expect(id).toBe(1);
    smes.rawSource[id] = 1;
    smes.rawHubShare[id] = 1;
    smes.ordersLastWeek[id] = 16;
    smes.rawForecast[id] = 10;
    smes.rawStock[id] = 40;
    const cap = smes.capacity;
    smes.rawPipeline[pipelineIndex(smes, id, 3)] = 8;
    smes.rawPipeline[pipelineIndex(smes, id, 5)] = 2;
    smes.owedByHub[id] = 4;
    smes.owedByDomestic[id] = 3;
    smes.owedByRecycled[id] = 2;
    // Labour could sell 10 × 100 · 1.2 · 0.9 / 0.55 / 0.75 = 2 618 $ > the customers' 1000 · 3 / 12 = 250 $.
    const sales = 250;
    const localNeed = sales * 0.24; // 60
    // Virgin inputs from HB2's hub, landed in NBR: 20 + 0.0012 · 11 119.5 km = 33.34 ≥ recycled 23 → the capacity, 0.25.
    expect(20 + freight(100)).toBeGreaterThan(23);
    const forecast = 10 + 0.36 * (16 + localNeed - 10); // 33.76
    const hubShare = (16 * 1) / (16 + localNeed); // 4/19
    const hubLead = geo.leadTimeWeeks[HB2 * R + NBR];
    expect(hubLead).toBeGreaterThan(1);
    const lead = 0.25 * 1 + 0.75 * (hubShare * hubLead + (1 - hubShare) * 3);
    const supplyLine = 8 + 2 + 4 + 3 + 2;
    const order = forecast + 0.26 * (2 * forecast - 40 + 0.34 * (Math.max(0, lead - 1) * forecast - supplyLine));
    placeSmeOrders(world);
    expect(smes.rawForecast[id]).toBeCloseTo(forecast, 4);
    expect(scratch.regionImportNeed[NBR]).toBeCloseTo(sales * 0.06, 9);
    expect(scratch.regionImportNeed[HOM]).toBe(0);
    expect(smes.rawOrdered[id]).toBeCloseTo(order, 3);
    expect(smes.owedByRecycled[id]).toBeCloseTo(2 + 0.25 * order, 3);
    expect(smes.owedByHub[id]).toBeCloseTo(4 + 0.75 * hubShare * order, 3);
    expect(smes.owedByDomestic[id]).toBeCloseTo(3 + 0.75 * (1 - hubShare) * order, 3);
    expect(smes.rawOrdered[0]).toBe(0);
  });

  it('an SME in HOM buying from HB2’s hub, landed 5 + 12.009 = 17.01 < recycled 23, orders nothing recycled: all from the hub at its lead', () => {
    const world = orderWorld();
    const { smes, regions, hubs, geo } = world;
    hubs.rawPrice[1] = 5;
    world.rawSources.recyclingCapacity[HOM] = 0.25;
    const id = addSme(world, HOM, { employees: 10, capability: 0.8 });
    smes.rawSource[id] = 1;
    smes.rawHubShare[id] = 1;
    smes.ordersLastWeek[id] = 10;
    smes.rawForecast[id] = 10;
    smes.rawStock[id] = 20;
    expect(5 + freight(90)).toBeLessThan(23);
    const lead = geo.leadTimeWeeks[HB2 * R + HOM];
    // Forecast stays 10 (need 10); no local needs, so the hub share is the chain's, 1.
    const order = 10 + 0.26 * (2 * 10 - 20 + 0.34 * (Math.max(0, lead - 1) * 10 - 0));
    placeSmeOrders(world);
    expect(smes.rawOrdered[id]).toBeCloseTo(order, 4);
    expect(smes.owedByRecycled[id]).toBe(0);
    expect(smes.owedByHub[id]).toBeCloseTo(order, 4);
    expect(smes.owedByDomestic[id]).toBe(0);
  });
});

describe('§7.2 which SMEs order', () => {
  it('without a buyer, backlog or forecast (< 1e-6) none; with a buyer, or a backlog left from a contract, the rule runs; a dead SME neither orders nor takes an order', () => {
    const world = orderWorld();
    const { smes, plants } = world;
    plants.smeContractCapacity[P2] = 0; // plant 2 has no SME capacity under contract this week
    plants.smeOrder[P2] = 0;
    plants.smeContractCapacity[P3] = 30;
    plants.smeOrder[P3] = 60;
    const quiet = addSme(world, NBR, { employees: 5, capability: 0.5 });
    const contracted = addSme(world, NBR, { employees: 5, capability: 0.5 });
    smes.buyerPlant[contracted] = P2;
    smes.contractCapacity[contracted] = 10;
    const backlog = addSme(world, NBR, { employees: 5, capability: 0.5 });
    smes.owedToBuyer[backlog] = 5;
    const dead = addSme(world, NBR, { employees: 5, capability: 0.5 });
    smes.buyerPlant[dead] = P3;
    smes.contractCapacity[dead] = 10;
    smes.rawForecast[dead] = 10;
    smes.alive[dead] = 0;
    for (const id of [quiet, contracted, backlog]) {
      smes.rawSource[id] = -1;
      smes.rawForecast[id] = 5e-7; // → 5e-7 · (1 − 0.36) = 3.2e-7 with no needs
    }
    placeSmeOrders(world);
    expect(smes.rawOrdered[quiet]).toBe(0);
    expect(smes.owedByDomestic[quiet]).toBe(0);
    expect(smes.owedToBuyer[quiet]).toBe(0);
    // With a buyer the rule runs even on a vanishing forecast: 3.2e-7 · (1 + 0.26 · 2) > 0 (domestic lead 3 weeks adds more).
    expect(smes.rawOrdered[contracted]).toBeGreaterThan(3.2e-7);
    expect(smes.ordersReceived[contracted]).toBe(0);
    expect(smes.owedToBuyer[contracted]).toBe(0);
    // A backlog of 5 and no stock: ≈ 0.26 · 5 = 1.3.
    expect(smes.rawOrdered[backlog]).toBeCloseTo(1.3, 4);
    expect(smes.rawOrdered[dead]).toBe(0);
    expect(smes.ordersReceived[dead]).toBe(0);
    expect(smes.owedToBuyer[dead]).toBe(0);
  });
});
