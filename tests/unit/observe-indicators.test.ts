/**
 * Every regional indicator's numerator and denominator (src/model/observe/indicators.ts) read
 * from a hand-filled observation and hand-set regional tallies of region NBR (index 2 of 3, so
 * an index slip `k · R + r` → `k · R − r` reads a different slot), and every global indicator on
 * hand-set stores. Every slot not set on purpose holds junk (1000 + its index), so a read of the
 * wrong field or slot shows. Expected values are written out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { GLOBAL_INDICATORS, REGIONAL_INDICATORS, usesSourcingNode } from '../../src/model/observe/indicators.ts';
import { createObservation, type Observation } from '../../src/model/observe/observation.ts';
import type { World } from '../../src/model/world.ts';
import { INSTRUMENT_COUNT } from '../../agents/policymaker/index.ts';
import { NO_BUYER } from '../../agents/sme/index.ts';
import { HOM, HUB, NBR, addSme, tinyWorld, twoFirmsTwoHubs } from './submodels/tiny-world.ts';

const regional = (name: string) => {
  const found = REGIONAL_INDICATORS.find((i) => i.name === name);
  if (!found) throw new Error(`no regional indicator ${name}`);
  return found;
};
const global = (name: string) => {
  const found = GLOBAL_INDICATORS.find((i) => i.name === name);
  if (!found) throw new Error(`no global indicator ${name}`);
  return found;
};

/** Fills every slot of every per-region array with 1000 + its index (junk a slip would read). */
function junk(arrays: Iterable<unknown>): void {
  for (const a of arrays) if (a instanceof Float64Array) for (let i = 0; i < a.length; i++) a[i] = 1000 + i;
}

/** The hand-set observation and tallies of region NBR (R = 3). */
function filled(sourcingNode: number): { world: World; o: Observation } {
  const world = tinyWorld(undefined, { co2PerVirginRawUnit: 20, co2PerRecycledRawUnit: 4 });
  const o = createObservation(world.regions.count);
  junk(Object.values(o));
  const r = NBR;
  o.plantUnitCostTimesProduction[r] = 600;
  o.plantProduction[r] = 200;
  o.plantPriceTimesDelivered[r] = 900;
  o.plantDelivered[r] = 300;
  o.firmProfit[r] = 11;
  o.smeProfit[r] = 13;
  o.plantValueAdded[r] = 100;
  o.hubValueAdded[r] = 20;
  o.smeValueAdded[r] = 3;
  o.domesticValueAdded[r] = 0.5;
  o.plantReceivedLocal[r] = 5;
  o.plantReceivedBloc[r] = 7;
  o.plantReceived[r] = 10;
  o.plantSourcingRegions[r] = 6;
  o.activePlants[r] = 4;
  o.plantCo2[r] = 50;
  o.rawVirgin[r] = 30;
  o.rawRecycled[r] = 10;
  // firmsByStrategy[k · 3 + 2] = k + 1 for GLOBAL, DUAL, NEARSHORE, MULTILOCAL, LOCAL.
  for (let k = 0; k < 5; k++) o.firmsByStrategy[k * 3 + r] = k + 1;
  o.firms[r] = 15;
  // Three reviewed firms; gap sums (k · 10 for DUAL, NEARSHORE, MULTILOCAL) and E[loss] sums (k + 0.5).
  o.reviewedFirms[r] = 3;
  for (let k = 0; k < 4; k++) {
    o.costGapSum[k * 3 + r] = 10 * k;
    o.expectedLossSum[k * 3 + r] = k + 0.5;
  }
  o.smeCount[r] = 40;
  o.smeEmployment[r] = 400;
  o.smeCapabilitySum[r] = 20;
  o.smeAdopted[r] = 10;
  o.smeInChain[r] = 8;
  o.smeAdoptedInChain[r] = 3;
  // By size class (micro, small, medium) at k · 3 + 2: in chain 2, 5, 1 of 20, 16, 4.
  [2, 5, 1].forEach((v, k) => (o.smeInChainByClass[k * 3 + r] = v));
  [20, 16, 4].forEach((v, k) => (o.smeByClass[k * 3 + r] = v));
  o.hubRevenue[r] = 100;
  o.smeRevenue[r] = 50;
  o.poorPopulation[r] = 250;

  const g = world.regions;
  junk([world.finalMarket.finalDemand, world.finalMarket.finalDelivered, world.finalMarket.finalLost, world.finalMarket.finalViaHub, world.finalMarket.finalDeliveryUnitWeeks, world.smeRegions.smeExits, world.smeRegions.smeAdoptions, world.smeRegions.smeCount, world.smeRegions.smeAdopted, world.smeRegions.smeEntries]);
  junk([world.communityRegions.plantEmployment, world.communityRegions.hubEmployment, world.smeRegions.smeEmployment, world.communityRegions.jobs, world.communityRegions.unemployment, world.communityRegions.skill, world.communityRegions.access, world.communityRegions.literacy, world.communityRegions.trustFirms, world.communityRegions.trustGovernment, world.communityRegions.income, g.sourcingNode]);
  g.population[HOM] = 7;
  g.population[HUB] = 9;
  g.population[r] = 1000;
  world.finalMarket.finalDemand[r] = 100;
  world.finalMarket.finalDelivered[r] = 80;
  world.finalMarket.finalLost[r] = 20;
  world.finalMarket.finalViaHub[r] = 30;
  world.finalMarket.finalDeliveryUnitWeeks[r] = 160;
  world.smeRegions.smeExits[r] = 2;
  world.smeRegions.smeAdoptions[r] = 1;
  world.smeRegions.smeCount[r] = 41;
  world.smeRegions.smeAdopted[r] = 11;
  world.smeRegions.smeEntries[r] = 3;
  world.communityRegions.plantEmployment[r] = 30;
  world.communityRegions.hubEmployment[r] = 20;
  world.smeRegions.smeEmployment[r] = 50;
  world.communityRegions.jobs[r] = 120;
  world.communityRegions.unemployment[r] = 0.1;
  world.communityRegions.skill[r] = 0.5;
  world.communityRegions.access[r] = 0.8;
  world.communityRegions.literacy[r] = 0.5;
  world.communityRegions.trustFirms[r] = 0.6;
  world.communityRegions.trustGovernment[r] = 0.3;
  world.communityRegions.income[r] = 70;
  g.sourcingNode[r] = sourcingNode;
  // Spending on instrument k this week: spentQuarter − spentLastWeek = (10 (k + 1) + 5) − 5 = 10 (k + 1).
  const { spentQuarter, spentLastWeek } = world.policy;
  junk([spentQuarter]);
  spentLastWeek.fill(0);
  for (let k = 0; k < INSTRUMENT_COUNT; k++) {
    spentQuarter[r * INSTRUMENT_COUNT + k] = 10 * (k + 1) + 5;
    spentLastWeek[r * INSTRUMENT_COUNT + k] = 5;
  }
  return { world, o };
}

/** [numerator, denominator] of region NBR; a sum's denominator is 1. */
const EXPECTED: Record<string, [number, number]> = {
  unitCost: [600, 200],
  finalPrice: [900, 300],
  leadFirmProfit: [11, 1],
  smeProfit: [13, 1],
  finalDemand: [100, 1],
  finalDelivered: [80, 1],
  lostSales: [20, 1],
  fillRate: [80, 100], // min(80, 100) / 100
  valueAdded: [123.5, 1], // 100 + 20 + 3 + 0.5
  localSourcingShare: [5, 10],
  regionalSourcingShare: [7, 10],
  sourcingRegions: [6, 4],
  transportCo2: [50, 1],
  recycledInputShare: [10, 40], // 10 / (30 + 10)
  productionCo2: [640, 1], // 30 · 20 + 10 · 4
  co2PerFinalUnit: [690, 200], // (50 + 640) / 200
  lastMileHubShare: [30, 80],
  meanFinalDeliveryWeeks: [160, 80],
  strategyShareGlobal: [1, 15],
  strategyShareDual: [2, 15],
  strategyShareNearshore: [3, 15],
  strategyShareMultilocal: [4, 15],
  strategyShareLocal: [5, 15],
  costGapDual: [10, 3],
  costGapNearshore: [20, 3],
  costGapMultilocal: [30, 3],
  expectedLossGlobal: [0.5, 3],
  expectedLossDual: [1.5, 3],
  expectedLossNearshore: [2.5, 3],
  expectedLossMultilocal: [3.5, 3],
  smeCount: [40, 1],
  smeEmployment: [400, 1],
  smeCapability: [20, 40],
  smeAdoption: [10, 40],
  smeChainShare: [8, 40],
  smeChainShareMicro: [2, 20],
  smeChainShareSmall: [5, 16],
  smeChainShareMedium: [1, 4],
  smeChainShareAdopted: [3, 10],
  smeChainShareNotAdopted: [5, 30], // (8 − 3) / (40 − 10)
  smeExits: [2, 1],
  smeAdoptionHazard: [1, 31], // 1 / (41 − 11 + 1): the regions' census, not the observation's
  smeEntries: [3, 1],
  largeFirmOutputShare: [1000, 1050], // (900 + 100) / (900 + 100 + 50)
  leadFirmEmployment: [30, 1],
  hubEmployment: [20, 1],
  smeEmploymentShare: [50, 100], // 50 / (50 + 30 + 20)
  jobs: [120, 1],
  skilledEmployment: [450, 1000], // 1000 · (1 − 0.1) · 0.5
  unemployment: [100, 1000],
  digitalUsage: [400, 1000], // 1000 · 0.8 · 0.5
  access: [800, 1000],
  literacy: [500, 1000],
  trustFirms: [600, 1000],
  trustGovernment: [300, 1000],
  povertyShare: [250, 1000],
  income: [70_000, 1000],
  policySpend: [550, 1], // 10 · (1 + 2 + … + 10) = 10 · 55
  spendLocalSourcingSubsidy: [10, 1],
  spendReshoringGrant: [20, 1],
  spendDigitalInfrastructure: [30, 1],
  spendTraining: [40, 1],
  spendSmeTechGrant: [50, 1],
  spendTariff: [60, 1],
  spendBorderClosure: [70, 1],
  spendTransparency: [80, 1],
  spendSmartSourcingNode: [90, 1],
  spendCircularProcurementSubsidy: [100, 1],
};

/** The smart sourcing node's indicators with the node running (listed) and not. */
const LISTED: Record<string, [number, number]> = {
  smeListed: [40, 1],
  smeListedShare: [40, 40],
  smeChainShareListed: [8, 40],
  smeChainShareUnlisted: [0, 0],
  smeChainShareListedNotAdopted: [5, 30], // (8 − 3) / (40 − 10)
};
const UNLISTED: Record<string, [number, number]> = {
  smeListed: [0, 1],
  smeListedShare: [0, 40],
  smeChainShareListed: [0, 0],
  smeChainShareUnlisted: [8, 40],
  smeChainShareListedNotAdopted: [0, 0],
};

describe('regional indicators: numerator and denominator by hand', () => {
  it('lists exactly the indicators written out here, sums with denominator 1 and ratios', () => {
    const names = REGIONAL_INDICATORS.map((i) => i.name).sort();
    expect(names).toEqual([...Object.keys(EXPECTED), ...Object.keys(LISTED)].sort());
  });

  it('reads the right fields and slots of region NBR', () => {
    const { world, o } = filled(0);
    for (const [name, [num, den]] of Object.entries(EXPECTED)) {
      const indicator = regional(name);
      expect(indicator.numerator(world, o, NBR), `${name} numerator`).toBeCloseTo(num, 9);
      expect(indicator.denominator(world, o, NBR), `${name} denominator`).toBeCloseTo(den, 9);
    }
  });

  it('marks plain sums "sum" and the rest "ratio"', () => {
    const sums = Object.entries({ ...EXPECTED, ...LISTED })
      .filter(([name]) => regional(name).kind === 'sum')
      .map(([name]) => name);
    // The sums, by their definitions (MODEL.md §6: levels and flows, not shares or means).
    expect(sums.sort()).toEqual(
      [
        'leadFirmProfit', 'smeProfit', 'finalDemand', 'finalDelivered', 'lostSales', 'valueAdded', 'transportCo2', 'productionCo2',
        'smeCount', 'smeEmployment', 'smeExits', 'smeEntries', 'leadFirmEmployment', 'hubEmployment', 'jobs', 'policySpend', 'smeListed',
        'spendLocalSourcingSubsidy', 'spendReshoringGrant', 'spendDigitalInfrastructure', 'spendTraining', 'spendSmeTechGrant', 'spendTariff',
        'spendBorderClosure', 'spendTransparency', 'spendSmartSourcingNode', 'spendCircularProcurementSubsidy',
      ].sort(),
    );
  });

  it('marks every other indicator "ratio"', () => {
    const kinds = new Set(REGIONAL_INDICATORS.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['ratio', 'sum']);
    expect(regional('unitCost').kind).toBe('ratio');
    expect(regional('smeChainShareMicro').kind).toBe('ratio');
    expect(regional('strategyShareLocal').kind).toBe('ratio');
  });

  it('gives every indicator, regional and global, a unit and a definition', () => {
    for (const indicator of [...REGIONAL_INDICATORS, ...GLOBAL_INDICATORS]) {
      expect(indicator.unit.length, `${indicator.name} unit`).toBeGreaterThan(0);
      expect(indicator.doc.length, `${indicator.name} doc`).toBeGreaterThan(0);
    }
  });

  it('caps delivered at demand in the fill rate (float sums can overshoot)', () => {
    const { world, o } = filled(0);
    world.finalMarket.finalDelivered[NBR] = 100.5;
    expect(regional('fillRate').numerator(world, o, NBR)).toBe(100); // min(100.5, 100)
  });

  it('splits SMEs into listed and unlisted by whether the region\'s node runs', () => {
    for (const [node, expected] of [[1, LISTED], [0, UNLISTED]] as const) {
      const { world, o } = filled(node);
      for (const [name, [num, den]] of Object.entries(expected)) {
        expect(regional(name).numerator(world, o, NBR), `${name} numerator, node ${node}`).toBeCloseTo(num, 9);
        expect(regional(name).denominator(world, o, NBR), `${name} denominator, node ${node}`).toBeCloseTo(den, 9);
      }
    }
  });

  it('records the node\'s indicators (and its spending) only in runs whose scenario uses the node', () => {
    const node = ['smeListed', 'smeListedShare', 'smeChainShareListed', 'smeChainShareUnlisted', 'smeChainShareListedNotAdopted', 'spendSmartSourcingNode'];
    for (const name of node) expect(regional(name).recordedIf, name).toBe(usesSourcingNode);
    const others = REGIONAL_INDICATORS.filter((i) => !node.includes(i.name));
    expect(others.every((i) => i.recordedIf === undefined)).toBe(true);

    const plain = tinyWorld();
    expect(usesSourcingNode(plain)).toBe(false);
    const at = (policy: { instrument: string; level: number }[], rules: { instrument: string; level: number }[]) =>
      usesSourcingNode({ ...plain, scenario: { ...plain.scenario, policy, rules } } as unknown as World);
    expect(at([{ instrument: 'smartSourcingNode', level: 1 }], [])).toBe(true);
    expect(at([], [{ instrument: 'smartSourcingNode', level: 0.5 }])).toBe(true);
    expect(at([{ instrument: 'smartSourcingNode', level: 0 }], [{ instrument: 'smartSourcingNode', level: 0 }])).toBe(false);
    expect(at([{ instrument: 'transparency', level: 1 }], [{ instrument: 'tariff', level: 1 }])).toBe(false);
  });
});

describe('global indicators by hand', () => {
  it('firmsWithDistributionHub: living firms holding a hub in any bloc / living firms', () => {
    const world = tinyWorld();
    const { firms, plants } = world;
    const B = plants.blocCount; // 2 blocs
    expect(firms.count).toBe(1);
    firms.distributionHub.fill(0);
    expect(global('firmsWithDistributionHub').value(world, createObservation(3))).toBe(0);
    firms.distributionHub[0 * B + 1] = 1; // firm 0 holds one in bloc B
    expect(global('firmsWithDistributionHub').value(world, createObservation(3))).toBe(1);
    firms.alive[0] = 0; // no living firm: 0, not 0/0
    expect(global('firmsWithDistributionHub').value(world, createObservation(3))).toBe(0);
  });

  it('firmsWithDistributionHub with two firms: each firm reads its own blocs (f · B + b)', () => {
    const world = twoFirmsTwoHubs();
    const hub = world.firms.distributionHub;
    // Firm 1 holds one in bloc B only (slot 1 · 2 + 1 = 3): 1 of 2 firms.
    hub.set([0, 0, 0, 1]);
    expect(global('firmsWithDistributionHub').value(world, createObservation(4))).toBe(0.5);
    // Firm 1 holds one in bloc A only (slot 2): still 1 of 2 (firm 0's blocs are slots 0 and 1).
    hub.set([0, 0, 1, 0]);
    expect(global('firmsWithDistributionHub').value(world, createObservation(4))).toBe(0.5);
    // Both: 2 of 2; then firm 1 dies: 1 of 1.
    hub.set([1, 0, 1, 0]);
    expect(global('firmsWithDistributionHub').value(world, createObservation(4))).toBe(1);
    world.firms.alive[1] = 0;
    hub.set([0, 0, 1, 1]);
    expect(global('firmsWithDistributionHub').value(world, createObservation(4))).toBe(0);
  });

  it('hhiFinal and hubUtilisation with two firms and two hubs', () => {
    const world = twoFirmsTwoHubs();
    // Plants 0–1 are firm 0's, 2–3 firm 1's: deliveries 3 + 1 = 4 and 0 + 2 = 2 of 6.
    world.plants.delivered.set([3, 1, 0, 2]);
    // (4/6)² + (2/6)² = 16/36 + 4/36 = 5/9.
    expect(global('hhiFinal').value(world, createObservation(4))).toBeCloseTo(5 / 9, 12);
    world.hubs.componentCapacity.set([40, 60]);
    world.hubs.componentOutput.set([30, 20]);
    // (30 + 20) / (40 + 60) = 0.5.
    expect(global('hubUtilisation').value(world, createObservation(4))).toBeCloseTo(0.5, 12);
  });

  it('usage gaps: population-weighted a·l of the top minus the bottom group', () => {
    const world = tinyWorld();
    const g = world.regions;
    g.population.set([1, 3, 2]);
    world.communityRegions.access.set([0.5, 1, 0.2]);
    world.communityRegions.literacy.set([0.4, 0.5, 1]);
    // a·l = 0.2, 0.5, 0.2. Quartiles: HOM top (4), HUB and NBR bottom (1).
    world.economy.incomeQuartile.set([4, 1, 1]);
    // top: 0.2; bottom: (3 · 0.5 + 2 · 0.2) / (3 + 2) = 1.9 / 5 = 0.38 → 0.2 − 0.38 = −0.18.
    expect(global('usageGapQuartiles').value(world, createObservation(3))).toBeCloseTo(-0.18, 12);
    // Income groups: HOM high (3), HUB low (0), NBR upper middle (2): 0.2 − 0.5 = −0.3.
    g.incomeGroup.set([3, 0, 2]);
    expect(global('usageGapIncomeGroups').value(world, createObservation(3))).toBeCloseTo(-0.3, 12);
    // No low-income region: its mean is 0 (no weight), so the gap is the top mean, 0.2.
    g.incomeGroup.set([3, 2, 2]);
    expect(global('usageGapIncomeGroups').value(world, createObservation(3))).toBeCloseTo(0.2, 12);
    // No top-quartile region either way: 0 − 0.38.
    world.economy.incomeQuartile.set([2, 1, 1]);
    expect(global('usageGapQuartiles').value(world, createObservation(3))).toBeCloseTo(-0.38, 12);
  });

  it('usageGini and incomeGini: weighted Gini of cells\' a·l and of regions\' income', () => {
    const world = tinyWorld();
    const { cells, regions } = world;
    // Cells: a·l = 0 for all but one cell, whose a·l is 1; equal populations n: Gini of
    // [0, …, 0, 1] with n cells = 1 − 1/n.
    cells.access.fill(0);
    cells.literacy.fill(1);
    cells.population.fill(5);
    cells.access[0] = 1;
    const n = cells.count;
    expect(n).toBeGreaterThan(1);
    expect(global('usageGini').value(world, createObservation(3))).toBeCloseTo(1 - 1 / n, 12);
    // a·l, not a/l: three cells of weight 1 (the rest weightless) with a = 0.5, 0.5, 1 and
    // l = 1, 0.5, 0.5: a·l = 0.5, 0.25, 0.5 → Σ|xi − xj| = 2 · (0.25 + 0.25) = 1, μ = 1.25/3,
    // G = 1 / (2 · 9 · 1.25/3) = 2/15 (a/l = 0.5, 1, 2 would give 2/7).
    cells.population.fill(0);
    cells.population.set([1, 1, 1], 0);
    cells.access.set([0.5, 0.5, 1], 0);
    cells.literacy.set([1, 0.5, 0.5], 0);
    expect(global('usageGini').value(world, createObservation(3))).toBeCloseTo(2 / 15, 12);
    // Regions: income [1, 3] weights [1, 2] (the third region weightless): 4/21 (engine test's hand value).
    world.communityRegions.income.set([1, 3, 50]);
    regions.population.set([1, 2, 0]);
    expect(global('incomeGini').value(world, createObservation(3))).toBeCloseTo(4 / 21, 12);
  });

  it('hhiFinal: a firm\'s deliveries are the sum over its plants (p / B)', () => {
    const world = tinyWorld();
    expect(world.plants.count).toBe(2); // one firm, two blocs
    world.plants.delivered.set([3, 1]);
    // One firm with 4 units: HHI 1.
    expect(global('hhiFinal').value(world, createObservation(3))).toBe(1);
    world.plants.delivered.set([0, 0]);
    expect(global('hhiFinal').value(world, createObservation(3))).toBe(0);
  });

  it('hhiComponents: hubs\' component sales and SMEs\' chain and local sales, in $', () => {
    const world = tinyWorld();
    const { hubs } = world;
    expect(hubs.count).toBe(1);
    hubs.componentOutput[0] = 10;
    hubs.price[0] = 3; // $30
    const a = addSme(world, HOM, { employees: 5, capability: 0.5 });
    const b = addSme(world, NBR, { employees: 5, capability: 0.5 });
    const dead = addSme(world, NBR, { employees: 5, capability: 0.5 });
    const { smes } = world;
    smes.buyerPlant[a] = 0;
    smes.chainOutput[a] = 4;
    smes.price[a] = 2.5; // $10 in the chain
    smes.localRevenue[a] = 10; // + $10 local = $20
    smes.buyerPlant[b] = NO_BUYER;
    smes.chainOutput[b] = 100; // outside any chain: its chain output does not count
    smes.price[b] = 1;
    smes.localRevenue[b] = 10; // $10
    smes.chainOutput[dead] = 7;
    smes.price[dead] = 1;
    smes.buyerPlant[dead] = 0;
    smes.localRevenue[dead] = 40;
    smes.alive[dead] = 0; // a dead SME sells nothing
    // Sales 30, 20, 10 of 60: shares 1/2, 1/3, 1/6 → 1/4 + 1/9 + 1/36 = (9 + 4 + 1)/36 = 14/36.
    expect(global('hhiComponents').value(world, createObservation(3))).toBeCloseTo(14 / 36, 12);
    hubs.componentOutput[0] = 0;
    for (const i of [a, b]) {
      smes.chainOutput[i] = 0;
      smes.localRevenue[i] = 0;
    }
    expect(global('hhiComponents').value(world, createObservation(3))).toBe(0);
  });

  it('hubUtilisation: Σ output / Σ capacity (0 without capacity)', () => {
    const world = tinyWorld();
    world.hubs.componentCapacity[0] = 40;
    world.hubs.componentOutput[0] = 30;
    expect(global('hubUtilisation').value(world, createObservation(3))).toBeCloseTo(0.75, 12);
    world.hubs.componentCapacity[0] = 0;
    expect(global('hubUtilisation').value(world, createObservation(3))).toBe(0);
  });
});
