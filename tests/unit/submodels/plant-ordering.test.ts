/**
 * Phase 5 at a plant (MODEL.md §7.2, §2): forecast, capacity and ramp-up, the supply line, the SME
 * share shifted by reliability, and the split of the hub part over hubs — for the second firm's
 * plant and two hub suppliers, so every index into plant × hub and pipeline arrays is exercised.
 */
import { describe, expect, it } from 'vitest';
import { placePlantOrders, stermanOrder } from '../../../agents/firm/ordering.ts';
import { hubMixCost, hubMixLeadTime, landedHubCost, updateHubWeights } from '../../../agents/firm/sourcing.ts';
import { currentFreight, currentLeadTime } from '../../../src/model/geography.ts';
import { LOCAL } from '../../../agents/firm/schema.ts';
import type { World } from '../../../src/model/world.ts';
import { HB2, HOM, HUB, NBR, threeRegions, tinyWorld, withSecondHub } from './tiny-world.ts';

const P2 = 2; // firm 1's home plant (bloc A, in NBR)

/** Two firms (homes HOM and NBR), two hub suppliers (HUB at 90°E, HB2 at 90°W); plant 2 set by hand. */
function orderingWorld(): World {
  const definition = threeRegions({ leadFirmHomes: [HOM, NBR] });
  withSecondHub(definition);
  const world = tinyWorld(definition);
  const { plants, plantHub, hubs } = world;
  expect(hubs.count).toBe(2);
  expect(Array.from(hubs.region)).toEqual([HUB, HB2]);
  expect(plants.region[P2]).toBe(NBR);
  expect(plants.active[P2]).toBe(1);
  const H = 2;
  world.tick = 40;
  plants.forecast[P2] = 100;
  plants.customerOrders[P2] = 90;
  plants.replenishmentOrders[P2] = 30;
  plants.finishedStock[P2] = 50;
  plants.componentStock[P2] = 20;
  plants.pipeline.fill(0);
  plants.pipeline[1 * plants.count + P2] = 40;
  plants.pipeline[(world.geo.pipelineWeeks - 1) * plants.count + P2] = 10;
  plantHub.owed.fill(0);
  plantHub.owed[P2 * H + 0] = 60;
  plantHub.owed[P2 * H + 1] = 25;
  plants.owedBySmes[P2] = 15;
  plants.smeContractCapacity[P2] = 1_000;
  plants.smeShareTarget[P2] = 0.3;
  plants.smeReliability[P2] = 0.5;
  plants.hubReliability[P2] = 1;
  plants.smeLeadTime[P2] = 2;
  plantHub.weight[P2 * H + 0] = 0.5;
  plantHub.weight[P2 * H + 1] = 0.5;
  plantHub.reliability[P2 * H + 0] = 1;
  plantHub.reliability[P2 * H + 1] = 0.5;
  plants.rampStartTick[P2] = -1;
  plants.capacityTarget[P2] = 120;
  return world;
}

/** The order plant 2 should place, computed by hand from the state `orderingWorld` sets. */
function expectedOrder(world: World, smeShare: number): number {
  const p = world.params;
  const forecast = 100 + p.forecastSmoothing * (90 + 30 - 100);
  const lead = smeShare * 2 + (1 - smeShare) * hubMixLeadTime(world, P2);
  const supplyLine = 40 + 10 + 60 + 25 + 15;
  return stermanOrder(forecast, 50 + 20, supplyLine, lead, p.inventoryCoverWeeks, p.stockAdjustment, p.supplyLineWeight);
}

describe('§7.2 a plant’s weekly order', () => {
  it('forecasts customer and distribution-hub orders, counts pipeline + owed as its supply line, and shifts the SME share by reliability', () => {
    const world = orderingWorld();
    const { plants, params } = world;
    // s = 0.3 · 0.5 / (0.3 · 0.5 + 0.7 · 1).
    const smeShare = 0.15 / 0.85;
    const order = expectedOrder(world, smeShare);
    expect(order).toBeGreaterThan(0);
    placePlantOrders(world);
    expect(plants.forecast[P2]).toBeCloseTo(100 + params.forecastSmoothing * 20, 12);
    expect(plants.componentOrders[P2]).toBeCloseTo(order, 9);
    expect(plants.smeOrder[P2]).toBeCloseTo(order * smeShare, 9);
  });

  it('the hub part goes to hubs by weight × reliability², and adds to what each owes', () => {
    const world = orderingWorld();
    const { plantHub } = world;
    const smeShare = 0.15 / 0.85;
    const hubOrder = expectedOrder(world, smeShare) * (1 - smeShare);
    placePlantOrders(world);
    // 0.5 · 1² : 0.5 · 0.5² = 0.8 : 0.2
    expect(plantHub.ordered[P2 * 2 + 0]).toBeCloseTo(0.8 * hubOrder, 9);
    expect(plantHub.ordered[P2 * 2 + 1]).toBeCloseTo(0.2 * hubOrder, 9);
    expect(plantHub.owed[P2 * 2 + 0]).toBeCloseTo(60 + 0.8 * hubOrder, 9);
    expect(plantHub.owed[P2 * 2 + 1]).toBeCloseTo(25 + 0.2 * hubOrder, 9);
  });

  it('a hub behind a closed border gets nothing; with no reliable hub the base weights split the order', () => {
    const world = orderingWorld();
    const { plantHub, regions } = world;
    regions.borderOpen[NBR] = 0; // NBR closes: neither hub can ship to plant 2
    placePlantOrders(world);
    const both = plantHub.ordered[P2 * 2 + 0] + plantHub.ordered[P2 * 2 + 1];
    expect(both).toBeGreaterThan(0);
    expect(plantHub.ordered[P2 * 2 + 0]).toBeCloseTo(0.5 * both, 9);
    const closedHub = orderingWorld();
    closedHub.regions.borderOpen[HB2] = 0; // only HB2 closes: HUB takes the whole hub part
    placePlantOrders(closedHub);
    expect(closedHub.plantHub.ordered[P2 * 2 + 1]).toBe(0);
    expect(closedHub.plantHub.ordered[P2 * 2 + 0]).toBeGreaterThan(0);
  });

  it('without SME contracts the share falls to 0; under LOCAL the whole order goes to the SMEs and none to hubs', () => {
    const world = orderingWorld();
    world.plants.smeContractCapacity[P2] = 0;
    placePlantOrders(world);
    expect(world.plants.smeOrder[P2]).toBe(0);
    expect(world.plants.componentOrders[P2]).toBeCloseTo(expectedOrder(world, 0), 9);
    const local = orderingWorld();
    local.firms.strategy[1] = LOCAL;
    local.plants.smeShareTarget[P2] = 1;
    placePlantOrders(local);
    expect(local.plants.smeOrder[P2]).toBeCloseTo(local.plants.componentOrders[P2], 12);
    expect(local.plantHub.ordered[P2 * 2 + 0] + local.plantHub.ordered[P2 * 2 + 1]).toBe(0);
    local.plants.smeContractCapacity[P2] = 0;
    placePlantOrders(local);
    expect(local.plants.smeOrder[P2]).toBe(0);
  });

  it('an inactive plant orders nothing and keeps its forecast', () => {
    const world = orderingWorld();
    world.plants.active[P2] = 0;
    placePlantOrders(world);
    expect(world.plants.forecast[P2]).toBe(100);
    expect(world.plants.componentOrders[P2]).toBe(0);
    expect(world.plantHub.ordered[P2 * 2 + 0]).toBe(0);
  });
});

describe('§7.1 / §7.2 plant capacity', () => {
  it('follows forecast / u over capacityAdjustWeeks; during a ramp it is target × progress, and the ramp ends at progress 1', () => {
    const world = orderingWorld();
    const { plants, params } = world;
    placePlantOrders(world);
    const longRun = plants.forecast[P2] / params.plantUtilisationTarget;
    expect(plants.capacity[P2]).toBeCloseTo(120 + (longRun - 120) / params.capacityAdjustWeeks, 9);
    // A ramp that started at week 0, now half done.
    const ramp = orderingWorld();
    ramp.plants.rampStartTick[P2] = 0;
    ramp.tick = params.rampWeeks / 2;
    placePlantOrders(ramp);
    expect(ramp.plants.capacity[P2]).toBeCloseTo(0.5 * 120, 9);
    expect(ramp.plants.rampStartTick[P2]).toBe(0);
    ramp.tick = params.rampWeeks;
    placePlantOrders(ramp);
    expect(ramp.plants.capacity[P2]).toBeCloseTo(120, 9);
    expect(ramp.plants.rampStartTick[P2]).toBe(-1);
  });
});

describe('§2 a plant’s hub mix (the second firm’s plant, two hubs)', () => {
  it('landed cost = price + freight + the destination’s tariff on another bloc’s goods; Infinity behind a closed border', () => {
    const world = orderingWorld();
    const { hubs, regions, geo } = world;
    hubs.price[1] = 44;
    regions.tariff[NBR] = 0.1;
    expect(landedHubCost(world, 1, P2)).toBeCloseTo(44 + currentFreight(geo, regions, HB2, NBR) + 0.1 * 44, 12);
    regions.borderOpen[HB2] = 0;
    expect(landedHubCost(world, 1, P2)).toBe(Infinity);
  });

  it('weights ∝ capacity × exp(−(landed − best) / (hubChoiceTemp · reference component price)), summing to 1', () => {
    const world = orderingWorld();
    const { hubs, plantHub, params, economy } = world;
    hubs.price[0] = 40;
    hubs.price[1] = 44;
    hubs.componentCapacity[0] = 100;
    hubs.componentCapacity[1] = 300;
    const landed = [landedHubCost(world, 0, P2), landedHubCost(world, 1, P2)];
    const best = Math.min(...landed);
    const temperature = params.hubChoiceTemp * economy.referenceComponentPrice;
    const raw = [100 * Math.exp(-(landed[0] - best) / temperature), 300 * Math.exp(-(landed[1] - best) / temperature)];
    updateHubWeights(world, P2);
    expect(plantHub.weight[P2 * 2 + 0]).toBeCloseTo(raw[0] / (raw[0] + raw[1]), 9);
    expect(plantHub.weight[P2 * 2 + 1]).toBeCloseTo(raw[1] / (raw[0] + raw[1]), 9);
    // A hub that cannot ship gets no weight; with none able to ship the old weights stay.
    world.regions.borderOpen[HB2] = 0;
    updateHubWeights(world, P2);
    expect(Array.from(plantHub.weight.subarray(P2 * 2, P2 * 2 + 2))).toEqual([1, 0]);
    world.regions.borderOpen[HUB] = 0;
    updateHubWeights(world, P2);
    expect(Array.from(plantHub.weight.subarray(P2 * 2, P2 * 2 + 2))).toEqual([1, 0]);
  });

  it('mix cost and lead time are the weighted means over hubs with weight (cost: that can ship); 1 week and Infinity with none', () => {
    const world = orderingWorld();
    const { plantHub, geo, regions } = world;
    plantHub.weight[P2 * 2 + 0] = 0.25;
    plantHub.weight[P2 * 2 + 1] = 0.75;
    const landed = [landedHubCost(world, 0, P2), landedHubCost(world, 1, P2)];
    expect(hubMixCost(world, P2)).toBeCloseTo(0.25 * landed[0] + 0.75 * landed[1], 9);
    const lead = [currentLeadTime(geo, regions, HUB, NBR), currentLeadTime(geo, regions, HB2, NBR)];
    expect(hubMixLeadTime(world, P2)).toBeCloseTo(0.25 * lead[0] + 0.75 * lead[1], 12);
    regions.borderOpen[HB2] = 0;
    expect(hubMixCost(world, P2)).toBeCloseTo(landed[0], 9);
    plantHub.weight[P2 * 2 + 0] = 0;
    plantHub.weight[P2 * 2 + 1] = 0;
    expect(hubMixCost(world, P2)).toBe(Infinity);
    expect(hubMixLeadTime(world, P2)).toBe(1);
  });
});
