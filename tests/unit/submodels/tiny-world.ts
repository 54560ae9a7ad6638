/**
 * Tiny hand-written worlds for the submodel unit tests (MODEL.md §7). Every region sits on the
 * equator, so the great-circle distance between two of them is exactly
 * EARTH_RADIUS_KM × |Δlongitude| in radians — easy to write out by hand.
 */
import type { RegionDefinition, WorldDefinition } from '../../../src/model/world-definition.ts';
import { createWorld } from '../../../src/model/initialize.ts';
import { scenarioSchema, type ScenarioInput } from '../../../src/model/scenario.ts';
import type { World } from '../../../src/model/world.ts';
import { allocateSme } from '../../../agents/sme/schema.ts';
import { GLOBAL } from '../../../agents/firm/schema.ts';
import { applyStrategy } from '../../../agents/firm/strategy.ts';

export const EARTH_RADIUS_KM = 6371;

/** Great-circle km between two points on the equator, by hand: R · Δλ (radians). */
export const equatorKm = (degrees: number): number => (EARTH_RADIUS_KM * Math.abs(degrees) * Math.PI) / 180;

export function region(code: string, overrides: Partial<RegionDefinition> = {}): RegionDefinition {
  return {
    code,
    name: code,
    bloc: 0,
    incomeGroup: 'high_income',
    latitude: 0,
    longitude: 0,
    population: 1e6,
    gdpPerCapita: 20_000,
    industryWorkersShare: 0.2,
    internetUse: 0.5,
    adultLiteracy: 0.9,
    landlocked: false,
    isHub: false,
    ...overrides,
  };
}

/**
 * Three regions on the equator: HOM (bloc A, lon 0), HUB (bloc B, lon 90, a hub), NBR (bloc A,
 * lon 10). Distances: HOM–HUB = R·π/2 ≈ 10 007.5 km, HOM–NBR = R·π/18 ≈ 1 111.9 km.
 */
export function threeRegions(overrides: Partial<WorldDefinition> = {}): WorldDefinition {
  return {
    name: 'tiny',
    blocs: ['A', 'B'],
    regions: [
      region('HOM', { bloc: 0, longitude: 0 }),
      region('HUB', { bloc: 1, longitude: 90, isHub: true, gdpPerCapita: 5_000, population: 4e6 }),
      region('NBR', { bloc: 0, longitude: 10, gdpPerCapita: 10_000 }),
    ],
    leadFirmHomes: [0],
    hubSuppliersPerHub: 1,
    smesAtScaleOne: 0,
    cellsAtScaleOne: 3,
    regionNeighbours: [[], [], []],
    ...overrides,
  };
}

export const HOM = 0;
export const HUB = 1;
export const NBR = 2;
/** The second hub region `withSecondHub` adds. */
export const HB2 = 3;

/**
 * Adds a second hub region HB2 (bloc B, 90°W, the same size and income as HUB: as far from HOM as
 * HUB is) to a three-region definition.
 */
export function withSecondHub(definition: WorldDefinition): WorldDefinition {
  definition.regions.push(region('HB2', { bloc: 1, longitude: -90, isHub: true, gdpPerCapita: 5_000, population: 4e6 }));
  definition.regionNeighbours.push([]);
  return definition;
}

/**
 * Two lead firms, homed in HOM and NBR (both bloc A: plants 0–1 are firm 0's, 2–3 firm 1's, bloc A
 * first), and two hub suppliers, in HUB and HB2: the world the tests of a second firm and a second
 * hub use, so index slips (`f × B + b`, `p × H + j`) show.
 */
export function twoFirmsTwoHubs(params: Record<string, unknown> = {}): World {
  return tinyWorld(withSecondHub(threeRegions({ leadFirmHomes: [HOM, NBR] })), params);
}

/** Quiet defaults: no background hazard, no demand noise, no warm-up. */
export const QUIET = { hazardEnabled: false, demandNoiseSd: 0, warmupWeeks: 0 } as const;

export function tinyWorld(
  definition: WorldDefinition = threeRegions(),
  params: Record<string, unknown> = {},
  scenario?: ScenarioInput,
  seed = 7,
): World {
  const world = createWorld(definition, {
    seed,
    params: { ...QUIET, ...params },
    scenario: scenario ? scenarioSchema.parse(scenario) : undefined,
  });
  // The hand computations assume every firm starts GLOBAL; the starting logit draw (§9.1) has its own tests.
  if (world.params.strategyOverride === 'none') {
    for (let f = 0; f < world.firms.count; f++) if (world.firms.strategy[f] !== GLOBAL) applyStrategy(world, f, GLOBAL, 0);
  }
  return world;
}

/** Adds a live SME to region `r` with the given fields (everything else as a fresh slot). */
export function addSme(
  world: World,
  r: number,
  fields: { employees: number; capability: number } & Partial<Record<'cash' | 'customers' | 'digital', number>>,
): number {
  const smes = world.smes;
  const id = allocateSme(smes);
  smes.alive[id] = 1;
  smes.region[id] = r;
  smes.employees[id] = fields.employees;
  smes.capability[id] = fields.capability;
  smes.cash[id] = fields.cash ?? 0;
  smes.customers[id] = fields.customers ?? 0;
  smes.digital[id] = fields.digital ?? 0;
  return id;
}
