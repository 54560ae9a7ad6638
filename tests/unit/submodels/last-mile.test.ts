/**
 * Last-mile reconfiguration (MODEL.md §9.5) against hand-computed values: final goods reach
 * customers after the outbound lead time; a distribution hub delivers in its bloc in one week,
 * passes what it cannot fill to the plant and restocks by the Sterman rule; its stock is
 * re-routed to the bloc's regions a closed border leaves reachable; the quarterly choice weighs
 * holding cost against expected lost sales; closing a hub returns its stock.
 */
import { describe, expect, it } from 'vitest';
import { serveFinalDemand, assignServingPlants } from '../../../agents/firm/market.ts';
import { closeHub, distributionRegion, receiveFinalGoods } from '../../../agents/firm/last-mile.ts';
import { chooseDistributionHubs, lastMileCosts } from '../../../agents/firm/last-mile-choice.ts';
import { defaultParams } from '../../../src/model/params/registry.ts';
import { REGIONAL_INDICATORS } from '../../../src/model/observe/indicators.ts';
import { createObservation } from '../../../src/model/observe/observation.ts';
import { goodsStocks } from '../../../src/model/audit.ts';
import type { World } from '../../../src/model/world.ts';
import { readCheckpoint, writeCheckpoint } from '../../../src/sim/checkpoint.ts';
import { WORLD_CHECKPOINT } from '../../../src/model/checkpoint-layout.ts';
import { HOM, HUB, NBR, tinyWorld } from './tiny-world.ts';

const BLOC_A = 0; // HOM and NBR
const BLOC_B = 1; // HUB

/** One firm at HOM with a running home plant and plenty of stock; demand HOM 60, HUB 30, NBR 10. */
function marketWorld(params: Record<string, unknown> = {}): World {
  const world = tinyWorld(undefined, params);
  const { plants, regions } = world;
  regions.finalDemandBase.set([60, 30, 10]);
  plants.active.set([1, 0]);
  plants.capacity.set([1, 0]);
  plants.capacityTarget.set([1, 0]);
  plants.finishedStock[0] = 1000;
  plants.price[0] = 10;
  return world;
}

/** Units in firm 0's outbound ring arriving `weeks` after this tick. */
function arriving(world: World, weeks: number): number {
  return world.firms.outbound[((world.tick + weeks) % world.geo.pipelineWeeks) * world.firms.count];
}

describe('§9.5 outbound lead time: final goods reach customers after the shipping time', () => {
  it('defaults: one-week deliveries from a hub holding two weeks of cover at 25% a year', () => {
    const p = defaultParams();
    expect(p.lastMileHubs).toBe('choice');
    expect(p.lastMileDeliveryWeeks).toBe(1);
    expect(p.lastMileCoverWeeks).toBe(2);
    expect(p.finishedHoldingCostPerYear).toBe(0.25);
  });

  it('direct from the plant: 1 week in HOM, 1 + ⌈1 112 / 5 000⌉ = 2 to NBR, 1 + ⌈10 008 / 5 000⌉ = 4 to HUB', () => {
    const world = marketWorld();
    serveFinalDemand(world);
    expect(arriving(world, 1)).toBeCloseTo(60, 10);
    expect(arriving(world, 2)).toBeCloseTo(10, 10);
    expect(arriving(world, 4)).toBeCloseTo(30, 10);
    expect(world.finalMarket.finalDeliveryUnitWeeks[HUB] / world.finalMarket.finalDelivered[HUB]).toBeCloseTo(4, 12);
    expect(world.finalMarket.finalViaHub[HOM]).toBe(0);
    // Sold and paid now, not yet arrived: the goods are in transit, not consumed.
    expect(world.ledger.finalSold).toBe(0);
    expect(world.firms.revenue[0]).toBeCloseTo(10 * 100, 8);
  });

  it('goods leave the economy (finalSold) the week they arrive', () => {
    const world = marketWorld();
    serveFinalDemand(world);
    const before = goodsStocks(world).final;
    world.tick += 1;
    receiveFinalGoods(world);
    expect(world.ledger.finalSold).toBeCloseTo(60, 10);
    expect(goodsStocks(world).final).toBeCloseTo(before - 60, 8);
  });
});

describe('§9.5 a distribution hub: one-week deliveries in its bloc, restocked from the plant', () => {
  it('the bloc’s distribution region is its largest final market', () => {
    const world = marketWorld();
    expect(distributionRegion(world, BLOC_A)).toBe(HOM);
    expect(distributionRegion(world, BLOC_B)).toBe(HUB);
  });

  it('fills 50 of the bloc’s 70 from stock; the plant ships the rest direct; the hub orders D̂ + α_S(cover·D̂ − S)', () => {
    const world = marketWorld();
    const { firms, regions, plants } = world;
    firms.distributionHub[BLOC_A] = 1;
    firms.hubStock[BLOC_A] = 50;
    serveFinalDemand(world);
    const fill = 50 / 70;
    expect(firms.hubOrders[BLOC_A]).toBeCloseTo(70, 10);
    expect(firms.hubStock[BLOC_A]).toBeCloseTo(0, 10);
    // Direct: the hub's shortfall in HOM and NBR (20) and all of HUB (30).
    expect(plants.customerOrders[0]).toBeCloseTo(20 + 30, 10);
    expect(world.finalMarket.finalViaHub[HOM]).toBeCloseTo(60 * fill, 10);
    expect(world.finalMarket.finalViaHub[NBR]).toBeCloseTo(10 * fill, 10);
    // NBR: 7.142857 units in 1 week and 2.857143 in 2 weeks = 1.285714 weeks on average.
    expect(world.finalMarket.finalDeliveryUnitWeeks[NBR] / world.finalMarket.finalDelivered[NBR]).toBeCloseTo(1 + (1 - fill), 10);
    expect(world.finalMarket.finalLost[HOM] + world.finalMarket.finalLost[NBR] + world.finalMarket.finalLost[HUB]).toBeCloseTo(0, 10);
    // Restocking: D̂ = 0 + 0.36 · 70 = 25.2; L(HOM → HOM) = 1; 25.2 + 0.26 · (2 · 25.2 − 0) = 38.304.
    expect(firms.hubForecast[BLOC_A]).toBeCloseTo(25.2, 10);
    expect(plants.replenishmentOrders[0]).toBeCloseTo(38.304, 10);
    const H = firms.hubStock.length;
    expect(firms.hubInbound[((world.tick + 1) % world.geo.pipelineWeeks) * H + BLOC_A]).toBeCloseTo(38.304, 10);
    expect(plants.finishedStock[0]).toBeCloseTo(1000 - 50 - 38.304, 8);
    // lastMileHubShare over the world: 50 of 100 units.
    const o = createObservation(world.regions.count);
    const share = REGIONAL_INDICATORS.find((x) => x.name === 'lastMileHubShare')!;
    let numerator = 0;
    let denominator = 0;
    for (let r = 0; r < 3; r++) {
      numerator += share.numerator(world, o, r);
      denominator += share.denominator(world, o, r);
    }
    expect(numerator / denominator).toBeCloseTo(0.5, 12);
  });

  it('a plant serves paying customers before restocking its hubs', () => {
    const world = marketWorld();
    const { firms, plants } = world;
    firms.distributionHub[BLOC_A] = 1;
    firms.hubForecast[BLOC_A] = 100;
    plants.finishedStock[0] = 40; // direct orders: 70 (the empty hub passes them on) + 30 = 100
    serveFinalDemand(world);
    expect(plants.delivered[0]).toBeCloseTo(40, 10);
    expect(plants.lostSales[0]).toBeCloseTo(60, 10);
    expect(world.scratch.replenishmentFill[0]).toBe(0);
  });

  it('re-routing: with the plant’s border closed, the hub still serves NBR, which direct shipping loses', () => {
    const lostInNbr = (withHub: boolean) => {
      const world = marketWorld();
      world.regions.borderOpen[HOM] = 0;
      if (withHub) {
        world.firms.distributionHub[BLOC_A] = 1;
        world.firms.hubStock[BLOC_A] = 50;
      }
      serveFinalDemand(world);
      return world.finalMarket.finalLost[NBR];
    };
    expect(lostInNbr(false)).toBeCloseTo(10, 10);
    expect(lostInNbr(true)).toBeCloseTo(0, 10);
  });
});

describe('§9.5 the quarterly choice: holding cost against expected lost sales', () => {
  /** unit cost 100, margin 0.2 · 100, depth 0.5, β_a 2, firm share 0.25 (1 + β_a(1 − s) = 2.5), π = π0. */
  function choiceWorld(hazard: number): World {
    const world = marketWorld({ disruptionLossDepth: 0.5, availabilityWeight: 2 });
    const { firms, plants, regions } = world;
    plants.unitCost[0] = 100;
    firms.riskPerception[0] = world.params.riskPerceptionInitial;
    firms.observedHazard[0 * regions.count + HOM] = hazard;
    firms.demandByBloc.set([25, 0]);
    world.economy.totalFinalDemand = 100;
    return world;
  }

  it('direct = ĥ · 20 · 0.5 · 2.5 · (d̄ − cover); hub = 2 · 100 · 0.25 / 52 + ĥ · 25 · (d̄ − cover − 2)', () => {
    // ĥ = 0.01: 0.25 a week uncovered; direct 0.25 · (6 − 2) = 1; hub 0.961538 + 0.25 · 2 = 1.461538.
    const calm = lastMileCosts(choiceWorld(0.01), 0, 0);
    expect(calm.direct).toBeCloseTo(1, 10);
    expect(calm.hub).toBeCloseTo(50 / 52 + 0.5, 10);
    // ĥ = 0.05: direct 5, hub 0.961538 + 2.5 = 3.461538: now the hub is cheaper.
    const risky = lastMileCosts(choiceWorld(0.05), 0, 0);
    expect(risky.direct).toBeCloseTo(5, 10);
    expect(risky.hub).toBeCloseTo(50 / 52 + 2.5, 10);
    expect(risky.hub).toBeLessThan(risky.direct);
  });

  it('a logit with temperature strategyTemp × the mean of the two costs: P(hub) = 1 / (1 + e^{(hub − direct)/T}), rising with ĥ', () => {
    const draws = 800;
    const shareWithHub = (hazard: number) => {
      let count = 0;
      for (let quarter = 0; quarter < draws; quarter++) {
        const world = choiceWorld(hazard);
        world.tick = quarter * 13;
        assignServingPlants(world);
        chooseDistributionHubs(world);
        count += world.firms.distributionHub[BLOC_A];
        // No demand in bloc B: never a hub there.
        expect(world.firms.distributionHub[BLOC_B]).toBe(0);
      }
      return count / draws;
    };
    // direct = 100ĥ, hub = 0.961538 + 50ĥ, T = 0.05 · (direct + hub) / 2:
    // ĥ = 0.018: direct 1.8, hub 1.861538, T = 0.091538 → P = 1 / (1 + e^{0.672269}) = 0.337989;
    // ĥ = 0.02: direct 2, hub 1.961538, T = 0.099038 → P = 1 / (1 + e^{−0.388350}) = 0.595885.
    // Binomial sd ≤ 0.018.
    expect(Math.abs(shareWithHub(0.018) - 0.337989)).toBeLessThan(0.06);
    expect(Math.abs(shareWithHub(0.02) - 0.595885)).toBeLessThan(0.06);
    // ĥ = 0.001: (hub − direct) / T = 32.8, P = 6e−15; ĥ = 0.05: −7.27, P = 0.99931.
    expect(shareWithHub(0.001)).toBe(0);
    expect(shareWithHub(0.05)).toBeGreaterThan(0.99);
  });

  it('all opens a hub in every bloc the firm sells in; none closes them and returns their stock to the home plant', () => {
    const world = choiceWorld(0.01);
    world.params.lastMileHubs = 'all';
    assignServingPlants(world);
    chooseDistributionHubs(world);
    expect(Array.from(world.firms.distributionHub)).toEqual([1, 0]);
    expect(world.firms.hubForecast[BLOC_A]).toBe(25);
    world.firms.hubStock[BLOC_A] = 12;
    const before = goodsStocks(world).final;
    world.params.lastMileHubs = 'none';
    chooseDistributionHubs(world);
    expect(world.firms.distributionHub[BLOC_A]).toBe(0);
    expect(world.plants.finishedStock[0]).toBeCloseTo(1012, 10);
    expect(goodsStocks(world).final).toBeCloseTo(before, 10);
  });

  it('goods still on their way to a closed hub land in the home plant', () => {
    const world = choiceWorld(0.01);
    const { firms, plants } = world;
    firms.distributionHub[BLOC_A] = 1;
    const H = firms.hubStock.length;
    firms.hubInbound[((world.tick + 1) % world.geo.pipelineWeeks) * H + BLOC_A] = 7;
    closeHub(world, BLOC_A);
    world.tick += 1;
    receiveFinalGoods(world);
    expect(plants.finishedStock[0]).toBeCloseTo(1007, 10);
    expect(firms.hubStock[BLOC_A]).toBe(0);
  });
});

describe('§9.5 state in checkpoints', () => {
  it('a checkpoint carries the hubs, their stock and transit, and final goods in outbound transit', () => {
    const world = marketWorld();
    world.firms.distributionHub[BLOC_A] = 1;
    world.firms.hubStock[BLOC_A] = 50;
    serveFinalDemand(world);
    const fresh = marketWorld();
    readCheckpoint(WORLD_CHECKPOINT, writeCheckpoint(WORLD_CHECKPOINT, [world], null)).restoreInto(fresh, 0);
    for (const field of ['distributionHub', 'hubStock', 'hubForecast', 'hubAvailability', 'hubInbound', 'outbound'] as const) {
      expect(Array.from(fresh.firms[field]), field).toEqual(Array.from(world.firms[field]));
    }
    expect(goodsStocks(fresh).final).toBeCloseTo(goodsStocks(world).final, 10);
    expect(arriving(fresh, 4)).toBeCloseTo(30, 10);
  });

  it('a checkpoint from a model with other arrays (an older version) is refused with the difference, and nothing is restored', () => {
    const world = marketWorld();
    world.tick = 9;
    const older = { ...WORLD_CHECKPOINT, stores: (w: World) => ({ ...WORLD_CHECKPOINT.stores(w), importers: { stock: w.importers.stock } }) };
    const bytes = writeCheckpoint(older, [world], null);
    const fresh = marketWorld();
    expect(() => readCheckpoint(WORLD_CHECKPOINT, bytes).restoreInto(fresh, 0)).toThrow(
      /different version of the model.*lacks importers\.forecast, importers\.pipeline/,
    );
    expect(fresh.tick).not.toBe(9);
  });
});
