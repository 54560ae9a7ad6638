/**
 * MODEL.md §9.1 — lead firms that price disruption as firms do: the size of E[loss] (customers lost
 * through availability, the calibrated depth, the order of magnitude at defaults), learning and
 * forgetting of observed hazards (own and shared news, half-life), and the logit choice.
 */
import { describe, expect, it } from 'vitest';
import { tinyWorld, threeRegions, equatorKm, HOM, HUB, NBR } from './tiny-world.ts';
import { settleFirms } from '../../../agents/firm/finance.ts';
import { hazardRetention } from '../../../agents/firm/perception.ts';
import { CHOOSABLE, customerLossFactor, drawStrategy, estimateStrategy, type StrategyEstimate } from '../../../agents/firm/strategy.ts';
import { computeSmePools } from '../../../agents/firm/pools.ts';
import { GLOBAL } from '../../../agents/firm/schema.ts';
import { lossShareAtUnitDepth, chainDisruptionRate } from '../../../src/calibration/hazard.ts';
import { HAZARD_FIT } from '../../../src/model/params/hazard-fit.ts';
import type { World } from '../../../src/model/world.ts';

/** Two firms at home in HOM (bloc A) and one in NBR (bloc A). */
function twoFirmWorld(params: Record<string, unknown> = {}): World {
  const definition = threeRegions({ leadFirmHomes: [HOM, NBR] });
  return tinyWorld(definition, params);
}

describe('§9.1 the size of E[loss_k]', () => {
  it('counts customers lost through availability: factor 1 + β_a (1 − s_f), s_f the firm’s share of world demand', () => {
    const world = twoFirmWorld();
    const B = world.plants.blocCount;
    world.economy.totalFinalDemand = 100;
    world.firms.demandByBloc.fill(0);
    world.firms.demandByBloc[0 * B + 0] = 25; // firm 0: a quarter of the world's demand
    expect(customerLossFactor(world, 0)).toBeCloseTo(2 * (1 - 0.25), 12); // β_a = 2
    world.params.availabilityWeight = 0;
    expect(customerLossFactor(world, 0)).toBe(0);
  });

  it('E[loss_GLOBAL] = margin · depth · (1 + β_a(1 − s)) · [ĥ_hub (L + d̄ − cover) + ĥ_home (d̄ − cover)], by hand', () => {
    const world = twoFirmWorld({ coordinationCostPerRegion: 0 });
    const { firms, plants, params, economy, hubs, regions } = world;
    // Hand-set costs as in firm.test.ts: unit cost = 40 + freight(10 007.5 km) + 0.5 · 300 / 1.5.
    for (let j = 0; j < hubs.count; j++) hubs.price[j] = 40;
    regions.wage[HOM] = 300;
    regions.productivity[HOM] = 1.5;
    const margin = 0.2 * (40 + 0.0012 * equatorKm(90) + 100);
    const R = regions.count;
    const B = plants.blocCount;
    const pools = computeSmePools(world);
    firms.riskPerception[0] = params.riskPerceptionInitial;
    firms.observedHazard.fill(0);
    const riskless = estimateStrategy(world, 0, GLOBAL, pools).cost;
    const h = 0.1414 / 52; // the fitted hazard, per week
    firms.observedHazard[0 * R + HUB] = h;
    firms.observedHazard[0 * R + HOM] = h;
    firms.observedHazard[0 * R + NBR] = 0.5; // not a source of GLOBAL: no effect
    const loss = estimateStrategy(world, 0, GLOBAL, pools).cost - riskless;
    let demand = 0;
    for (let b = 0; b < B; b++) demand += firms.demandByBloc[b];
    const share = demand / economy.totalFinalDemand;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
    // L(HOM–HUB) = 1 + ceil(10 007.5 / 5 000) = 4 weeks; d̄ = 6; cover = 2; depth 0.604; β_a = 2.
    const expected = margin * 0.604 * (1 + 2 * (1 - share)) * (h * (4 + 6 - 2) + h * (6 - 2));
    expect(loss).toBeCloseTo(expected, 9);
    // Order of magnitude: a few dollars on a unit of about $150 (cents before §9.1, never tens of dollars).
    expect(loss).toBeGreaterThan(0.5);
    expect(loss).toBeLessThan(5);
  });

  it('at defaults a GLOBAL chain’s expected loss per decade is of the order of MGI’s 42% of a year’s profit', () => {
    const share = HAZARD_FIT.disruptionLossDepth * lossShareAtUnitDepth(HAZARD_FIT.hubHazardPerYear, [1], 0.5);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.6);
  });

  it('at the fitted hazard a single-hub chain meets a ≥ 1-month disruption every 3–4 years', () => {
    const years = 1 / chainDisruptionRate(HAZARD_FIT.hubHazardPerYear, 5_000, 3);
    expect(years).toBeGreaterThan(3);
    expect(years).toBeLessThan(4);
  });
});

