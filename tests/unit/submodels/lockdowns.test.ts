/**
 * MODEL.md §9.3 — lockdowns hit labour: tier t keeps 1 − onsite_t · (1 − cf′), cf′ rescaled per
 * region so that the labour-weighted mean cut is the scenario's 1 − cf (src/model/lockdowns.ts).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { TIER_COUNT, followLabourByTier, labourWeightedCapacities, onsiteShares } from '../../../src/model/lockdowns.ts';
import { applyShocks } from '../../../src/model/shocks.ts';
import { defaultParams } from '../../../src/model/params/registry.ts';
import { HOM, HUB, NBR, tinyWorld } from './tiny-world.ts';

/** MODEL.md §9.3's onsite shares: local services 0.8, components 0.9, assembly 0.9, raw inputs 0.7. */
const ONSITE = [0.8, 0.9, 0.9, 0.7];
/** Labour by tier: 40% local services, 30% components, 10% assembly, 20% raw inputs. */
const LABOUR = [40, 30, 10, 20];

function capacities(cf: number, onsite = ONSITE, labour = LABOUR): { tiers: number[]; x: number } {
  const out = new Float64Array(TIER_COUNT);
  const x = labourWeightedCapacities(1 - cf, onsite, labour, 0, out);
  return { tiers: Array.from(out), x };
}

const meanCut = (tiers: number[], labour: number[]) => {
  const total = labour.reduce((a, b) => a + b, 0);
  return tiers.reduce((sum, c, t) => sum + (labour[t] / total) * (1 - c), 0);
};

describe('§9.3 lockdowns cut each tier by its onsite labour', () => {
  it('the defaults are MODEL.md’s onsite shares, in tier order', () => {
    expect(onsiteShares(defaultParams())).toEqual(ONSITE);
  });

  it('cf = 0.5: mean onsite 0.82, so 1 − cf′ = 0.5 / 0.82 = 25/41; tiers keep 21/41, 37/82, 37/82 and 47/82', () => {
    // 0.4·0.8 + 0.3·0.9 + 0.1·0.9 + 0.2·0.7 = 0.82.
    const { tiers, x } = capacities(0.5);
    expect(x).toBeCloseTo(25 / 41, 12);
    expect(tiers[0]).toBeCloseTo(21 / 41, 12); // 1 − 0.8 · 25/41 = 0.5122
    expect(tiers[1]).toBeCloseTo(37 / 82, 12); // 1 − 0.9 · 25/41 = 0.4512
    expect(tiers[2]).toBeCloseTo(37 / 82, 12);
    expect(tiers[3]).toBeCloseTo(47 / 82, 12); // 1 − 0.7 · 25/41 = 0.5732
    // The labour-weighted mean cut is the scenario's: (8 + 6.75 + 2.25 + 3.5) / 41 = 0.5.
    expect(meanCut(tiers, LABOUR)).toBeCloseTo(0.5, 12);
  });

  it('cf = 0.05: components and assembly would lose 104% — they stop, and the rest is cut harder so the mean stays 0.95', () => {
    // Unstopped, 1 − cf′ = 0.95 / 0.82 = 1.1585 and 0.9 · 1.1585 = 1.043 > 1. Stopping them takes
    // 0.3 + 0.1 of the labour; the others carry 0.95 − 0.4 = 0.55 at slope 0.4·0.8 + 0.2·0.7 = 0.46:
    // 1 − cf′ = 0.55 / 0.46 = 55/46, local services keep 1 − 0.8·55/46 = 1/23, raw inputs 1 − 0.7·55/46 = 15/92.
    const { tiers, x } = capacities(0.05);
    expect(x).toBeCloseTo(55 / 46, 12);
    expect(tiers).toEqual([expect.closeTo(1 / 23, 12), 0, 0, expect.closeTo(15 / 92, 12)]);
    expect(meanCut(tiers, LABOUR)).toBeCloseTo(0.95, 12);
  });

  it('cf = 0 stops every tier; cf = 1 cuts nothing', () => {
    expect(capacities(0).tiers).toEqual([0, 0, 0, 0]);
    expect(capacities(1).tiers).toEqual([1, 1, 1, 1]);
  });

  it('equal onsite shares give every tier the scenario’s factor (the former rule)', () => {
    for (const cf of [0.3, 0.45, 0.6]) {
      for (const c of capacities(cf, [0.9, 0.9, 0.9, 0.9]).tiers) expect(c).toBeCloseTo(cf, 12);
    }
  });

  it('a region without labour weighs the tiers equally: mean onsite 0.825, 1 − cf′ = 0.5 / 0.825', () => {
    const { tiers } = capacities(0.5, ONSITE, [0, 0, 0, 0]);
    expect(tiers[0]).toBeCloseTo(1 - (0.8 * 0.5) / 0.825, 12); // 0.5152
    expect(tiers[3]).toBeCloseTo(1 - (0.7 * 0.5) / 0.825, 12); // 0.5758
    expect(meanCut(tiers, [1, 1, 1, 1])).toBeCloseTo(0.5, 12);
  });

  test.prop(
    [
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 4, maxLength: 4 }),
    ],
    { seed: 93, numRuns: 300 },
  )('capacities lie in [0, 1], the mean cut is the scenario’s, and more onsite labour is never cut less', (cf, onsite, labour) => {
    const { tiers } = capacities(cf, onsite, labour);
    const weights = labour.some((l) => l > 0) ? labour : [1, 1, 1, 1];
    for (const c of tiers) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
    expect(meanCut(tiers, weights)).toBeCloseTo(1 - cf, 9);
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) if (onsite[a] > onsite[b]) expect(tiers[a]).toBeLessThanOrEqual(tiers[b] + 1e-12);
  });
});

describe('§9.3 in phase 1: labour weights, lockdowns and hazards', () => {
  /** A world whose HUB region has labour 40/30/10/20 on its trend and a lockdown at cf 0.5 in weeks 1–2. */
  function lockedHub() {
    const world = tinyWorld(undefined, {}, {
      shocks: [{ kind: 'lockdown', target: { regions: ['HUB'] }, start: 1, weeks: 2, capacityFactor: 0.5 }],
    });
    world.regions.labourTrendByTier.set(LABOUR, HUB * TIER_COUNT);
    return world;
  }

  it('a lockdown cuts the region’s tiers by its labour trend; other regions keep 1 in every tier', () => {
    const world = lockedHub();
    world.tick = 1;
    applyShocks(world);
    const r = world.regions;
    expect(r.capacityFactor[HUB]).toBe(0.5);
    expect(r.localServicesCapacityFactor[HUB]).toBeCloseTo(21 / 41, 12);
    expect(r.componentCapacityFactor[HUB]).toBeCloseTo(37 / 82, 12);
    expect(r.assemblyCapacityFactor[HUB]).toBeCloseTo(37 / 82, 12);
    expect(r.rawCapacityFactor[HUB]).toBeCloseTo(47 / 82, 12);
    for (const k of [HOM, NBR]) {
      expect([r.localServicesCapacityFactor[k], r.componentCapacityFactor[k], r.assemblyCapacityFactor[k], r.rawCapacityFactor[k]]).toEqual([1, 1, 1, 1]);
    }
  });

  it('a hazard disruption is not a lockdown: it holds every tier at or below its factor', () => {
    const world = lockedHub();
    world.tick = 1;
    world.regions.hazardUntilTick[HUB] = 5;
    world.regions.hazardCapacityFactor[HUB] = 0.48;
    applyShocks(world);
    const r = world.regions;
    expect(r.capacityFactor[HUB]).toBe(0.48);
    expect(r.localServicesCapacityFactor[HUB]).toBe(0.48); // 21/41 = 0.512 > 0.48
    expect(r.componentCapacityFactor[HUB]).toBeCloseTo(37 / 82, 12); // 0.451 < 0.48
    expect(r.rawCapacityFactor[HUB]).toBe(0.48); // 47/82 = 0.573 > 0.48
    world.regions.hazardUntilTick[HOM] = 5;
    world.regions.hazardCapacityFactor[HOM] = 0.6;
    applyShocks(world);
    expect([r.localServicesCapacityFactor[HOM], r.componentCapacityFactor[HOM], r.assemblyCapacityFactor[HOM], r.rawCapacityFactor[HOM]]).toEqual([0.6, 0.6, 0.6, 0.6]);
  });

  it('labour by tier: SMEs’ local-market labour, the rest of their staff with hubs’ component workers, plants, raw workers', () => {
    const world = tinyWorld();
    const { regions, plants, hubs, params } = world;
    world.smeRegions.smeLocalLabour.fill(0);
    world.smeRegions.smeEmployment.fill(0);
    world.rawSources.domesticRawEmployment.fill(0);
    plants.employment.fill(0);
    hubs.componentOutput.fill(0);
    hubs.rawOutputInternal.fill(0);
    hubs.rawOutputExternal.fill(0);
    world.smeRegions.smeLocalLabour[HUB] = 12;
    world.smeRegions.smeEmployment[HUB] = 20;
    world.rawSources.domesticRawEmployment[HUB] = 3;
    regions.productivity[HUB] = 0.8;
    hubs.componentOutput[0] = 40;
    hubs.rawOutputInternal[0] = 30;
    hubs.rawOutputExternal[0] = 10;
    const p = Array.from({ length: plants.count }, (_, i) => i).find((i) => plants.region[i] === HOM);
    if (p === undefined) throw new Error('no plant in HOM');
    plants.employment[p] = 7;
    followLabourByTier(world); // an empty trend starts at last week's labour
    const trend = Array.from(world.regions.labourTrendByTier);
    const hubFactor = params.hubLabourFactor / 0.8;
    expect(trend.slice(HUB * 4, HUB * 4 + 4)).toEqual([
      expect.closeTo(12, 9),
      expect.closeTo(20 - 12 + 40 * params.labourPerComponent * hubFactor, 9),
      0,
      expect.closeTo(3 + (30 + 10) * params.labourPerRawUnit * hubFactor, 9),
    ]);
    expect(trend[HOM * 4 + 2]).toBeCloseTo(7, 12);
    // Next week it moves 1/jobsTrendWeeks of the way to the new labour, unless the region was disrupted.
    world.smeRegions.smeLocalLabour[HUB] = 12 + params.jobsTrendWeeks;
    regions.capacityFactor[HOM] = 0.5;
    plants.employment[p] = 0;
    followLabourByTier(world);
    expect(world.regions.labourTrendByTier[HUB * 4]).toBeCloseTo(13, 9);
    expect(world.regions.labourTrendByTier[HOM * 4 + 2]).toBeCloseTo(7, 12); // held: HOM was disrupted
  });
});
