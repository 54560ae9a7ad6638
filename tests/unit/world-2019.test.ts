import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildWorld2019,
  computeWorld2019,
  imputeWorld2019,
  median,
  observedInternetUse,
  percentile,
  selectHubs,
  world2019,
  world2019Imputations,
  world2019Imputations2010,
  CELLS_AT_SCALE_ONE,
  SMES_AT_SCALE_ONE,
  type HubCandidate,
} from '../../worlds/world-2019/world.ts';
import data from '../../worlds/world-2019/data/world-2019.generated.json' with { type: 'json' };
import { imputationRow, imputationsSection } from '../../worlds/world-2019/scripts/readme-imputations-lib.ts';
import { checkScenario, formatPath } from '../../src/model/validate.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { INCOME_GROUPS, type RegionDefinition } from '../../src/model/world-definition.ts';
import baseline from '../../worlds/world-2019/scenarios/baseline-2019.json' with { type: 'json' };
import covid from '../../worlds/world-2019/scenarios/covid-2020.json' with { type: 'json' };
import recession from '../../worlds/world-2019/scenarios/recession.json' with { type: 'json' };
import tradeBloc from '../../worlds/world-2019/scenarios/trade-bloc.json' with { type: 'json' };

const worldDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'worlds', 'world-2019');
const readme = readFileSync(join(worldDir, 'README.md'), 'utf8');

/** Countries of the generated data with a polygon and a population. */
const joined = data.countries.filter((c) => c.polygons > 0 && typeof c.population === 'number' && c.population > 0);

const NUMBER_FIELDS = [
  'bloc',
  'latitude',
  'longitude',
  'population',
  'gdpPerCapita',
  'industryWorkersShare',
  'internetUse',
  'adultLiteracy',
  'merchandiseTrade',
] as const satisfies readonly (keyof RegionDefinition)[];

function expectClean(regions: RegionDefinition[]) {
  for (const r of regions) {
    for (const f of NUMBER_FIELDS) {
      expect(Number.isFinite(r[f]), `${r.code}.${f} = ${r[f]}`).toBe(true);
    }
    expect(INCOME_GROUPS).toContain(r.incomeGroup);
    expect(typeof r.landlocked).toBe('boolean');
    expect(r.population).toBeGreaterThan(0);
    expect(r.gdpPerCapita).toBeGreaterThan(0);
    // Shares are in [0, 1]; a reported 0 is kept (North Korea's internet use is 0 in the data).
    for (const f of ['industryWorkersShare', 'internetUse', 'adultLiteracy'] as const) {
      expect(r[f]).toBeGreaterThanOrEqual(0);
      expect(r[f]).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(r.latitude)).toBeLessThanOrEqual(90);
    expect(Math.abs(r.longitude)).toBeLessThanOrEqual(180);
  }
}

describe('world-2019', () => {
  const world = buildWorld2019();

  it('loads the generated data', () => {
    expect(data.credit).toBe('Free data from Gapminder.org');
    expect(data.countries.length).toBeGreaterThan(200);
  });

  it('has one region per country with a polygon and a population: 225', () => {
    expect(joined).toHaveLength(225);
    expect(world.regions).toHaveLength(joined.length);
    expect(world.regions.map((r) => r.code)).toEqual(joined.map((c) => c.iso3));
    expect(new Set(world.regions.map((r) => r.code)).size).toBe(world.regions.length);
  });

  it('has no NaN (or missing value) in any region, with any option', () => {
    expectClean(world.regions);
    expectClean(buildWorld2019({ blocs: '6region', startYear: 2010 }).regions);
  });

  it('has blocs from world_4region (4) or world_6region (6)', () => {
    const four = [...new Set(data.countries.map((c) => c.world_4region))].sort();
    expect(world.blocs).toEqual(four);
    expect(world.blocs).toEqual(['africa', 'americas', 'asia', 'europe']);
    const six = buildWorld2019({ blocs: '6region' });
    expect(six.blocs).toHaveLength(6);
    expect(six.blocs).toEqual([...new Set(data.countries.map((c) => c.world_6region).filter((b) => b !== null))].sort());
    for (const w of [world, six]) {
      for (const r of w.regions) expect(r.bloc).toBeGreaterThanOrEqual(0);
      expect(new Set(w.regions.map((r) => r.bloc)).size).toBe(w.blocs.length);
    }
    const usa = world.regions.find((r) => r.code === 'USA')!;
    expect(world.blocs[usa.bloc]).toBe('americas');
  });

  it('computes the hubs: CHN, IND, VNM, MEX, IDN with hubCount 5', () => {
    const build = computeWorld2019();
    expect(build.hubSelection.hubs).toEqual(['CHN', 'IND', 'VNM', 'MEX', 'IDN']);
    expect(world.regions.filter((r) => r.isHub).map((r) => r.code).sort()).toEqual(['CHN', 'IDN', 'IND', 'MEX', 'VNM']);
    const gdp = world.regions.map((r) => r.gdpPerCapita);
    expect(build.hubSelection.gdpThreshold).toBe(percentile(gdp, 0.75));
    for (const r of world.regions.filter((x) => x.isHub)) expect(r.gdpPerCapita).toBeLessThan(build.hubSelection.gdpThreshold);
    expect(buildWorld2019({ hubCount: 3 }).regions.filter((r) => r.isHub).map((r) => r.code).sort()).toEqual(['CHN', 'IND', 'VNM']);
    expect(buildWorld2019({ hubCount: 0 }).regions.some((r) => r.isHub)).toBe(false);
  });

  it('hub rule: highest population × industry share × trade share below the GDP percentile', () => {
    const c = (code: string, population: number, gdpPerCapita: number): HubCandidate => ({
      code,
      population,
      industryWorkersPct: 20,
      merchandiseTradePct: 50,
      gdpPerCapita,
    });
    const candidates = [c('A', 100, 1000), c('B', 1000, 90000), c('C', 50, 2000), c('D', 70, 3000), c('E', 10, 4000)];
    // GDP 75th percentile (type 7) of 1000, 2000, 3000, 4000, 90000 is 4000: E is not below it.
    const selection = selectHubs(candidates, 2);
    expect(selection.gdpThreshold).toBe(4000);
    expect(selection.hubs).toEqual(['A', 'D']);
    expect(selection.ranking.map((r) => r.code)).toEqual(['A', 'D', 'C']);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('puts one lead firm in each of the 30 largest economies', () => {
    expect(world.leadFirmHomes).toHaveLength(30);
    expect(new Set(world.leadFirmHomes).size).toBe(30);
    const gdp = (i: number) => world.regions[i].population * world.regions[i].gdpPerCapita;
    const smallestHome = Math.min(...world.leadFirmHomes.map(gdp));
    const others = world.regions.map((_, i) => i).filter((i) => !world.leadFirmHomes.includes(i));
    for (const i of others) expect(gdp(i)).toBeLessThanOrEqual(smallestHome);
    expect(world.leadFirmHomes.slice(0, 2).map((i) => world.regions[i].code)).toEqual(['CHN', 'USA']);
  });

  it('gives every region 2 to 4 neighbours, land borders first', () => {
    expect(world.regionNeighbours).toHaveLength(world.regions.length);
    const index = new Map(world.regions.map((r, i) => [r.code, i]));
    world.regionNeighbours.forEach((list, i) => {
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list.length).toBeLessThanOrEqual(4);
      expect(new Set(list).size).toBe(list.length);
      expect(list).not.toContain(i);
      for (const j of list) expect(j >= 0 && j < world.regions.length).toBe(true);
      const borders = data.countries[i].neighbours.map((code) => index.get(code)!);
      const fromBorders = list.filter((j) => borders.includes(j));
      expect(fromBorders.length).toBe(Math.min(4, borders.length));
    });
  });

  it('records every imputation, never fills with 0, and lists each in the README', () => {
    expect(world2019Imputations.length).toBeGreaterThan(0);
    const nulls = (field: 'gdp_pc_ppp' | 'literacy_adult_pct' | 'industry_workers_pct_employment' | 'merchandise_trade_pct_gdp' | 'internet_users_pct' | 'income_group') =>
      data.countries.filter((c) => c[field] === null).length;
    const count = (field: string) => world2019Imputations.filter((i) => i.field === field).length;
    for (const f of ['gdp_pc_ppp', 'literacy_adult_pct', 'industry_workers_pct_employment', 'merchandise_trade_pct_gdp', 'internet_users_pct', 'income_group'] as const) {
      expect(count(f), f).toBe(nulls(f));
    }
    for (const i of [...world2019Imputations, ...world2019Imputations2010]) {
      if (typeof i.value === 'number') expect(i.value).toBeGreaterThan(0);
      expect(readme).toContain(imputationRow(i));
    }
    expect(readme).toContain(imputationsSection());
    expect(readme).toContain('Free data from Gapminder.org');
    expect(readme).toContain('CHN, IND, VNM, MEX, IDN');
  });

  it('takes 2010 internet use from the series', () => {
    const w2010 = buildWorld2019({ startYear: 2010 });
    const chn = w2010.regions.find((r) => r.code === 'CHN')!;
    expect(chn.internetUse).toBeCloseTo(data.internet_series.CHN['2010'] / 100, 12);
    const mean = (w: typeof world) => w.regions.reduce((s, r) => s + r.internetUse, 0) / w.regions.length;
    expect(mean(w2010)).toBeLessThan(mean(world));
  });

  it('takes any start year from 1995 to 2018 from the series: that year, else the nearest earlier one, else the group median', () => {
    const series = data.internet_series as Record<string, Record<string, number>>;
    for (const year of [1995, 2000, 2005, 2013, 2018]) {
      const w = buildWorld2019({ startYear: year });
      expectClean(w.regions);
      // An independent reading of the rule.
      const found = new Map<string, number>();
      for (const r of w.regions) {
        const years = Object.keys(series[r.code] ?? {}).map(Number).filter((y) => y <= year);
        if (years.length > 0) found.set(r.code, series[r.code][String(Math.max(...years))]);
      }
      for (const r of w.regions) {
        const expected = found.has(r.code)
          ? found.get(r.code)!
          : median(w.regions.filter((o) => o.incomeGroup === r.incomeGroup && found.has(o.code)).map((o) => found.get(o.code)!));
        expect(r.internetUse, `${year} ${r.code}`).toBeCloseTo(expected / 100, 12);
      }
      // Every value not of that year is listed as an imputation of internet_users_pct_<year>.
      const listed = imputeWorld2019(year).imputations.filter((i) => i.field === `internet_users_pct_${year}`);
      const notThatYear = w.regions.filter((r) => !(String(year) in (series[r.code] ?? {})));
      expect(listed.map((i) => i.iso3).sort()).toEqual(notThatYear.map((r) => r.code).sort());
      // Nothing but internet use changes with the start year.
      const strip = (x: typeof w) => x.regions.map(({ internetUse: _ignored, ...rest }) => rest);
      expect(strip(w)).toEqual(strip(world));
    }
    // 2019 is the snapshot column, as before.
    expect(buildWorld2019({ startYear: 2019 })).toEqual(world);
    // Earlier starts have less internet use.
    const mean = (w: typeof world) => w.regions.reduce((s, r) => s + r.internetUse, 0) / w.regions.length;
    expect(mean(buildWorld2019({ startYear: 2000 }))).toBeLessThan(mean(buildWorld2019({ startYear: 2010 })));
  });

  it('rejects a start year outside 1995–2019 or not a whole year', () => {
    for (const bad of [1994, 2020, 2010.5, Number.NaN]) {
      expect(() => buildWorld2019({ startYear: bad }), String(bad)).toThrow(/startYear/);
    }
    expect(() => buildWorld2019({ startYear: '2010' as unknown as number })).toThrow(/startYear/);
  });

  it('reads only years ≤ the start year of the series it is given (internetSeries)', () => {
    const series = data.internet_series as Record<string, Record<string, number>>;
    const cut = (last: number, change = false) =>
      Object.fromEntries(
        Object.entries(series).map(([iso3, byYear]) => [
          iso3,
          Object.fromEntries(
            Object.entries(byYear)
              .filter(([y]) => change || Number(y) <= last)
              .map(([y, v]) => [y, change && Number(y) > last ? 100 - v : v]),
          ),
        ]),
      );
    const shipped = buildWorld2019({ startYear: 2005 });
    expect(buildWorld2019({ startYear: 2005, internetSeries: cut(2005) })).toEqual(shipped);
    expect(buildWorld2019({ startYear: 2005, internetSeries: cut(2005, true) })).toEqual(shipped);
    const other = buildWorld2019({ startYear: 2005, internetSeries: { ...series, USA: { '2005': 12.5 } } });
    expect(other.regions.find((r) => r.code === 'USA')!.internetUse).toBe(0.125);
  });

  it('gives the observed internet use of any year from the series (not the snapshot), with 2019 populations', () => {
    const rows = observedInternetUse(2019);
    expect(rows.map((r) => r.iso3)).toEqual(world.regions.map((r) => r.code));
    expect(rows.map((r) => r.population)).toEqual(world.regions.map((r) => r.population));
    const chn = rows.find((r) => r.iso3 === 'CHN')!;
    expect(chn.pct).toBe(data.internet_series.CHN['2019']);
    expect(chn.fromYear).toBe(2019);
    for (const r of rows) expect(r.pct).toBeGreaterThanOrEqual(0);
    expect(observedInternetUse(2010).map((r) => r.pct / 100)).toEqual(buildWorld2019({ startYear: 2010 }).regions.map((r) => r.internetUse));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildWorld2019())).toBe(JSON.stringify(world));
    expect(world2019()).toBe(world2019());
  });

  it('ships scenarios that pass checkScenario', () => {
    const scenarios = { baseline, covid, recession, tradeBloc };
    for (const [name, json] of Object.entries(scenarios)) {
      const check = checkScenario(json, world);
      const problems = check.ok ? [] : check.problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
      expect(problems, name).toEqual([]);
    }
    const covidBlocs = covid.shocks.filter((s) => s.kind === 'lockdown' && typeof s.target === 'object' && 'blocs' in s.target);
    expect(covidBlocs.flatMap((s) => (s.target as { blocs: string[] }).blocs).sort()).toEqual(world.blocs);
  });

  it('covid-2020 locks the hubs down on their real dates (MODEL.md §9.3; week 0 = the week of Monday 20 January 2020)', () => {
    // Day d from 20 January 2020 (2020 is a leap year): start week ⌊d_start / 7⌋, length round(days / 7).
    // CHN 23 Jan – 31 Mar: d 3–71, 69 days; IND 25 Mar – 31 May: d 65–132, 68 days; MEX 23 Mar – 30 May:
    // d 63–131, 69 days; VNM 1–22 Apr: d 72–93, 22 days; IDN 10 Apr – 4 Jun: d 81–136, 56 days.
    const expected = { CHN: [0, 10], IND: [9, 10], MEX: [9, 10], VNM: [10, 3], IDN: [11, 8] };
    const day = (month: number, date: number) => (Date.UTC(2020, month - 1, date) - Date.UTC(2020, 0, 20)) / 86_400_000;
    expect([day(1, 23), day(3, 31), day(3, 25), day(5, 31), day(3, 23), day(5, 30), day(4, 1), day(4, 22), day(4, 10), day(6, 4)])
      .toEqual([3, 71, 65, 132, 63, 131, 72, 93, 81, 136]);
    const hubLockdowns = covid.shocks.filter((s) => s.kind === 'lockdown' && typeof s.target === 'object' && 'regions' in s.target);
    const found = Object.fromEntries(hubLockdowns.map((s) => [(s.target as { regions: string[] }).regions.join(), [s.start, s.weeks]]));
    expect(found).toEqual(expected);
    // The hubs of the default world are exactly these five; every other region locks down with its bloc.
    expect(world.regions.filter((r) => r.isHub).map((r) => r.code).sort()).toEqual(Object.keys(expected).sort());
    for (const s of hubLockdowns) expect(s.capacityFactor).toEqual([0.3, 0.5]);
    for (const s of covid.shocks.filter((s) => s.kind === 'lockdown' && typeof s.target === 'object' && 'blocs' in s.target)) {
      expect((s.target as { except: string[] }).except.sort()).toEqual(Object.keys(expected).sort());
    }
    expect(readme).toContain('| VNM | 1 April – 22 April 2020 | 72 – 93 (22) | 10 | 3 (10–12) |');
  });

  it('still has at least 2 × 10⁵ agents at week 0, after the warm-up year', () => {
    const scenario = checkScenario(baseline, world);
    if (!scenario.ok) throw new Error('baseline-2019 is invalid');
    const sim = new Simulation(
      { world: 'world-2019', scenarioName: 'baseline-2019', scenario: scenario.scenario, seed: 1, weeks: 1, params: {}, paired: false },
      world,
    );
    sim.warmUp();
    expect(sim.agentCount()).toBeGreaterThanOrEqual(2e5);
  }, 120_000);

  it('has at least 2 × 10⁵ agents at its default scale', () => {
    const scale = world.parameterDefaults?.scale as number;
    const R = world.regions.length;
    const hubs = world.regions.filter((r) => r.isHub).length;
    const smes = Math.round(scale * world.smesAtScaleOne);
    const cells = Math.max(R, Math.round(scale * world.cellsAtScaleOne));
    const total = smes + cells + world.leadFirmHomes.length + hubs * world.hubSuppliersPerHub + R;
    expect(world.smesAtScaleOne).toBe(SMES_AT_SCALE_ONE);
    expect(world.cellsAtScaleOne).toBe(CELLS_AT_SCALE_ONE);
    expect(total).toBe(240_275);
    expect(total).toBeGreaterThanOrEqual(2e5);
  });
});
