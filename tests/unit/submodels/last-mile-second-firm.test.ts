/**
 * Last-mile rules (MODEL.md §9.5, agents/firm/last-mile.ts) for a second lead firm, against
 * hand-computed values: its goods and hubs sit at their own indices (firm × blocs + bloc), so an
 * index slip that firm 0 cannot show fails here; plus the hubs' fill and the bloc's distribution
 * region when two markets tie.
 */
import { describe, expect, it } from 'vitest';
import { chooseDistributionHubs, lastMileCosts } from '../../../agents/firm/last-mile-choice.ts';
import { assignServingPlants } from '../../../agents/firm/market.ts';
import { closeHub, dispatch, distributionRegion, fillFromHubs, orderHubStock, outboundWeeks, receiveFinalGoods, shipToHubs, usesHub } from '../../../agents/firm/last-mile.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, threeRegions, tinyWorld } from './tiny-world.ts';

const B = 2; // blocs: A (HOM, NBR), B (HUB)
const FIRM = 1; // the second firm, at the hub region (bloc B)
const HUB_A = FIRM * B + 0; // its hub in bloc A
const HUB_B = FIRM * B + 1; // its hub in bloc B
const HOME = FIRM * B + 1; // its home plant (bloc B)

function twoFirms(): World {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
  const { firms, plants } = world;
  expect(firms.count).toBe(2);
  expect(plants.blocCount).toBe(B);
  expect(firms.homeBloc[FIRM]).toBe(1);
  world.tick = 3;
  firms.outbound.fill(0);
  firms.hubInbound.fill(0);
  firms.hubStock.fill(0);
  firms.distributionHub.fill(0);
  plants.active.set([1, 0, 0, 1]);
  plants.finishedStock.fill(0);
  world.ledger.finalSold = 0;
  world.ledger.finalWrittenOff = 0;
  return world;
}

describe('§9.5 last mile for a second firm', () => {
  it('outbound goods of each firm arrive in their own slot and count as sold; delivery weeks and hub deliveries are counted by market', () => {
    const world = twoFirms();
    const { firms, geo, regions } = world;
    world.finalMarket.finalDeliveryUnitWeeks.fill(0);
    world.finalMarket.finalViaHub.fill(0);
    dispatch(world, FIRM, HUB, 2, 1, true);
    dispatch(world, FIRM, HOM, 5, 2, false);
    dispatch(world, 0, HOM, 3, 2, false);
    dispatch(world, FIRM, HOM, 0, 2, false);
    const slot = (3 + 2) % geo.pipelineWeeks;
    expect(firms.outbound[slot * 2 + FIRM]).toBe(5);
    expect(firms.outbound[slot * 2]).toBe(3);
    expect([...world.finalMarket.finalDeliveryUnitWeeks]).toEqual([16, 2, 0]);
    expect([...world.finalMarket.finalViaHub]).toEqual([0, 2, 0]);
    world.tick = 4;
    receiveFinalGoods(world);
    expect(world.ledger.finalSold).toBe(2);
    world.tick = 5;
    receiveFinalGoods(world);
    expect(world.ledger.finalSold).toBe(10);
    expect(firms.outbound[slot * 2 + FIRM]).toBe(0);
  });

  it('plant → hub shipments land in the firm’s open hub, in its home plant where the hub has closed, else are written off', () => {
    const world = twoFirms();
    const { firms, plants, geo, ledger } = world;
    const H = firms.hubStock.length;
    const slot = 3 % geo.pipelineWeeks;
    firms.distributionHub[HUB_B] = 1;
    firms.hubInbound[slot * H + HUB_B] = 7;
    firms.hubInbound[slot * H + HUB_A] = 4; // its bloc-A hub has closed
    receiveFinalGoods(world);
    expect(firms.hubStock[HUB_B]).toBe(7);
    expect(plants.finishedStock[HOME]).toBe(4);
    expect(plants.finishedStock[0]).toBe(0);
    expect(firms.hubInbound[slot * H + HUB_B]).toBe(0);
    expect(ledger.finalWrittenOff).toBe(0);
    // The firm's home plant closed: goods for its closed hub are written off.
    plants.active[HOME] = 0;
    firms.hubInbound[slot * H + HUB_A] = 6;
    receiveFinalGoods(world);
    expect(ledger.finalWrittenOff).toBe(6);
    expect(plants.finishedStock[HOME]).toBe(4);
  });

  it('closing a hub returns its stock to the firm’s home plant, or writes it off with the firm', () => {
    const world = twoFirms();
    const { firms, plants, ledger } = world;
    firms.distributionHub[HUB_B] = 1;
    firms.hubStock[HUB_B] = 12;
    firms.hubForecast[HUB_B] = 3;
    firms.hubAvailability[HUB_B] = 0.5;
    closeHub(world, HUB_B);
    expect(plants.finishedStock[HOME]).toBe(12);
    expect(plants.finishedStock[0]).toBe(0);
    expect([firms.hubStock[HUB_B], firms.hubForecast[HUB_B], firms.hubAvailability[HUB_B], firms.distributionHub[HUB_B]]).toEqual([0, 0, 1, 0]);
    firms.distributionHub[HUB_A] = 1;
    firms.hubStock[HUB_A] = 9;
    firms.alive[FIRM] = 0;
    closeHub(world, HUB_A);
    expect(ledger.finalWrittenOff).toBe(9);
    expect(plants.finishedStock[HOME]).toBe(12);
  });

  it('a firm serves a market from its hub in that market’s bloc while the market’s border is open', () => {
    const world = twoFirms();
    const { firms, regions } = world;
    firms.distributionHub[HUB_B] = 1;
    expect(usesHub(world, FIRM, HUB)).toBe(true);
    expect(usesHub(world, FIRM, HOM)).toBe(false);
    expect(usesHub(world, 0, HUB)).toBe(false);
    regions.borderOpen[HUB] = 0;
    expect(usesHub(world, FIRM, HUB)).toBe(false);
  });

  it('plants ship each hub its order at their restocking fill, landing after the plant → hub lead time', () => {
    const world = twoFirms();
    const { firms, plants, scratch, geo } = world;
    const H = firms.hubStock.length;
    scratch.hubSupplier.fill(-1);
    scratch.hubOrdered.fill(0);
    scratch.hubSupplier[HUB_B] = HOME;
    scratch.hubOrdered[HUB_B] = 10;
    scratch.replenishmentFill[HOME] = 0.5;
    scratch.hubSupplier[HUB_A] = HOME; // ordered nothing
    scratch.hubOrdered[0] = 8; // firm 0's hub ordered, but from no plant
    shipToHubs(world);
    const lead = outboundWeeks(world, plants.region[HOME], distributionRegion(world, 1));
    expect(firms.hubInbound[((3 + lead) % geo.pipelineWeeks) * H + HUB_B]).toBe(5);
    expect(firms.hubInbound.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('§9.5 a hub restocks by the Sterman rule from the plant serving its distribution region', () => {
  it('forecast 20 → 23.6 (orders 30, smoothing 0.36), stock 5, 4 + 6 in transit: O = 23.6 + a · (cover · 23.6 − 5 + b · ((L − 1) · 23.6 − 10)), from the plant serving NBR', () => {
    const world = twoFirms();
    const { firms, plants, regions, scratch, params, geo } = world;
    const H = firms.hubStock.length;
    const R = regions.count;
    regions.finalDemandBase.set([20, 30, 50]); // bloc A's distribution region: NBR
    firms.distributionHub[HUB_A] = 1;
    firms.hubForecast[HUB_A] = 20;
    firms.hubOrders.fill(0);
    firms.hubOrders[HUB_A] = 30;
    firms.hubStock[HUB_A] = 5;
    firms.hubInbound[1 * H + HUB_A] = 4;
    firms.hubInbound[4 * H + HUB_A] = 6;
    firms.hubInbound[2 * H + HUB_B] = 100; // another hub's goods in transit
    firms.hubForecast[HUB_B] = 40; // not a distribution hub: left alone
    scratch.servingPlant.fill(-1);
    scratch.servingPlant[FIRM * R + NBR] = HOME;
    scratch.servingPlant[0 * R + NBR] = 0;
    orderHubStock(world);
    expect(params.forecastSmoothing).toBe(0.36);
    const forecast = 20 + 0.36 * 10;
    const lead = outboundWeeks(world, plants.region[HOME], NBR);
    expect(lead).toBeLessThan(geo.pipelineWeeks);
    const { lastMileCoverWeeks: cover, stockAdjustment: a, supplyLineWeight: b } = params;
    const order = Math.max(0, forecast + a * (cover * forecast - 5 + b * (Math.max(0, lead - 1) * forecast - 10)));
    expect(order).toBeGreaterThan(0);
    expect(firms.hubForecast[HUB_A]).toBeCloseTo(forecast, 12);
    expect(firms.hubForecast[HUB_B]).toBe(40);
    expect(scratch.hubOrdered[HUB_A]).toBeCloseTo(order, 9);
    expect(scratch.hubSupplier[HUB_A]).toBe(HOME);
    expect(plants.replenishmentOrders[HOME]).toBeCloseTo(order, 9);
    expect(plants.replenishmentOrders[0]).toBe(0);
    expect(scratch.hubSupplier[HUB_B]).toBe(-1);
    // The distribution region's border closes: the plant cannot ship there, so no order.
    regions.borderOpen[NBR] = 0;
    orderHubStock(world);
    expect(scratch.hubSupplier[HUB_A]).toBe(-1);
    expect(plants.replenishmentOrders[HOME]).toBe(0);
  });
});

describe('§9.5 hubs fill their orders, and the bloc’s distribution region', () => {
  it('one fill for the hub: 4 of 10 ordered → 0.4 and an empty stock; 15 for 10 → 1 and 5 left; no orders → 1', () => {
    const world = twoFirms();
    const { firms, scratch } = world;
    firms.hubOrders.fill(0);
    firms.hubStock.set([4, 15, 6, 0]);
    firms.hubOrders.set([10, 10, 0, 0]);
    fillFromHubs(world);
    expect([...scratch.hubFill.slice(0, 4)]).toEqual([0.4, 1, 1, 1]);
    expect([...firms.hubStock]).toEqual([0, 5, 6, 0]);
  });

  it('the largest final market of the bloc; of two equal ones, the first; none in an empty bloc', () => {
    const world = twoFirms();
    const { regions } = world;
    regions.finalDemandBase.set([50, 30, 80]);
    expect(distributionRegion(world, 0)).toBe(NBR);
    expect(distributionRegion(world, 1)).toBe(HUB);
    regions.finalDemandBase.set([50, 30, 50]);
    expect(distributionRegion(world, 0)).toBe(HOM);
    expect(distributionRegion(world, 2)).toBe(-1);
  });
});

describe('§9.5 the quarterly hub choice for a second firm', () => {
  /**
   * Firm 1 homed in bloc B: its bloc-A plant (2, in HOM) serves bloc A, its home plant (3) sits in
   * HUB. Its observed hazard is `hazardA` where plant 2 stands and `hazardB` at HUB; firm 0 sees a
   * hazard of 0.9 everywhere and π = 5π0, so reading firm 0's state instead of firm 1's shows.
   */
  function choiceWorld(hazardA: number, hazardB: number): World {
    const world = twoFirms();
    const { firms, plants, regions, params } = world;
    const R = regions.count;
    Object.assign(params, { markup: 0.2, disruptionLossDepth: 0.5, availabilityWeight: 2, meanDisruptionWeeks: 6, inventoryCoverWeeks: 2 });
    Object.assign(params, { lastMileCoverWeeks: 2, finishedHoldingCostPerYear: 0.25, strategyTemp: 0.05, lastMileHubs: 'choice' });
    plants.active.set([1, 0, 1, 1]);
    plants.capacity.fill(100);
    plants.capacityTarget.fill(100);
    plants.unitCost.set([300, 300, 100, 100]);
    expect(plants.region[2]).toBe(HOM);
    expect(plants.region[HOME]).toBe(HUB);
    regions.finalDemandBase.set([50, 30, 20]);
    firms.observedHazard.fill(0.9);
    firms.observedHazard.fill(0, FIRM * R, FIRM * R + R);
    firms.observedHazard[FIRM * R + HOM] = hazardA;
    firms.observedHazard[FIRM * R + HUB] = hazardB;
    firms.riskPerception[0] = 5 * params.riskPerceptionInitial;
    firms.riskPerception[FIRM] = params.riskPerceptionInitial;
    firms.demandByBloc.set([40, 40, 25, 0]);
    world.economy.totalFinalDemand = 100;
    assignServingPlants(world);
    return world;
  }

  it('prices the stop at the plant serving the bloc with the firm’s own ĥ, π and share: direct = 0.02 · 20 · 0.5 · 2.5 · (6 − 2) = 2; hub = 2 · 100 · 0.25 / 52 + 0.02 · 25 · 2', () => {
    const world = choiceWorld(0.02, 0.5);
    const costs = lastMileCosts(world, FIRM, 2);
    expect(costs.direct).toBeCloseTo(2, 10);
    expect(costs.hub).toBeCloseTo(50 / 52 + 1, 10);
    // At its home plant, in HUB (region 1): ĥ = 0.5, direct = 0.5 · 20 · 0.5 · 2.5 · 4 = 50.
    expect(lastMileCosts(world, FIRM, HOME).direct).toBeCloseTo(50, 10);
  });

  it('prices the plant serving the bloc’s distribution region when that is not region 0 (NBR the largest market)', () => {
    const world = choiceWorld(0, 0.9);
    world.regions.finalDemandBase.set([20, 30, 50]);
    world.plants.active[1] = 1; // firm 0's plant in HUB, so a wrong index finds a risky plant
    assignServingPlants(world);
    chooseDistributionHubs(world);
    expect(world.firms.distributionHub[HUB_A]).toBe(0);
  });

  it('all: a hub in each bloc the firm sells in and has a plant for, at the firm’s own index; a hub still wanted keeps its stock', () => {
    const world = choiceWorld(0, 0);
    const { firms } = world;
    world.params.lastMileHubs = 'all';
    firms.demandByBloc.set([0, 0, 0, 25]);
    chooseDistributionHubs(world);
    expect(Array.from(firms.distributionHub)).toEqual([0, 0, 0, 1]);
    expect(firms.hubForecast[HUB_B]).toBe(25);
    firms.hubStock[HUB_B] = 12;
    firms.demandByBloc.set([0, 0, 25, 25]);
    chooseDistributionHubs(world);
    expect(Array.from(firms.distributionHub)).toEqual([0, 0, 1, 1]);
    expect(firms.hubStock[HUB_B]).toBe(12);
    expect(firms.hubForecast[HUB_B]).toBe(25);
  });

  it('all: no hub for a dead firm, nor for a firm without an active plant, nor in a bloc without demand', () => {
    const world = choiceWorld(0, 0);
    const { firms, plants } = world;
    world.params.lastMileHubs = 'all';
    firms.demandByBloc.set([0, 0, 25, 0]);
    firms.alive[FIRM] = 0;
    chooseDistributionHubs(world);
    expect(Array.from(firms.distributionHub)).toEqual([0, 0, 0, 0]);
    firms.alive[FIRM] = 1;
    plants.active.set([1, 0, 0, 0]);
    assignServingPlants(world);
    chooseDistributionHubs(world);
    expect(Array.from(firms.distributionHub)).toEqual([0, 0, 0, 0]);
  });

  it('none: no hub however risky direct delivery is, and open ones close', () => {
    const world = choiceWorld(0.9, 0.9);
    world.firms.distributionHub[HUB_A] = 1;
    world.params.lastMileHubs = 'none';
    chooseDistributionHubs(world);
    expect(Array.from(world.firms.distributionHub)).toEqual([0, 0, 0, 0]);
  });

  it('choice: the bloc’s serving plant is priced (a risky one → a hub; a calm one → none), the home plant once the serving plant has closed', () => {
    // ĥ = 0.9 at the priced plant: direct 0.9 · 25 · 4 = 90, hub 0.96 + 45 = 45.96, (hub − direct) / T = −13, a hub;
    // ĥ = 0: direct 0, hub 0.96 (holding alone), (hub − direct) / T = 40, none.
    const risky = choiceWorld(0.9, 0);
    chooseDistributionHubs(risky);
    expect(risky.firms.distributionHub[HUB_A]).toBe(1);
    const calm = choiceWorld(0, 0.9);
    chooseDistributionHubs(calm);
    expect(calm.firms.distributionHub[HUB_A]).toBe(0);
    // The bloc-A plant stops after the serving plants were assigned: the risky home plant is priced.
    calm.plants.active[2] = 0;
    chooseDistributionHubs(calm);
    expect(calm.firms.distributionHub[HUB_A]).toBe(1);
  });

  it('choice: each option’s Gumbel draw comes from the firm.lastMile stream, keyed by firm × blocs + bloc, tick and option', () => {
    const world = choiceWorld(0.019, 0.019);
    const { firms, params } = world;
    const draws = world.draws.for('firm.lastMile');
    const costs = lastMileCosts(world, FIRM, 2);
    const temperature = params.strategyTemp * ((costs.direct + costs.hub) / 2);
    let opened = 0;
    for (let quarter = 0; quarter < 40; quarter++) {
      world.tick = 13 * quarter;
      firms.distributionHub.fill(0);
      chooseDistributionHubs(world);
      const expected = -costs.hub / temperature + draws.gumbel(HUB_A, world.tick, 1) > -costs.direct / temperature + draws.gumbel(HUB_A, world.tick, 0);
      expect(firms.distributionHub[HUB_A]).toBe(expected ? 1 : 0);
      opened += firms.distributionHub[HUB_A];
    }
    // Both outcomes occur, so the draws decide.
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThan(40);
  });
});
