/**
 * Tier-1 raw sourcing (MODEL.md §2, §9.2) against hand computations, in the world of two hubs
 * (hub 0 in HUB at 90°E, hub 1 in HB2 at 90°W): the landed raw cost (price + freight + tariff ×
 * price, Infinity behind a closed border), the spread of a region's raw buyers over the hubs
 * (weights ∝ capacity × exp(−(landed − cheapest) / (hubChoiceTemp × reference raw price))), and an
 * SME's quarterly choice between its cheapest hub and the domestic source, priced with its own
 * risk perception: cost + (π/π0) · margin · ĥ · max(0, L + d̄ − cover).
 */
import { describe, expect, it } from 'vitest';
import { chooseRawSources, hubWeightsForRegion, landedRawCost } from '../../../agents/sme/sourcing.ts';
import { DOMESTIC_SOURCE } from '../../../agents/sme/schema.ts';
import type { World } from '../../../src/model/world.ts';
import { HB2, HOM, HUB, NBR, addSme, equatorKm, twoFirmsTwoHubs } from './tiny-world.ts';

const R = 4;
const P2 = 2; // firm 1's home plant (NBR); firm 1 is GLOBAL
/** Freight per unit: freightPerUnitKm (0.0012) × great-circle km along the equator. */
const freight = (degrees: number) => 0.0012 * equatorKm(degrees);

describe('§2 landed raw cost: price + freight + tariff × price', () => {
  it('across blocs the destination’s tariff is charged on the price; within a bloc it is not; a closed border makes it Infinity', () => {
    const world = twoFirmsTwoHubs();
    const { hubs, regions } = world;
    hubs.rawPrice[0] = 10;
    regions.tariff[NBR] = 0.1;
    regions.tariff[HB2] = 0.1;
    // HUB (bloc B) → NBR (bloc A), 80° apart: 10 + 0.0012 · 8 895.6 km + 0.1 · 10 = 11 + 10.6747.
    expect(landedRawCost(world, 0, NBR)).toBeCloseTo(10 + freight(80) + 1, 9);
    // HUB → HB2, both bloc B, 180° apart: no tariff.
    expect(landedRawCost(world, 0, HB2)).toBeCloseTo(10 + freight(180), 9);
    regions.borderOpen[NBR] = 0;
    expect(landedRawCost(world, 0, NBR)).toBe(Infinity);
    expect(landedRawCost(world, 0, HUB)).toBe(10); // in its own region: no freight, no tariff, no border
  });
});

describe('§9.2 a region’s raw buyers spread over hubs: ∝ capacity × exp(−(landed − cheapest) / (hubChoiceTemp × reference raw price))', () => {
  /** Two hubs at the same price 10, capacities 3 and 1; reference raw price 20 → temperature 0.1 × 20 = 2. */
  function weightsWorld(): World {
    const world = twoFirmsTwoHubs();
    world.hubs.rawPrice[0] = 10;
    world.hubs.rawPrice[1] = 10;
    world.hubs.componentCapacity[0] = 3;
    world.hubs.componentCapacity[1] = 1;
    world.economy.referenceRawPrice = 20;
    return world;
  }

  it('into NBR: hub 0 is 80° away, hub 1 100°; the farther one’s weight is e^(−0.0012 · 2 223.9 / 2) = e^(−1.3343)', () => {
    const world = weightsWorld();
    const out = new Float64Array(2);
    const cost = hubWeightsForRegion(world, NBR, out);
    const near = 10 + freight(80);
    const far = 10 + freight(100);
    const e = Math.exp(-(far - near) / 2); // ≈ 0.2633
    expect(e).toBeCloseTo(0.26334, 4);
    expect(out[0]).toBeCloseTo(3 / (3 + e), 10); // ≈ 0.9193
    expect(out[1]).toBeCloseTo(e / (3 + e), 10);
    expect(cost).toBeCloseTo((3 * near + e * far) / (3 + e), 9);
  });

  it('the cheapest hub’s weight is its capacity × e^0, so weights stay finite at a sharp temperature (0.01 × 20 = 0.2) and high prices (80)', () => {
    const world = weightsWorld();
    world.params.hubChoiceTemp = 0.01;
    world.hubs.rawPrice.fill(80);
    const out = new Float64Array(2);
    const cost = hubWeightsForRegion(world, NBR, out);
    const near = 80 + freight(80);
    const far = 80 + freight(100);
    const e = Math.exp(-(far - near) / 0.2); // e^(−13.34) ≈ 1.6e-6
    expect(out[0]).toBeCloseTo(3 / (3 + e), 12);
    expect(out[1]).toBeCloseTo(e / (3 + e), 12);
    expect(out[1]).toBeGreaterThan(0);
    expect(cost).toBeCloseTo((3 * near + e * far) / (3 + e), 9);
  });

  it('a hub that cannot ship gets no weight and leaves the cost finite; no hub able to ship, or no capacity, gives Infinity', () => {
    const world = weightsWorld();
    world.regions.borderOpen[HB2] = 0; // hub 1 cannot ship to NBR
    const out = new Float64Array([7, 7]);
    expect(hubWeightsForRegion(world, NBR, out)).toBeCloseTo(10 + freight(80), 9);
    expect(Array.from(out)).toEqual([1, 0]);
    world.regions.borderOpen[NBR] = 0; // nothing reaches NBR
    out.fill(7);
    expect(hubWeightsForRegion(world, NBR, out)).toBe(Infinity);
    expect(Array.from(out)).toEqual([0, 0]);
    const empty = weightsWorld();
    empty.hubs.componentCapacity.fill(0);
    expect(hubWeightsForRegion(empty, HOM, new Float64Array(2))).toBe(Infinity);
  });
});

describe('§2 an SME’s raw source: the cheapest hub against the domestic source, each with its expected loss', () => {
  // SME in NBR: wage 100, productivity 1, capability 0.5 (→ 0.75), raw cost 10 → component price
  // (0.5 · 100 / 0.75 + 10) · 1.2 = 92, margin 0.2 · 92 = 18.4; π = π0 → risk weight 1.
  // Hub 0 (HUB, raw price 8): landed 8 + 0.0012 · 8 895.6 = 18.6747, lead HUB → NBR 3 weeks, so
  // the hub's exposure is max(0, 3 + 6 − 2) = 7 weeks: hub cost 18.6747 + 18.4 · 7 · ĥ = 18.6747 + 128.8 ĥ.
  // Hub 1 (HB2, raw price 30) is dearer. Domestic: 1.3 · 20 = 26, lead = handling 1 week → exposure
  // 1 + 6 − 2 = 5 weeks at NBR's hazard 0.26 / 52 = 0.005: 26 + 18.4 · 5 · 0.005 = 26.46.
  // The hub prior is 0.52 / 52 = 0.01: a hub cost of 18.6747 + 1.288 = 19.96 at the prior.
  const hubLanded = 8 + freight(80);
  const margin = 0.2 * ((0.5 * 100) / 0.75 + 10) * 1.2;
  const domesticCost = (handling: number) => 26 + margin * 0.005 * (handling + 6 - 2);
  const hubCost = (hazard: number) => hubLanded + margin * hazard * (3 + 6 - 2);

  function sourcingWorld(): World {
    const world = twoFirmsTwoHubs({ hubHazardPerYear: 0.52, hazardPerRegionYear: 0.26 });
    const { regions, hubs, economy } = world;
    regions.wage[NBR] = 100;
    regions.productivity[NBR] = 1;
    hubs.rawPrice[0] = 8;
    hubs.rawPrice[1] = 30;
    economy.referenceRawPrice = 20;
    return world;
  }
  function sme(world: World, fields: { source: number; hazard: number }): number {
    const id = addSme(world, NBR, { employees: 10, capability: 0.5 });
    const s = world.smes;
    s.rawCost[id] = 10;
    s.riskPerception[id] = world.params.riskPerceptionInitial;
    s.rawSource[id] = fields.source;
    s.rawHubShare[id] = fields.source >= 0 ? 0.7 : 0;
    s.hubReliability[id] = 0.7;
    s.owedByHub[id] = fields.source >= 0 ? 5 : 0;
    s.observedHazard[id] = fields.hazard;
    return id;
  }

  it('the hand numbers: landed 18.6747, lead 3 weeks, margin 18.4, domestic 26.46, hub at the prior 19.96', () => {
    const world = sourcingWorld();
    expect(landedRawCost(world, 0, NBR)).toBeCloseTo(hubLanded, 9);
    expect(world.geo.leadTimeWeeks[HUB * R + NBR]).toBe(3);
    expect(margin).toBeCloseTo(18.4, 12);
    expect(domesticCost(1)).toBeCloseTo(26.46, 12);
    expect(hubCost(0.01)).toBeCloseTo(19.9627, 4);
  });

  it('a domestic buyer whose own ĥ (0.1) is high is judged at the hub prior (0.01) for the hub, and moves to the cheapest hub, hub 0: share 1, reliability 1, ĥ = 0.52 / 52', () => {
    const world = sourcingWorld();
    const s = world.smes;
    const id = sme(world, { source: DOMESTIC_SOURCE, hazard: 0.1 });
    // At its own ĥ the hub would cost 18.6747 + 12.88 = 31.55 > 26.46; at the prior 19.96 < 26.46.
    expect(hubCost(0.1)).toBeGreaterThan(domesticCost(1));
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(0);
    expect(s.rawHubShare[id]).toBe(1);
    expect(s.hubReliability[id]).toBe(1);
    expect(s.owedByHub[id]).toBe(0);
    expect(s.observedHazard[id]).toBeCloseTo(0.01, 7);
  });

  it('an SME buying from a hub in another region (HB2) has no ĥ of HUB’s region: the prior, so it moves to hub 0', () => {
    const world = sourcingWorld();
    const s = world.smes;
    const id = sme(world, { source: 1, hazard: 0.1 });
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(0);
    expect(s.owedByHub[id]).toBe(0); // the open order with hub 1 is cancelled
    expect(s.rawHubShare[id]).toBe(1);
    expect(s.observedHazard[id]).toBeCloseTo(0.01, 7);
  });

  it('an SME that keeps its hub keeps its order, share, reliability and ĥ', () => {
    const world = sourcingWorld();
    const s = world.smes;
    const id = sme(world, { source: 0, hazard: 0.02 }); // 18.6747 + 2.576 = 21.25 < 26.46
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(0);
    expect(s.owedByHub[id]).toBe(5);
    expect(s.rawHubShare[id]).toBeCloseTo(0.7, 6);
    expect(s.hubReliability[id]).toBeCloseTo(0.7, 6);
    expect(s.observedHazard[id]).toBeCloseTo(0.02, 7);
  });

  it('an SME of hub 0 whose own ĥ (0.1) is high moves to the domestic source: ĥ = NBR’s 0.26 / 52, share 0, its hub order cancelled', () => {
    const world = sourcingWorld();
    const s = world.smes;
    const id = sme(world, { source: 0, hazard: 0.1 }); // 31.55 > 26.46
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(DOMESTIC_SOURCE);
    expect(s.owedByHub[id]).toBe(0);
    expect(s.rawHubShare[id]).toBe(0);
    expect(s.hubReliability[id]).toBe(1);
    expect(s.observedHazard[id]).toBeCloseTo(0.005, 7);
  });

  it('with 3 handling weeks the domestic source is exposed 3 + 6 − 2 = 7 weeks (26.644): a hub at ĥ between the two break-evens is kept', () => {
    const world = sourcingWorld();
    world.params.handlingWeeks = 3; // after the world is built: the lead-time table stays as it was
    const s = world.smes;
    // Break-even ĥ: (26.46 − 18.6747) / 128.8 = 0.060445 with 1 week, (26.644 − 18.6747) / 128.8 = 0.061873 with 3.
    const low = (domesticCost(1) - hubLanded) / (margin * 7);
    const high = (domesticCost(3) - hubLanded) / (margin * 7);
    expect(low).toBeCloseTo(0.060445, 5);
    expect(high).toBeCloseTo(0.061873, 5);
    const id = sme(world, { source: 0, hazard: (low + high) / 2 });
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(0);
  });

  it('π0 = 0 leaves the risk weight at 1 (no division by zero): ĥ 0.05 keeps the hub (25.11 < 26.46)', () => {
    const world = sourcingWorld();
    world.params.riskPerceptionInitial = 0;
    const s = world.smes;
    const id = sme(world, { source: 0, hazard: 0.05 });
    s.riskPerception[id] = 0.05;
    expect(hubCost(0.05)).toBeLessThan(domesticCost(1));
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(0);
  });

  it('a supplier of a GLOBAL firm’s plant (firm 1’s) is free to buy from the hub', () => {
    const world = sourcingWorld();
    const s = world.smes;
    const id = sme(world, { source: DOMESTIC_SOURCE, hazard: 0.005 });
    s.buyerPlant[id] = P2;
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(0);
  });

  it('a dead SME is left as it was', () => {
    const world = sourcingWorld();
    const s = world.smes;
    const id = sme(world, { source: DOMESTIC_SOURCE, hazard: 0.005 });
    s.alive[id] = 0;
    chooseRawSources(world);
    expect(s.rawSource[id]).toBe(DOMESTIC_SOURCE);
    expect(s.observedHazard[id]).toBeCloseTo(0.005, 9);
  });
});
