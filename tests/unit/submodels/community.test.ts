/**
 * Community submodels against hand-computed values (MODEL.md §7.7 access, literacy, skill,
 * income; §7.8 asymmetric trust, transparency, neighbour diffusion, τG).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { summariseCells, updateCommunities } from '../../../agents/community/systems.ts';
import { startingAccessLiteracy } from '../../../agents/community/initialize.ts';
import { INSTRUMENT_COUNT, DIGITAL_INFRASTRUCTURE } from '../../../agents/policymaker/schema.ts';
import type { World } from '../../../src/model/world.ts';
import { HOM, HUB, NBR, threeRegions, tinyWorld } from './tiny-world.ts';

/** Cells of region r. */
const cellsOf = (world: World, r: number) => {
  const out: number[] = [];
  for (let c = 0; c < world.cells.count; c++) if (world.cells.region[c] === r) out.push(c);
  return out;
};

/**
 * Three cells per region (equal populations), no cross-region links; 1 000 jobs in HOM (the home
 * plant) at their trend, so no hiring or layoffs are noticed; τF = 0.5 in HOM.
 */
function trustWorld(params: Record<string, unknown> = { timelySupplyWeight: 0 }) {
  const definition = threeRegions({ cellsAtScaleOne: 9 });
  definition.regions[HUB].population = 1e6;
  const world = tinyWorld(definition, params);
  expect(Array.from(world.communityRegions.cellCount)).toEqual([3, 3, 3]);
  world.plants.employment[0] = 1000;
  world.communityRegions.jobsTrend[HOM] = 1000;
  world.communityRegions.jobsSmoothed[HOM] = 1000;
  for (const c of cellsOf(world, HOM)) world.cells.trustFirms[c] = 0.5;
  return world;
}

const trustInHom = (world: World) => world.cells.trustFirms[cellsOf(world, HOM)[0]];

describe('§7.8 asymmetric trust', () => {
  // MODEL.md §7.8 scales m with the jobs involved relative to the cell's population; the code
  // uses the region's jobs trend (docs/ODD.md §7.8 and Departures item 10; agents/community/params.ts
  // trustEventScale). The tests follow the documented form.
  it('good event: τ ← τ + α⁺ m (1 − τ), with m = scale · jobs / region jobs', () => {
    const world = trustWorld();
    world.communityRegions.goodEvents[HOM] = 10;
    updateCommunities(world);
    const m = (4 * 10) / 1000; // trustEventScale 4: m = 0.04
    expect(trustInHom(world)).toBeCloseTo(0.5 + 0.3 * m * (1 - 0.5), 12); // 0.506
  });

  it('bad event: τ ← τ − α⁻ m τ with α⁻ = 3α⁺: the same event costs three times what it gains at τ = 0.5', () => {
    const world = trustWorld();
    world.communityRegions.badEvents[HOM] = 10;
    updateCommunities(world);
    const m = 0.04;
    expect(trustInHom(world)).toBeCloseTo(0.5 - 3 * 0.3 * m * 0.5, 12); // 0.482
    expect((0.5 - trustInHom(world)) / (0.506 - 0.5)).toBeCloseTo(3, 9);
  });

  it('α⁻ = α⁺ (the P8 ablation) makes it symmetric', () => {
    const world = trustWorld({ timelySupplyWeight: 0, trustLossRatio: 1 });
    world.communityRegions.badEvents[HOM] = 10;
    updateCommunities(world);
    expect(trustInHom(world)).toBeCloseTo(0.5 - 0.3 * 0.04 * 0.5, 12);
  });

  it('transparency θ_T multiplies the weight by (1 + θ_T) and pulls τ toward the record at ω_T θ_T', () => {
    const world = trustWorld();
    world.communityRegions.goodEvents[HOM] = 10;
    world.regions.transparency[HOM] = 0.5;
    updateCommunities(world);
    const afterEvent = 0.5 + 0.3 * (0.04 * 1.5) * 0.5; // 0.509
    const record = 0.5 + (1 / 26) * (1 - 0.5); // share of good events 1; record starts at 0.5
    expect(world.communityRegions.firmRecord[HOM]).toBeCloseTo(record, 12);
    expect(trustInHom(world)).toBeCloseTo(afterEvent + 0.05 * 0.5 * (record - afterEvent), 12);
  });

  it('timely supply is a small good event; shortages are bad in proportion to the share of demand lost', () => {
    const calm = trustWorld({});
    updateCommunities(calm);
    expect(trustInHom(calm)).toBeCloseTo(0.5 + 0.3 * 0.025 * 0.5, 12);
    const short = trustWorld({});
    short.finalMarket.finalDemand[HOM] = 100;
    short.finalMarket.finalLost[HOM] = 10; // 10% lost ≥ 2%: no timely-supply credit
    updateCommunities(short);
    expect(trustInHom(short)).toBeCloseTo(0.5 - 0.9 * (0.5 * 0.1) * 0.5, 12);
  });

  it('noticed layoffs are bad events; unemployment rises with the job shortfall; τG falls with it', () => {
    const world = trustWorld();
    world.plants.employment[0] = 800;
    for (const c of cellsOf(world, HOM)) world.cells.trustGovernment[c] = 0.5;
    updateCommunities(world);
    const trend = 1000 + (800 - 1000) / 52; // 996.154
    const change = 0.25 * (800 - 1000); // jobs smoothed over about a month: −50
    const noticed = Math.abs(change) - 0.005 * 1000; // 45 beyond the weekly noise
    const m = (4 * noticed) / trend;
    expect(trustInHom(world)).toBeCloseTo(0.5 - 0.9 * m * 0.5, 12);
    const unemployment = 0.06 + 0.2 * (1 - 800 / trend);
    expect(world.communityRegions.unemployment[HOM]).toBeCloseTo(unemployment, 12);
    const bad = 5 * (unemployment - 0.06);
    expect(world.cells.trustGovernment[cellsOf(world, HOM)[0]]).toBeCloseTo(0.5 - 0.02 * bad * 0.5, 12);
  });

  it('τG holds its starting values through the warm-up (events and diffusion), then moves; τF moves from the start', () => {
    const world = trustWorld({ timelySupplyWeight: 0, warmupWeeks: 2 });
    world.plants.employment[0] = 800; // layoffs: a bad event for both trusts
    const home = cellsOf(world, HOM);
    world.cells.trustGovernment.set([0.2, 0.5, 0.8], home[0]); // unequal cells, so diffusion would move them
    expect(home).toEqual([home[0], home[0] + 1, home[0] + 2]);
    const before = Array.from(world.cells.trustGovernment);
    updateCommunities(world); // tick 0: scenario week −2
    expect(Array.from(world.cells.trustGovernment)).toEqual(before);
    expect(trustInHom(world)).toBeLessThan(0.5);
    world.tick = 2; // scenario week 0
    updateCommunities(world);
    expect(world.cells.trustGovernment[home[2]]).toBeLessThan(0.8);
    expect(world.cells.trustGovernment[home[0]]).toBeGreaterThan(0.2 * (1 - 0.02)); // pulled up by its neighbours
  });

  it('τG rises with delivered programmes (share of GDP) and transparency', () => {
    const world = trustWorld();
    const cell = cellsOf(world, HOM)[0];
    for (const c of cellsOf(world, HOM)) world.cells.trustGovernment[c] = 0.4;
    world.policy.spentQuarter[HOM * INSTRUMENT_COUNT + DIGITAL_INFRASTRUCTURE] = 1e6; // week 0 of the quarter
    world.regions.transparency[HOM] = 0.2;
    updateCommunities(world);
    const programmeShare = 1e6 / ((1e6 * 20_000) / 52);
    const good = Math.min(1, 100 * programmeShare + 0.5 * 0.2);
    expect(world.cells.trustGovernment[cell]).toBeCloseTo(0.4 + 0.02 * good * (1 - 0.4), 12);
  });
});

describe('§7.8 neighbour diffusion τ ← τ + ω(τ̄_nb − τ)', () => {
  it('τ̄ is the mean over the other cells of the region plus the cross-region links (double-buffered)', () => {
    // HOM has 2 cells, both linked to NBR's only cell; HUB 2 cells; no events (quiet week).
    const definition = threeRegions({ cellsAtScaleOne: 5, regionNeighbours: [[NBR], [], []] });
    definition.regions[HOM].population = 2e6;
    definition.regions[HUB].population = 1e6;
    const world = tinyWorld(definition, { timelySupplyWeight: 0 });
    const { cells } = world;
    expect(Array.from(cells.region)).toEqual([HOM, HOM, HUB, HUB, NBR]);
    expect([cells.links[0], cells.links[4]]).toEqual([4, 4]);
    cells.trustFirms.set([0.3, 0.9, 0.5, 0.5, 0.6]);
    cells.trustGovernment.set([0.2, 0.5, 0.5, 0.5, 0.5]);
    updateCommunities(world);
    expect(cells.trustFirms[0]).toBeCloseTo(0.3 + 0.05 * ((0.9 + 0.6) / 2 - 0.3), 12); // 0.3225
    expect(cells.trustFirms[1]).toBeCloseTo(0.9 + 0.05 * ((0.3 + 0.6) / 2 - 0.9), 12); // 0.8775
    expect(cells.trustFirms[4]).toBeCloseTo(0.6, 12); // no neighbours of its own
    expect(cells.trustGovernment[0]).toBeCloseTo(0.2 + 0.05 * ((0.5 + 0.5) / 2 - 0.2), 12);
    // Regional τF is the population-weighted mean.
    expect(world.communityRegions.trustFirms[HOM]).toBeCloseTo((cells.trustFirms[0] + cells.trustFirms[1]) / 2, 12);
  });
});

/** One cell per region; NBR's cell links to HOM's. NBR: f(GDPpc) = ln 2 / ln 4 = 0.5. */
function learningWorld(params: Record<string, unknown> = {}) {
  const world = tinyWorld(threeRegions({ regionNeighbours: [[], [], [HOM]] }), { timelySupplyWeight: 0, ...params });
  const { cells, regions } = world;
  expect(Array.from(cells.region)).toEqual([HOM, HUB, NBR]);
  expect(regions.incomeDiffusionFactor[NBR]).toBeCloseTo(0.5, 12);
  cells.access[NBR] = 0.4;
  cells.literacy[NBR] = 0.5;
  cells.skill[NBR] = 0.3;
  cells.literacy[HOM] = 0.9;
  regions.infrastructureSpend[NBR] = 280_000; // $ / week: 280 000 / (140 · 1e6) = 0.002
  regions.trainingSpend[NBR] = 1e6 / 52; // T = spend · 52 / population = $1 per person-year
  return world;
}

describe('§7.7 access, literacy and skill (saturating)', () => {
  it('access: rate (p + ρ_a f(g) a) / 52 + I / (cost · pop), a ← a + (1 − a)(1 − e^{−rate})', () => {
    const world = learningWorld({ accessInnovation: 0.026, accessDiffusionRate: 0.511 });
    updateCommunities(world);
    const rate = (0.026 + 0.511 * 0.5 * 0.4) / 52 + 280_000 / (140 * 1e6);
    expect(world.cells.access[NBR]).toBeCloseTo(0.4 + 0.6 * (1 - Math.exp(-rate)), 12);
    expect(world.communityRegions.access[NBR]).toBeCloseTo(world.cells.access[NBR], 12);
  });

  it('access, external term p alone (MODEL.md §9.6, Bass p): one cell with a = 0, one week, no imitation or infrastructure', () => {
    // p = 0.26 per year: rate = 0.26 / 52 = 0.005 a week; a ← 0 + 1 · (1 − e^{−0.005}) = 0.0049875208073176.
    // Without p (the logistic term alone) a cell with no access would never gain any.
    const world = learningWorld({ accessInnovation: 0.26, accessDiffusionRate: 0 });
    world.cells.access[NBR] = 0;
    world.regions.infrastructureSpend[NBR] = 0;
    updateCommunities(world);
    expect(world.cells.access[NBR]).toBeCloseTo(0.0049875208073176, 15);
    // The same week with p = 0: nothing.
    const without = learningWorld({ accessInnovation: 0, accessDiffusionRate: 3 });
    without.cells.access[NBR] = 0;
    without.regions.infrastructureSpend[NBR] = 0;
    updateCommunities(without);
    expect(without.cells.access[NBR]).toBe(0);
  });

  it('literacy: rate a(λ0 + λT T (linked ? 1 : φ)) + λpeer max(0, l̄_nb − l), per year / 52', () => {
    for (const linked of [0, 1]) {
      const world = learningWorld({ literacyBaseRate: 0.2, accessInnovation: 0, accessDiffusionRate: 0.511 });
      world.regions.trainingLinked[NBR] = linked;
      updateCommunities(world);
      const a = 0.4 + 0.6 * (1 - Math.exp(-((0.511 * 0.5 * 0.4) / 52 + 0.002)));
      const rate = (a * (0.2 + 0.004 * 1 * (linked ? 1 : 0.4)) + 0.1 * Math.max(0, 0.9 - 0.5)) / 52;
      // The access in the literacy rate is this week's updated access (agents/community/
      // systems.ts:113–114); neither MODEL.md nor docs/ODD.md says which week's a is meant.
      expect(world.cells.literacy[NBR], `linked ${linked}`).toBeCloseTo(0.5 + 0.5 * (1 - Math.exp(-rate)), 12);
    }
  });

  it('peer learning only pulls up: a better-literate cell is not pulled down by its neighbour', () => {
    const world = learningWorld();
    world.cells.literacy[NBR] = 0.95; // above HOM's 0.9
    world.regions.trainingSpend[NBR] = 0;
    updateCommunities(world);
    expect(world.cells.literacy[NBR]).toBeCloseTo(0.95, 12); // λ0 = 0 by default, no training
  });

  it('skill grows with manufacturing work share and training, and decays (mirror form)', () => {
    const world = learningWorld();
    updateCommunities(world);
    const workShare = Math.min(1, 0.2 * (1 - 0.06));
    const rate = (0.2 * workShare + 0.002 * 1) / 52;
    const grown = 0.3 + 0.7 * (1 - Math.exp(-rate));
    expect(world.cells.skill[NBR]).toBeCloseTo(grown * Math.exp(-0.02 / 52), 12);
  });

  test.prop(
    [
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1e13, noNaN: true }),
      fc.double({ min: 0, max: 1e13, noNaN: true }),
    ],
    { seed: 20261123, numRuns: 40 },
  )('access, literacy and skill stay in [0,1] at the top of every rate’s range', (a, l, s, infrastructure, training) => {
    const world = learningWorld({
      accessInnovation: 0.5,
      accessDiffusionRate: 3,
      literacyBaseRate: 2,
      trainingEffect: 1,
      peerLiteracyRate: 2,
      skillLearningRate: 2,
      skillTrainingEffect: 1,
      skillDecayRate: 1,
    });
    world.cells.access[NBR] = a;
    world.cells.literacy[NBR] = l;
    world.cells.skill[NBR] = s;
    world.regions.infrastructureSpend[NBR] = infrastructure;
    world.regions.trainingSpend[NBR] = training;
    world.regions.trainingLinked[NBR] = 1;
    for (let week = 0; week < 3; week++) updateCommunities(world);
    for (const value of [world.cells.access[NBR], world.cells.literacy[NBR], world.cells.skill[NBR]]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});

describe('§5 starting access and literacy: internet use = a · l', () => {
  it('l = adult literacy × digital factor, a = use / l (capped at 1, then l = use)', () => {
    expect(startingAccessLiteracy(0.5, 0.9, 0.9).literacy).toBeCloseTo(0.81, 12);
    expect(startingAccessLiteracy(0.5, 0.9, 0.9).access).toBeCloseTo(0.5 / 0.81, 12);
    expect(startingAccessLiteracy(0.9, 0.5, 0.9)).toEqual({ access: 1, literacy: 0.9 });
  });
});

describe('§7.7 income', () => {
  // MODEL.md §7.7 gives only "Income = wage × employment". docs/ODD.md §7.7 and "Departures from
  // MODEL.md" item 12 document the code's form: income per person = GDPpc / 52 × (1 − unemployment)
  // × income factor × (1 + skillPremium × (s − s̄)). The test follows that documented form (note it
  // is ≈ 1 / labourShareOfGdp ≈ 1.8 × wage × employment, not wage × employment).
  it('income per person = GDPpc / 52 × (1 − u) × income factor × (1 + premium × (s − s̄))', () => {
    const plain = learningWorld({ skillPremium: 0, incomeDispersion: 0 });
    updateCommunities(plain);
    expect(plain.cells.income[HOM]).toBeCloseTo((20_000 / 52) * (1 - 0.06), 9);

    const world = learningWorld();
    const factor = world.cells.incomeFactor[HOM];
    const meanSkill = world.communityRegions.skill[HOM]; // last week's regional mean: 0.2 + industry share
    expect(meanSkill).toBeCloseTo(0.4, 12);
    updateCommunities(world);
    const workShare = 0.2 * (1 - 0.06);
    const grown = 0.4 + 0.6 * (1 - Math.exp(-(0.2 * workShare) / 52));
    const skill = grown * Math.exp(-0.02 / 52);
    expect(world.cells.income[HOM]).toBeCloseTo((20_000 / 52) * (1 - 0.06) * factor * (1 + 0.5 * (skill - 0.4)), 9);
  });
});

/**
 * Rules the mutation run of agents/community/systems.ts found unchecked (docs/TESTING.md): the
 * per-region reuse of access and skill results, the regional means, the jobs tally, grant jobs,
 * the record of mixed weeks, and the government's programme share and shortage term.
 */
describe('§7.7–7.8 regional bookkeeping', () => {
  /** Cells [HOM, HOM, HUB, HUB, NBR]; HUB works more in industry than HOM. */
  function fiveCells() {
    const definition = threeRegions({ cellsAtScaleOne: 5 });
    definition.regions[HOM].population = 2e6;
    definition.regions[HUB].population = 2e6;
    definition.regions[HUB].industryWorkersShare = 0.4;
    const world = tinyWorld(definition, { timelySupplyWeight: 0 });
    expect(Array.from(world.cells.region)).toEqual([HOM, HOM, HUB, HUB, NBR]);
    return world;
  }

  it('access is each cell’s own region’s rule, also where a cell’s access equals the cell before it', () => {
    const world = fiveCells();
    const { cells, regions, params } = world;
    cells.access.set([0.3, 0.6, 0.6, 0.6, 0.6]); // cell 2 starts a new region with cell 1's access
    regions.infrastructureSpend[NBR] = 280_000;
    const before = Array.from(cells.access);
    updateCommunities(world);
    for (let c = 0; c < 5; c++) {
      const r = cells.region[c];
      const a = before[c];
      const infrastructure = regions.infrastructureSpend[r] / (params.connectCostPerPerson * regions.population[r]);
      const rate = (params.accessInnovation + params.accessDiffusionRate * regions.incomeDiffusionFactor[r] * a) / 52 + infrastructure;
      expect(cells.access[c], `cell ${c}`).toBeCloseTo(a + (1 - a) * (1 - Math.exp(-rate)), 12);
    }
    expect(cells.access[1]).not.toBeCloseTo(cells.access[2], 6); // HOM and HUB differ in f(GDPpc)
  });

  it('skill is each cell’s own region’s rule, also where a cell’s skill equals the cell before it', () => {
    const world = fiveCells();
    const { cells, regions, params } = world;
    cells.skill.set([0.2, 0.5, 0.5, 0.5, 0.5]);
    const before = Array.from(cells.skill);
    updateCommunities(world);
    for (let c = 0; c < 5; c++) {
      const r = cells.region[c];
      const s = before[c];
      const workShare = Math.min(1, regions.industryWorkersShare[r] * (1 - world.communityRegions.unemployment[r]));
      const grown = s + (1 - s) * (1 - Math.exp(-(params.skillLearningRate * workShare) / 52));
      expect(cells.skill[c], `cell ${c}`).toBeCloseTo(grown * Math.exp(-params.skillDecayRate / 52), 12);
    }
    expect(cells.skill[1]).not.toBeCloseTo(cells.skill[2], 6);
  });

  it('regional access, literacy, skill, trust and income are population-weighted means; an empty region stays 0', () => {
    const world = fiveCells();
    const { cells, regions } = world;
    cells.population.set([1, 3, 2, 2, 0]);
    const fields = ['access', 'literacy', 'skill', 'trustFirms', 'trustGovernment', 'income'] as const;
    fields.forEach((field, k) => cells[field].set([0.1, 0.5, 0.2 + k / 10, 0.4, 0.9]));
    summariseCells(world);
    for (const field of fields) {
      const [c0, c1, c2, c3] = Array.from(cells[field]);
      expect(world.communityRegions[field][HOM], field).toBeCloseTo((1 * c0 + 3 * c1) / 4, 12);
      expect(world.communityRegions[field][HUB], field).toBeCloseTo((2 * c2 + 2 * c3) / 4, 12);
      expect(world.communityRegions[field][NBR], field).toBe(0);
    }
  });

  it('jobs are SME + plant + hub + domestic raw jobs; the first week starts the trend at them (nothing noticed)', () => {
    const world = fiveCells();
    const { regions, hubs, plants } = world;
    expect(hubs.region[0]).toBe(HUB);
    hubs.employment[0] = 700;
    plants.employment[0] = 0;
    world.smeRegions.smeEmployment[HUB] = 200;
    world.rawSources.domesticRawEmployment[HUB] = 100;
    world.communityRegions.jobsTrend.fill(0);
    world.communityRegions.jobsSmoothed.fill(0);
    updateCommunities(world);
    expect(world.communityRegions.hubEmployment[HUB]).toBe(700);
    expect(world.communityRegions.jobs[HUB]).toBe(1000);
    expect(world.communityRegions.jobsTrend[HUB]).toBe(1000);
    expect(world.communityRegions.jobsSmoothed[HUB]).toBe(1000);
    expect(world.communityRegions.unemployment[HUB]).toBeCloseTo(world.params.baseUnemployment, 12);
    expect(world.scratch.regionTrustGood[HUB]).toBe(0); // no hiring noticed in the first week
  });

  it('noticed hiring is a good event', () => {
    const world = trustWorld();
    world.plants.employment[0] = 1200;
    updateCommunities(world);
    const trend = 1000 + 200 / 52;
    const noticed = 0.25 * 200 - 0.005 * 1000; // 45 beyond the weekly noise
    expect(trustInHom(world)).toBeCloseTo(0.5 + 0.3 * ((4 * noticed) / trend) * 0.5, 12);
  });

  it('SME tech grants count as jobs (spend / wage) among the good events', () => {
    const world = trustWorld();
    world.smeRegions.smeGrantIntensity[HOM] = 0.5;
    world.regions.smeGrantSpend[HOM] = 10 * world.regions.wage[HOM]; // ten jobs' wages
    world.communityRegions.goodEvents[HOM] = 5;
    updateCommunities(world);
    const m = (4 * (5 + 10)) / 1000;
    expect(trustInHom(world)).toBeCloseTo(0.5 + 0.3 * m * (1 - 0.5), 12);
  });

  it('the firms’ record moves toward the week’s share of good events among all', () => {
    const world = trustWorld();
    world.communityRegions.goodEvents[HOM] = 10;
    world.communityRegions.badEvents[HOM] = 30;
    updateCommunities(world);
    expect(world.communityRegions.firmRecord[HOM]).toBeCloseTo(0.5 + (1 / 26) * (0.25 - 0.5), 12);
  });

  it('a programme counts by the week of the quarter (spent so far / weeks so far) against weekly GDP', () => {
    const world = trustWorld();
    world.tick = 5; // the sixth week of a 13-week quarter
    for (const c of cellsOf(world, HOM)) world.cells.trustGovernment[c] = 0.4;
    world.policy.spentQuarter[HOM * INSTRUMENT_COUNT + DIGITAL_INFRASTRUCTURE] = 6e5;
    updateCommunities(world);
    expect(world.communityRegions.programmeSpend[HOM]).toBeCloseTo(1e5, 6);
    const programmeShare = 1e5 / ((1e6 * 20_000) / 52);
    expect(world.cells.trustGovernment[cellsOf(world, HOM)[0]]).toBeCloseTo(0.4 + 0.02 * (100 * programmeShare) * (1 - 0.4), 12);
  });

  it('trust diffuses along a link to cell 0 (the first cell is a neighbour like any other)', () => {
    const world = learningWorld(); // NBR's only cell links to cell 0 (HOM's)
    world.cells.trustFirms.set([0.9, 0.5, 0.5]);
    updateCommunities(world);
    expect(world.cells.trustFirms[NBR]).toBeCloseTo(0.5 + 0.05 * (0.9 - 0.5), 12);
  });

  it('peer literacy pulls toward the mean of all the other cells of the region', () => {
    const world = trustWorld(); // three cells per region, no links, λ0 = 0, no training
    const [c0, c1, c2] = cellsOf(world, HOM);
    world.cells.literacy[c0] = 0.2;
    world.cells.literacy[c1] = 0.6;
    world.cells.literacy[c2] = 0.8;
    updateCommunities(world);
    const rate = (world.params.peerLiteracyRate * ((0.6 + 0.8) / 2 - 0.2)) / 52;
    expect(world.cells.literacy[c0]).toBeCloseTo(0.2 + 0.8 * (1 - Math.exp(-rate)), 12);
  });

  it('a region without GDP this week has no programme share (τG stays a number)', () => {
    const world = trustWorld();
    world.regions.gdpWeekly[HOM] = 0;
    updateCommunities(world);
    expect(Number.isFinite(world.cells.trustGovernment[cellsOf(world, HOM)[0]])).toBe(true);
  });

  it('shortages are bad events for τG in proportion to the share of demand lost', () => {
    const world = trustWorld();
    for (const c of cellsOf(world, HOM)) world.cells.trustGovernment[c] = 0.5;
    world.finalMarket.finalDemand[HOM] = 100;
    world.finalMarket.finalLost[HOM] = 10;
    updateCommunities(world);
    expect(world.cells.trustGovernment[cellsOf(world, HOM)[0]]).toBeCloseTo(0.5 - 0.02 * 0.1 * 0.5, 12);
  });

  it('§9.6 shortages count against the share people are used to losing: more is bad, less is good', () => {
    const worse = trustWorld();
    for (const c of cellsOf(worse, HOM)) worse.cells.trustGovernment[c] = 0.5;
    worse.communityRegions.usualLostShare[HOM] = 0.04;
    worse.finalMarket.finalDemand[HOM] = 100;
    worse.finalMarket.finalLost[HOM] = 10;
    updateCommunities(worse);
    expect(worse.cells.trustGovernment[cellsOf(worse, HOM)[0]]).toBeCloseTo(0.5 - 0.02 * (0.1 - 0.04) * 0.5, 12);
    // The usual share is an EMA over governmentShortageMemoryWeeks (52) of this week's share.
    expect(worse.communityRegions.usualLostShare[HOM]).toBeCloseTo(0.04 + (0.1 - 0.04) / 52, 12);

    const better = trustWorld();
    for (const c of cellsOf(better, HOM)) better.cells.trustGovernment[c] = 0.5;
    better.communityRegions.usualLostShare[HOM] = 0.04;
    better.finalMarket.finalDemand[HOM] = 100;
    updateCommunities(better);
    expect(better.cells.trustGovernment[cellsOf(better, HOM)[0]]).toBeCloseTo(0.5 + 0.02 * 0.04 * 0.5, 12);
  });

  it('§9.6 with no shortage memory (0) every lost unit is bad and the usual share stays 0', () => {
    const world = trustWorld({ timelySupplyWeight: 0, governmentShortageMemoryWeeks: 0 });
    for (const c of cellsOf(world, HOM)) world.cells.trustGovernment[c] = 0.5;
    world.finalMarket.finalDemand[HOM] = 100;
    world.finalMarket.finalLost[HOM] = 10;
    updateCommunities(world);
    expect(world.communityRegions.usualLostShare[HOM]).toBe(0);
    expect(world.cells.trustGovernment[cellsOf(world, HOM)[0]]).toBeCloseTo(0.5 - 0.02 * 0.1 * 0.5, 12);
  });
});
