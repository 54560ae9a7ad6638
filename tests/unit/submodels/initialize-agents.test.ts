/**
 * The agents' starting states (agents/{firm,sme,supplier,community}/initialize.ts), each
 * initializer run directly on a tiny world with hand-set inputs, against hand-computed values.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/model/world.ts';
import { createFirms, startPlants } from '../../../agents/firm/initialize.ts';
import { GLOBAL, LOCAL } from '../../../agents/firm/schema.ts';
import { createHubs, sizeHubCapacity, startHubs } from '../../../agents/supplier/initialize.ts';
import { clamp01, initializeCells, MAX_CELL_LINKS, startingAccessLiteracy } from '../../../agents/community/initialize.ts';
import { initializeSmes } from '../../../agents/sme/initialize.ts';
import { NO_BUYER } from '../../../agents/sme/schema.ts';
import { currentLeadTime } from '../../../src/model/geography.ts';
import { unitLabourCost } from '../../../src/model/economy.ts';
import { initStream } from '../../../src/sim/rng/init-stream.ts';
import { HB2, HOM, HUB, NBR, region, threeRegions, tinyWorld, twoFirmsTwoHubs, withSecondHub } from './tiny-world.ts';

describe('supplier initialize', () => {
  it('createHubs: hubSuppliersPerHub suppliers per hub region, in region order, priced at cost × (1 + markup)', () => {
    const world = tinyWorld(withSecondHub(threeRegions({ hubSuppliersPerHub: 2 })), { markup: 0.25 });
    const h = world.hubs;
    expect(h.count).toBe(4);
    expect(Array.from(h.region)).toEqual([HUB, HUB, HB2, HB2]);
    for (let j = 0; j < 4; j++) {
      expect(h.unitCost[j]).toBeGreaterThan(0);
      expect(h.price[j], `hub ${j}`).toBeCloseTo(h.unitCost[j] * 1.25, 9);
      expect(h.rawPrice[j], `hub ${j}`).toBeCloseTo(h.rawUnitCost[j] * 1.25, 9);
    }
    expect(tinyWorld(threeRegions({ hubSuppliersPerHub: 3 })).hubs.count).toBe(3);
  });

  it('sizeHubCapacity: (demand + local units) / target split by population × max(0.01, industry share); raw = ratio × component + local inputs / target', () => {
    const world = twoFirmsTwoHubs({ plantUtilisationTarget: 0.8, hubRawCapacityRatio: 2 });
    const g = world.regions;
    g.population[HUB] = 1e6;
    g.industryWorkersShare[HUB] = 0.18; // weight 180 000
    g.population[HB2] = 2e6;
    g.industryWorkersShare[HB2] = 0.005; // floored at 0.01: weight 20 000 → shares 0.9, 0.1
    sizeHubCapacity(world, 100, 20, Float64Array.from([8, 4]));
    // Total (100 + 20) / 0.8 = 150: 135 and 15; raw 2 × 135 + 8 / 0.8 = 280, 2 × 15 + 4 / 0.8 = 35.
    expect(world.hubs.componentCapacity[0]).toBeCloseTo(135, 9);
    expect(world.hubs.componentCapacity[1]).toBeCloseTo(15, 9);
    expect(world.hubs.rawCapacity[0]).toBeCloseTo(280, 9);
    expect(world.hubs.rawCapacity[1]).toBeCloseTo(35, 9);
    sizeHubCapacity(world, 100);
    // 100 / 0.8 = 125: 112.5 and 12.5; raw 225 and 25.
    expect(world.hubs.componentCapacity[0]).toBeCloseTo(112.5, 9);
    expect(world.hubs.rawCapacity[1]).toBeCloseTo(25, 9);
    g.population[HUB] = 0;
    g.population[HB2] = 0;
    sizeHubCapacity(world, 100);
    expect(Array.from(world.hubs.componentCapacity)).toEqual([0, 0]);
  });

  it('startHubs: forecast and last orders are the active plants\' expected flows; stock, utilisation and cash follow', () => {
    const world = twoFirmsTwoHubs({ inventoryCoverWeeks: 2, firmCashWeeks: 4 });
    const { plants, hubs, plantHub } = world;
    hubs.forecast.fill(0);
    hubs.ordersLastWeek.fill(0);
    plants.active.set([1, 0, 1, 1]);
    plants.forecast.set([10, 99, 20, 30]);
    // weight[p · 2 + j]: plant 1 is idle (ignored); plant 2's negative weight to hub 0 is no flow.
    plantHub.weight.set([0.5, 0.5, 1, 0, -1, 1, 0.25, 0.75]);
    hubs.componentCapacity.set([50, 0]);
    hubs.unitCost.set([2, 3]);
    startHubs(world);
    // Hub 0: 10 · 0.5 + 30 · 0.25 = 12.5; hub 1: 10 · 0.5 + 20 · 1 + 30 · 0.75 = 47.5.
    expect(Array.from(hubs.forecast)).toEqual([12.5, 47.5]);
    expect(Array.from(hubs.ordersLastWeek)).toEqual([12.5, 47.5]);
    expect(Array.from(hubs.rawStock)).toEqual([25, 95]); // 2 weeks' cover
    expect(Array.from(hubs.utilisation)).toEqual([0.25, 0]); // 12.5 / 50; no capacity: 0
    expect(Array.from(hubs.cash)).toEqual([100, 570]); // 4 · 12.5 · 2; 4 · 47.5 · 3
  });
});

describe('community initialize', () => {
  const params = { skillInitialBase: 0.3, trustInitialSpread: 0, trustInitialCellSpread: 0, incomeDispersion: 0, cellDigitalSpread: 0, digitalLiteracyFactor: 0.8, trustInitial: 0.6, governmentTrustInitial: 0.4 };

  it('splits each region\'s population over its cells; skill, trust, income factor and digital values from the region', () => {
    const definition = threeRegions({ regionNeighbours: [[NBR], [HOM], [HOM, HUB]] });
    definition.regions[NBR].industryWorkersShare = 0.9; // skill 0.3 + 0.9 → capped at 1
    const world = tinyWorld(definition, params);
    initializeCells(world, Uint32Array.from([2, 0, 3]));
    const c = world.cells;
    expect(c.count).toBe(5);
    expect(Array.from(c.region)).toEqual([HOM, HOM, NBR, NBR, NBR]);
    expect(Array.from(world.communityRegions.cellCount)).toEqual([2, 0, 3]);
    for (let i = 0; i < 5; i++) {
      const home = c.region[i] === HOM;
      expect(c.population[i], `cell ${i}`).toBeCloseTo(home ? 1e6 / 2 : 1e6 / 3, 6);
      expect(c.skill[i], `cell ${i}`).toBeCloseTo(home ? 0.5 : 1, 6); // 0.3 + 0.2; min(1, 1.2)
      expect(c.incomeFactor[i]).toBeCloseTo(1, 12); // exp(0 · z − 0)
      expect(c.trustFirms[i]).toBeCloseTo(0.6, 6);
      expect(c.trustGovernment[i]).toBeCloseTo(0.4, 6);
      // Literacy 0.9 · 0.8 = 0.72; access 0.5 / 0.72.
      expect(c.literacy[i]).toBeCloseTo(0.72, 6);
      expect(c.access[i]).toBeCloseTo(0.5 / 0.72, 6);
    }
    // Links: a HOM cell links to one NBR cell (ids 2–4); an NBR cell to one HOM cell (0–1) and none in empty HUB.
    for (let i = 0; i < 5; i++) {
      const links = Array.from(c.links.subarray(i * MAX_CELL_LINKS, (i + 1) * MAX_CELL_LINKS));
      if (c.region[i] === HOM) {
        expect(links[0]).toBeGreaterThanOrEqual(2);
        expect(links[0]).toBeLessThanOrEqual(4);
        expect(links.slice(1)).toEqual([-1, -1, -1]);
      } else {
        expect(links[0]).toBeGreaterThanOrEqual(0);
        expect(links[0]).toBeLessThanOrEqual(1);
        expect(links.slice(1)).toEqual([-1, -1, -1]);
      }
    }
  });

  it('draws region trust, then each cell\'s trust and income factor, from their streams', () => {
    const spread = { ...params, trustInitialSpread: 0.1, trustInitialCellSpread: 0.05, incomeDispersion: 0.4 };
    const world = tinyWorld(threeRegions(), spread);
    initializeCells(world, Uint32Array.from([2, 0, 1]));
    const trust = initStream(world.seed, 'cells.trust');
    const income = initStream(world.seed, 'cells.income');
    const c = world.cells;
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    let id = 0;
    for (const [r, n] of [[HOM, 2], [HUB, 0], [NBR, 1]]) {
      const regionFirms = clamp(0.6 + 0.1 * trust.normal());
      const regionGovernment = clamp(0.4 + 0.1 * trust.normal());
      for (let k = 0; k < n; k++, id++) {
        expect(c.region[id]).toBe(r);
        // Log-normal with mean 1: exp(0.4 z − 0.4² / 2) = exp(0.4 z − 0.08).
        expect(c.incomeFactor[id], `cell ${id}`).toBeCloseTo(Math.exp(0.4 * income.normal() - 0.08), 6);
        expect(c.trustFirms[id], `cell ${id}`).toBeCloseTo(clamp(regionFirms + 0.05 * trust.normal()), 6);
        expect(c.trustGovernment[id], `cell ${id}`).toBeCloseTo(clamp(regionGovernment + 0.05 * trust.normal()), 6);
      }
    }
  });

  it('keeps at most MAX_CELL_LINKS (4) links, one per listed neighbour in order', () => {
    const regions = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'].map((code, k) => region(code, { longitude: k }));
    const world = tinyWorld({ ...threeRegions(), regions, leadFirmHomes: [0], regionNeighbours: [[5, 4, 3, 2, 1], [], [], [], [], []] }, params);
    initializeCells(world, Uint32Array.from([1, 1, 1, 1, 1, 1]));
    // Cell k is region k's only cell: cell 0 links to regions 5, 4, 3, 2 (the fifth neighbour is dropped).
    expect(Array.from(world.cells.links.subarray(0, 4))).toEqual([5, 4, 3, 2]);
    expect(Array.from(world.cells.links.subarray(4, 8))).toEqual([-1, -1, -1, -1]);
  });

  it('startingAccessLiteracy: a · l = internet use, access capped at 1, literacy at least 1e-6; clamp01', () => {
    expect(startingAccessLiteracy(0.5, 0.9, 0.8).literacy).toBeCloseTo(0.72, 12);
    expect(startingAccessLiteracy(0.5, 0.9, 0.8).access).toBeCloseTo(0.5 / 0.72, 12);
    // Use 0.9 > literacy 0.5: access 1, literacy raised to 0.9.
    expect(startingAccessLiteracy(0.9, 0.5, 1)).toEqual({ access: 1, literacy: 0.9 });
    // No literacy at all: floored at 1e-6, then access 0.3 / 1e-6 > 1 → access 1, literacy 0.3.
    expect(startingAccessLiteracy(0.3, 0, 1)).toEqual({ access: 1, literacy: 0.3 });
    expect(startingAccessLiteracy(0, 0, 1)).toEqual({ access: 0, literacy: 1e-6 });
    // Use exactly equal to literacy: access 1, literacy unchanged.
    expect(startingAccessLiteracy(0.5, 0.5, 1)).toEqual({ access: 1, literacy: 0.5 });
    expect([clamp01(-0.1), clamp01(0), clamp01(0.3), clamp01(1), clamp01(1.5)]).toEqual([0, 0, 0.3, 1, 1]);
  });
});

describe('SME initialize', () => {
  it('places smesPerRegion SMEs region by region, born at 0, outside any chain, with the starting traits', () => {
    const world = tinyWorld(undefined, { riskPerceptionInitial: 0.3, hubHazardPerYear: 0.26, smeSizeExponent: 1, smeMaxEmployees: 249 });
    world.regions.smeSlots.fill(99);
    initializeSmes(world, Uint32Array.from([2, 0, 3]));
    const s = world.smes;
    expect(s.count).toBe(5);
    expect(Array.from(world.regions.smeSlots)).toEqual([2, 0, 3]);
    expect(Array.from(s.region.subarray(0, 5))).toEqual([HOM, HOM, NBR, NBR, NBR]);
    const rawPrice = world.params.domesticRawPremium * world.economy.referenceRawPrice;
    for (let i = 0; i < 5; i++) {
      expect(s.alive[i]).toBe(1);
      expect(s.bornAtTick[i]).toBe(0);
      expect(s.buyerPlant[i]).toBe(NO_BUYER);
      expect(s.employees[i]).toBeGreaterThanOrEqual(1);
      expect(s.employees[i]).toBeLessThanOrEqual(249);
      expect(s.capability[i]).toBeGreaterThanOrEqual(0.05);
      expect(s.capability[i]).toBeLessThanOrEqual(0.95);
      expect(s.rawCost[i]).toBeCloseTo(rawPrice, 4);
      expect(s.riskPerception[i]).toBeCloseTo(0.3, 6);
      expect(s.observedHazard[i]).toBeCloseTo(0.005, 6); // 0.26 / 52
      expect(s.cash[i]).toBeGreaterThan(0);
      expect(s.price[i]).toBeGreaterThan(0);
    }
  });

  it('draws capability, adoption and cash from the traits stream in that order (capability, adoption, cash per SME)', () => {
    const params = { initialCapability: 0.4, capabilityLiteracyWeight: 0.5, capabilityDispersion: 0.1, initialAdoptionFactor: 0.5, smeCashWeeks: 2, smeCashDispersion: 0.3 };
    const world = tinyWorld(undefined, params);
    world.communityRegions.access[NBR] = 0.8;
    world.communityRegions.literacy[NBR] = 0.5;
    world.regions.wage[NBR] = 100;
    initializeSmes(world, Uint32Array.from([0, 0, 6]));
    const traits = initStream(world.seed, 'sme.traits');
    const s = world.smes;
    for (let i = 0; i < 6; i++) {
      const z = traits.normal();
      const u = traits.uniform();
      const c = traits.normal();
      // Capability 0.4 · (1 − 0.5 + 0.5 · 0.5) + 0.1 z = 0.3 + 0.1 z, within [0.05, 0.95].
      expect(s.capability[i], `SME ${i}`).toBeCloseTo(Math.min(0.95, Math.max(0.05, 0.3 + 0.1 * z)), 6);
      // Adoption probability 0.5 · (0.8 · 0.5) = 0.2.
      expect(s.digital[i], `SME ${i}`).toBe(u < 0.2 ? 1 : 0);
      // Cash 2 weeks × employees × wage 100 × exp(0.3 c).
      expect(s.cash[i], `SME ${i}`).toBeCloseTo(2 * s.employees[i] * 100 * Math.exp(0.3 * c), 4);
    }
  });

  it('adopts at the start with probability initialAdoptionFactor × a · l: none at 0, all at 1', () => {
    const none = tinyWorld(undefined, { initialAdoptionFactor: 0 });
    initializeSmes(none, Uint32Array.from([20, 0, 0]));
    expect(Array.from(none.smes.digital.subarray(0, 20)).every((d) => d === 0)).toBe(true);
    const all = tinyWorld(undefined, { initialAdoptionFactor: 1 });
    all.communityRegions.access[HOM] = 1;
    all.communityRegions.literacy[HOM] = 1;
    initializeSmes(all, Uint32Array.from([20, 0, 0]));
    // Probability clamp01(1 · 1 · 1) = 1: every draw u < 1.
    expect(Array.from(all.smes.digital.subarray(0, 20)).every((d) => d === 1)).toBe(true);
  });
});

/** Clears everything startPlants sets, so a value left from createWorld cannot pass for it, then runs it. */
function restartPlants(world: World): void {
  const { plants, firms } = world;
  for (const a of [plants.price, plants.unitCost, plants.componentCost, plants.capacity, plants.capacityTarget, plants.finishedStock]) a.fill(0);
  plants.forecast.fill(0);
  plants.pipeline.fill(0);
  firms.cash.fill(0);
  firms.demandForecast.fill(0);
  plants.active.fill(0);
  firms.demandByBloc.fill(7);
  startPlants(world);
}

describe('firm initialize', () => {
  it('createFirms: homes, blocs, starting strategy, risk perception and observed hazards; plant p = f · B + b', () => {
    const world = twoFirmsTwoHubs({ riskPerceptionInitial: 0.2, hubHazardPerYear: 0.52, hazardPerRegionYear: 0.104 });
    createFirms(world);
    const { firms, plants } = world;
    expect(firms.count).toBe(2);
    expect(Array.from(firms.homeRegion)).toEqual([HOM, NBR]);
    expect(Array.from(firms.homeBloc)).toEqual([0, 0]);
    expect(Array.from(firms.strategy)).toEqual([GLOBAL, GLOBAL]);
    expect(Array.from(firms.riskPerception)).toEqual([expect.closeTo(0.2, 6), expect.closeTo(0.2, 6)]);
    // ĥ[f · 4 + r]: hubs (HUB, HB2) 0.52 / 52 = 0.01, others 0.104 / 52 = 0.002.
    const hazard = Array.from(firms.observedHazard);
    [0.002, 0.01, 0.002, 0.01, 0.002, 0.01, 0.002, 0.01].forEach((h, k) => expect(hazard[k], `slot ${k}`).toBeCloseTo(h, 9));
    expect(Array.from(plants.firm)).toEqual([0, 0, 1, 1]);
    expect(Array.from(plants.bloc)).toEqual([0, 1, 0, 1]);
    // Home bloc A: the home region; bloc B holds only hub regions: the largest market, HUB and HB2
    // being equal, the first (HUB).
    expect(Array.from(plants.region)).toEqual([HOM, HUB, NBR, HUB]);
  });

  it('a strategy override starts every firm on that strategy', () => {
    const world = tinyWorld(undefined, { strategyOverride: 'LOCAL' });
    createFirms(world);
    expect(world.firms.strategy[0]).toBe(LOCAL);
  });

  it('plants outside the home bloc go to the bloc\'s largest market outside the hubs, ties to the first', () => {
    // Bloc B: HUB (hub, 4e6 · 5 000 = 2e10), OTH (1e6 · 20 000 = 2e10), OT2 (3e6 · 20 000 = 6e10); elasticity 1.
    const build = (ot2Population: number) => {
      const definition = threeRegions();
      definition.regions.push(region('OTH', { bloc: 1, longitude: 40, population: 1e6, gdpPerCapita: 20_000 }));
      definition.regions.push(region('OT2', { bloc: 1, longitude: 50, population: ot2Population, gdpPerCapita: 20_000 }));
      definition.regionNeighbours.push([], []);
      const world = tinyWorld(definition, { demandIncomeElasticity: 1 });
      createFirms(world);
      return world.plants.region[1];
    };
    expect(build(3e6)).toBe(4); // OT2
    expect(build(1e6)).toBe(3); // OTH and OT2 tie at 2e10: the first
    expect(build(0.5e6)).toBe(3); // OTH
  });

  it('a bloc with no region at all gets its plant slot at home', () => {
    const world = tinyWorld(threeRegions({ blocs: ['A', 'B', 'C'] }));
    createFirms(world);
    expect(Array.from(world.plants.region)).toEqual([HOM, HUB, HOM]);
  });

  it('startPlants: one firm holds every market; capacity, stock, cash, bloc demand and pipelines follow its forecast', () => {
    const world = tinyWorld(undefined, { markup: 0.2, plantUtilisationTarget: 0.8, inventoryCoverWeeks: 2, firmCashWeeks: 3, labourPerAssembly: 2 });
    const { plants, firms, regions, plantHub, hubs, geo } = world;
    restartPlants(world);
    // One firm, home plant 0 (bloc A) active; it serves every region: Σ forecast = Σ base demand.
    expect(Array.from(plants.active)).toEqual([1, 0]);
    const base = Array.from(regions.finalDemandBase);
    const total = base.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(plants.forecast[0]).toBeCloseTo(total, 6);
    expect(plants.forecast[1]).toBe(0);
    for (let p = 0; p < 2; p++) {
      expect(plants.componentCost[p], `plant ${p}`).toBeGreaterThan(0);
      // Unit cost = component + 2 assembly hours × the plant region's unit labour cost.
      expect(plants.unitCost[p], `plant ${p}`).toBeCloseTo(plants.componentCost[p] + 2 * unitLabourCost(regions, plants.region[p]), 9);
      expect(plants.price[p], `plant ${p}`).toBeCloseTo(plants.unitCost[p] * 1.2, 9);
    }
    expect(plants.capacity[0]).toBeCloseTo(total / 0.8, 6);
    expect(plants.capacityTarget[0]).toBeCloseTo(total / 0.8, 6);
    expect(plants.finishedStock[0]).toBeCloseTo(3 * total, 6); // (cover 2 + 1) weeks
    expect(firms.demandForecast[0]).toBeCloseTo(total, 6);
    expect(firms.cash[0]).toBeCloseTo(3 * total * plants.unitCost[0], 4);
    // Demand by bloc: A = HOM + NBR, B = HUB.
    expect(firms.demandByBloc[0]).toBeCloseTo(base[HOM] + base[NBR], 6);
    expect(firms.demandByBloc[1]).toBeCloseTo(base[HUB], 6);
    // Pipeline: flow × lead time from each hub with a positive weight, spread over distinct slots.
    const H = hubs.count;
    let inPipeline = 0;
    for (let s = 0; s < geo.pipelineWeeks; s++) inPipeline += plants.pipeline[s * plants.count + 0];
    let expected = 0;
    for (let j = 0; j < H; j++) {
      const w = plantHub.weight[0 * H + j];
      if (w > 0) expected += total * w * currentLeadTime(geo, regions, hubs.region[j], plants.region[0]);
    }
    expect(expected).toBeGreaterThan(0);
    expect(inPipeline).toBeCloseTo(expected, 4);
    let idle = 0;
    for (let s = 0; s < geo.pipelineWeeks; s++) idle += plants.pipeline[s * plants.count + 1];
    expect(idle).toBe(0);
  });

  it('startPlants with two firms: each firm\'s home plant gets its own shares of each market, and its own capacity, stock, cash, bloc demand and pipeline', () => {
    const world = twoFirmsTwoHubs({ markup: 0.2, plantUtilisationTarget: 0.8, inventoryCoverWeeks: 2, firmCashWeeks: 3, labourPerAssembly: 2 });
    const { plants, firms, regions, plantHub, hubs, geo, scratch } = world;
    restartPlants(world);
    // Firm 0 is homed in HOM, firm 1 in NBR, both in bloc A: plants f · B + b, home plants 0 and 2.
    const B = 2;
    const R = regions.count;
    expect(Array.from(plants.active)).toEqual([1, 0, 1, 0]);
    const base = Array.from(regions.finalDemandBase);
    const share = (f: number, r: number) => scratch.marketShare[f * R + r];
    // The two firms split every market (their logit shares sum to 1), and not evenly: NBR's wages differ from HOM's.
    for (let r = 0; r < R; r++) expect(share(0, r) + share(1, r), `region ${r}`).toBeCloseTo(1, 12);
    expect(Math.abs(share(0, HOM) - share(1, HOM))).toBeGreaterThan(1e-3);
    for (let f = 0; f < 2; f++) {
      const home = f * B;
      let expected = 0;
      for (let r = 0; r < R; r++) expected += share(f, r) * base[r];
      expect(plants.forecast[home], `firm ${f}`).toBeCloseTo(expected, 6);
      expect(plants.forecast[home + 1], `firm ${f}`).toBe(0);
      expect(plants.capacity[home], `firm ${f}`).toBeCloseTo(expected / 0.8, 6);
      expect(plants.capacityTarget[home], `firm ${f}`).toBeCloseTo(expected / 0.8, 6);
      expect(plants.finishedStock[home], `firm ${f}`).toBeCloseTo(3 * expected, 6);
      expect(firms.demandForecast[f], `firm ${f}`).toBeCloseTo(expected, 6);
      expect(firms.cash[f], `firm ${f}`).toBeCloseTo(3 * expected * plants.unitCost[home], 4);
      // Bloc A = HOM + NBR; bloc B = HUB + HB2.
      expect(firms.demandByBloc[f * B + 0], `firm ${f}`).toBeCloseTo(share(f, HOM) * base[HOM] + share(f, NBR) * base[NBR], 6);
      expect(firms.demandByBloc[f * B + 1], `firm ${f}`).toBeCloseTo(share(f, HUB) * base[HUB] + share(f, HB2) * base[HB2], 6);
      // In transit: the home plant's forecast × each hub's weight × that hub's lead time to the plant.
      const H = hubs.count;
      let inPipeline = 0;
      for (let s = 0; s < geo.pipelineWeeks; s++) inPipeline += plants.pipeline[s * plants.count + home];
      let flow = 0;
      for (let j = 0; j < H; j++) {
        const w = plantHub.weight[home * H + j];
        if (w > 0) flow += expected * w * currentLeadTime(geo, regions, hubs.region[j], plants.region[home]);
      }
      expect(flow, `firm ${f}`).toBeGreaterThan(0);
      expect(inPipeline, `firm ${f}`).toBeCloseTo(flow, 4);
    }
    for (let p = 0; p < plants.count; p++) {
      expect(plants.unitCost[p], `plant ${p}`).toBeCloseTo(plants.componentCost[p] + 2 * unitLabourCost(regions, plants.region[p]), 9);
      expect(plants.price[p], `plant ${p}`).toBeCloseTo(plants.unitCost[p] * 1.2, 9);
    }
    // Plants in the home bloc sit in the firm's home region; the two firms' differ.
    expect(plants.region[0]).toBe(HOM);
    expect(plants.region[2]).toBe(NBR);
  });
});
