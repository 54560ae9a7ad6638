/**
 * The final-goods market with distribution hubs for two firms (MODEL.md §3 step 4, §7.5, §9.5;
 * agents/firm/market.ts), against hand computations: a hub's availability in the logit, what a hub
 * cannot fill passed to the serving plant (only where it can ship), a plant's restocking fill, the
 * hubs' availability after the week, firms without a serving plant or without orders, serving
 * plants when the bloc's own plant is not the nearest (and with three blocs), the mean delivered
 * price over the firms that can deliver (three firms), and demand that follows income.
 */
import { describe, expect, it } from 'vitest';
import { assignServingPlants, computeMarketShares, regionalFinalDemand, serveFinalDemand } from '../../../agents/firm/market.ts';
import type { World } from '../../../src/model/world.ts';
import { HB2, HOM, HUB, NBR, region, threeRegions, tinyWorld, twoFirmsTwoHubs, withSecondHub } from './tiny-world.ts';

const B = 2;

/** Everything a hub and a plant start the week with, cleared. */
function clearHubs(world: World): void {
  const { firms } = world;
  firms.distributionHub.fill(0);
  firms.hubStock.fill(0);
  firms.hubForecast.fill(0);
  firms.hubInbound.fill(0);
  firms.outbound.fill(0);
}

describe('§9.5 a second firm’s hub in bloc B (firm 1 homed in HUB: hub 1·2 + 1 = 3)', () => {
  /**
   * Firm 0 homed in HOM (plant 0), firm 1 in HUB (plant 3); demand HOM 60, HUB 30, NBR 10. Only
   * availability counts in the logit, with weight ln 3: plants' availability 0, firm 1's bloc-B hub
   * 1, so in HUB firm 1 (served from its hub) has e^{ln 3} = 3 times firm 0's weight: shares 3/4 and
   * 1/4; in HOM and NBR both firms ship direct with utility 0: shares 1/2.
   */
  function hubWorld(): World {
    const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
    const { plants, regions, firms, params } = world;
    expect(Array.from(plants.region)).toEqual([HOM, HUB, HOM, HUB]);
    expect(Array.from(plants.active)).toEqual([1, 0, 0, 1]);
    params.priceWeight = 0;
    params.trustWeight = 0;
    params.localContentWeight = 0;
    params.availabilityWeight = Math.log(3);
    regions.finalDemandBase.set([60, 30, 10]);
    clearHubs(world);
    firms.distributionHub[3] = 1;
    firms.hubStock[3] = 9;
    firms.hubAvailability.set([0, 0, 0, 1]);
    firms.demandByBloc.set([40, 8, 5, 30]);
    plants.availability.fill(0);
    plants.finishedStock.fill(0);
    plants.finishedStock[0] = 1_000;
    plants.finishedStock[3] = 38.8;
    plants.price[0] = 10;
    plants.price[3] = 12;
    return world;
  }

  it('shares by hub availability; the hub fills 9 of 22.5 (0.4), the plant gets the rest (13.5) on top of its direct orders', () => {
    const world = hubWorld();
    const { plants, firms, scratch, regions } = world;
    serveFinalDemand(world);
    expect(Array.from(world.finalMarket.finalDemand)).toEqual([60, 30, 10]);
    const R = 3;
    expect(scratch.marketShare[1 * R + HUB]).toBeCloseTo(0.75, 12);
    expect(scratch.marketShare[0 * R + HUB]).toBeCloseTo(0.25, 12);
    expect(scratch.marketShare[1 * R + HOM]).toBeCloseTo(0.5, 12);
    // Hub orders: 3/4 × 30 = 22.5 to firm 1's bloc-B hub; none to firm 0's.
    expect(Array.from(firms.hubOrders)).toEqual([0, 0, 0, expect.closeTo(22.5, 12)]);
    expect(scratch.hubFill[3]).toBeCloseTo(0.4, 12);
    // Plant 0: 30 + 5 + 7.5 = 42.5 direct. Plant 3: 30 + 5 direct, plus (1 − 0.4) × 22.5 = 13.5 from the hub.
    expect(plants.customerOrders[0]).toBeCloseTo(42.5, 12);
    expect(plants.customerOrders[3]).toBeCloseTo(48.5, 12);
    // Final demand per serving plant counts the hub's orders too: 30 + 5 + 22.5 = 57.5.
    expect(scratch.plantFinalDemand[0]).toBeCloseTo(42.5, 12);
    expect(scratch.plantFinalDemand[3]).toBeCloseTo(57.5, 12);
    // Plant 3 fills 38.8 / 48.5 = 0.8 of its customers.
    expect(scratch.plantFill[3]).toBeCloseTo(0.8, 12);
  });

  it('deliveries in HUB: 7.5 from plant 0, 9 via the hub and 0.8 × 13.5 = 10.8 direct from plant 3; firm 1’s shortfall 9.7 / 57.5', () => {
    const world = hubWorld();
    const { firms, regions, params } = world;
    serveFinalDemand(world);
    expect(world.finalMarket.finalViaHub[HUB]).toBeCloseTo(9, 12);
    expect(world.finalMarket.finalDelivered[HUB]).toBeCloseTo(7.5 + 9 + 10.8, 12);
    expect(world.finalMarket.finalLost[HUB]).toBeCloseTo(30 - 27.3, 12);
    expect(world.finalMarket.finalDelivered[HOM]).toBeCloseTo(30 + 24, 12);
    // Firm 1: ordered 30 + 5 + 22.5 = 57.5; lost 6 (HOM) + 1 (NBR) + 2.7 (HUB) = 9.7; paid 12 per unit delivered.
    expect(firms.shortfall[1]).toBeCloseTo(9.7 / 57.5, 12);
    expect(firms.shortfall[0]).toBe(0);
    expect(firms.revenue[1]).toBeCloseTo(12 * (24 + 4 + 9 + 10.8), 9);
    // Demand by bloc decays by 1 − 1/T and adds this week's orders / T.
    const T = params.strategyPeriodWeeks;
    const keep = 1 - 1 / T;
    expect(firms.demandByBloc[1 * B + 0]).toBeCloseTo(5 * keep + 35 / T, 12);
    expect(firms.demandByBloc[1 * B + 1]).toBeCloseTo(30 * keep + 22.5 / T, 12);
    expect(firms.demandByBloc[0 * B + 1]).toBeCloseTo(8 * keep + 7.5 / T, 12);
  });

  it('the hub’s availability follows its bloc’s fill: 0.4 from stock + 0.6 × the supplying plant’s 0.8 = 0.88; firms’ blocs without a hub keep theirs', () => {
    const world = hubWorld();
    const { firms, scratch, params } = world;
    serveFinalDemand(world);
    expect(scratch.hubSupplier[3]).toBe(3);
    expect(firms.hubAvailability[3]).toBeCloseTo(1 + params.availabilityMemoryRate * (0.88 - 1), 12);
    expect(Array.from(firms.hubAvailability.subarray(0, 3))).toEqual([0, 0, 0]);
  });
});

describe('§9.5 hubs whose plant cannot ship, and a plant’s restocking fill', () => {
  /**
   * Two firms homed in HOM and NBR (plants 0 and 2), each with a bloc-A hub (0 and 2: stock 15 and
   * 12); NBR's border is closed. Demand HOM 60, NBR 10, none in bloc B. All logit weights 0: the two
   * firms split HOM 30/30 through their hubs; NBR is served only by firm 1's plant inside it.
   */
  function closedWorld(): World {
    const world = twoFirmsTwoHubs();
    const { plants, regions, firms, params } = world;
    expect(Array.from(plants.region)).toEqual([HOM, HUB, NBR, HUB]);
    expect(Array.from(plants.active)).toEqual([1, 0, 1, 0]);
    params.priceWeight = 0;
    params.trustWeight = 0;
    params.localContentWeight = 0;
    params.availabilityWeight = 0;
    regions.finalDemandBase.set([60, 0, 10, 0]);
    regions.borderOpen[NBR] = 0;
    clearHubs(world);
    firms.distributionHub.set([1, 0, 1, 0]);
    firms.hubStock.set([15, 0, 12, 0]);
    firms.hubAvailability.set([0.9, 0.5, 0.9, 0.5]);
    plants.finishedStock.fill(0);
    plants.finishedStock[0] = 25;
    plants.finishedStock[2] = 100;
    plants.price[0] = 10;
    plants.price[2] = 11;
    return world;
  }

  it('a hub shortfall goes to the serving plant only where it can ship: firm 0’s 15 to plant 0, firm 1’s 18 nowhere (plant 2 is behind NBR’s closed border)', () => {
    const world = closedWorld();
    const { plants, firms, scratch, regions } = world;
    serveFinalDemand(world);
    expect(Array.from(world.finalMarket.finalDemand)).toEqual([60, 0, 10, 0]);
    expect(firms.hubOrders[0]).toBeCloseTo(30, 12);
    expect(firms.hubOrders[2]).toBeCloseTo(30, 12);
    expect(scratch.hubFill[0]).toBeCloseTo(0.5, 12);
    expect(scratch.hubFill[2]).toBeCloseTo(0.4, 12);
    // Plant 0: (1 − 0.5) × 30 = 15. Plant 2: only NBR's 10 (NBR's own orders go direct: its border is closed).
    expect(plants.customerOrders[0]).toBeCloseTo(15, 12);
    expect(plants.customerOrders[2]).toBeCloseTo(10, 12);
    // HOM receives 15 + 15 from firm 0 and 12 from firm 1's hub; firm 1's other 18 are lost.
    expect(world.finalMarket.finalDelivered[HOM]).toBeCloseTo(42, 12);
    expect(world.finalMarket.finalLost[HOM]).toBeCloseTo(18, 12);
    expect(world.finalMarket.finalViaHub[HOM]).toBeCloseTo(27, 12);
    expect(world.finalMarket.finalDelivered[NBR]).toBeCloseTo(10, 12);
    expect(firms.shortfall[1]).toBeCloseTo(18 / 40, 12);
    expect(firms.revenue[1]).toBeCloseTo(11 * (12 + 10), 9);
  });

  it('restocking: hub 0 orders 10.8 + 0.26 × 2 × 10.8 = 16.416 from plant 0, which has 25 − 15 = 10 left after its customers: fill 10 / 16.416', () => {
    const world = closedWorld();
    const { plants, firms, scratch, geo } = world;
    serveFinalDemand(world);
    // D̂ = 0 + 0.36 × 30 = 10.8; lead HOM → HOM 1 week (no supply line wanted); cover 2.
    expect(firms.hubForecast[0]).toBeCloseTo(10.8, 12);
    expect(plants.replenishmentOrders[0]).toBeCloseTo(16.416, 12);
    expect(scratch.replenishmentFill[0]).toBeCloseTo(10 / 16.416, 12);
    expect(plants.delivered[0]).toBeCloseTo(15 + 10, 12);
    expect(plants.finishedStock[0]).toBeCloseTo(0, 12);
    const H = firms.hubStock.length;
    expect(firms.hubInbound[((world.tick + 1) % geo.pipelineWeeks) * H + 0]).toBeCloseTo(10, 12);
    // Hub 2's plant cannot ship to HOM: no order, no supplier.
    expect(scratch.hubSupplier[2]).toBe(-1);
    expect(scratch.hubSupplier[0]).toBe(0);
  });

  it('hub availability: hub 0 (supplier plant 0, fill 1) sees 0.5 + 0.5 × 1 = 1; hub 2 (no supplier) only its own 0.4; no hub, no change', () => {
    const world = closedWorld();
    const { firms, params } = world;
    serveFinalDemand(world);
    const rate = params.availabilityMemoryRate;
    expect(firms.hubAvailability[0]).toBeCloseTo(0.9 + rate * (1 - 0.9), 12);
    expect(firms.hubAvailability[2]).toBeCloseTo(0.9 + rate * (0.4 - 0.9), 12);
    expect(firms.hubAvailability[1]).toBe(0.5);
    expect(firms.hubAvailability[3]).toBe(0.5);
  });
});

describe('§7.5 a firm without a serving plant, or without orders', () => {
  it('a firm whose only plant is below the serving share sells nothing, even with a hub in stock; it has no orders and no shortfall', () => {
    const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
    const { plants, firms, regions, scratch, params } = world;
    regions.finalDemandBase.set([60, 30, 10]);
    clearHubs(world);
    // Firm 0's plant 0 is ramping, below servingCapacityShare of its target; its bloc-A hub holds 50.
    plants.capacityTarget[0] = 100;
    plants.capacity[0] = params.servingCapacityShare * 100 - 1;
    firms.distributionHub[0] = 1;
    firms.hubStock[0] = 50;
    // Firm 1's plant 3 runs with no workers and no capacity yet: a presence of 0, not 0 / 0.
    plants.capacity[3] = 0;
    plants.capacityTarget[3] = 0;
    plants.employment[3] = 0;
    plants.finishedStock[3] = 1_000;
    plants.price[3] = 12;
    world.communityRegions.trustFirms.fill(0.6);
    serveFinalDemand(world);
    const R = 3;
    for (const r of [HOM, HUB, NBR]) {
      expect(scratch.servingPlant[0 * R + r]).toBe(-1);
      expect(scratch.marketShare[0 * R + r]).toBe(0);
      expect(scratch.marketShare[1 * R + r]).toBe(1);
    }
    expect(firms.hubOrders[0]).toBe(0);
    expect(firms.hubStock[0]).toBe(50);
    expect(firms.revenue[0]).toBe(0);
    expect(firms.shortfall[0]).toBe(0);
    expect(firms.revenue[1]).toBeCloseTo(12 * 100, 9);
    expect(world.finalMarket.finalDelivered[HOM]).toBeCloseTo(60, 12);
  });
});

describe('§2 serving plants when the bloc’s own plant is not the nearest', () => {
  /**
   * Firm 0 homed in HUB (home plant 1; plant 0 in HOM), firm 1 in HOM (home plant 2; plant 3 in
   * HUB); HB2 (bloc B, 90°W) is 90° from HOM but 180° from HUB.
   */
  function servingWorld(): World {
    const world = tinyWorld(withSecondHub(threeRegions({ leadFirmHomes: [HUB, HOM] })));
    const { plants } = world;
    expect(Array.from(plants.region)).toEqual([HOM, HUB, HOM, HUB]);
    expect(Array.from(plants.active)).toEqual([0, 1, 1, 0]);
    return world;
  }

  it('a firm with no running plant in a bloc serves it from its own nearest running plant, never another firm’s', () => {
    const world = servingWorld();
    assignServingPlants(world);
    const R = 4;
    // Firm 0 serves HOM from its HUB plant 1, though firm 1's plant 2 stands in HOM.
    expect(Array.from(world.scratch.servingPlant.subarray(0, R))).toEqual([1, 1, 1, 1]);
    expect(Array.from(world.scratch.servingPlant.subarray(R, 2 * R))).toEqual([2, 2, 2, 2]);
  });

  it('a running bloc plant serves its whole bloc, even a market nearer to the firm’s other plant, from exactly the serving share', () => {
    const world = servingWorld();
    const { plants, scratch, params } = world;
    const R = 4;
    plants.active[3] = 1;
    plants.capacityTarget[3] = 100;
    plants.capacity[3] = params.servingCapacityShare * 100;
    assignServingPlants(world);
    // HB2 is bloc B: firm 1's bloc-B plant 3 (HUB, 180° away) serves it, not plant 2 (HOM, 90° away).
    expect(scratch.servingPlant[1 * R + HB2]).toBe(3);
    expect(scratch.servingPlant[1 * R + HUB]).toBe(3);
    expect(scratch.servingPlant[1 * R + NBR]).toBe(2);
    // Below the share it falls back to the nearest running plant: plant 2 for HB2.
    plants.capacity[3] = params.servingCapacityShare * 100 - 1;
    assignServingPlants(world);
    expect(scratch.servingPlant[1 * R + HB2]).toBe(2);
  });
});

describe('§9.2 final demand follows income', () => {
  it('demand = base × multiplier × incomeRatio^η (η = demandIncomeElasticity): a region at 80% of its income trend buys 0.8^η of its base', () => {
    const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
    const { regions, params } = world;
    expect(params.demandFollowsIncome).toBe(true);
    regions.finalDemandBase[NBR] = 50;
    regions.finalDemandMultiplier[NBR] = 0.9;
    world.communityRegions.incomeRatio[NBR] = 0.8;
    regions.demandNoise[NBR] = 0;
    expect(regionalFinalDemand(world, NBR)).toBeCloseTo(50 * 0.9 * Math.pow(0.8, params.demandIncomeElasticity), 12);
    expect(params.demandIncomeElasticity).toBeGreaterThan(0);
  });
});

describe('§7.5 the logit uses the hub’s availability of the market’s own bloc', () => {
  it('firm 1’s bloc-A hub (index 2) counts in HOM, its bloc-B hub (index 3) in HUB', () => {
    const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
    const { firms, plants, params, scratch } = world;
    params.priceWeight = 0;
    params.trustWeight = 0;
    params.localContentWeight = 0;
    params.availabilityWeight = Math.log(3);
    plants.availability.fill(0);
    firms.distributionHub.fill(0);
    firms.distributionHub[2] = 1;
    firms.distributionHub[3] = 1;
    firms.hubAvailability.set([0, 0, 1, 0]);
    assignServingPlants(world);
    computeMarketShares(world, HOM);
    computeMarketShares(world, HUB);
    const R = 3;
    // HOM: firm 1's hub availability 1 → weight 3 against firm 0's 1: 3/4. HUB: its hub there has 0: 1/2.
    expect(scratch.marketShare[1 * R + HOM]).toBeCloseTo(0.75, 12);
    expect(scratch.marketShare[1 * R + HUB]).toBeCloseTo(0.5, 12);
  });
});

describe('§7.5 the mean delivered price counts only firms with a serving plant', () => {
  it('three firms: firm 0 has a hub but no plant past the serving share; firms 1 and 2 split NBR by delivered price 120 and 100 around their mean 110', () => {
    const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB, NBR] }));
    const { firms, plants, params, scratch, geo, regions } = world;
    const R = 3;
    expect(firms.count).toBe(3);
    params.availabilityWeight = 0;
    params.trustWeight = 0;
    params.localContentWeight = 0;
    regions.tariff.fill(0);
    firms.distributionHub.fill(0);
    firms.distributionHub[0] = 1; // firm 0's bloc-A hub
    plants.active.fill(0);
    // Firm 0's home plant ramps below the serving share; firm 1 runs plant 3 (bloc B), firm 2 plant 4 (bloc A).
    for (const p of [0, 3, 4]) {
      plants.active[p] = 1;
      plants.capacityTarget[p] = 100;
      plants.capacity[p] = 100;
      plants.price[p] = 100;
    }
    plants.capacity[0] = params.servingCapacityShare * 100 - 1;
    expect(plants.region[3]).toBe(HUB);
    expect(plants.region[4]).toBe(NBR);
    geo.freightPerUnit[HUB * R + NBR] = 20;
    assignServingPlants(world);
    expect(scratch.servingPlant[0 * R + NBR]).toBe(-1);
    expect(scratch.servingPlant[1 * R + NBR]).toBe(3);
    expect(scratch.servingPlant[2 * R + NBR]).toBe(4);
    computeMarketShares(world, NBR);
    // U = −β_p × delivered / mean: firm 1 −β_p × 120 / 110, firm 2 −β_p × 100 / 110.
    const share2 = 1 / (1 + Math.exp((-params.priceWeight * 20) / 110));
    expect(scratch.marketShare[2 * R + NBR]).toBeCloseTo(share2, 12);
    expect(scratch.marketShare[1 * R + NBR]).toBeCloseTo(1 - share2, 12);
    expect(scratch.marketShare[0 * R + NBR]).toBe(0);
  });
});

describe('§2 serving plants with three blocs', () => {
  it('a bloc without a running plant is served from the nearest of the firm’s other running plants (30° away, not 120°)', () => {
    const world = tinyWorld({
      name: 'three-blocs',
      blocs: ['A', 'B', 'C'],
      regions: [
        region('HOM', { bloc: 0, longitude: 0 }),
        region('NEA', { bloc: 1, longitude: 30 }),
        region('FAR', { bloc: 2, longitude: 120, isHub: true }),
      ],
      leadFirmHomes: [0],
      hubSuppliersPerHub: 1,
      smesAtScaleOne: 0,
      cellsAtScaleOne: 3,
      regionNeighbours: [[], [], []],
    });
    const { plants, scratch } = world;
    expect(plants.blocCount).toBe(3);
    expect(Array.from(plants.region)).toEqual([0, 1, 2]);
    plants.active.set([0, 1, 1]);
    plants.capacityTarget.set([100, 100, 100]);
    plants.capacity.set([100, 100, 100]);
    assignServingPlants(world);
    expect(Array.from(scratch.servingPlant.subarray(0, 3))).toEqual([1, 1, 2]);
  });
});

