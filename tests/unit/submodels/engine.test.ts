/**
 * Engine submodels against hand-computed values (MODEL.md §2 geography, §3 schedule, §7.5
 * demand, §7.7 f(g), §7.10 shocks, §6 inequality measures).
 */
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../../src/model/schedule.ts';
import {
  canShip,
  currentFreight,
  currentLeadTime,
  greatCircleKm,
  leadTimeFor,
  tariffRate,
} from '../../../src/model/geography.ts';
import { incomeDiffusionFactors, productivityFor, wageFor } from '../../../src/model/economy.ts';
import { applyShocks } from '../../../src/model/shocks.ts';
import { herfindahl, weightedGini } from '../../../src/model/observe/inequality.ts';
import { advanceDemandNoise, regionalFinalDemand } from '../../../agents/firm/market.ts';
import { setLocalDemand } from '../../../agents/sme/local-market.ts';
import { labourIncomeRatio } from '../../../agents/community/systems.ts';
import { defaultParams } from '../../../src/model/params/registry.ts';
import { HOM, HUB, NBR, equatorKm, region, threeRegions, tinyWorld } from './tiny-world.ts';

describe('§3 schedule', () => {
  it('runs the phases in MODEL.md §3 order (observation is the caller’s)', () => {
    expect(PHASES.map((p) => p.name)).toEqual([
      'shocks',
      'policy',
      'arrivals',
      'markets',
      'strategy and orders',
      'production',
      'rationing and shipping',
      'finance',
      'communities',
      'smes',
    ]);
  });
});

describe('§2 geography', () => {
  it('great-circle distance on the equator is R · Δλ', () => {
    // 6371 km × π/2 = 10 007.543 km.
    expect(greatCircleKm(0, 0, 0, 90)).toBeCloseTo((6371 * Math.PI) / 2, 6);
    expect(greatCircleKm(0, 0, 0, 10)).toBeCloseTo((6371 * Math.PI) / 18, 6);
  });

  it('lead time L = handlingWeeks + ceil(km / shipKmPerWeek)', () => {
    const p = { handlingWeeks: 1, shipKmPerWeek: 5000 };
    expect(leadTimeFor(10_007.5, p)).toBe(1 + 3); // ceil(2.0015) = 3
    expect(leadTimeFor(5000, p)).toBe(1 + 1); // exactly one week of sailing
    expect(leadTimeFor(5000.001, p)).toBe(1 + 2);
    expect(leadTimeFor(1111.9, p)).toBe(1 + 1);
    expect(leadTimeFor(0, p)).toBe(1 + 0);
    expect(leadTimeFor(7000, { handlingWeeks: 2, shipKmPerWeek: 2000 })).toBe(2 + 4);
  });

  it('lead time is never clipped above and is at least 1 week', () => {
    // The 1-week floor (docs/ODD.md "Departures" item 9): with handlingWeeks = 0 a same-region
    // shipment would otherwise take 0 weeks, which a pipeline ring cannot hold. No upper cap: the
    // rings are sized from the longest lead time (tests/unit/lead-times.test.ts).
    expect(leadTimeFor(20_000, { handlingWeeks: 4, shipKmPerWeek: 5000 })).toBe(8); // 4 + 4
    expect(leadTimeFor(0, { handlingWeeks: 0, shipKmPerWeek: 5000 })).toBe(1); // 0 + 0 → 1
    // The longest great circle (π · 6371 = 20 015 km) at the defaults: 1 + ⌈4.003⌉ = 6 weeks.
    expect(leadTimeFor(Math.PI * 6371, { handlingWeeks: 1, shipKmPerWeek: 5000 })).toBe(6);
  });

  it('the world’s lead-time matrix follows the formula for each pair of regions', () => {
    const world = tinyWorld();
    const n = 3;
    // HOM–HUB: 10 007.5 km → 1 + 3; HOM–NBR: 1 111.9 km → 1 + 1; HUB–NBR: 8 895.6 km → 1 + 2.
    expect(world.geo.leadTimeWeeks[HOM * n + HUB]).toBe(4);
    expect(world.geo.leadTimeWeeks[HUB * n + HOM]).toBe(4);
    expect(world.geo.leadTimeWeeks[HOM * n + NBR]).toBe(2);
    expect(world.geo.leadTimeWeeks[HUB * n + NBR]).toBe(3);
    expect(world.geo.leadTimeWeeks[HOM * n + HOM]).toBe(1);
  });

  it('freight = freightPerUnitKm · km, × landlockedFreightFactor when either end is landlocked', () => {
    const definition = threeRegions();
    definition.regions[NBR] = region('NBR', { bloc: 0, longitude: 10, gdpPerCapita: 10_000, landlocked: true });
    const world = tinyWorld(definition);
    const n = 3;
    expect(world.geo.freightPerUnit[HOM * n + HUB]).toBeCloseTo(0.0012 * 10_007.543_4, 4); // 12.0091
    expect(world.geo.freightPerUnit[HOM * n + NBR]).toBeCloseTo(0.0012 * 1_111.949_3 * 1.5, 4); // 2.0015
    expect(world.geo.freightPerUnit[NBR * n + HUB]).toBeCloseTo(0.0012 * 8_895.594 * 1.5, 3); // 16.012
    expect(world.geo.freightPerUnit[HOM * n + HOM]).toBe(0);
  });

  it('a logistics shock multiplies lead time (rounded, not clipped) and freight, by the larger multiplier of the two ends', () => {
    const world = tinyWorld();
    const { geo, regions } = world;
    regions.leadTimeMultiplier[HUB] = 1.5;
    regions.freightMultiplier[HUB] = 3;
    expect(currentLeadTime(geo, regions, HUB, HOM)).toBe(6); // round(4 × 1.5)
    expect(currentLeadTime(geo, regions, HOM, HUB)).toBe(6);
    expect(currentLeadTime(geo, regions, HOM, NBR)).toBe(2); // neither end shocked
    expect(currentFreight(geo, regions, HUB, HOM)).toBeCloseTo(3 * 0.0012 * equatorKm(90), 6);
    expect(currentFreight(geo, regions, NBR, HOM)).toBeCloseTo(0.0012 * equatorKm(10), 6);
    regions.leadTimeMultiplier[HOM] = 2.5;
    expect(currentLeadTime(geo, regions, HUB, HOM)).toBe(10); // round(4 × 2.5), not clipped
    expect(currentLeadTime(geo, regions, HOM, NBR)).toBe(5); // round(2 × 2.5)
  });

  it('a closed border blocks shipments both ways; trade inside a region always moves', () => {
    const world = tinyWorld();
    const { regions } = world;
    regions.borderOpen[HUB] = 0;
    expect(canShip(regions, HUB, HOM)).toBe(false);
    expect(canShip(regions, HOM, HUB)).toBe(false);
    expect(canShip(regions, HUB, HUB)).toBe(true);
    expect(canShip(regions, HOM, NBR)).toBe(true);
  });

  it('a tariff applies to imports from other blocs only, at the destination’s rate', () => {
    const world = tinyWorld();
    const { regions } = world;
    regions.tariff[HOM] = 0.1;
    expect(tariffRate(regions, HUB, HOM)).toBe(0.1); // bloc B → bloc A
    expect(tariffRate(regions, NBR, HOM)).toBe(0); // same bloc
    expect(tariffRate(regions, HOM, HUB)).toBe(0); // HUB charges no tariff
  });
});

describe('§7.5 economy and final demand', () => {
  it('wage = GDPpc · labourShare / 52 and productivity = (GDPpc / reference)^elasticity', () => {
    const params = defaultParams();
    expect(wageFor(20_000, params)).toBeCloseTo((20_000 * 0.55) / 52, 9);
    expect(productivityFor(20_000, 8_000, params)).toBeCloseTo(Math.pow(2.5, 0.75), 12);
    const world = tinyWorld();
    // Reference = population-weighted GDPpc: (1e6·20 000 + 4e6·5 000 + 1e6·10 000) / 6e6.
    const reference = (1e6 * 20_000 + 4e6 * 5_000 + 1e6 * 10_000) / 6e6;
    expect(world.economy.referenceGdpPerCapita).toBeCloseTo(reference, 9);
    expect(world.regions.productivity[NBR]).toBeCloseTo(Math.pow(10_000 / reference, 0.75), 12);
  });

  it('regional final demand ∝ population × GDPpc^η (η = 0.8)', () => {
    const world = tinyWorld();
    const base = world.regions.finalDemandBase;
    // HOM / NBR = (1e6 · 20 000^0.8) / (1e6 · 10 000^0.8) = 2^0.8; HUB / NBR = 4 · 0.5^0.8.
    expect(base[HOM] / base[NBR]).toBeCloseTo(Math.pow(2, 0.8), 10);
    expect(base[HUB] / base[NBR]).toBeCloseTo(4 * Math.pow(0.5, 0.8), 10);
  });

  it('final demand = base × shock multiplier × exp(noise − sd²/2)', () => {
    const world = tinyWorld(undefined, { demandNoiseSd: 0.2 });
    world.regions.finalDemandBase[HOM] = 100;
    world.regions.finalDemandMultiplier[HOM] = 0.7;
    world.regions.demandNoise[HOM] = 0.1;
    expect(regionalFinalDemand(world, HOM)).toBeCloseTo(100 * 0.7 * Math.exp(0.1 - 0.02), 10);
  });

  it('§9.2 final demand follows labour income: × (income / trend)^η, and not when demand is fixed', () => {
    const world = tinyWorld(undefined, { demandNoiseSd: 0 });
    world.regions.finalDemandBase[HOM] = 100;
    world.communityRegions.incomeRatio[HOM] = 0.9;
    // 100 × 0.9^0.8 = 100 × exp(0.8 · ln 0.9) = 91.9166…
    expect(regionalFinalDemand(world, HOM)).toBeCloseTo(91.91661, 4);
    const fixed = tinyWorld(undefined, { demandNoiseSd: 0, demandFollowsIncome: false });
    fixed.regions.finalDemandBase[HOM] = 100;
    fixed.communityRegions.incomeRatio[HOM] = 0.9;
    expect(regionalFinalDemand(fixed, HOM)).toBe(100);
  });

  it('§9.2 local demand follows labour income with elasticity localDemandIncomeElasticity', () => {
    const world = tinyWorld(undefined, { demandNoiseSd: 0, localDemandIncomeElasticity: 2 });
    world.regions.localMarketBase[HOM] = 50;
    world.communityRegions.incomeRatio[HOM] = 0.9;
    setLocalDemand(world);
    // 50 × 0.9² = 40.5
    expect(world.smeRegions.localDemand[HOM]).toBeCloseTo(40.5, 10);
  });

  it('§9.2 labour income ratio: a shortfall of modelled jobs lowers employment by the industry share, against 1 − base unemployment', () => {
    // 1 − 0.2 × 0.1 / (1 − 0.06) = 1 − 0.02 / 0.94 = 0.978723…
    expect(labourIncomeRatio(0.1, 0.2, 0.06)).toBeCloseTo(0.9787234, 6);
    expect(labourIncomeRatio(0, 0.2, 0.06)).toBe(1);
    // Hiring above trend raises income: 1 + 0.5 × 0.1 / 0.9.
    expect(labourIncomeRatio(-0.1, 0.5, 0.1)).toBeCloseTo(1 + 0.05 / 0.9, 12);
    expect(labourIncomeRatio(2, 1, 0)).toBe(0); // never negative
  });

  it('demand noise is AR(1) in logs with stationary sd demandNoiseSd and autocorrelation demandNoiseAr', () => {
    const world = tinyWorld(undefined, { demandNoiseSd: 0.1, demandNoiseAr: 0.6 });
    const weeks = 8000;
    const series: number[][] = [[], [], []];
    for (let t = 0; t < weeks + 50; t++) {
      world.tick = t;
      advanceDemandNoise(world);
      if (t >= 50) for (let r = 0; r < 3; r++) series[r].push(world.regions.demandNoise[r]);
    }
    let sumSq = 0;
    let sumLag = 0;
    let multiplier = 0;
    let count = 0;
    for (const x of series) {
      for (let t = 0; t < x.length; t++) {
        sumSq += x[t] * x[t];
        multiplier += Math.exp(x[t] - 0.1 * 0.1 / 2);
        if (t > 0) sumLag += x[t] * x[t - 1];
        count++;
      }
    }
    const variance = sumSq / count;
    // Stationary variance sd² = 0.01 and lag-1 autocorrelation 0.6 (Monte-Carlo tolerance).
    expect(Math.sqrt(variance)).toBeCloseTo(0.1, 2);
    expect(sumLag / sumSq).toBeCloseTo(0.6, 1);
    // The multiplier exp(noise − sd²/2) has mean 1.
    expect(multiplier / count).toBeCloseTo(1, 2);
  });
});

describe('§7.7 income factor f(g) = ln(g / g_min) / ln(g_max / g_min)', () => {
  it('matches hand values, clipped to [0,1]', () => {
    const f = incomeDiffusionFactors(Float64Array.from([1_000, 10_000, 100_000, 3_000]));
    expect(f[0]).toBe(0);
    expect(f[1]).toBeCloseTo(Math.log(10) / Math.log(100), 12); // 0.5
    expect(f[2]).toBe(1);
    expect(f[3]).toBeCloseTo(Math.log(3) / Math.log(100), 12); // 0.238561
  });

  it('is 1 everywhere in a world where every region has the same income, 0 for g ≤ 0', () => {
    expect(Array.from(incomeDiffusionFactors(Float64Array.from([5_000, 5_000])))).toEqual([1, 1]);
    expect(incomeDiffusionFactors(Float64Array.from([0, 1_000, 4_000]))[0]).toBe(0);
  });

  it('is stored per region at initialisation', () => {
    const world = tinyWorld(); // GDPpc 20 000, 5 000, 10 000
    expect(world.regions.incomeDiffusionFactor[HOM]).toBe(1);
    expect(world.regions.incomeDiffusionFactor[HUB]).toBe(0);
    expect(world.regions.incomeDiffusionFactor[NBR]).toBeCloseTo(Math.log(2) / Math.log(4), 12); // 0.5
  });
});

describe('§7.10 shocks', () => {
  it('a scenario lockdown sets the capacity factor for exactly its weeks (after warm-up)', () => {
    const world = tinyWorld(undefined, { warmupWeeks: 2 }, {
      shocks: [{ kind: 'lockdown', target: { regions: ['HUB'] }, start: 3, weeks: 4, capacityFactor: 0.4 }],
    });
    const factor: number[] = [];
    const onset: number[] = [];
    const locked: number[] = [];
    for (let tick = 0; tick < 12; tick++) {
      world.tick = tick;
      applyShocks(world);
      factor.push(world.regions.capacityFactor[HUB]);
      onset.push(world.regions.disruptionOnset[HUB]);
      locked.push(world.regions.lockedDown[HUB]);
      expect(world.regions.capacityFactor[HOM]).toBe(1);
    }
    // Scenario weeks 3..6 = ticks 5..8.
    expect(factor).toEqual([1, 1, 1, 1, 1, 0.4, 0.4, 0.4, 0.4, 1, 1, 1]);
    expect(locked).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
    expect(onset).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('overlapping lockdowns take the lower capacity factor; demand shocks multiply; logistics take the larger multiplier', () => {
    const world = tinyWorld(undefined, {}, {
      shocks: [
        { kind: 'lockdown', target: { regions: ['HOM'] }, start: 0, weeks: 5, capacityFactor: 0.6 },
        { kind: 'lockdown', target: { regions: ['HOM'] }, start: 0, weeks: 5, capacityFactor: 0.3 },
        { kind: 'demand', target: { regions: ['HOM'] }, start: 0, weeks: 5, multiplier: 0.8, markets: 'final' },
        { kind: 'demand', target: { regions: ['HOM'] }, start: 0, weeks: 5, multiplier: 0.5, markets: 'both' },
        { kind: 'logistics', target: { regions: ['NBR'] }, start: 0, weeks: 5, leadTimeMultiplier: 2, freightMultiplier: 1.5 },
        { kind: 'logistics', target: { regions: ['NBR'] }, start: 0, weeks: 5, leadTimeMultiplier: 1.5, freightMultiplier: 3 },
        { kind: 'borderClosure', target: { regions: ['HUB'] }, start: 0, weeks: 5 },
      ],
    });
    applyShocks(world);
    const r = world.regions;
    expect(r.capacityFactor[HOM]).toBe(0.3);
    expect(r.finalDemandMultiplier[HOM]).toBeCloseTo(0.8 * 0.5, 12);
    expect(r.localDemandMultiplier[HOM]).toBeCloseTo(0.5, 12); // 'final' leaves local demand alone
    expect(r.leadTimeMultiplier[NBR]).toBe(2);
    expect(r.freightMultiplier[NBR]).toBe(3);
    expect(r.borderOpen[HUB]).toBe(0);
    expect(r.borderOpen[HOM]).toBe(1);
    // Next week after the end everything is reset.
    world.tick = 5;
    applyShocks(world);
    expect([r.capacityFactor[HOM], r.finalDemandMultiplier[HOM], r.leadTimeMultiplier[NBR], r.borderOpen[HUB]]).toEqual([1, 1, 1, 1]);
  });

  it('background hazard: a disruption starts with probability rate / 52 per calm region-week (hubs at hubHazardPerYear)', () => {
    const world = tinyWorld(undefined, {
      hazardEnabled: true,
      hazardPerRegionYear: 2,
      hubHazardPerYear: 2,
      hazardMinWeeks: 2,
      hazardMaxWeeks: 5,
      hazardCapacityMin: 0.2,
      hazardCapacityMax: 0.6,
    });
    const r = world.regions;
    const weeks = 20_000;
    let onsets = 0;
    const lengths = new Set<number>();
    let minFactor = 1;
    let maxFactor = 0;
    for (let tick = 0; tick < weeks; tick++) {
      world.tick = tick;
      r.hazardUntilTick.fill(-1); // every region calm: each week is one Bernoulli trial
      applyShocks(world);
      for (let k = 0; k < 3; k++) {
        if (!r.disruptionOnset[k]) continue;
        onsets++;
        lengths.add(r.hazardUntilTick[k] - tick);
        minFactor = Math.min(minFactor, r.hazardCapacityFactor[k]);
        maxFactor = Math.max(maxFactor, r.hazardCapacityFactor[k]);
        expect(r.capacityFactor[k]).toBe(r.hazardCapacityFactor[k]);
      }
    }
    const trials = 3 * weeks;
    const p = 2 / 52; // 0.03846
    const sd = Math.sqrt(trials * p * (1 - p));
    expect(Math.abs(onsets - trials * p)).toBeLessThan(4 * sd); // 2307.7 ± 188
    expect([...lengths].sort()).toEqual([2, 3, 4, 5]);
    expect(minFactor).toBeGreaterThanOrEqual(0.2);
    expect(maxFactor).toBeLessThanOrEqual(0.6);
    expect(maxFactor - minFactor).toBeGreaterThan(0.35);
  });

  it('a region already disrupted cannot start a second hazard; the factor holds until hazardUntilTick', () => {
    const world = tinyWorld(undefined, { hazardEnabled: true, hazardPerRegionYear: 2 });
    const r = world.regions;
    r.hazardUntilTick.fill(10);
    r.hazardCapacityFactor.fill(0.45);
    for (let tick = 0; tick < 12; tick++) {
      world.tick = tick;
      applyShocks(world);
      if (tick < 10) {
        expect(Array.from(r.disruptionOnset)).toEqual([0, 0, 0]);
        expect(r.capacityFactor[HOM]).toBe(0.45);
      }
    }
  });

  it('each region draws at its own rate: hubs at hubHazardPerYear, the others at hazardPerRegionYear', () => {
    const world = tinyWorld(undefined, { hazardEnabled: true, hazardPerRegionYear: 0, hubHazardPerYear: 2 });
    let hubOnsets = 0;
    for (let tick = 0; tick < 2_000; tick++) {
      world.tick = tick;
      world.regions.hazardUntilTick.fill(-1);
      applyShocks(world);
      expect(world.regions.disruptionOnset[HOM]).toBe(0);
      expect(world.regions.disruptionOnset[NBR]).toBe(0);
      hubOnsets += world.regions.disruptionOnset[HUB];
    }
    // 2000 trials at p = 2/52: mean 76.9, sd 8.6.
    expect(hubOnsets).toBeGreaterThan(76.9 - 4 * 8.6);
    expect(hubOnsets).toBeLessThan(76.9 + 4 * 8.6);
  });

  it('the default hazard is calibrated so a single-hub chain meets one ≥ 1-month disruption per 3.7 years', () => {
    // Two regions drawing on their own, each at 0.1414 a year (src/calibration/hazard.ts): about
    // twice 1/3.7 less the overlaps and the weeks a region is already disrupted.
    expect(defaultParams().hazardPerRegionYear).toBeCloseTo(0.1414, 4);
    expect(defaultParams().hubHazardPerYear).toBeCloseTo(0.1414, 4);
    const world = tinyWorld(undefined, { hazardEnabled: false, hazardPerRegionYear: 2, hubHazardPerYear: 2 });
    for (let tick = 0; tick < 200; tick++) {
      world.tick = tick;
      applyShocks(world);
      expect(Array.from(world.regions.disruptionOnset)).toEqual([0, 0, 0]);
    }
  });
});

describe('§6 inequality measures', () => {
  it('weighted Gini matches hand values', () => {
    // [1,2,3,4], equal weights: Σ|xi − xj| / (2 n² μ) = 20 / (2 · 16 · 2.5) = 0.25.
    expect(weightedGini([1, 2, 3, 4], [1, 1, 1, 1])).toBeCloseTo(0.25, 12);
    // Weights act as counts: [0, 10] with weights [3, 1] = [0,0,0,10] → 60 / 80 = 0.75.
    expect(weightedGini([10, 0], [1, 3])).toBeCloseTo(0.75, 12);
    expect(weightedGini([0, 0, 0, 10], [1, 1, 1, 1])).toBeCloseTo(0.75, 12);
    // [1, 3] weights [1, 2] = [1,3,3]: Σ|xi − xj| = 2·(2+2) = 8; μ = 7/3; 8 / (2 · 9 · 7/3) = 4/21.
    expect(weightedGini([1, 3], [1, 2])).toBeCloseTo(4 / 21, 12);
    // Zero weights are ignored; equality and emptiness give 0.
    expect(weightedGini([1, 2, 3, 4, 100], [1, 1, 1, 1, 0])).toBeCloseTo(0.25, 12);
    expect(weightedGini([5, 5, 5], [1, 2, 3])).toBeCloseTo(0, 12);
    expect(weightedGini([], [])).toBe(0);
  });

  it('HHI = Σ shares² on hand examples', () => {
    expect(herfindahl([1, 1, 2])).toBeCloseTo(0.25 * 0.25 + 0.25 * 0.25 + 0.5 * 0.5, 12); // 0.375
    expect(herfindahl([5])).toBe(1);
    expect(herfindahl([1, 1, 1, 1])).toBeCloseTo(0.25, 12);
    expect(herfindahl([3, -2, 1])).toBeCloseTo(0.75 * 0.75 + 0.25 * 0.25, 12); // negatives count as 0
    expect(herfindahl([])).toBe(0);
    expect(herfindahl([0, 0])).toBe(0);
  });
});
