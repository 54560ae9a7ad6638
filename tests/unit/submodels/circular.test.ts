/**
 * Circular procurement (MODEL.md §9.5) against hand-computed values: the growth of a region's
 * recycling capacity, the price test with and without the circular-procurement subsidy, the cap,
 * production CO₂ per unit of virgin and recycled raw input, the subsidy's spending, and scenario
 * validation of the new instrument.
 */
import { describe, expect, it } from 'vitest';
import {
  nextRecyclingCapacity, recyclingGrowthRate, settledRecyclingCapacity, hubRecycledShare, produceAtHubs, produceRecycledRaw,
} from '../../../agents/supplier/production.ts';
import { recycledBuyerPrice, recycledRawPrice } from '../../../agents/supplier/costs.ts';
import { placeSmeOrders, recycledOrderShare } from '../../../agents/sme/ordering.ts';
import { produceAtSmes } from '../../../agents/sme/production.ts';
import { shipSmeGoods } from '../../../agents/sme/shipping.ts';
import { DOMESTIC_SOURCE, pipelineIndex } from '../../../agents/sme/schema.ts';
import { CIRCULAR_PROCUREMENT_SUBSIDY, INSTRUMENTS, INSTRUMENT_COUNT } from '../../../agents/policymaker/schema.ts';
import { SPENDING_INSTRUMENTS } from '../../../agents/policymaker/spending.ts';
import { applyPolicy } from '../../../agents/policymaker/systems.ts';
import { PIPELINE_WEEKS } from '../../../src/model/geography.ts';
import { createObservation } from '../../../src/model/observe/observation.ts';
import { REGIONAL_INDICATORS } from '../../../src/model/observe/indicators.ts';
import { checkScenario } from '../../../src/model/validate.ts';
import { allParams, defaultParams } from '../../../src/model/params/registry.ts';
import { HOM, HUB, addSme, equatorKm, threeRegions, tinyWorld } from './tiny-world.ts';

const DEFAULTS = { recycledMaxShare: 0.35, recyclingGrowthCapability: 0.5, recyclingGrowthSubsidy: 1.5, recyclingDepreciation: 0.1 };

describe('§9.5 recycling capacity: grows with SME capability and the subsidy, wears out, stays in [0, cMax]', () => {
  it('uses the documented defaults', () => {
    const p = defaultParams();
    for (const [name, value] of Object.entries(DEFAULTS)) expect(p[name as keyof typeof p], name).toBe(value);
    expect(p.recycledPricePremium).toBe(0.15);
    expect(p.co2PerVirginRawUnit).toBe(20);
    expect(p.co2PerRecycledRawUnit).toBe(4);
    expect('co2PerVirginRawUnit' in allParams).toBe(true);
  });

  it('one week: c + (cMax − c)(1 − e^{−g/52}) − c(1 − e^{−δ/52}), g = γ_q·q̄ + γ_s·s', () => {
    // g = 0.5 · 0.5 + 1.5 · 0.2 = 0.55 a year; grow = 1 − e^{−0.55/52} = 0.0105212;
    // wear = 1 − e^{−0.1/52} = 0.0019212; 0.1 + 0.25 · 0.0105212 − 0.1 · 0.0019212 = 0.1024382.
    expect(recyclingGrowthRate(0.5, 0.2, DEFAULTS)).toBeCloseTo(0.55, 12);
    expect(nextRecyclingCapacity(0.1, 0.5, 0.2, DEFAULTS)).toBeCloseTo(0.1024382, 6);
  });

  it('grows faster with more capable SMEs and with the subsidy', () => {
    const base = nextRecyclingCapacity(0.1, 0.5, 0, DEFAULTS);
    expect(nextRecyclingCapacity(0.1, 0.8, 0, DEFAULTS)).toBeGreaterThan(base);
    expect(nextRecyclingCapacity(0.1, 0.5, 0.3, DEFAULTS)).toBeGreaterThan(base);
    expect(settledRecyclingCapacity(0.5, 0.3, DEFAULTS)).toBeGreaterThan(settledRecyclingCapacity(0.5, 0, DEFAULTS));
  });

  it('starts where it settles: at q̄ = 0.5 and no subsidy, cMax · grow / (grow + wear) = 0.249897', () => {
    // grow = 1 − e^{−0.25/52} = 0.0047961, wear = 0.0019212: 0.35 · 0.0047961 / 0.0067173 = 0.249897.
    const settled = settledRecyclingCapacity(0.5, 0, DEFAULTS);
    expect(settled).toBeCloseTo(0.249897, 6);
    expect(nextRecyclingCapacity(settled, 0.5, 0, DEFAULTS)).toBeCloseTo(settled, 12);
    // Without SMEs' capability or a subsidy the region has no recycling capacity, and none starts.
    expect(settledRecyclingCapacity(0, 0, DEFAULTS)).toBe(0);
    expect(nextRecyclingCapacity(0, 0, 0, DEFAULTS)).toBe(0);
  });

  it('stays within [0, recycledMaxShare] at the ends of every range', () => {
    const extreme = { recycledMaxShare: 1, recyclingGrowthCapability: 10, recyclingGrowthSubsidy: 10, recyclingDepreciation: 2 };
    for (const c of [0, 0.5, 1]) {
      for (const q of [0, 1]) {
        for (const s of [0, 1]) {
          const next = nextRecyclingCapacity(c, q, s, extreme);
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('the supplier kind moves the capacity each week from its SMEs’ mean capability and the subsidy', () => {
    const world = tinyWorld();
    world.smeRegions.smeCount[HOM] = 4;
    world.smeRegions.smeCapabilitySum[HOM] = 2; // q̄ = 0.5
    world.regions.circularSubsidy[HOM] = 0.2;
    world.rawSources.recyclingCapacity[HOM] = 0.1;
    produceRecycledRaw(world);
    expect(world.rawSources.recyclingCapacity[HOM]).toBeCloseTo(0.1024382, 6);
  });
});

/** An SME in HOM buying from the hub in HUB (10 007.5 km away), reference raw price 10, capacity 0.2. */
function buyerWorld(params: Record<string, unknown> = {}) {
  const world = tinyWorld(threeRegions(), params);
  const id = addSme(world, HOM, { employees: 10, capability: 0.5 });
  world.economy.referenceRawPrice = 10; // recycled 11.5, domestic 13
  world.hubs.rawPrice[0] = 10;
  world.rawSources.recyclingCapacity[HOM] = 0.2;
  world.smes.rawSource[id] = 0;
  world.smes.rawHubShare[id] = 1;
  return { world, id };
}

describe('§9.5 price test: recycled (price × (1 + premium) × (1 − subsidy)) against the buyer’s landed virgin price', () => {
  it('recycled price = 1.15 × the reference raw price, less the subsidy share', () => {
    const { world } = buyerWorld();
    expect(recycledRawPrice(world)).toBeCloseTo(11.5, 12);
    world.regions.circularSubsidy[HOM] = 0.2;
    expect(recycledBuyerPrice(world, HOM)).toBeCloseTo(9.2, 12);
  });

  it('an SME whose hub inputs land at 10 + 0.0012 · 10 007.5 = 22.01 buys the recycled share', () => {
    const { world, id } = buyerWorld();
    expect(10 + 0.0012 * equatorKm(90)).toBeGreaterThan(11.5);
    expect(recycledOrderShare(world, id)).toBeCloseTo(0.2, 12);
  });

  it('without freight the hub lands at 10 < 11.5: no recycled inputs, until a subsidy brings them to 9.2', () => {
    const { world, id } = buyerWorld({ freightPerUnitKm: 0 });
    expect(recycledOrderShare(world, id)).toBe(0);
    world.regions.circularSubsidy[HOM] = 0.2;
    expect(recycledOrderShare(world, id)).toBeCloseTo(0.2, 12);
    // Equal prices pass ("not above"): 11.5 · (1 − s) = 10 at s = 3/23.
    world.regions.circularSubsidy[HOM] = 3 / 23;
    expect(recycledBuyerPrice(world, HOM)).toBeCloseTo(10, 12);
    world.hubs.rawPrice[0] = recycledBuyerPrice(world, HOM);
    expect(recycledOrderShare(world, id)).toBeCloseTo(0.2, 12);
  });

  it('an SME on the domestic source (13) always passes at the default premium; a region without capacity supplies nothing', () => {
    const { world, id } = buyerWorld({ freightPerUnitKm: 0 });
    world.smes.rawSource[id] = DOMESTIC_SOURCE;
    world.smes.rawHubShare[id] = 0;
    expect(recycledOrderShare(world, id)).toBeCloseTo(0.2, 12);
    world.rawSources.recyclingCapacity[HOM] = 0;
    expect(recycledOrderShare(world, id)).toBe(0);
  });

  it('the cap: the order is split recycled share first (the capacity, 0.2), the rest by the hub share; recycled arrives in one week', () => {
    const { world, id } = buyerWorld();
    const s = world.smes;
    s.rawHubShare[id] = 0.75;
    s.rawForecast[id] = 10;
    s.ordersLastWeek[id] = 10;
    s.rawStock[id] = 0;
    placeSmeOrders(world);
    const order = s.rawOrdered[id];
    expect(order).toBeGreaterThan(0);
    expect(s.owedByRecycled[id]).toBeCloseTo(0.2 * order, 6);
    expect(s.owedByHub[id]).toBeCloseTo(0.8 * 0.75 * order, 6);
    expect(s.owedByDomestic[id]).toBeCloseTo(0.8 * 0.25 * order, 6);
    // Even a subsidy that makes recycled inputs almost free does not lift the share above the capacity.
    world.regions.circularSubsidy[HOM] = 1;
    expect(recycledOrderShare(world, id)).toBeCloseTo(0.2, 12);
    // The region's recycled source is owed what its SMEs ordered, and delivers its capacity factor of it.
    produceAtSmes(world);
    expect(world.smeRegions.recycledRawOwed[HOM]).toBeCloseTo(0.2 * order, 6);
    world.regions.rawCapacityFactor[HOM] = 0.5;
    produceRecycledRaw(world);
    expect(world.rawSources.recycledRawOutput[HOM]).toBeCloseTo(0.1 * order, 6);
  });
});

describe('§9.5 the subsidy’s spending and the buyer’s payment', () => {
  it('an SME pulls 10 owed recycled units at capacity factor 0.8: pays 8 · 11.5 = 92, the region pays 30% (27.6), recorded as spending', () => {
    const { world, id } = buyerWorld();
    const s = world.smes;
    world.tick = 3;
    s.owedByRecycled[id] = 10;
    s.cash[id] = 500;
    world.regions.rawCapacityFactor[HOM] = 0.8;
    world.regions.circularSubsidy[HOM] = 0.3;
    world.policy.budgetQuarter[HOM] = 1e12; // the budget does not bind here (next test)
    shipSmeGoods(world);
    expect(s.rawPipeline[pipelineIndex(s, id, (3 + 1) % PIPELINE_WEEKS)]).toBeCloseTo(8, 12);
    expect(s.owedByRecycled[id]).toBeCloseTo(2, 12);
    expect(world.ledger.recycledRawPurchases).toBeCloseTo(92, 9);
    expect(world.ledger.subsidies).toBeCloseTo(27.6, 9);
    expect(s.cash[id]).toBeCloseTo(500 - 92 + 27.6, 9);
    const cell = HOM * INSTRUMENT_COUNT + CIRCULAR_PROCUREMENT_SUBSIDY;
    expect(world.policy.spentQuarter[cell]).toBeCloseTo(27.6 / world.economy.sampleFactor, 9);
    expect(world.policy.spentTotal[cell]).toBeCloseTo(27.6 / world.economy.sampleFactor, 9);
  });

  it('within the budget: a scheme budget of 40 real $ a year pays at most 10 real $ a quarter', () => {
    const { world, id } = buyerWorld();
    const k = world.economy.sampleFactor;
    const s = world.smes;
    const cell = HOM * INSTRUMENT_COUNT + CIRCULAR_PROCUREMENT_SUBSIDY;
    world.policy.budgetPerYear[cell] = 40;
    s.owedByRecycled[id] = 1e6 * k;
    s.cash[id] = 1e9 * k;
    world.regions.circularSubsidy[HOM] = 0.5;
    shipSmeGoods(world);
    expect(world.policy.spentQuarter[cell]).toBeCloseTo(10, 9);
    expect(world.ledger.subsidies).toBeCloseTo(10 * k, 6);
  });

  it('the policy phase sets the region’s subsidy from the scheme timeline; the instrument spends money', () => {
    const world = tinyWorld(threeRegions(), {}, {
      policy: [{ week: 0, target: { regions: ['HOM'] }, instrument: 'circularProcurementSubsidy', level: 0.3 }],
    });
    applyPolicy(world);
    expect(world.regions.circularSubsidy[HOM]).toBe(0.3);
    expect(world.regions.circularSubsidy[HUB]).toBe(0);
    expect(INSTRUMENTS[CIRCULAR_PROCUREMENT_SUBSIDY]).toBe('circularProcurementSubsidy');
    expect(SPENDING_INSTRUMENTS).toContain(CIRCULAR_PROCUREMENT_SUBSIDY);
  });

  it('a hub supplier takes the recycled share of its own raw needs when the subsidised price is not above its raw unit cost', () => {
    const world = tinyWorld(threeRegions());
    const { hubs, regions, scratch, plantHub } = world;
    world.economy.referenceRawPrice = 10;
    world.rawSources.recyclingCapacity[HUB] = 0.2;
    regions.rawCapacityFactor[HUB] = 0.5;
    hubs.rawUnitCost[0] = 9;
    regions.circularSubsidy[HUB] = 0.2; // 9.2 > 9: no
    expect(hubRecycledShare(world, 0)).toBe(0);
    regions.circularSubsidy[HUB] = 0.3; // 8.05 ≤ 9
    expect(hubRecycledShare(world, 0)).toBeCloseTo(0.2, 12);
    hubs.rawCapacity[0] = 120;
    hubs.rawStock[0] = 0;
    hubs.rawOrderInternal[0] = 70;
    hubs.componentCapacity[0] = 0;
    hubs.cash[0] = 1000;
    world.policy.budgetQuarter[HUB] = 1e12;
    scratch.hubRawDeliverable[0] = 50;
    plantHub.owed.fill(0);
    produceAtHubs(world);
    // Recycled 0.2 · 70 = 14 wanted, 0.5 · 14 = 7 delivered; own raw: fill min(1, 60 / (56 + 50)) of 56.
    const fill = 60 / 106;
    expect(hubs.rawFill[0]).toBeCloseTo(fill, 12);
    expect(hubs.rawOutputInternal[0]).toBeCloseTo(fill * 56, 9);
    expect(hubs.recycledIn[0]).toBeCloseTo(7, 12);
    expect(hubs.rawStock[0]).toBeCloseTo(fill * 56 + 7, 9);
    expect(hubs.recycledPurchases[0]).toBeCloseTo(80.5, 9);
    expect(hubs.recycledSubsidy[0]).toBeCloseTo(24.15, 9);
    expect(hubs.cash[0]).toBeCloseTo(1000 - 80.5 + 24.15, 9);
    expect(world.ledger.rawProduced).toBeCloseTo(fill * 106 + 7, 9);
    // The recycled source's output counts the hub's take.
    world.smeRegions.recycledRawOwed.fill(0);
    produceRecycledRaw(world);
    expect(world.rawSources.recycledRawOutput[HUB]).toBeCloseTo(7, 12);
  });
});

describe('§9.5 production CO₂: virgin vs recycled raw inputs, and CO₂ per unit of final good', () => {
  const indicator = (name: string) => {
    const found = REGIONAL_INDICATORS.find((i) => i.name === name);
    if (!found) throw new Error(name);
    return found;
  };

  it('10 virgin units emit 10 · 20 = 200 kg, 10 recycled units 10 · 4 = 40 kg (a fifth)', () => {
    const world = tinyWorld();
    const o = createObservation(world.regions.count);
    o.rawVirgin[HOM] = 10;
    expect(indicator('productionCo2').numerator(world, o, HOM)).toBeCloseTo(200, 12);
    o.rawVirgin[HOM] = 0;
    o.rawRecycled[HOM] = 10;
    expect(indicator('productionCo2').numerator(world, o, HOM)).toBeCloseTo(40, 12);
  });

  it('recycled share 10 / (30 + 10) = 0.25; CO₂ per final unit (transport 50 + production 30 · 20 + 10 · 4) / 40 final units = 17.25', () => {
    const world = tinyWorld();
    const o = createObservation(world.regions.count);
    o.rawVirgin[HOM] = 30;
    o.rawRecycled[HOM] = 10;
    o.plantCo2[HOM] = 50;
    o.plantProduction[HOM] = 40;
    const share = indicator('recycledInputShare');
    expect(share.numerator(world, o, HOM) / share.denominator(world, o, HOM)).toBeCloseTo(0.25, 12);
    const perUnit = indicator('co2PerFinalUnit');
    expect(perUnit.numerator(world, o, HOM) / perUnit.denominator(world, o, HOM)).toBeCloseTo(17.25, 12);
    // The transport indicator keeps its meaning: component shipments only.
    expect(indicator('transportCo2').numerator(world, o, HOM)).toBe(50);
  });
});

describe('§9.5 scenario validation of the circular-procurement subsidy (path-precise)', () => {
  const definition = threeRegions();
  it('accepts a valid setting', () => {
    const checked = checkScenario({ policy: [{ week: 0, target: 'all', instrument: 'circularProcurementSubsidy', level: 0.3 }] }, definition);
    expect(checked.ok).toBe(true);
  });

  it('rejects a level above 1 at policy[0].level and rules[0].level', () => {
    const checked = checkScenario({
      policy: [{ week: 0, target: 'all', instrument: 'circularProcurementSubsidy', level: 1.5 }],
      rules: [{ when: 'fillRate < 0.9', target: 'all', instrument: 'circularProcurementSubsidy', level: -0.1 }],
    }, definition);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const paths = checked.problems.map((p) => p.path.join('.'));
    expect(paths).toContain('policy.0.level');
    expect(paths).toContain('rules.0.level');
  });

  it('rejects "linked" on it, and lists it among the instruments for an unknown name', () => {
    const linked = checkScenario({ policy: [{ week: 0, target: 'all', instrument: 'circularProcurementSubsidy', level: 0.3, linked: true }] }, definition);
    expect(linked.ok).toBe(false);
    if (!linked.ok) expect(linked.problems.map((p) => p.path.join('.'))).toContain('policy.0.linked');
    const unknown = checkScenario({ policy: [{ week: 0, target: 'all', instrument: 'recycling', level: 0.3 }] }, definition);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      const problem = unknown.problems.find((p) => p.path.join('.') === 'policy.0.instrument');
      expect(problem?.message).toContain('circularProcurementSubsidy');
    }
  });
});
