/**
 * MODEL.md §9.1 — lead firms that price disruption as firms do: the size of E[loss] (customers lost
 * through availability, the calibrated depth, the order of magnitude at defaults), learning and
 * forgetting of observed hazards (own and shared news, half-life), and the logit choice.
 */
import { describe, expect, it } from 'vitest';
import { tinyWorld, threeRegions, equatorKm, HOM, HUB, NBR } from './tiny-world.ts';
import { settleFirms } from '../../../agents/firm/finance.ts';
import { hazardRetention } from '../../../agents/firm/perception.ts';
import { CHOOSABLE, customerLossFactor, drawStrategy, estimateStrategy, type StrategyPrice } from '../../../agents/firm/strategy.ts';
import { computeSmePools } from '../../../agents/firm/pools.ts';
import { GLOBAL } from '../../../agents/firm/schema.ts';
import { lossShareAtUnitDepth, chainDisruptionRate } from '../../../src/calibration/hazard.ts';
import { HAZARD_FIT } from '../../../src/model/params/hazard-fit.ts';
import type { World } from '../../../src/model/world.ts';
import { createWorld } from '../../../src/model/initialize.ts';

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
    // L(HOM–HUB) = 1 + ceil(10 007.5 / 5 000) = 4 weeks; d̄ = 6; cover = 2; depth 0.607 (the fitted default); β_a = 2.
    const expected = margin * 0.607 * (1 + 2 * (1 - share)) * (h * (4 + 6 - 2) + h * (6 - 2));
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


describe('§9.1 learning and forgetting of observed hazards ĥ_r', () => {
  const quiet = () => {
    const world = twoFirmWorld();
    world.firms.exposure.fill(0);
    world.smeSupplyExposure.byFirmRegion.fill(0);
    world.regions.disruptionOnset.fill(0);
    world.firms.observedHazard.fill(0.001);
    return world;
  };
  const R = 3;

  it('rises with a disruption the firm suffers (an onset where it is exposed)', () => {
    const world = quiet();
    world.firms.exposure[0 * R + HUB] = 1;
    world.regions.disruptionOnset[HUB] = 1;
    settleFirms(world);
    const keep = hazardRetention(2);
    expect(world.firms.observedHazard[0 * R + HUB]).toBeCloseTo(keep * 0.001 + (1 - keep), 12);
    expect(world.firms.observedHazard[0 * R + HUB]).toBeGreaterThan(0.001);
  });

  it('rises with shared news: an onset met by another lead firm with a plant in its bloc', () => {
    const world = quiet();
    world.firms.exposure[1 * R + HUB] = 1; // firm 1 (home NBR, bloc A) is exposed; firm 0 (bloc A) is not
    world.regions.disruptionOnset[HUB] = 1;
    settleFirms(world);
    expect(world.firms.observedHazard[0 * R + HUB]).toBeGreaterThan(0.001 + 0.9 * (1 - hazardRetention(2)));
    // Without the neighbour's exposure the onset goes unseen and ĥ moves toward the prior instead.
    const alone = quiet();
    alone.regions.disruptionOnset[HUB] = 1;
    settleFirms(alone);
    const prior = alone.params.hubHazardPerYear / 52;
    expect(alone.firms.observedHazard[0 * R + HUB]).toBeCloseTo(hazardRetention(2) * 0.001 + (1 - hazardRetention(2)) * prior, 12);
  });

  it('halves in hazardMemoryYears = 2 years without news where the firm is exposed', () => {
    const world = quiet();
    world.firms.exposure[0 * R + HUB] = 1;
    world.firms.observedHazard[0 * R + HUB] = 0.04;
    for (let t = 0; t < 104; t++) {
      world.regions.disruptionOnset.fill(0);
      world.firms.exposure[0 * R + HUB] = 1;
      settleFirms(world);
    }
    expect(world.firms.observedHazard[0 * R + HUB]).toBeCloseTo(0.02, 9);
  });

  it('stays fixed with riskLearning off (P12’s ablation): π and ĥ keep their starting values', () => {
    const world = twoFirmWorld({ riskLearning: false });
    world.firms.exposure[0 * R + HUB] = 1;
    world.regions.disruptionOnset[HUB] = 1;
    world.firms.shortfall[0] = 0.5;
    const pi = world.firms.riskPerception[0];
    const hazards = world.firms.observedHazard.slice();
    settleFirms(world);
    expect(world.firms.riskPerception[0]).toBe(pi);
    expect(Array.from(world.firms.observedHazard)).toEqual(Array.from(hazards));
  });

  it('starts at each region’s own hazard: hubs at hubHazardPerYear, others at hazardPerRegionYear', () => {
    const world = tinyWorld(threeRegions(), { hubHazardPerYear: 0.5, hazardPerRegionYear: 0.1 });
    expect(world.firms.observedHazard[HUB]).toBeCloseTo(0.5 / 52, 12);
    expect(world.firms.observedHazard[HOM]).toBeCloseTo(0.1 / 52, 12);
  });
});

describe('§9.1 the strategy choice: a logit over C_k', () => {
  const estimates = (costs: number[]): StrategyPrice[] => costs.map((cost) => ({ cost, switchCost: 0 }));

  /** Share of N keyed draws (ticks 0..N−1) that choose each strategy. */
  function shares(world: World, costs: number[], n = 4000): number[] {
    const draws = world.draws.for('test.logit');
    const counts = [0, 0, 0, 0];
    for (let t = 0; t < n; t++) {
      world.tick = t;
      counts[drawStrategy(world, 0, estimates(costs), draws, true)]++;
    }
    return counts.map((c) => c / n);
  }

  it('chooses with logit probabilities at temperature strategyTemp × mean C_k', () => {
    const world = tinyWorld();
    const costs = [100, 105, 110, 120]; // mean 108.75 → T = 5.4375
    const T = 0.05 * 108.75;
    const weights = costs.map((c) => Math.exp(-(c - 100) / T));
    const total = weights.reduce((a, b) => a + b, 0);
    const observed = shares(world, costs);
    weights.forEach((w, k) => expect(Math.abs(observed[k] - w / total), `strategy ${k}`).toBeLessThan(0.03));
  });

  it('responds smoothly: the share of a dearer DUAL falls step by step as its cost gap grows', () => {
    const world = tinyWorld();
    const dual = [0, 2, 5, 10, 20].map((gap) => shares(world, [100, 100 + gap, 1000, 1000], 2000)[1]);
    for (let k = 1; k < dual.length; k++) expect(dual[k]).toBeLessThan(dual[k - 1]);
    expect(dual[0]).toBeGreaterThan(0.4); // equal costs: about half
    expect(dual[2]).toBeGreaterThan(0.1); // $5 dearer at T ≈ $30: still chosen often (not all-or-nothing)
  });

  it('tends to the cheapest strategy as the temperature goes to zero, and toward equal shares as it grows', () => {
    const cold = tinyWorld(threeRegions(), { strategyTemp: 0.001 });
    expect(shares(cold, [100, 101, 102, 103], 500)[0]).toBe(1);
    const hot = tinyWorld(threeRegions(), { strategyTemp: 1 });
    for (const s of shares(hot, [100, 101, 102, 103])) expect(Math.abs(s - 0.25)).toBeLessThan(0.03);
  });

  it('counts the switching cost, spread over amortisationWeeks, against every strategy but the current one', () => {
    const world = tinyWorld();
    const B = world.plants.blocCount;
    world.firms.demandByBloc.fill(0);
    world.firms.demandByBloc[0 * B] = 100;
    const draws = world.draws.for('test.logit');
    // DUAL $10 cheaper a unit but costs 100 units × 156 weeks × $20 to switch: net $10 dearer.
    const options: StrategyPrice[] = [
      { cost: 100, switchCost: 0 },
      { cost: 90, switchCost: 100 * 156 * 20 },
      { cost: 1000, switchCost: 0 },
      { cost: 1000, switchCost: 0 },
    ];
    let dualWith = 0;
    let dualWithout = 0;
    for (let t = 0; t < 2000; t++) {
      world.tick = t;
      if (drawStrategy(world, 0, options, draws, true) === 1) dualWith++;
      if (drawStrategy(world, 0, options, draws, false) === 1) dualWithout++;
    }
    expect(dualWith).toBeLessThan(dualWithout);
    expect(dualWithout / 2000).toBeGreaterThan(0.5);
  });

  it('draws starting strategies from the logit at build time (not all GLOBAL), the same for the same seed', () => {
    const build = (seed: number) => {
      const definition = threeRegions({ leadFirmHomes: [HOM, NBR, HOM, NBR, HOM, NBR, HOM, NBR] });
      // tinyWorld resets firms to GLOBAL; build directly to see the draw.
      return createWorld(definition, { seed, params: { hazardEnabled: false, warmupWeeks: 0, strategyTemp: 1 } });
    };
    const strategies = (w: World) => Array.from(w.firms.strategy);
    expect(strategies(build(3))).toEqual(strategies(build(3)));
    const all = [1, 2, 3, 4].flatMap((seed) => strategies(build(seed)));
    expect(all.some((k) => k !== GLOBAL)).toBe(true);
    expect(CHOOSABLE).toContain(all[0] as (typeof CHOOSABLE)[number]);
  });
});
