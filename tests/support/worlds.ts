import fc from 'fast-check';
import type { RegionDefinition, WorldDefinition } from '../../src/model/world-definition.ts';
import { INCOME_GROUPS } from '../../src/model/world-definition.ts';
import { nearestRegions } from '../../src/model/geography.ts';
import { allParams, PARAM_NAMES } from '../../src/model/params/registry.ts';
import type { ParamSpec } from '../../src/sim/params/define.ts';
import { INSTRUMENTS } from '../../agents/policymaker/schema.ts';

export interface GeneratedWorld {
  definition: WorldDefinition;
  params: Record<string, number | boolean | string>;
}

const regionArbitrary = (blocs: number): fc.Arbitrary<Omit<RegionDefinition, 'code' | 'name' | 'isHub'>> =>
  fc.record({
    bloc: fc.integer({ min: 0, max: blocs - 1 }),
    incomeGroup: fc.constantFrom(...INCOME_GROUPS),
    latitude: fc.double({ min: -60, max: 70, noNaN: true }),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    population: fc.double({ min: 1e5, max: 1.5e9, noNaN: true }),
    gdpPerCapita: fc.double({ min: 500, max: 120_000, noNaN: true }),
    industryWorkersShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    internetUse: fc.double({ min: 0, max: 1, noNaN: true }),
    adultLiteracy: fc.double({ min: 0.1, max: 1, noNaN: true }),
    landlocked: fc.boolean(),
  });

/** A world of 1–30 regions with random blocs, hubs (possibly none) and lead-firm homes. */
export const worldDefinitionArbitrary: fc.Arbitrary<WorldDefinition> = fc
  .record({ regionCount: fc.integer({ min: 1, max: 30 }), blocCount: fc.integer({ min: 1, max: 4 }) })
  .chain(({ regionCount, blocCount }) =>
    fc.record({
      regions: fc.array(regionArbitrary(blocCount), { minLength: regionCount, maxLength: regionCount }),
      hubFlags: fc.array(fc.boolean(), { minLength: regionCount, maxLength: regionCount }),
      firmHomes: fc.array(fc.integer({ min: 0, max: regionCount - 1 }), { minLength: 1, maxLength: 6 }),
      hubSuppliersPerHub: fc.integer({ min: 1, max: 4 }),
      smesAtScaleOne: fc.integer({ min: 0, max: 400 }),
      cellsAtScaleOne: fc.integer({ min: 1, max: 200 }),
      blocCount: fc.constant(blocCount),
    }),
  )
  .map(({ regions, hubFlags, firmHomes, hubSuppliersPerHub, smesAtScaleOne, cellsAtScaleOne, blocCount }) => {
    const full: RegionDefinition[] = regions.map((r, i) => ({ ...r, code: `R${i}`, name: `Region ${i}`, isHub: hubFlags[i] }));
    return {
      name: 'generated',
      blocs: Array.from({ length: blocCount }, (_, b) => `B${b}`),
      regions: full,
      leadFirmHomes: firmHomes,
      hubSuppliersPerHub,
      smesAtScaleOne,
      cellsAtScaleOne,
      regionNeighbours: nearestRegions(full, Math.min(2, full.length - 1)),
    };
  });

function valueArbitrary(spec: ParamSpec): fc.Arbitrary<number | boolean | string> {
  if (spec.kind === 'boolean') return fc.boolean();
  if (spec.kind === 'choice') return fc.constantFrom(...spec.options);
  if (spec.integer) return fc.integer({ min: spec.min, max: spec.max });
  return fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
}

/**
 * Parameters drawn from the schema's ranges. `scale`, `warmupWeeks` and `recordEvery` are held
 * small so a property run stays fast (they change how much is simulated, not the rules).
 */
export const paramsArbitrary: fc.Arbitrary<Record<string, number | boolean | string>> = fc.record(
  Object.fromEntries(
    PARAM_NAMES.map((name) => {
      if (name === 'scale') return [name, fc.double({ min: 0.01, max: 0.3, noNaN: true })];
      if (name === 'warmupWeeks') return [name, fc.integer({ min: 0, max: 8 })];
      if (name === 'recordEvery') return [name, fc.constant(1)];
      return [name, valueArbitrary(allParams[name] as ParamSpec)];
    }),
  ),
);

/** Either every parameter at its default, or every parameter drawn from its range. */
export const paramsOrDefaultsArbitrary = fc.oneof(fc.constant({} as Record<string, number | boolean | string>), paramsArbitrary);


/** Scenarios with random shocks (including every border closed) and policy items. */
export const scenarioArbitrary = fc.record({
  shocks: fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('lockdown' as const),
        target: fc.constantFrom('all' as const, { hubs: true }, { hubs: false }),
        start: fc.integer({ min: 0, max: 40 }),
        weeks: fc.integer({ min: 1, max: 20 }),
        capacityFactor: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('borderClosure' as const),
        target: fc.constant('all' as const),
        start: fc.integer({ min: 0, max: 40 }),
        weeks: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        kind: fc.constant('demand' as const),
        target: fc.constant('all' as const),
        start: fc.integer({ min: 0, max: 40 }),
        weeks: fc.integer({ min: 1, max: 30 }),
        multiplier: fc.double({ min: 0, max: 3, noNaN: true }),
        markets: fc.constantFrom('final' as const, 'local' as const, 'both' as const),
      }),
      fc.record({
        kind: fc.constant('logistics' as const),
        target: fc.constant('all' as const),
        start: fc.integer({ min: 0, max: 40 }),
        weeks: fc.integer({ min: 1, max: 30 }),
        leadTimeMultiplier: fc.double({ min: 1, max: 5, noNaN: true }),
        freightMultiplier: fc.double({ min: 1, max: 10, noNaN: true }),
      }),
    ),
    { maxLength: 3 },
  ),
  policy: fc.array(
    fc.record({
      week: fc.integer({ min: 0, max: 40 }),
      target: fc.constantFrom('all' as const, { incomeQuartiles: [1] }),
      instrument: fc.constantFrom(...INSTRUMENTS),
      level: fc.double({ min: 0, max: 1, noNaN: true }),
      linked: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
}).map((s) => ({
  ...s,
  policy: s.policy.map((p) => {
    const item = p.instrument === 'training' ? p : { ...p, linked: undefined };
    // A smart sourcing node runs or not (§9.5): level 0 or 1.
    return item.instrument === 'smartSourcingNode' ? { ...item, level: item.level >= 0.5 ? 1 : 0 } : item;
  }),
}));
