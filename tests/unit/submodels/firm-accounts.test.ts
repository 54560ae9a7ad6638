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
import { addSme, HB2, HOM, HUB, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

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
