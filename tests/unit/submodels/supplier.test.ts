/**
 * Hub-supplier submodels against hand-computed values (MODEL.md §2, §3 steps 6–7, §7.2, §7.4):
 * production limits, proportional rationing with one fill fraction, the congestion price rule,
 * raw-input planning, capacity sizing and the domestic raw source.
 */
import { describe, expect, it } from 'vitest';
import { produceAtHubs, produceDomesticRaw } from '../../../agents/supplier/production.ts';
import { congestionFactor, domesticRawPrice } from '../../../agents/supplier/costs.ts';
import { receiveHubPayments, settleHubs } from '../../../agents/supplier/finance.ts';
import { planHubRawInputs } from '../../../agents/supplier/ordering.ts';
import { pullFromHubs } from '../../../agents/firm/shipping.ts';
import { PIPELINE_WEEKS } from '../../../src/model/geography.ts';
import { HOM, HUB, NBR, equatorKm, region, threeRegions, tinyWorld } from './tiny-world.ts';

/** Two firms (homes HOM and NBR) whose home plants (ids 0 and 2) both owe the hub supplier in HUB. */
function hubWorld() {
  const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, NBR] }));
  const { hubs, plantHub, regions, scratch } = world;
  const H = hubs.count;
  expect(H).toBe(1);
  regions.rawCapacityFactor[HUB] = 0.5;
  regions.componentCapacityFactor[HUB] = 0.5;
  regions.productivity[HUB] = 0.8;
  hubs.componentCapacity[0] = 100;
  hubs.rawCapacity[0] = 120;
  hubs.rawStock[0] = 20;
  hubs.rawOrderInternal[0] = 70;
  hubs.utilisation[0] = 0.6;
  scratch.hubRawDeliverable[0] = 50;
  plantHub.owed.fill(0);
  plantHub.owed[0 * H + 0] = 60; // plant 0 in HOM
  plantHub.owed[2 * H + 0] = 20; // plant 2 in NBR
  return world;
}

describe('§3.6 hub production: min(capacity × shock factor, inputs, backlog)', () => {
  it('raw inputs first (one fill for own use and SMEs), then components from raw stock', () => {
    const world = hubWorld();
    const { hubs } = world;
    produceAtHubs(world);
    // Raw: wanted 70 + 50 = 120, capacity 120 × 0.5 = 60 → fill 0.5: 35 own, 25 for SMEs.
    expect(hubs.rawFill[0]).toBeCloseTo(0.5, 12);
    expect(hubs.rawOutputInternal[0]).toBeCloseTo(35, 12);
    expect(hubs.rawOutputExternal[0]).toBeCloseTo(25, 12);
    // Components: min(100 × 0.5, 20 + 35, 60 + 20) = 50; fill = 50 / 80.
    expect(hubs.componentOutput[0]).toBeCloseTo(50, 12);
    expect(hubs.componentFill[0]).toBeCloseTo(50 / 80, 12);
    expect(hubs.rawStock[0]).toBeCloseTo(20 + 35 - 50, 12);
    expect(hubs.componentOwed[0]).toBeCloseTo(80, 12);
    // Utilisation EMA: 0.6 + 0.1 · (50 / 100 − 0.6); employment = (raw · 0.2 + comp · 0.5) · 0.6 / 0.8.
    expect(hubs.utilisation[0]).toBeCloseTo(0.6 + 0.1 * (0.5 - 0.6), 12);
    expect(hubs.employment[0]).toBeCloseTo(((60 * 0.2 + 50 * 0.5) * 0.6) / 0.8, 12);
  });

  it('raw stock binds when capacity does not', () => {
    const world = hubWorld();
    world.regions.rawCapacityFactor[HUB] = 1;
    world.regions.componentCapacityFactor[HUB] = 1;
    world.hubs.rawOrderInternal[0] = 10;
    world.scratch.hubRawDeliverable[0] = 0;
    produceAtHubs(world);
    // Raw: 10 ≤ 120 → all made; components = min(100, 20 + 10, 80) = 30.
    expect(world.hubs.componentOutput[0]).toBeCloseTo(30, 12);
    expect(world.hubs.componentFill[0]).toBeCloseTo(30 / 80, 12);
  });
});

describe('§3.7 proportional rationing: one fill fraction, every buyer pulls it', () => {
  it('each plant receives fill × owed into its pipeline at tick + L and pays price + freight + tariff', () => {
    const world = hubWorld();
    const { hubs, plants, plantHub, firms, regions } = world;
    hubs.price[0] = 40;
    regions.tariff[HOM] = 0.1;
    world.tick = 3;
    const cash0 = firms.cash[0];
    const cash1 = firms.cash[1];
    plants.pipeline.fill(0);
    produceAtHubs(world);
    pullFromHubs(world);
    const fill = 50 / 80;
    const P = plants.count;
    // Lead HUB→HOM = 4, HUB→NBR = 3.
    expect(plants.pipeline[((3 + 4) % PIPELINE_WEEKS) * P + 0]).toBeCloseTo(fill * 60, 12);
    expect(plants.pipeline[((3 + 3) % PIPELINE_WEEKS) * P + 2]).toBeCloseTo(fill * 20, 12);
    expect(plantHub.owed[0]).toBeCloseTo((1 - fill) * 60, 12);
    expect(plantHub.owed[2]).toBeCloseTo((1 - fill) * 20, 12);
    // HOM charges a 10% tariff on bloc-B goods; NBR does not.
    const paid0 = fill * 60 * (40 + 0.0012 * equatorKm(90) + 0.1 * 40);
    const paid1 = fill * 20 * (40 + 0.0012 * equatorKm(80));
    expect(cash0 - firms.cash[0]).toBeCloseTo(paid0, 8);
    expect(cash1 - firms.cash[1]).toBeCloseTo(paid1, 8);
    expect(world.ledger.tariffs).toBeCloseTo(fill * 60 * 0.1 * 40, 8);
    // The hub's receipts, price × units per plant, are booked by the supplier kind.
    const H = hubs.count;
    expect(world.scratch.plantHubPayment[0 * H + 0]).toBeCloseTo(fill * 60 * 40, 8);
    expect(world.scratch.plantHubPayment[2 * H + 0]).toBeCloseTo(fill * 20 * 40, 8);
    expect(world.scratch.plantHubPayment[1 * H + 0]).toBe(0);
    const hubCash = hubs.cash[0];
    world.scratch.hubRawRevenue.fill(0);
    world.scratch.hubRawRevenue[0] = 7;
    receiveHubPayments(world);
    expect(hubs.revenue[0]).toBeCloseTo(fill * 80 * 40 + 7, 8);
    expect(hubs.cash[0] - hubCash).toBeCloseTo(fill * 80 * 40 + 7, 8);
  });

  it('a buyer behind a closed border is left out of the deliverable backlog and receives nothing', () => {
    const world = hubWorld();
    const { hubs, plants, plantHub } = world;
    world.regions.borderOpen[NBR] = 0;
    plants.pipeline.fill(0);
    produceAtHubs(world);
    // Deliverable = 60 only: components = min(50, 55, 60) = 50 → fill 50/60.
    expect(hubs.componentDeliverable[0]).toBeCloseTo(60, 12);
    expect(hubs.componentFill[0]).toBeCloseTo(50 / 60, 12);
    pullFromHubs(world);
    expect(plantHub.owed[0]).toBeCloseTo(60 - 50, 10);
    expect(plantHub.owed[2]).toBeCloseTo(20, 12);
    let toNbr = 0;
    for (let s = 0; s < PIPELINE_WEEKS; s++) toNbr += plants.pipeline[s * plants.count + 2];
    expect(toNbr).toBe(0);
  });
});

describe('§2 / §7.4 hub prices: cost plus markup, convex congestion above the target utilisation', () => {
  it('congestion factor = 1 + slope · (u − 0.8)² above 0.8, else 1', () => {
    const world = tinyWorld();
    expect(congestionFactor(world, 0.9)).toBeCloseTo(1 + 2 * 0.1 * 0.1, 12); // 1.02
    expect(congestionFactor(world, 1.2)).toBeCloseTo(1 + 2 * 0.4 * 0.4, 12); // 1.32
    expect(congestionFactor(world, 0.8)).toBe(1);
    expect(congestionFactor(world, 0.3)).toBe(1);
  });

  it('the price moves 10% a week toward unit cost × (1 + μ) × congestion', () => {
    const world = tinyWorld();
    const { hubs, regions } = world;
    regions.wage[HUB] = 100;
    regions.productivity[HUB] = 1;
    hubs.utilisation[0] = 0.9;
    hubs.price[0] = 50;
    hubs.rawPrice[0] = 15;
    settleHubs(world);
    const unit = (0.2 + 0.5) * 0.6 * 100; // (raw + component labour) × hub labour factor × unit labour cost = 42
    const raw = 0.2 * 0.6 * 100; // 12
    expect(hubs.unitCost[0]).toBeCloseTo(unit, 12);
    // Partial adjustment documented in docs/ODD.md §7.4 (agents/supplier/finance.ts:4, PRICE_ADJUSTMENT).
    expect(hubs.price[0]).toBeCloseTo(50 + 0.1 * (unit * 1.2 * 1.02 - 50), 10);
    expect(hubs.rawPrice[0]).toBeCloseTo(15 + 0.1 * (raw * 1.2 * 1.02 - 15), 10);
  });

  it('the domestic raw source charges domesticRawPremium × the reference hub raw price', () => {
    const world = tinyWorld();
    world.economy.referenceRawPrice = 10;
    expect(domesticRawPrice(world)).toBeCloseTo(13, 12);
  });
});

describe('§7.2 hub raw-input planning (one-week information lag)', () => {
  it('forecasts from last week’s orders and plans by anchoring and adjustment on stock net of backlog', () => {
    const world = tinyWorld();
    const { hubs, plantHub } = world;
    hubs.forecast[0] = 100;
    hubs.ordersLastWeek[0] = 130;
    hubs.rawStock[0] = 150;
    hubs.componentOwed[0] = 40;
    plantHub.ordered.fill(0);
    plantHub.ordered[0] = 77;
    planHubRawInputs(world);
    const forecast = 100 + 0.36 * (130 - 100); // 110.8
    // No supply line for in-house raw inputs (L = 1): 110.8 + 0.26 · (2 · 110.8 − (150 − 40)) = 139.816
    expect(hubs.forecast[0]).toBeCloseTo(forecast, 12);
    expect(hubs.rawOrderInternal[0]).toBeCloseTo(forecast + 0.26 * (2 * forecast - (150 - 40)), 10);
    expect(hubs.ordersThisWeek[0]).toBeCloseTo(77, 12);
  });
});

describe('§2 hub capacity: sized for all-GLOBAL demand at 80% utilisation, split by population × industry share', () => {
  it('Σ component capacity = total final demand / 0.8; raw capacity = 1.6 × component capacity', () => {
    const definition = threeRegions({ hubSuppliersPerHub: 2 });
    definition.regions.push(
      region('HB2', { bloc: 1, longitude: -90, isHub: true, population: 1e6, industryWorkersShare: 0.3 }),
    );
    definition.regionNeighbours.push([]);
    const world = tinyWorld(definition);
    const { hubs, economy } = world;
    expect(Array.from(hubs.region)).toEqual([HUB, HUB, 3, 3]);
    const total = economy.totalFinalDemand / 0.8;
    // Weights: HUB 4e6 · 0.2 per supplier, HB2 1e6 · 0.3 per supplier → 0.8 : 0.8 : 0.3 : 0.3.
    expect(hubs.componentCapacity[0]).toBeCloseTo((total * 0.8) / 2.2, 15);
    expect(hubs.componentCapacity[3]).toBeCloseTo((total * 0.3) / 2.2, 15);
    expect(hubs.componentCapacity[0] + hubs.componentCapacity[1] + hubs.componentCapacity[2] + hubs.componentCapacity[3]).toBeCloseTo(
      total,
      15,
    );
    expect(hubs.rawCapacity[2] / hubs.componentCapacity[2]).toBeCloseTo(1.6, 12);
  });
});

describe('§3.6 domestic raw source', () => {
  it('delivers its capacity factor of what it owes', () => {
    const world = tinyWorld();
    world.smeRegions.domesticRawOwed[HOM] = 40;
    world.regions.rawCapacityFactor[HOM] = 0.25;
    world.regions.productivity[HOM] = 2;
    produceDomesticRaw(world);
    expect(world.rawSources.domesticRawOutput[HOM]).toBeCloseTo(10, 12);
    expect(world.rawSources.domesticRawEmployment[HOM]).toBeCloseTo((10 * 0.2) / 2, 12);
  });
});
