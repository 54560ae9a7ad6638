/**
 * Phase 7 at SMEs (MODEL.md §3 step 7, §7.1, §9.2, §9.5): an SME ships its chain output to its
 * buyer (the second firm's plant), is paid, marks its buyer's exposure and records its shortfall;
 * it pulls raw inputs from its hub, its domestic source and its recycled source — against hand
 * computations.
 */
import { pipelineIndex } from '../../../agents/sme/schema.ts';
import { describe, expect, it } from 'vitest';
import { shipSmeGoods } from '../../../agents/sme/shipping.ts';
import { domesticRawPrice } from '../../../agents/supplier/costs.ts';
import { currentFreight, currentLeadTime } from '../../../src/model/geography.ts';
import type { World } from '../../../src/model/world.ts';
import { addSme, HB2, HOM, NBR, twoFirmsTwoHubs } from './tiny-world.ts';

const R = 4;
const P2 = 2; // firm 1's home plant, in NBR

function shippingWorld(): World {
  const world = twoFirmsTwoHubs();
  const { smes } = world;
  for (const field of ['owedByHub', 'owedByDomestic', 'owedByRecycled', 'localRevenue'] as const) smes[field].fill(0);
  world.tick = 20;
  return world;
}

/** An SME in `region` that owes plant 2 `owed` and made `output` this week, at price 30. */
function supplier(world: World, region: number, owed: number, output: number): number {
  const { smes } = world;
  const id = addSme(world, region, { employees: 10, capability: 0.8, digital: 1 });
  smes.buyerPlant[id] = P2;
  smes.contractCapacity[id] = 50;
  smes.owedToBuyer[id] = owed;
  smes.chainOutput[id] = output;
  smes.price[id] = 30;
  smes.riskPerception[id] = 0.1;
  smes.rawSource[id] = -1;
  return id;
}

describe('§3 step 7 an SME ships to its buyer', () => {
  it('the buyer’s tallies: owed, lead-weighted capacity, shipped, local and in-bloc units, payment, freight, tariff, CO₂, source region; the SME is paid', () => {
    const world = shippingWorld();
    const { smes, scratch, geo, regions, params, ledger, plants } = world;
    const P = plants.count;
    regions.tariff[NBR] = 0.1; // same bloc: no tariff between HOM and NBR
    const far = supplier(world, HOM, 10, 6);
    const near = supplier(world, NBR, 4, 4);
    const freight0 = ledger.freight;
    const cash = smes.cash[far];
    shipSmeGoods(world);
    const lead = currentLeadTime(geo, regions, HOM, NBR);
    const leadHere = currentLeadTime(geo, regions, NBR, NBR);
    expect(scratch.plantSmeOwed[P2]).toBeCloseTo(14, 12);
    expect(scratch.plantSmeLeadWeighted[P2]).toBeCloseTo(50 * lead + 50 * leadHere, 12);
    expect(scratch.plantSmeShipped[P2]).toBeCloseTo(10, 12);
    expect(scratch.plantSmeLocal[P2]).toBeCloseTo(4, 12);
    expect(scratch.plantSmeBloc[P2]).toBeCloseTo(10, 12);
    expect(scratch.plantSmePayment[P2]).toBeCloseTo(30 * 10, 9);
    const freight = currentFreight(geo, regions, HOM, NBR) * 6 + currentFreight(geo, regions, NBR, NBR) * 4;
    expect(scratch.plantSmeFreight[P2]).toBeCloseTo(freight, 9);
    expect(scratch.plantSmeTariff[P2]).toBe(0);
    expect(ledger.freight - freight0).toBeGreaterThanOrEqual(freight - 1e-9);
    expect(scratch.plantSmeCo2[P2]).toBeCloseTo(6 * geo.distanceKm[HOM * R + NBR] * params.co2PerUnitKm, 9);
    expect(scratch.plantSmeIncoming[((20 + lead) % geo.pipelineWeeks) * P + P2]).toBeGreaterThanOrEqual(6);
    expect(scratch.plantSourceRegion[P2 * R + HOM]).toBe(1);
    expect(scratch.plantSourceRegion[P2 * R + NBR]).toBe(1);
    expect(smes.owedToBuyer[far]).toBeCloseTo(4, 6);
    expect(smes.cash[far] - cash).toBeCloseTo(30 * 6, 6);
    expect(smes.revenue[far]).toBeCloseTo(30 * 6, 6);
    // Its risk perception follows its shortfall, 1 − 6/10.
    expect(smes.riskPerception[far]).toBeCloseTo(0.1 + params.riskMemoryRate * (0.4 - 0.1), 6);
    expect(smes.riskPerception[near]).toBeCloseTo(0.1 + params.riskMemoryRate * (0 - 0.1), 6);
  });

  it('marks the buying firm’s exposure: the SME’s region, and its hub’s region when it is visible and leans on that hub', () => {
    const world = shippingWorld();
    const { smes, params } = world;
    const exposure = world.smeSupplyExposure.byFirmRegion;
    const id = supplier(world, HOM, 5, 5);
    smes.rawSource[id] = 1; // HB2's hub
    smes.rawHubShare[id] = params.tier2VisibleMinHubShare + 0.1;
    smes.hubReliability[id] = params.tier2VisibleMinHubShare + 0.1;
    shipSmeGoods(world);
    expect(Array.from(exposure.subarray(1 * R, 2 * R))).toEqual([1, 0, 0, 1]);
    expect(Array.from(exposure.subarray(0, R))).toEqual([0, 0, 0, 0]);
    // Not digital: its hub stays out of sight.
    const hidden = shippingWorld();
    const other = supplier(hidden, HOM, 5, 5);
    hidden.smes.digital[other] = 0;
    hidden.smes.rawSource[other] = 1;
    hidden.smes.rawHubShare[other] = 1;
    shipSmeGoods(hidden);
    expect(hidden.smeSupplyExposure.byFirmRegion[1 * R + HB2]).toBe(0);
    expect(hidden.smeSupplyExposure.byFirmRegion[1 * R + HOM]).toBe(1);
  });
});

describe('§3 step 7 an SME pulls its raw inputs', () => {
  it('from its hub at the hub’s raw fill, its domestic source at the region’s raw factor; pipelines, reliability, hazard, cash and raw cost follow', () => {
    const world = shippingWorld();
    const { smes, hubs, regions, geo, params, ledger } = world;
    const id = addSme(world, NBR, { employees: 10, capability: 0.8, digital: 0 });
    smes.rawSource[id] = 1;
    smes.owedByHub[id] = 10;
    smes.owedByDomestic[id] = 5;
    smes.hubReliability[id] = 0.9;
    smes.observedHazard[id] = 0.02;
    smes.rawCost[id] = 20;
    smes.rawPipeline.fill(0);
    hubs.rawFill[1] = 0.6;
    regions.rawCapacityFactor[NBR] = 0.8;
    regions.disruptionOnset[HB2] = 1;
    const domestic = ledger.domesticRawPurchases;
    const cash = smes.cash[id];
    shipSmeGoods(world);
    expect(smes.owedByHub[id]).toBeCloseTo(4, 9);
    expect(smes.owedByDomestic[id]).toBeCloseTo(1, 9);
    const hubLead = currentLeadTime(geo, regions, HB2, NBR);
    const domesticLead = Math.max(1, params.handlingWeeks);
    const slot = (lead: number) => pipelineIndex(smes, id, (20 + lead) % smes.pipelineWeeks);
    expect(hubLead).not.toBe(domesticLead);
    expect(smes.rawPipeline[slot(hubLead)]).toBeCloseTo(6, 6);
    expect(smes.rawPipeline[slot(domesticLead)]).toBeCloseTo(4, 6);
    expect(smes.hubReliability[id]).toBeCloseTo(0.9 + params.reorderShiftRate * (0.6 - 0.9), 6);
    expect(smes.rawHubShare[id]).toBeCloseTo(smes.hubReliability[id], 6);
    expect(smes.observedHazard[id]).toBeCloseTo(0.02 + (1 / params.hazardMemoryWeeks) * (1 - 0.02), 6);
    const domesticPayment = domesticRawPrice(world) * 4;
    expect(ledger.domesticRawPurchases - domestic).toBeCloseTo(domesticPayment, 6);
    const spend = smes.spend[id];
    expect(cash - smes.cash[id]).toBeCloseTo(spend, 4); // cash is stored as float32
    expect(spend).toBeGreaterThan(domesticPayment);
    expect(smes.rawCost[id]).toBeCloseTo(20 + params.smeRawCostMemoryRate * (spend / 10 - 20), 4);
  });

  it('an SME without a hub relaxes its hazard toward the regional prior and keeps its raw cost when it buys nothing', () => {
    const world = shippingWorld();
    const { smes, params } = world;
    const id = addSme(world, NBR, { employees: 10, capability: 0.8, digital: 0 });
    smes.rawSource[id] = -1;
    smes.observedHazard[id] = 0.5;
    smes.rawCost[id] = 20;
    shipSmeGoods(world);
    const prior = params.hazardPerRegionYear / 52;
    expect(smes.observedHazard[id]).toBeCloseTo(0.5 + (1 / params.hazardMemoryWeeks) * (prior - 0.5), 6);
    expect(smes.rawHubShare[id]).toBe(0);
    expect(smes.rawCost[id]).toBe(20);
    expect(smes.spend[id]).toBe(0);
  });
});
