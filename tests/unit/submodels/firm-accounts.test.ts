/**
 * Phase 8 for lead firms (MODEL.md §3 step 8, §7.1, §7.4): one plant's week of wages,
 * coordination, local-sourcing subsidy and overhead; its component cost, unit cost, price and
 * value added; the firm's profit, tax, forecast and exit — for the second firm's plant, against
 * hand computations.
 */
import { describe, expect, it } from 'vitest';
import { settleFirms } from '../../../agents/firm/finance.ts';
import { plantOverheadFor } from '../../../agents/firm/costs.ts';
import { NO_BUYER } from '../../../agents/sme/schema.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, HB2, HOM, HUB, NBR, threeRegions, tinyWorld, twoFirmsTwoHubs, withSecondHub } from './tiny-world.ts';

const R = 4;
const P2 = 2; // firm 1's home plant, in NBR

/** Two firms (homes HOM and NBR), two hubs; plant 2's week set by hand. */
function accountsWorld(): World {
  const world = twoFirmsTwoHubs();
  const { plants, regions, economy, firms, scratch, policy } = world;
  expect(plants.region[P2]).toBe(NBR);
  economy.referenceFinalPrice = 100;
  economy.referenceComponentPrice = 50;
  economy.plantOverhead = 800;
  economy.referencePlantCapacity = 200;
  regions.wage[NBR] = 300;
  regions.productivity[NBR] = 1.5;
  world.communityRegions.access[HUB] = 0.2;
  world.communityRegions.access[HB2] = 0.4;
  world.communityRegions.access[NBR] = 0.9;
  regions.localSourcingSubsidy[NBR] = 0.1;
  policy.budgetQuarter.fill(1e12);
  scratch.plantSourceRegion.fill(0);
  for (const r of [HUB, HB2, NBR]) scratch.plantSourceRegion[P2 * R + r] = 1;
  plants.employment[P2] = 10;
  plants.receivedTotal[P2] = 100;
  plants.receivedLocal[P2] = 20;
  plants.inputSpend[P2] = 5_000;
  plants.smeContracts[P2] = 4;
  plants.capacityTarget[P2] = 150;
  plants.forecast[P2] = 120;
  plants.production[P2] = 90;
  plants.componentCost[P2] = 45;
  plants.price[P2] = 200;
  firms.revenue[1] = 30_000;
  firms.cash[1] = 1e6;
  firms.negativeCashWeeks[1] = 2;
  return world;
}

/** Plant 2's coordination this week: per unit over 3 source regions × 100 units, plus 4 contracts. */
function coordinationOf(world: World): number {
  const p = world.params;
  const perUnit = p.coordinationCostPerRegion * 100 * 2 * (1 - p.coordinationDigitalDiscount * ((0.2 + 0.4 + 0.9) / 3));
  return perUnit * 100 + 4 * p.contractFixedCost * 50;
}

describe('§3 step 8 a plant’s week in its firm’s accounts', () => {
  it('cash and profit: + subsidy − wages − coordination − overhead (− inputs for profit); tax on positive profit', () => {
    const world = accountsWorld();
    const { firms, params, ledger, plants } = world;
    const before = { ...ledger };
    settleFirms(world);
    const wages = 10 * 300;
    const coordination = coordinationOf(world);
    const subsidy = 0.1 * 50 * 20;
    const overhead = plantOverheadFor(world, 150);
    expect(overhead).toBeGreaterThan(0);
    const profit = 30_000 + subsidy - wages - coordination - overhead - 5_000;
    expect(firms.profit[1]).toBeCloseTo(profit, 9);
    const tax = params.profitTaxRate * profit;
    expect(1e6 - firms.cash[1]).toBeCloseTo(-(subsidy - wages - coordination - overhead) + tax, 9);
    expect(ledger.wages - before.wages).toBeCloseTo(wages, 9);
    expect(ledger.coordination - before.coordination).toBeCloseTo(coordination, 9);
    expect(ledger.overheads - before.overheads).toBeGreaterThanOrEqual(overhead - 1e-9);
    expect(ledger.subsidies - before.subsidies).toBeCloseTo(subsidy, 9);
    expect(ledger.profitTaxes - before.profitTaxes).toBeGreaterThanOrEqual(tax - 1e-9);
    expect(plants.sourcingRegions[P2]).toBe(3);
    // Cash stayed positive: the count of negative weeks resets; the firm's forecast is its plants'.
    expect(firms.negativeCashWeeks[1]).toBe(0);
    expect(firms.demandForecast[1]).toBeCloseTo(plants.forecast[2] + plants.forecast[3], 12);
  });

  it('a smart sourcing node among the source regions cuts the per-unit coordination by cut × its share', () => {
    const world = accountsWorld();
    const { regions, params, ledger } = world;
    regions.sourcingNode[HB2] = 1;
    const before = ledger.coordination;
    settleFirms(world);
    const perUnit =
      params.coordinationCostPerRegion * 100 * 2 * (1 - params.coordinationDigitalDiscount * ((0.2 + 0.4 + 0.9) / 3)) *
      (1 - params.sourcingNodeCoordinationCut / 3);
    // Firm 0's home plant sourced from nowhere this week: only plant 2 adds coordination.
    expect(ledger.coordination - before).toBeCloseTo(perUnit * 100 + 4 * params.contractFixedCost * 50, 9);
  });

  it('component cost follows (inputs − subsidy) / received + coordination / max(received, floor × forecast); unit cost adds labour and overhead at normal volume; price follows cost plus markup', () => {
    const world = accountsWorld();
    const { plants, params } = world;
    settleFirms(world);
    const coordination = coordinationOf(world);
    const volume = Math.max(100, params.unitCostVolumeFloor * 120);
    const landed = (5_000 - 0.1 * 50 * 20) / 100 + coordination / volume;
    const componentCost = 45 + params.componentCostMemoryRate * (landed - 45);
    expect(plants.componentCost[P2]).toBeCloseTo(componentCost, 9);
    const unitCost =
      componentCost + (params.labourPerAssembly * 300) / 1.5 + plantOverheadFor(world, 150) / (150 * params.plantUtilisationTarget);
    expect(plants.unitCost[P2]).toBeCloseTo(unitCost, 9);
    const price = 200 + params.priceAdjustmentRate * (unitCost * (1 + params.markup) - 200);
    expect(plants.price[P2]).toBeCloseTo(price, 9);
    expect(plants.valueAdded[P2]).toBeCloseTo(90 * Math.max(0, price - componentCost), 9);
  });

  it('a thin week spreads fixed costs over floor × forecast, and a week without receipts keeps the component cost', () => {
    const world = accountsWorld();
    const { plants, params } = world;
    plants.receivedTotal[P2] = 10;
    plants.receivedLocal[P2] = 0;
    plants.inputSpend[P2] = 500;
    settleFirms(world);
    const p = params;
    const perUnit = p.coordinationCostPerRegion * 100 * 2 * (1 - p.coordinationDigitalDiscount * ((0.2 + 0.4 + 0.9) / 3));
    const coordination = perUnit * 10 + 4 * p.contractFixedCost * 50;
    const volume = Math.max(10, p.unitCostVolumeFloor * 120);
    expect(volume).toBeGreaterThan(10);
    expect(plants.componentCost[P2]).toBeCloseTo(45 + p.componentCostMemoryRate * (500 / 10 + coordination / volume - 45), 9);
    const none = accountsWorld();
    none.plants.receivedTotal[P2] = 0;
    none.plants.receivedLocal[P2] = 0;
    settleFirms(none);
    expect(none.plants.componentCost[P2]).toBe(45);
  });
});

describe('§3 step 8 a firm’s exit', () => {
  it('after firmExitWeeks of negative cash: stock and cash written off, debts to hubs cleared, SMEs released, plants closed', () => {
    const world = accountsWorld();
    const { firms, plants, plantHub, smes, ledger, params } = world;
    firms.cash[1] = -1e9;
    firms.negativeCashWeeks[1] = params.firmExitWeeks - 1;
    plants.finishedStock[P2] = 70;
    plants.componentStock[P2] = 30;
    plantHub.owed[P2 * 2 + 0] = 12;
    plantHub.owed[P2 * 2 + 1] = 8;
    plantHub.owed[0 * 2 + 0] = 5; // firm 0's debt stays
    const sme = addSme(world, NBR, { employees: 5, capability: 0.8 });
    smes.buyerPlant[sme] = P2;
    const writtenOff = ledger.exitWriteOffs;
    const finalOff = ledger.finalWrittenOff;
    const componentsOff = ledger.componentsWrittenOff;
    settleFirms(world);
    expect(firms.alive[1]).toBe(0);
    expect(firms.alive[0]).toBe(1);
    expect(plants.active[P2]).toBe(0);
    expect(ledger.finalWrittenOff - finalOff).toBeCloseTo(70, 12);
    expect(ledger.componentsWrittenOff - componentsOff).toBeCloseTo(30, 12);
    expect(plants.finishedStock[P2]).toBe(0);
    expect(plants.componentStock[P2]).toBe(0);
    expect(plantHub.owed[P2 * 2 + 0]).toBe(0);
    expect(plantHub.owed[P2 * 2 + 1]).toBe(0);
    expect(plantHub.owed[0]).toBe(5);
    expect(smes.buyerPlant[sme]).toBe(NO_BUYER);
    expect(firms.cash[1]).toBe(0);
    // The cash written off is what the firm held after this week's accounts (and its tax).
    const profit = 30_000 + 0.1 * 50 * 20 - 3_000 - coordinationOf(world) - plantOverheadFor(world, 150) - 5_000;
    const cashAtExit = -1e9 + profit + 5_000 - 30_000 - params.profitTaxRate * profit;
    expect(ledger.exitWriteOffs - writtenOff).toBeCloseTo(cashAtExit, 3);
  });
});

describe('§3 step 8 closed plants, an empty week and a dead firm', () => {
  it('a closed plant with goods still arriving (input spend 400) is settled: its firm’s profit pays for them; its unit cost carries no overhead', () => {
    const world = accountsWorld();
    const { plants, regions, scratch, firms, params } = world;
    // Firm 1's bloc-B plant 3 (in HUB) has closed; 8 units bought before it closed land this week.
    expect(plants.active[3]).toBe(0);
    expect(plants.region[3]).toBe(HUB);
    plants.capacityTarget[3] = 0;
    plants.employment[3] = 0;
    plants.inputSpend[3] = 400;
    plants.receivedTotal[3] = 8;
    plants.receivedLocal[3] = 0;
    plants.forecast[3] = 0;
    plants.componentCost[3] = 40;
    scratch.plantSourceRegion[3 * R + HOM] = 1; // one source region: no coordination cost per unit
    regions.wage[HUB] = 100;
    regions.productivity[HUB] = 2;
    settleFirms(world);
    const profit = 30_000 + 0.1 * 50 * 20 - 3_000 - coordinationOf(world) - plantOverheadFor(world, 150) - 5_000 - 400;
    expect(firms.profit[1]).toBeCloseTo(profit, 9);
    expect(plants.sourcingRegions[3]).toBe(1);
    // Landed 400 / 8 = 50 (volume max(8, floor × 0) = 8); component cost 40 + rate × (50 − 40).
    const componentCost = 40 + params.componentCostMemoryRate * 10;
    expect(plants.componentCost[3]).toBeCloseTo(componentCost, 12);
    // Unit cost: components + labour 100 / 2 per unit of assembly labour; no overhead (the plant is closed).
    expect(plants.unitCost[3]).toBeCloseTo(componentCost + params.labourPerAssembly * 50, 12);
  });

  it('a closed plant with nothing arriving is left as it is; a week that ends at exactly zero cash is not a negative week', () => {
    const world = accountsWorld();
    const { plants, firms } = world;
    // Firm 0: closed plant 1 with nothing this week; home plant 0 running with no workers, receipts or contracts.
    expect(plants.active[1]).toBe(0);
    plants.unitCost[1] = 77;
    plants.price[1] = 88;
    plants.inputSpend[1] = 0;
    plants.employment[0] = 0;
    plants.receivedTotal[0] = 0;
    plants.receivedLocal[0] = 0;
    plants.inputSpend[0] = 0;
    plants.smeContracts[0] = 0;
    plants.capacityTarget[0] = 150;
    // Its only cost is the overhead; revenue equal to it: profit 0, no tax; cash equal to it: ends at 0.
    const overhead = plantOverheadFor(world, 150);
    firms.revenue[0] = overhead;
    firms.cash[0] = overhead;
    firms.negativeCashWeeks[0] = 3;
    settleFirms(world);
    expect(plants.unitCost[1]).toBe(77);
    expect(plants.price[1]).toBe(88);
    expect(firms.profit[0]).toBe(0);
    expect(firms.cash[0]).toBe(0);
    expect(firms.negativeCashWeeks[0]).toBe(0);
  });

  it('a firm that has exited is not reviewed: its forecast stays', () => {
    const world = accountsWorld();
    const { plants, firms } = world;
    firms.alive[0] = 0;
    plants.active[0] = 0;
    plants.forecast[0] = 3;
    firms.demandForecast[0] = 7;
    settleFirms(world);
    expect(firms.demandForecast[0]).toBe(7);
    expect(firms.demandForecast[1]).toBeCloseTo(plants.forecast[2] + plants.forecast[3], 12);
  });
});

describe('§3 step 8 exits of a firm homed in bloc B and of a firm beside it', () => {
  const H = 2; // hub suppliers
  /**
   * Firm 0 homed in HUB (bloc B: home plant 1, its bloc-A plant 0 in HOM), firm 1 homed in HOM
   * (home plant 2, bloc-B plant 3 in HUB); two hub suppliers; all four plants running, every firm
   * holding a distribution hub in both blocs; stocks and debts to hubs set by hand.
   */
  function exitWorld(): World {
    const world = tinyWorld(withSecondHub(threeRegions({ leadFirmHomes: [HUB, HOM] })));
    const { plants, firms, plantHub, hubs, policy } = world;
    expect(Array.from(plants.region)).toEqual([HOM, HUB, HOM, HUB]);
    expect(Array.from(firms.homeBloc)).toEqual([1, 0]);
    expect(hubs.count).toBe(H);
    policy.budgetQuarter.fill(1e12);
    plants.active.fill(1);
    plants.capacityTarget.fill(100);
    plants.capacity.fill(100);
    plants.finishedStock.set([5, 70, 50, 8]);
    plants.componentStock.set([6, 30, 40, 2]);
    firms.distributionHub.fill(1);
    firms.hubStock.set([11, 13, 17, 19]);
    plantHub.owed.set([1, 2, 3, 6, 4, 9, 7, 5]); // plant p owes hub j at p × 2 + j
    firms.cash.fill(1e9);
    firms.negativeCashWeeks.fill(0);
    world.ledger.finalWrittenOff = 0;
    world.ledger.componentsWrittenOff = 0;
    return world;
  }

  it('firm 0 exits: its hubs’ stock returns to its home plant 0·2 + 1 = 1 and is written off with its plants’ (11 + 13 + 5 + 70 finished, 6 + 30 components); firm 1 keeps its plants, hubs, stock and debts', () => {
    const world = exitWorld();
    const { plants, firms, plantHub, ledger, params } = world;
    firms.cash[0] = -1e12;
    firms.negativeCashWeeks[0] = params.firmExitWeeks - 1;
    settleFirms(world);
    expect(Array.from(firms.alive)).toEqual([0, 1]);
    expect(Array.from(plants.active)).toEqual([0, 0, 1, 1]);
    expect(Array.from(firms.distributionHub)).toEqual([0, 0, 1, 1]);
    expect(Array.from(firms.hubStock)).toEqual([0, 0, 17, 19]);
    expect(ledger.finalWrittenOff).toBe(11 + 13 + 5 + 70);
    expect(ledger.componentsWrittenOff).toBe(6 + 30);
    expect(Array.from(plants.finishedStock)).toEqual([0, 0, 50, 8]);
    expect(Array.from(plants.componentStock)).toEqual([0, 0, 40, 2]);
    expect(Array.from(plantHub.owed)).toEqual([0, 0, 0, 0, 4, 9, 7, 5]);
  });

  it('firm 1 exits: hubs 1·2 + 0 and 1·2 + 1 and plants 2 and 3 close; firm 0’s plants, hubs and debts are untouched', () => {
    const world = exitWorld();
    const { plants, firms, plantHub, ledger, params } = world;
    firms.cash[1] = -1e12;
    firms.negativeCashWeeks[1] = params.firmExitWeeks - 1;
    settleFirms(world);
    expect(Array.from(firms.alive)).toEqual([1, 0]);
    expect(Array.from(plants.active)).toEqual([1, 1, 0, 0]);
    expect(Array.from(firms.distributionHub)).toEqual([1, 1, 0, 0]);
    expect(Array.from(firms.hubStock)).toEqual([11, 13, 0, 0]);
    expect(ledger.finalWrittenOff).toBe(17 + 19 + 50 + 8);
    expect(ledger.componentsWrittenOff).toBe(40 + 2);
    expect(Array.from(plants.finishedStock)).toEqual([5, 70, 0, 0]);
    expect(Array.from(plantHub.owed)).toEqual([1, 2, 3, 6, 0, 0, 0, 0]);
  });

  it('debts to hubs of a plant the exiting firm had already closed are cleared too', () => {
    const world = exitWorld();
    const { plants, firms, plantHub, params } = world;
    plants.active[3] = 0; // firm 1's bloc-B plant closed earlier, still owing hub 1
    plants.finishedStock[3] = 0;
    plants.componentStock[3] = 0;
    firms.cash[1] = -1e12;
    firms.negativeCashWeeks[1] = params.firmExitWeeks - 1;
    settleFirms(world);
    expect(Array.from(plantHub.owed)).toEqual([1, 2, 3, 6, 0, 0, 0, 0]);
  });
});
