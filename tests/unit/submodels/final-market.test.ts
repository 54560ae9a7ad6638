/**
 * The final-goods market (MODEL.md §2, §7.5, §9.2): which plant serves each (firm, region), the
 * logit shares of two firms with different prices, availability, presence and local content,
 * and the region's weekly demand with its AR(1) noise — against hand computations.
 */
import { describe, expect, it } from 'vitest';
import { advanceDemandNoise, assignServingPlants, computeMarketShares, deliveredPrice, regionalFinalDemand, serveFinalDemand } from '../../../agents/firm/market.ts';
import { currentFreight } from '../../../src/model/geography.ts';
import { incomeDemandFactor } from '../../../src/model/income-demand.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, threeRegions, tinyWorld } from './tiny-world.ts';

const R = 3;

/** Firm 0 homed in HOM (bloc A), firm 1 in HUB (bloc B); each runs its home plant only. */
function marketWorld(params: Record<string, unknown> = {}): World {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }), params);
  const { plants } = world;
  expect(Array.from(plants.region)).toEqual([HOM, HUB, HOM, HUB]);
  expect(Array.from(plants.active)).toEqual([1, 0, 0, 1]);
  return world;
}

describe('§2 serving plants', () => {
  it('the firm’s plant in the region’s bloc once past servingCapacityShare of its target, else its nearest running plant; none for a dead firm', () => {
    const world = marketWorld();
    const { plants, firms, scratch, params } = world;
    assignServingPlants(world);
    // Firm 0 serves bloc B (HUB) from its HOM plant: its bloc-B plant is closed.
    expect(Array.from(scratch.servingPlant.subarray(0, R))).toEqual([0, 0, 0]);
    expect(Array.from(scratch.servingPlant.subarray(R, 2 * R))).toEqual([3, 3, 3]);
    // Firm 0 opens its bloc-B plant: still ramping (below the share), then past it.
    plants.active[1] = 1;
    plants.capacityTarget[1] = 100;
    plants.capacity[1] = params.servingCapacityShare * 100 - 1;
    assignServingPlants(world);
    expect(scratch.servingPlant[0 * R + HUB]).toBe(0);
    plants.capacity[1] = params.servingCapacityShare * 100;
    assignServingPlants(world);
    expect(scratch.servingPlant[0 * R + HUB]).toBe(1);
    expect(scratch.servingPlant[0 * R + NBR]).toBe(0);
    // Firm 0's own bloc-A plant still ramping: its nearest running plant is the bloc-B one.
    plants.capacity[0] = 0;
    assignServingPlants(world);
    expect(scratch.servingPlant[0 * R + NBR]).toBe(1);
    firms.alive[1] = 0;
    assignServingPlants(world);
    expect(Array.from(scratch.servingPlant.subarray(R, 2 * R))).toEqual([-1, -1, -1]);
  });
});

describe('§7.5 logit market shares between two firms', () => {
  it('U = −β_p · delivered price / mean + β_a · availability + β_τ · τF · presence + β_l · local content, shares ∝ e^U', () => {
    const world = marketWorld();
    const { plants, regions, params, scratch, geo } = world;
    plants.price[0] = 150;
    plants.price[3] = 130;
    plants.availability[0] = 0.9;
    plants.availability[3] = 0.7;
    plants.blocContent[0] = 0.4;
    plants.blocContent[3] = 0.8; // another bloc than HOM's: brings no local content there
    plants.employment[0] = 10;
    regions.tariff[HOM] = 0.1;
    world.communityRegions.trustFirms[HOM] = 0.6;
    assignServingPlants(world);
    expect(computeMarketShares(world, HOM)).toBe(true);
    const delivered0 = 150 + currentFreight(geo, regions, HOM, HOM);
    const delivered1 = 130 + currentFreight(geo, regions, HUB, HOM) + 0.1 * 130;
    expect(deliveredPrice(world, 3, HOM)).toBeCloseTo(delivered1, 12);
    const mean = (delivered0 + delivered1) / 2;
    // Firm 0's only running plant is in HOM: presence 1; firm 1 has none there.
    const u0 = (-params.priceWeight * delivered0) / mean + params.availabilityWeight * 0.9 + params.trustWeight * 0.6 * 1 + params.localContentWeight * 0.4;
    const u1 = (-params.priceWeight * delivered1) / mean + params.availabilityWeight * 0.7;
    const share0 = 1 / (1 + Math.exp(u1 - u0));
    expect(scratch.marketShare[0 * R + HOM]).toBeCloseTo(share0, 12);
    expect(scratch.marketShare[1 * R + HOM]).toBeCloseTo(1 - share0, 12);
  });

  it('presence weighs running plants by employment (capacity when idle); a firm that cannot ship has no share; none at all returns false', () => {
    const world = marketWorld();
    const { plants, regions, params, scratch } = world;
    // Firm 1 runs both plants: 30 workers in HUB, an idle HOM plant of capacity 10.
    plants.active[2] = 1;
    plants.capacity[2] = 10;
    plants.capacityTarget[2] = 10;
    plants.employment[2] = 0;
    plants.employment[3] = 30;
    plants.capacity[3] = 500;
    for (const p of [0, 2, 3]) {
      plants.price[p] = 100;
      plants.availability[p] = 1;
      plants.blocContent[p] = 0;
    }
    world.communityRegions.trustFirms[HOM] = 0.5;
    params.priceWeight = 0; // isolate presence
    params.availabilityWeight = 0;
    plants.employment[0] = 5;
    assignServingPlants(world);
    computeMarketShares(world, HOM);
    // Presence in HOM: firm 0 = 1, firm 1 = 10 / (10 + 30).
    const u0 = params.trustWeight * 0.5 * 1;
    const u1 = params.trustWeight * 0.5 * 0.25;
    expect(scratch.marketShare[0 * R + HOM]).toBeCloseTo(1 / (1 + Math.exp(u1 - u0)), 12);
    // Firm 0 exits and HOM closes its border: only firm 1's plant inside HOM can deliver there.
    regions.borderOpen[HOM] = 0;
    world.firms.alive[0] = 0;
    assignServingPlants(world);
    expect(computeMarketShares(world, HOM)).toBe(true);
    expect(scratch.marketShare[1 * R + HOM]).toBeCloseTo(1, 12);
    expect(scratch.marketShare[0 * R + HOM]).toBe(0);
    plants.active[2] = 0;
    assignServingPlants(world);
    expect(computeMarketShares(world, HOM)).toBe(false);
  });
});

describe('§9.2 weekly final demand', () => {
  it('base × shock multiplier × income factor × exp(noise − sd²/2), the noise an AR(1) on the market.demandNoise stream', () => {
    const sd = 0.05;
    const world = marketWorld({ demandNoiseSd: sd });
    const { regions, params } = world;
    regions.finalDemandMultiplier[NBR] = 0.8;
    regions.demandNoise[NBR] = 0.1;
    const factor = incomeDemandFactor(world, NBR, params.demandIncomeElasticity);
    expect(regionalFinalDemand(world, NBR)).toBeCloseTo(regions.finalDemandBase[NBR] * 0.8 * factor * Math.exp(0.1 - (sd * sd) / 2), 9);
    world.tick = 7;
    const ar = params.demandNoiseAr;
    const normal = world.draws.for('market.demandNoise').normal(NBR, 7);
    const normalHom = world.draws.for('market.demandNoise').normal(HOM, 7);
    regions.demandNoise[HOM] = -0.2;
    advanceDemandNoise(world);
    expect(regions.demandNoise[NBR]).toBeCloseTo(ar * 0.1 + sd * Math.sqrt(1 - ar * ar) * normal, 12);
    expect(regions.demandNoise[HOM]).toBeCloseTo(ar * -0.2 + sd * Math.sqrt(1 - ar * ar) * normalHom, 12);
  });
});

describe('§3.4 two firms serve final demand from stock', () => {
  it('orders by share to each serving plant; one fill per plant; revenue, losses, demand by bloc and shortfall by firm', () => {
    const world = marketWorld();
    const { plants, regions, firms, scratch, params, ledger } = world;
    const B = 2;
    regions.finalDemandBase.set([60, 30, 10]);
    plants.finishedStock[0] = 50;
    plants.finishedStock[3] = 1_000;
    plants.price[0] = 10;
    plants.price[3] = 12;
    plants.availability[0] = 1;
    firms.demandByBloc.set([40, 8, 5, 30]);
    const cash = [firms.cash[0], firms.cash[1]];
    const spending = ledger.consumerSpending;
    serveFinalDemand(world);
    const demand = Array.from(world.finalMarket.finalDemand);
    const share = (f: number, r: number) => scratch.marketShare[f * R + r];
    for (const r of [HOM, HUB, NBR]) expect(share(0, r) + share(1, r)).toBeCloseTo(1, 12);
    const orders0 = [HOM, HUB, NBR].reduce((sum, r) => sum + share(0, r) * demand[r], 0);
    const orders1 = [HOM, HUB, NBR].reduce((sum, r) => sum + share(1, r) * demand[r], 0);
    expect(plants.customerOrders[0]).toBeCloseTo(orders0, 9);
    expect(plants.customerOrders[3]).toBeCloseTo(orders1, 9);
    expect(orders0).toBeGreaterThan(50); // plant 0 runs short
    const fill0 = 50 / orders0;
    expect(plants.delivered[0]).toBeCloseTo(50, 9);
    expect(plants.lostSales[0]).toBeCloseTo(orders0 - 50, 9);
    // Plant 3 fills all its customers (no distribution hub to restock: last-mile tests do that).
    expect(plants.delivered[3]).toBeCloseTo(orders1, 9);
    expect(plants.finishedStock[3]).toBeCloseTo(1_000 - orders1, 9);
    expect(plants.availability[0]).toBeCloseTo(1 + params.availabilityMemoryRate * (fill0 - 1), 12);
    for (const r of [HOM, HUB, NBR]) {
      expect(world.finalMarket.finalDelivered[r]).toBeCloseTo(share(0, r) * demand[r] * fill0 + share(1, r) * demand[r], 9);
      expect(world.finalMarket.finalLost[r]).toBeCloseTo(share(0, r) * demand[r] * (1 - fill0), 9);
    }
    expect(firms.revenue[0]).toBeCloseTo(10 * 50, 9);
    expect(firms.revenue[1]).toBeCloseTo(12 * orders1, 9);
    expect(firms.cash[0] - cash[0]).toBeCloseTo(10 * 50, 6);
    expect(firms.cash[1] - cash[1]).toBeCloseTo(12 * orders1, 6);
    expect(ledger.consumerSpending - spending).toBeCloseTo(10 * 50 + 12 * orders1, 6);
    expect(firms.shortfall[0]).toBeCloseTo(1 - fill0, 12);
    expect(firms.shortfall[1]).toBe(0);
    // Demand by bloc: an average over the strategy period (bloc A = HOM + NBR, bloc B = HUB).
    const keep = 1 - 1 / params.strategyPeriodWeeks;
    const T = params.strategyPeriodWeeks;
    expect(firms.demandByBloc[0 * B + 0]).toBeCloseTo(40 * keep + (share(0, HOM) * demand[HOM] + share(0, NBR) * demand[NBR]) / T, 9);
    expect(firms.demandByBloc[0 * B + 1]).toBeCloseTo(8 * keep + (share(0, HUB) * demand[HUB]) / T, 9);
    expect(firms.demandByBloc[1 * B + 1]).toBeCloseTo(30 * keep + (share(1, HUB) * demand[HUB]) / T, 9);
  });
});
