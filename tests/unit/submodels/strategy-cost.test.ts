/**
 * The terms of C_k (MODEL.md §7.1) for strategies that source from SMEs, each against a hand
 * computation: the SME share a pool can carry, the components' mix, contract costs, the local
 * sourcing subsidy, overheads, assembly, the local bonus, coordination over hub and pool regions,
 * and tier-2 exposure. Each test sets the SME pools by hand (as `computeSmePools` would report
 * them) and moves one input, so the difference in C_k is that term alone.
 */
import { describe, expect, it } from 'vitest';
import {
  CHOOSABLE,
  closePlant,
  customerLossFactor,
  drawStartingStrategies,
  drawStrategy,
  estimateStrategy,
  expectedLoss,
  plantPlan,
  poolRegions,
  riskWeight,
  type StrategyPrice,
} from '../../../agents/firm/strategy.ts';
import { computeSmePools, type SmePools } from '../../../agents/firm/pools.ts';
import { plantOverheadFor } from '../../../agents/firm/costs.ts';
import { hubMixCost } from '../../../agents/firm/sourcing.ts';
import { DUAL, GLOBAL, LOCAL, MULTILOCAL, NEARSHORE } from '../../../agents/firm/schema.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, region, threeRegions, tinyWorld, twoFirmsTwoHubs, withSecondHub } from './tiny-world.ts';
import { currentLeadTime } from '../../../src/model/geography.ts';

const R = 3;

/** A quiet world: no hazards observed (E[loss] = 0), π = π0, one firm homed in HOM (bloc A). */
function costWorld(params: Record<string, unknown> = {}): World {
  const world = tinyWorld(undefined, params);
  for (let j = 0; j < world.hubs.count; j++) world.hubs.price[j] = 40;
  world.firms.observedHazard.fill(0);
  world.firms.riskPerception[0] = world.params.riskPerceptionInitial;
  world.economy.referenceComponentPrice = 50;
  world.economy.referenceFinalPrice = 100;
  return world;
}

/** Pools with `capacity` units/week at `price` from `count` SMEs in each listed region, for `strategy`. */
function poolsWith(world: World, strategy: number, cells: { region: number; capacity: number; price: number; count: number }[]): SmePools {
  const pools = computeSmePools(world);
  pools.capacity.fill(0);
  pools.priceTimesCapacity.fill(0);
  pools.count.fill(0);
  pools.tierTwo.fill(0);
  for (const { region, capacity, price, count } of cells) {
    pools.capacity[strategy * R + region] = capacity;
    pools.priceTimesCapacity[strategy * R + region] = capacity * price;
    pools.count[strategy * R + region] = count;
  }
  return pools;
}

const demandOf = (world: World) => world.firms.demandByBloc[0] + world.firms.demandByBloc[1];
const BIG = 1e9;

describe('§7.1 C_k for SME-sourcing strategies, term by term', () => {
  it('the SME share is the target, or what the pool can carry at the target utilisation, whichever is less (LOCAL always its target)', () => {
    const world = costWorld();
    const volume = demandOf(world);
    expect(volume).toBeGreaterThan(0);
    const roomy = poolsWith(world, DUAL, [{ region: NBR, capacity: BIG, price: 30, count: 10 }]);
    expect(estimateStrategy(world, 0, DUAL, roomy).smeShare).toBeCloseTo(world.params.dualShare, 12);
    // A pool of 0.1 × volume at utilisation target u carries 0.1 · u of the volume.
    const u = world.params.plantUtilisationTarget;
    const small = poolsWith(world, NEARSHORE, [{ region: NBR, capacity: 0.1 * volume, price: 30, count: 10 }]);
    expect(estimateStrategy(world, 0, NEARSHORE, small).smeShare).toBeCloseTo(0.1 * u, 12);
    const smallLocal = poolsWith(world, LOCAL, [{ region: HOM, capacity: 0.1 * volume, price: 30, count: 10 }]);
    expect(estimateStrategy(world, 0, LOCAL, smallLocal).smeShare).toBe(1);
    expect(estimateStrategy(world, 0, GLOBAL, roomy).smeShare).toBe(0);
  });

  it('components = (1 − s) · hub landed cost + s · pool delivered price, so ΔC = s · Δprice', () => {
    const world = costWorld();
    const s = world.params.dualShare;
    const at = (price: number) => estimateStrategy(world, 0, DUAL, poolsWith(world, DUAL, [{ region: NBR, capacity: BIG, price, count: 10 }])).cost;
    expect(at(35) - at(30)).toBeCloseTo(s * 5, 9);
    // Every SME: NEARSHORE takes all its components from the pool.
    const near = (price: number) =>
      estimateStrategy(world, 0, NEARSHORE, poolsWith(world, NEARSHORE, [{ region: NBR, capacity: BIG, price, count: 10 }])).cost;
    expect(near(35) - near(30)).toBeCloseTo(5, 9);
    // The hub's landed price weighs (1 − s).
    const pools = poolsWith(world, DUAL, [{ region: NBR, capacity: BIG, price: 30, count: 10 }]);
    const before = estimateStrategy(world, 0, DUAL, pools).cost;
    world.hubs.price.fill(44);
    expect(estimateStrategy(world, 0, DUAL, pools).cost - before).toBeCloseTo((1 - s) * 4, 9);
  });

  it('a pool region pays freight to the plant on its price: two pool regions average by capacity', () => {
    const world = costWorld();
    const one = poolsWith(world, NEARSHORE, [{ region: HOM, capacity: 100, price: 30, count: 10 }]);
    const two = poolsWith(world, NEARSHORE, [
      { region: HOM, capacity: 100, price: 30, count: 10 },
      { region: NBR, capacity: 300, price: 30, count: 10 },
    ]);
    world.params.coordinationCostPerRegion = 0; // a second region adds coordination; isolate freight
    world.params.contractFixedCost = 0;
    world.params.plantOverheadElasticity = 1; // overhead per unit independent of the pool
    const volume = demandOf(world);
    // Both pools must be roomy enough for s = 1: scale them up.
    for (const p of [one, two]) {
      for (let i = 0; i < p.capacity.length; i++) {
        p.capacity[i] *= 10 * volume;
        p.priceTimesCapacity[i] *= 10 * volume;
      }
    }
    const freightNbr = 0.0012 * 1111.949266445587; // freightPerUnitKm · km, HOM–NBR
    expect(estimateStrategy(world, 0, NEARSHORE, two).cost - estimateStrategy(world, 0, NEARSHORE, one).cost).toBeCloseTo(0.75 * freightNbr, 6);
  });

  it('contract costs: s · contractFixedCost · reference component price / mean contract size', () => {
    const world = costWorld();
    const s = world.params.dualShare;
    const pools = poolsWith(world, DUAL, [{ region: NBR, capacity: 2_000_000, price: 30, count: 400 }]);
    const before = estimateStrategy(world, 0, DUAL, pools).cost;
    world.params.contractFixedCost += 2;
    // Mean contract = 2e6 / 400 = 5 000 units/week.
    expect(estimateStrategy(world, 0, DUAL, pools).cost - before).toBeCloseTo((s * 2 * 50) / 5_000, 12);
  });

  it('the local sourcing subsidy is paid on the plant region’s share: (1 − s) · hub weight there + s · pool capacity there', () => {
    const world = costWorld();
    const s = world.params.dualShare;
    const pools = poolsWith(world, DUAL, [
      { region: HOM, capacity: BIG, price: 30, count: 10 },
      { region: NBR, capacity: 3 * BIG, price: 30, count: 10 },
    ]);
    const before = estimateStrategy(world, 0, DUAL, pools).cost;
    world.regions.localSourcingSubsidy[HOM] = 0.1;
    // The hub is in HUB, not HOM, so only the pool's quarter in HOM counts.
    expect(estimateStrategy(world, 0, DUAL, pools).cost - before).toBeCloseTo(-0.1 * 50 * (s * 0.25), 9);
    // A subsidy elsewhere pays nothing to this plant.
    world.regions.localSourcingSubsidy[HOM] = 0;
    world.regions.localSourcingSubsidy[NBR] = 0.1;
    expect(estimateStrategy(world, 0, DUAL, pools).cost).toBeCloseTo(before, 9);
  });

  it('assembly labour and the plant overhead per unit (overhead at capacity volume / u, spread over the volume)', () => {
    const world = costWorld();
    const pools = poolsWith(world, DUAL, [{ region: NBR, capacity: BIG, price: 30, count: 10 }]);
    const before = estimateStrategy(world, 0, DUAL, pools).cost;
    world.regions.wage[HOM] *= 2;
    const labour = (world.params.labourPerAssembly * world.regions.wage[HOM]) / 2 / world.regions.productivity[HOM];
    const afterWage = estimateStrategy(world, 0, DUAL, pools).cost;
    expect(afterWage - before).toBeCloseTo(labour, 9);
    const volume = demandOf(world);
    const overheadBefore = plantOverheadFor(world, volume / world.params.plantUtilisationTarget) / volume;
    expect(overheadBefore).toBeGreaterThan(0);
    world.economy.plantOverhead *= 3;
    expect(estimateStrategy(world, 0, DUAL, pools).cost - afterWage).toBeCloseTo(2 * overheadBefore, 9);
  });

  it('the local bonus: the home bloc’s demand share × localContentWeight × local content × P_ref / β_p, local content = (1 − s) · own-bloc hub share + s', () => {
    const world = costWorld();
    const s = world.params.dualShare;
    const pools = poolsWith(world, DUAL, [{ region: NBR, capacity: BIG, price: 30, count: 10 }]);
    const homeShare = world.firms.demandByBloc[0] / demandOf(world);
    expect(homeShare).toBeGreaterThan(0);
    expect(homeShare).toBeLessThan(1);
    const before = estimateStrategy(world, 0, DUAL, pools).cost;
    const beforeGlobal = estimateStrategy(world, 0, GLOBAL, pools).cost;
    world.params.localContentWeight += 0.5;
    const perUnit = (0.5 * 100) / world.params.priceWeight;
    // DUAL: the hub is in bloc B, so local content = s; GLOBAL: 0.
    expect(estimateStrategy(world, 0, DUAL, pools).cost - before).toBeCloseTo(-homeShare * perUnit * s, 9);
    expect(estimateStrategy(world, 0, GLOBAL, pools).cost).toBeCloseTo(beforeGlobal, 9);
  });

  it('coordination counts hub and pool regions above the minimum weight, discounted by their mean access and their sourcing nodes', () => {
    const world = costWorld();
    const p = world.params;
    const pools = poolsWith(world, DUAL, [
      { region: HOM, capacity: BIG, price: 30, count: 10 },
      { region: NBR, capacity: BIG, price: 30, count: 10 },
    ]);
    world.communityRegions.access[HUB] = 0.2;
    world.communityRegions.access[HOM] = 0.4;
    world.communityRegions.access[NBR] = 0.9;
    const withCoordination = estimateStrategy(world, 0, DUAL, pools).cost;
    p.coordinationCostPerRegion = 0;
    const without = estimateStrategy(world, 0, DUAL, pools).cost;
    p.coordinationCostPerRegion = 0.01;
    // Three regions (HUB, HOM, NBR): 0.01 · 100 · (3 − 1) · (1 − discount · mean access).
    const meanAccess = (0.2 + 0.4 + 0.9) / 3;
    const expected = 0.01 * 100 * 2 * (1 - p.coordinationDigitalDiscount * meanAccess);
    expect(estimateStrategy(world, 0, DUAL, pools).cost - without).toBeCloseTo(expected, 9);
    expect(withCoordination).toBeGreaterThan(without);
    // A smart sourcing node in one of the three regions cuts it by cut · 1/3.
    world.regions.sourcingNode[NBR] = 1;
    expect(estimateStrategy(world, 0, DUAL, pools).cost - without).toBeCloseTo(expected * (1 - p.sourcingNodeCoordinationCut / 3), 9);
    // A pool region below the minimum weight does not count: NBR's share is 1e-6.
    world.regions.sourcingNode[NBR] = 0;
    const lopsided = poolsWith(world, DUAL, [
      { region: HOM, capacity: BIG, price: 30, count: 10 },
      { region: NBR, capacity: BIG * 1e-6, price: 30, count: 10 },
    ]);
    const base = (q: number) => {
      p.coordinationCostPerRegion = q;
      return estimateStrategy(world, 0, DUAL, lopsided).cost;
    };
    const twoRegions = 0.01 * 100 * 1 * (1 - p.coordinationDigitalDiscount * ((0.2 + 0.4) / 2));
    expect(base(0.01) - base(0)).toBeCloseTo(twoRegions, 6);
  });

  it('tier-2 exposure: visible SMEs buying raw inputs from a hub region carry its hazard into E[loss]', () => {
    const world = costWorld({ disruptionLossDepth: 1 });
    const s = world.params.dualShare;
    const pools = poolsWith(world, DUAL, [{ region: NBR, capacity: 1_000, price: 30, count: 10 }]);
    const k = pools.hubRegions.indexOf(HUB);
    expect(k).toBeGreaterThanOrEqual(0);
    const HR = pools.hubRegions.length;
    world.firms.observedHazard[HUB] = 0.01;
    const without = estimateStrategy(world, 0, DUAL, pools).cost;
    pools.tierTwo[(DUAL * R + NBR) * HR + k] = 500; // half the pool's capacity buys from HUB
    const withTier = estimateStrategy(world, 0, DUAL, pools).cost;
    // Exposure to HUB rises from 1 − s' to 1 − s' + s' · 500 / 1 000, s' the share the pool carries;
    // E[loss] = margin · w · ĥ · (L + d̄ − cover) · (1 − spare(w)), spare(w) = min(1, 0.25 (1 − w) / w).
    const shareCarried = Math.min(s, (1_000 * world.params.plantUtilisationTarget) / demandOf(world));
    expect(estimateStrategy(world, 0, DUAL, pools).smeShare).toBeCloseTo(shareCarried, 12);
    const smeUnit = 30 + 0.0012 * 1111.949266445587;
    const assembly = (world.params.labourPerAssembly * world.regions.wage[HOM]) / world.regions.productivity[HOM];
    const unitCost = (1 - shareCarried) * hubMixCost(world, 0) + shareCarried * smeUnit + assembly;
    const margin = world.params.markup * unitCost;
    const lossAt = (w: number) =>
      margin * w * 0.01 * (4 + world.params.meanDisruptionWeeks - world.params.inventoryCoverWeeks) *
      (1 - Math.min(1, (world.params.spareCapacityShare * (1 - w)) / w));
    expect(withTier - without).toBeCloseTo(lossAt(1 - shareCarried + shareCarried * 0.5) - lossAt(1 - shareCarried), 9);
    // Tier-2 of another strategy's pool does not count.
    pools.tierTwo[(DUAL * R + NBR) * HR + k] = 0;
    pools.tierTwo[(NEARSHORE * R + NBR) * HR + k] = 500;
    expect(estimateStrategy(world, 0, DUAL, pools).cost).toBeCloseTo(without, 12);
  });
});

describe('§2 tier-2 exposure with two hub regions', () => {
  it('a pool’s tier-2 capacity counts in its own hub region’s column only', () => {
    const world = tinyWorld(withSecondHub(threeRegions()), { disruptionLossDepth: 1 });
    world.firms.observedHazard.fill(0);
    world.firms.riskPerception[0] = world.params.riskPerceptionInitial;
    const R4 = 4;
    const pools = computeSmePools(world);
    pools.capacity.fill(0);
    pools.priceTimesCapacity.fill(0);
    pools.count.fill(0);
    pools.tierTwo.fill(0);
    pools.capacity[DUAL * R4 + NBR] = 1_000;
    pools.priceTimesCapacity[DUAL * R4 + NBR] = 30_000;
    pools.count[DUAL * R4 + NBR] = 10;
    expect(pools.hubRegions).toEqual([HUB, 3]);
    const HR = 2;
    // The pool buys half its raw inputs from the second hub region (column 1).
    const withTier = (tier: number) => {
      pools.tierTwo[(DUAL * R4 + NBR) * HR + 1] = tier;
      return estimateStrategy(world, 0, DUAL, pools).cost;
    };
    world.firms.observedHazard[3] = 0.01;
    expect(withTier(500)).toBeGreaterThan(withTier(0));
    // A hazard in HUB: the tier-2 column of the second region does not carry it.
    world.firms.observedHazard[3] = 0;
    world.firms.observedHazard[HUB] = 0.01;
    expect(withTier(500)).toBeCloseTo(withTier(0), 12);
  });
});

describe('§7.1 what a strategy implies: pool regions, plants, risk weight and switching cost', () => {
  it('pool regions: none for GLOBAL, the home region for LOCAL, the home bloc for DUAL and NEARSHORE, the plant’s bloc for MULTILOCAL', () => {
    const world = costWorld();
    expect(poolRegions(world, 0, GLOBAL, 0)).toEqual([]);
    expect(poolRegions(world, 0, LOCAL, 0)).toEqual([HOM]);
    expect(poolRegions(world, 0, DUAL, 0)).toEqual([HOM, NBR]);
    expect(poolRegions(world, 0, NEARSHORE, 1)).toEqual([HOM, NBR]); // the home bloc, whatever the plant
    expect(poolRegions(world, 0, MULTILOCAL, 0)).toEqual([HOM, NBR]);
    expect(poolRegions(world, 0, MULTILOCAL, 1)).toEqual([HUB]); // the bloc-B plant's own bloc
  });

  it('MULTILOCAL: a bloc at exactly multilocalMinShare gets its plant; a firm without demand keeps one home plant', () => {
    const world = costWorld();
    const { firms, params } = world;
    firms.demandByBloc[0] = 1 - params.multilocalMinShare;
    firms.demandByBloc[1] = params.multilocalMinShare;
    expect(plantPlan(world, 0, MULTILOCAL)).toEqual([
      { plant: 0, share: 1 - params.multilocalMinShare },
      { plant: 1, share: params.multilocalMinShare },
    ]);
    firms.demandByBloc[0] = 0;
    firms.demandByBloc[1] = 0;
    expect(plantPlan(world, 0, MULTILOCAL)).toEqual([{ plant: 0, share: 1 }]);
  });

  it('risk weight: max(1, π/π0), and 1 + π when π0 = 0', () => {
    const world = costWorld();
    world.firms.riskPerception[0] = 3 * world.params.riskPerceptionInitial;
    expect(riskWeight(world, 0)).toBeCloseTo(3, 12);
    world.params.riskPerceptionInitial = 0;
    world.firms.riskPerception[0] = 0.4;
    expect(riskWeight(world, 0)).toBeCloseTo(1.4, 12);
  });

  it('customers lost per unit: β_a when there is no world demand to take a share of', () => {
    const world = costWorld();
    world.economy.totalFinalDemand = 0;
    expect(customerLossFactor(world, 0)).toBe(world.params.availabilityWeight);
  });

  it('switching cost of MULTILOCAL: the new plant’s capex net of its region’s grant, plus onboarding on the rise in SME share net of the home grant', () => {
    const world = costWorld();
    const { firms, params, regions } = world;
    firms.demandByBloc[0] = 70;
    firms.demandByBloc[1] = 30;
    regions.reshoringGrantShare[HUB] = 0.3;
    regions.reshoringGrantShare[HOM] = 0.5;
    const pools = poolsWith(world, MULTILOCAL, [
      { region: HOM, capacity: BIG, price: 30, count: 10 },
      { region: HUB, capacity: BIG, price: 30, count: 10 },
    ]);
    const estimate = estimateStrategy(world, 0, MULTILOCAL, pools);
    expect(estimate.smeShare).toBeCloseTo(1, 12);
    const capex = params.plantCapexWeeks * 30 * 100 * (1 - 0.3);
    // The firm is GLOBAL (SME share 0 today): onboarding on a rise of 1, over all 100 units.
    const onboarding = params.onboardingWeeks * 1 * 100 * 50 * (1 - 0.5);
    expect(estimate.switchCost).toBeCloseTo(capex + onboarding, 6);
    // GLOBAL: nothing to build, nothing to onboard.
    expect(estimateStrategy(world, 0, GLOBAL, pools).switchCost).toBe(0);
  });
});

describe('§7.1 / §7.5 the local bonus and the plant’s own region in E[loss]', () => {
  it('presence: trust in firms × (the plant region’s share of its bloc’s demand × the plant’s demand share), priced at P_ref / β_p', () => {
    const world = costWorld();
    const { regions, params } = world;
    const pools = poolsWith(world, DUAL, [{ region: NBR, capacity: BIG, price: 30, count: 10 }]);
    const homeShare = world.firms.demandByBloc[0] / demandOf(world);
    const before = estimateStrategy(world, 0, DUAL, pools).cost;
    world.communityRegions.trustFirms[HOM] += 0.2;
    // One plant serving the whole demand: presence = demand base in HOM / bloc A's (HOM + NBR).
    const presence = regions.finalDemandBase[HOM] / (regions.finalDemandBase[HOM] + regions.finalDemandBase[NBR]);
    expect(presence).toBeGreaterThan(0);
    expect(presence).toBeLessThan(1);
    const expected = -homeShare * ((params.trustWeight * 0.2 * presence * 100) / params.priceWeight);
    expect(estimateStrategy(world, 0, DUAL, pools).cost - before).toBeCloseTo(expected, 9);
    // Trust in another region brings this plant nothing.
    const after = estimateStrategy(world, 0, DUAL, pools).cost;
    world.communityRegions.trustFirms[NBR] += 0.2;
    expect(estimateStrategy(world, 0, DUAL, pools).cost).toBeCloseTo(after, 12);
  });

  it('no bonus when customers do not weigh price (β_p = 0: no price equivalent)', () => {
    const world = costWorld({ priceWeight: 0 });
    const pools = poolsWith(world, DUAL, [{ region: NBR, capacity: BIG, price: 30, count: 10 }]);
    const before = estimateStrategy(world, 0, DUAL, pools).cost;
    expect(Number.isFinite(before)).toBe(true);
    world.params.localContentWeight += 0.5;
    world.communityRegions.trustFirms[HOM] += 0.2;
    expect(estimateStrategy(world, 0, DUAL, pools).cost).toBe(before);
  });

  it('a hub in the plant’s own bloc is local content for GLOBAL', () => {
    const definition = threeRegions();
    definition.regions[HUB] = region('HUB', { bloc: 0, longitude: 90, isHub: true, gdpPerCapita: 5_000, population: 4e6 });
    const world = tinyWorld(definition);
    world.firms.observedHazard.fill(0);
    world.economy.referenceFinalPrice = 100;
    const pools = computeSmePools(world);
    const before = estimateStrategy(world, 0, GLOBAL, pools).cost;
    world.params.localContentWeight += 0.5;
    // Every region is in bloc A: the whole demand is the home bloc's, and the hub mix is all local.
    expect(estimateStrategy(world, 0, GLOBAL, pools).cost - before).toBeCloseTo((-0.5 * 100) / world.params.priceWeight, 9);
  });

  it('E[loss]: sourcing in the plant’s own region adds nothing beyond ĥ_plant · max(0, d̄ − cover), entered once', () => {
    const world = costWorld({ disruptionLossDepth: 1 });
    const { params, firms } = world;
    firms.observedHazard[HOM] = 0.02;
    const exposure = new Float64Array(R);
    exposure[HOM] = 0.6;
    exposure[NBR] = 0.4;
    const margin = 10;
    const factor = 1 + customerLossFactor(world, 0);
    expect(expectedLoss(world, 0, HOM, exposure, margin)).toBeCloseTo(margin * factor * 0.02 * (params.meanDisruptionWeeks - params.inventoryCoverWeeks), 12);
    // A hazard in NBR adds w · ĥ · (L + d̄ − cover) · (1 − spare), L from NBR to HOM.
    firms.observedHazard[NBR] = 0.01;
    const lead = currentLeadTime(world.geo, world.regions, NBR, HOM);
    const spare = Math.min(1, (params.spareCapacityShare * 0.6) / 0.4);
    const nbr = 0.4 * 0.01 * Math.max(0, lead + params.meanDisruptionWeeks - params.inventoryCoverWeeks) * (1 - spare);
    expect(expectedLoss(world, 0, HOM, exposure, margin)).toBeCloseTo(
      margin * factor * (0.02 * (params.meanDisruptionWeeks - params.inventoryCoverWeeks) + nbr),
      12,
    );
  });
});

describe('§9.1 the logit draw, the starting draw and closing a plant', () => {
  /** Draws with every Gumbel term 0: the choice is the least cost + amortised switching cost. */
  const noNoise = { gumbel: () => 0 };
  const estimate = (cost: number, switchCost = 0): StrategyPrice => ({ cost, switchCost });

  it('switching cost counts per unit over the firm’s demand × amortisationWeeks, and only with switching on; ties go to the first', () => {
    const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }));
    const { firms, params } = world;
    firms.demandByBloc.set([0, 0, 30, 10]); // firm 1: 40 units a week
    const weeks = 40 * params.amortisationWeeks;
    // Index 1 is 1 cheaper and costs 0.5 (then 2) per unit to switch to.
    expect(drawStrategy(world, 1, [estimate(100), estimate(99, 0.5 * weeks)], noNoise, true)).toBe(1);
    expect(drawStrategy(world, 1, [estimate(100), estimate(99, 2 * weeks)], noNoise, true)).toBe(0);
    expect(drawStrategy(world, 1, [estimate(100), estimate(99, 2 * weeks)], noNoise, false)).toBe(1);
    expect(drawStrategy(world, 1, [estimate(100), estimate(100)], noNoise, true)).toBe(0);
    // The Gumbel term enters at temperature strategyTemp × mean cost: a draw of +2 on index 0
    // outweighs a cost gap of 1 only if 1 / (T · 99.5) < 2.
    const temperature = params.strategyTemp * 99.5;
    const favourFirst = { gumbel: (_f: number, _t: number, k?: number) => (k === CHOOSABLE[0] ? 2 : 0) };
    expect(drawStrategy(world, 1, [estimate(100), estimate(99)], favourFirst, true)).toBe(1 / temperature < 2 ? 0 : 1);
  });

  it('starting strategies come from the firm.startingStrategy stream without switching costs, and not at all under an override', () => {
    let differ = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const world = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }), { strategyTemp: 0.5 }, undefined, seed);
      const pools = computeSmePools(world);
      const draws = world.draws.for('firm.startingStrategy');
      const expected = [0, 1].map((f) => CHOOSABLE[drawStrategy(world, f, CHOOSABLE.map((k) => estimateStrategy(world, f, k, pools)), draws, false)]);
      drawStartingStrategies(world, pools);
      expect([world.firms.strategy[0], world.firms.strategy[1]]).toEqual(expected);
      differ += expected.filter((k) => k !== GLOBAL).length;
    }
    expect(differ).toBeGreaterThan(0);
    const forced = tinyWorld(threeRegions({ leadFirmHomes: [HOM, HUB] }), { strategyTemp: 0.5, strategyOverride: 'GLOBAL' });
    forced.firms.strategy[1] = NEARSHORE;
    drawStartingStrategies(forced, computeSmePools(forced));
    expect(forced.firms.strategy[1]).toBe(NEARSHORE);
  });

  it('closing a plant moves its stock home, cancels what each hub owes it (and only it), counts its jobs lost and zeroes its capacity', () => {
    const world = twoFirmsTwoHubs();
    const { plants, plantHub } = world;
    const H = 2;
    plantHub.owed.fill(4);
    // Firm 1's bloc-B plant (3) closes into its home plant (2).
    plants.active[3] = 1;
    plants.capacityTarget[3] = 50;
    plants.finishedStock[3] = 10;
    plants.componentStock[3] = 6;
    plants.finishedStock[2] = 1;
    plants.componentStock[2] = 0;
    plants.employment[3] = 12;
    world.plantJobEvents.closed.fill(0);
    closePlant(world, 3, 2);
    expect(plants.finishedStock[2]).toBe(11);
    expect(plants.componentStock[2]).toBe(6);
    expect(plants.finishedStock[3]).toBe(0);
    expect(plants.componentStock[3]).toBe(0);
    expect(Array.from(plantHub.owed.subarray(3 * H, 4 * H))).toEqual([0, 0]);
    expect(Array.from(plantHub.owed.subarray(2 * H, 3 * H))).toEqual([4, 4]);
    expect(Array.from(plantHub.owed.subarray(0, 2 * H))).toEqual([4, 4, 4, 4]);
    expect(world.plantJobEvents.closed[plants.region[3]]).toBe(12);
    expect(plants.active[3]).toBe(0);
    expect(plants.capacityTarget[3]).toBe(0);
    expect(plants.rampStartTick[3]).toBe(-1);
  });
});
