import type { IncomeGroup, RegionDefinition, WorldDefinition } from '../../src/model/world-definition.ts';
import { INCOME_GROUPS } from '../../src/model/world-definition.ts';
import { greatCircleKm, nearestRegions } from '../../src/model/geography.ts';
import type { World2019Country, World2019Data } from './data-types.ts';
import data from './data/world-2019.generated.json' with { type: 'json' };

/**
 * world-2019 (research world, MODEL.md §5): one region per country of Gapminder's Systema Globalis
 * snapshot (`data/countries.csv`) that has a polygon in world-atlas countries-50m and a population
 * — 225 countries and territories. Data: "Free data from Gapminder.org" (CC-BY 4.0).
 *
 * Pure and deterministic: it reads only `data/world-2019.generated.json` (generated from the CSVs
 * by `scripts/build-data.ts`; a test checks it matches them), never the network or the disk.
 * Every rule below is described in `worlds/world-2019/README.md`, with every imputation.
 */

const DATA = data as unknown as World2019Data;

export const WORLD_2019_NAME = 'world-2019';
/** Hubs by default (MODEL.md §5). */
export const DEFAULT_HUB_COUNT = 5;
/** Hub candidates have GDP per capita strictly below this percentile of all regions. */
export const HUB_GDP_PERCENTILE = 0.75;
/** One lead firm in each of this many largest economies (population × GDP per capita). */
export const LEAD_FIRM_ECONOMIES = 30;
export const HUB_SUPPLIERS_PER_HUB = 4;
export const SMES_AT_SCALE_ONE = 1000;
export const CELLS_AT_SCALE_ONE = 500;
/**
 * Default scale: 160 × (1000 SMEs + 500 cells) + 30 firms + 20 hub suppliers + 225 policymakers
 * ≈ 2.4 × 10⁵ agents at the start; SME shake-out in the warm-up leaves ≈ 2.1 × 10⁵ at week 0,
 * still above MODEL.md §2's 2 × 10⁵.
 */
export const DEFAULT_SCALE = 160;
/** Every region gets at least this many cross-region neighbours, and keeps at most the second. */
export const MIN_REGION_NEIGHBOURS = 2;
export const MAX_REGION_NEIGHBOURS = 4;

export type BlocScheme = '4region' | '6region';
/** A year from `FIRST_START_YEAR` to `SNAPSHOT_YEAR` (whole number). */
export type StartYear = number;
/** Earliest start year: the first year of the internet-use series. */
export const FIRST_START_YEAR = 1995;
/** The snapshot year: `startYear` 2019 (the default) takes internet use from countries.csv. */
export const SNAPSHOT_YEAR = 2019;

/** Internet users, % of people, by ISO3 then year (the shape of the generated JSON's `internet_series`). */
export type InternetSeries = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface World2019Options {
  /** Blocs from Gapminder's world_4region (default) or world_6region. */
  blocs?: BlocScheme;
  /** Number of hubs (default 5). */
  hubCount?: number;
  /**
   * Year of the internet use the world starts from: 2019 (default) takes the snapshot column; any
   * other year from 1995 to 2018 takes the time series (that year's value, else the nearest earlier
   * year, else the median of the same income group's values for that year found by those rules).
   */
  startYear?: StartYear;
  /**
   * The internet-use series a start year before 2019 reads (default: the shipped series). Only its
   * years ≤ `startYear` are ever read; the calibration passes a series cut at 2010 to make that
   * visible by construction.
   */
  internetSeries?: InternetSeries;
}

/** One filled-in value: which country, which raw column, by what rule, and the value used. */
export interface Imputation {
  iso3: string;
  name: string;
  /** The countries.csv column (or `internet_users_pct_<year>` for a start year before 2019). */
  field: string;
  rule: string;
  value: number | string;
}

/** A country after imputation: every value the world needs, none missing. */
export interface ImputedCountry {
  iso3: string;
  name: string;
  incomeGroup: IncomeGroup;
  world4region: string;
  world6region: string;
  latitude: number;
  longitude: number;
  landlocked: boolean;
  population: number;
  gdpPerCapita: number;
  /** % of people using the internet in the start year. */
  internetUsersPct: number;
  industryWorkersPct: number;
  merchandiseTradePct: number;
  literacyAdultPct: number;
  /** ISO3 codes of land neighbours (topology). */
  borders: string[];
}

// ---------------------------------------------------------------------------------------------
// Small statistics (exported so tests can check them).

/** Median of a non-empty list: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Percentile `p` ∈ [0, 1] by linear interpolation between closest ranks (rank h = (n − 1)·p on the
 * sorted values; Hyndman & Fan type 7, the default of numpy, R and Excel's PERCENTILE.INC).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Most common value; ties go to the one listed first in `order`. */
function mostCommon<T>(values: readonly T[], order: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const v of order) {
    const c = counts.get(v) ?? 0;
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Hubs.

export interface HubCandidate {
  code: string;
  population: number;
  /** Industry workers, % of employment. */
  industryWorkersPct: number;
  /** Merchandise trade, % of GDP. */
  merchandiseTradePct: number;
  gdpPerCapita: number;
}

/** Hub score: population × industry workers share × merchandise trade share of GDP. */
export function hubScore(c: HubCandidate): number {
  return c.population * (c.industryWorkersPct / 100) * (c.merchandiseTradePct / 100);
}

export interface HubSelection {
  /** Hub codes, highest score first. */
  hubs: string[];
  /** GDP per capita at the percentile; candidates lie strictly below it. */
  gdpThreshold: number;
  /** All candidates below the threshold with their scores, highest first (ties by code). */
  ranking: { code: string; score: number }[];
}

/**
 * MODEL.md §5: the `hubCount` highest scores (population × industry-workers share × merchandise-trade
 * share of GDP) among countries with GDP per capita strictly below the 75th percentile of GDP per
 * capita. The percentile is taken over every country passed in (in world-2019: all 225 regions,
 * after imputation, so every one has a GDP per capita), unweighted, by `percentile` (type 7).
 */
export function selectHubs(
  countries: readonly HubCandidate[],
  hubCount: number,
  gdpPercentile: number = HUB_GDP_PERCENTILE,
): HubSelection {
  const gdpThreshold = percentile(
    countries.map((c) => c.gdpPerCapita),
    gdpPercentile,
  );
  const ranking = countries
    .filter((c) => c.gdpPerCapita < gdpThreshold)
    .map((c) => ({ code: c.code, score: hubScore(c) }))
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { hubs: ranking.slice(0, hubCount).map((r) => r.code), gdpThreshold, ranking };
}

// ---------------------------------------------------------------------------------------------
// Imputation.

function isIncomeGroup(value: string | null): value is IncomeGroup {
  return value !== null && (INCOME_GROUPS as readonly string[]).includes(value);
}

/**
 * GDP-per-capita thresholds between consecutive income groups, from the countries that have both a
 * reported group and a GDP per capita: the geometric mean of the two groups' medians (the groups'
 * GDP ranges overlap, so no clean cut exists; the World Bank's own thresholds are on GNI per capita,
 * Atlas method, in current US$, not on PPP GDP). Returns 3 thresholds, low → high.
 */
export function incomeGroupGdpThresholds(countries: readonly World2019Country[]): number[] {
  const medians = INCOME_GROUPS.map((g) =>
    median(countries.filter((c) => c.income_group === g && c.gdp_pc_ppp !== null).map((c) => c.gdp_pc_ppp as number)),
  );
  return medians.slice(1).map((m, i) => Math.sqrt(medians[i] * m));
}

/** The income group whose GDP range (between `incomeGroupGdpThresholds`) holds `gdpPerCapita`. */
export function incomeGroupFromGdp(gdpPerCapita: number, thresholds: readonly number[]): IncomeGroup {
  let g = 0;
  while (g < thresholds.length && gdpPerCapita >= thresholds[g]) g++;
  return INCOME_GROUPS[g];
}

/** Numeric columns filled with the median of the same income group. */
const MEDIAN_FIELDS = [
  'gdp_pc_ppp',
  'internet_users_pct',
  'industry_workers_pct_employment',
  'merchandise_trade_pct_gdp',
  'literacy_adult_pct',
] as const;
type MedianField = (typeof MEDIAN_FIELDS)[number];

export const RULES = {
  sixRegion: 'most common world_6region of the countries in the same world_4region',
  incomeFromGdp: 'income group whose GDP-per-capita range holds its GDP per capita (thresholds: geometric means of adjacent groups\' medians)',
  incomeFromRegion: 'most common income group of its world_6region',
  landlocked: 'most common value of the same income group',
  median: 'median of the same income group',
  earlierYear: 'nearest earlier year of the series',
  median2010: 'median of the same income group\'s 2010 values',
} as const;

/** The rule text of a country that takes its income group's median of `year`'s series values. */
export function medianOfYearRule(year: number): string {
  return `median of the same income group's ${year} values`;
}

/** Throws unless `year` is a whole number from `FIRST_START_YEAR` to `SNAPSHOT_YEAR`. */
export function checkStartYear(year: unknown): asserts year is StartYear {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_START_YEAR || year > SNAPSHOT_YEAR) {
    throw new Error(`startYear: expected a whole year from ${FIRST_START_YEAR} to ${SNAPSHOT_YEAR}, got ${String(year)}`);
  }
}

/** Where a country's internet use of a year comes from (`internetUseFromSeries`). */
export interface SeriesValue {
  /** % of people using the internet. */
  pct: number;
  /** The series year the value was read from; null where it is the income group's median. */
  fromYear: number | null;
}

/**
 * Internet use (%) of every country in `year`, from the series alone (MODEL.md §5, README rule 5):
 * the value of `year`, else of the nearest earlier year of the series, else the median of the same
 * income group's values found by those two rules (imputed values never enter the median). Reads no
 * year after `year`. `groupOf` gives each country's income group (after imputation).
 */
export function internetUseFromSeries(
  year: number,
  countries: readonly { iso3: string }[],
  groupOf: (iso3: string) => IncomeGroup,
  series: InternetSeries = DATA.internet_series,
): { values: Map<string, SeriesValue>; medians: Record<IncomeGroup, number> } {
  const values = new Map<string, SeriesValue>();
  for (const c of countries) {
    const own = series[c.iso3] ?? {};
    let best = -Infinity;
    for (const key of Object.keys(own)) {
      const y = Number(key);
      if (y <= year && y > best && Number.isFinite(own[key])) best = y;
    }
    if (best > -Infinity) values.set(c.iso3, { pct: own[String(best)], fromYear: best });
  }
  const medians = {} as Record<IncomeGroup, number>;
  for (const g of INCOME_GROUPS) {
    const found = countries.filter((c) => groupOf(c.iso3) === g && values.has(c.iso3)).map((c) => (values.get(c.iso3) as SeriesValue).pct);
    if (found.length === 0) throw new Error(`internet use ${year}: no series value in ${g}`);
    medians[g] = median(found);
  }
  for (const c of countries) {
    if (!values.has(c.iso3)) values.set(c.iso3, { pct: medians[groupOf(c.iso3)], fromYear: null });
  }
  return { values, medians };
}

export interface ImputationResult {
  countries: ImputedCountry[];
  imputations: Imputation[];
  /** Median used for each field and income group (reported values only). */
  medians: Record<string, Record<IncomeGroup, number>>;
  incomeThresholds: number[];
}

/**
 * Fills every missing value the world needs (MODEL.md §5), in this order:
 * 1. world_6region: the most common world_6region of the countries in the same world_4region.
 * 2. income_group: from GDP per capita where reported (`incomeGroupFromGdp`), else the most common
 *    reported income group of its world_6region (ties: the lower group).
 * 3. landlocked: the most common value of the same income group.
 * 4. gdp_pc_ppp, internet_users_pct, industry_workers_pct_employment, merchandise_trade_pct_gdp,
 *    literacy_adult_pct: the median of the reported values of the same income group (groups after
 *    step 2; imputed values never feed a median).
 * 5. startYear before 2019 (e.g. 2010): internet use from the series (`internetUseFromSeries`) —
 *    that year's value, else the nearest earlier year, else the median of the same income group's
 *    values found by those two rules. 2019 keeps the snapshot column (step 4).
 */
export function imputeWorld2019(startYear: StartYear = SNAPSHOT_YEAR, series: InternetSeries = DATA.internet_series): ImputationResult {
  checkStartYear(startYear);
  const raw = DATA.countries;
  const imputations: Imputation[] = [];
  const record = (c: World2019Country, field: string, rule: string, value: number | string) =>
    imputations.push({ iso3: c.iso3, name: c.name, field, rule, value });

  // 1. world_6region.
  const all6 = [...new Set(raw.map((c) => c.world_6region).filter((v): v is string => v !== null))].sort();
  const sixRegion = new Map<string, string>();
  for (const c of raw) {
    if (c.world_4region === null) throw new Error(`${c.iso3}: no world_4region`);
    if (c.world_6region !== null) {
      sixRegion.set(c.iso3, c.world_6region);
      continue;
    }
    const six = mostCommon(
      raw.filter((o) => o.world_4region === c.world_4region && o.world_6region !== null).map((o) => o.world_6region as string),
      all6,
    );
    if (six === undefined) throw new Error(`${c.iso3}: cannot impute world_6region`);
    record(c, 'world_6region', RULES.sixRegion, six);
    sixRegion.set(c.iso3, six);
  }

  // 2. income group.
  for (const c of raw) {
    if (c.income_group !== null && !isIncomeGroup(c.income_group)) throw new Error(`${c.iso3}: income group "${c.income_group}"`);
  }
  const incomeThresholds = incomeGroupGdpThresholds(raw);
  const group = new Map<string, IncomeGroup>();
  for (const c of raw) {
    if (isIncomeGroup(c.income_group)) {
      group.set(c.iso3, c.income_group);
    } else if (c.gdp_pc_ppp !== null) {
      const g = incomeGroupFromGdp(c.gdp_pc_ppp, incomeThresholds);
      group.set(c.iso3, g);
      record(c, 'income_group', RULES.incomeFromGdp, g);
    } else {
      const six = sixRegion.get(c.iso3);
      const g = mostCommon(
        raw.filter((o) => isIncomeGroup(o.income_group) && sixRegion.get(o.iso3) === six).map((o) => o.income_group as IncomeGroup),
        INCOME_GROUPS,
      );
      if (g === undefined) throw new Error(`${c.iso3}: cannot impute income group`);
      group.set(c.iso3, g);
      record(c, 'income_group', RULES.incomeFromRegion, g);
    }
  }
  const groupOf = (c: World2019Country) => group.get(c.iso3) as IncomeGroup;

  // 3. landlocked.
  const landlocked = new Map<string, boolean>();
  for (const c of raw) {
    if (c.landlocked !== null && c.landlocked !== 'landlocked' && c.landlocked !== 'coastline') {
      throw new Error(`${c.iso3}: landlocked "${c.landlocked}"`);
    }
    if (c.landlocked !== null) {
      landlocked.set(c.iso3, c.landlocked === 'landlocked');
      continue;
    }
    const value = mostCommon(
      raw.filter((o) => o.landlocked !== null && groupOf(o) === groupOf(c)).map((o) => o.landlocked as string),
      ['coastline', 'landlocked'],
    );
    if (value === undefined) throw new Error(`${c.iso3}: cannot impute landlocked`);
    landlocked.set(c.iso3, value === 'landlocked');
    record(c, 'landlocked', RULES.landlocked, value);
  }

  // 4. medians of the same income group.
  const medians: Record<string, Record<IncomeGroup, number>> = {};
  const medianOf = (values: (c: World2019Country) => number | null): Record<IncomeGroup, number> => {
    const out = {} as Record<IncomeGroup, number>;
    for (const g of INCOME_GROUPS) {
      const reported = raw.filter((c) => groupOf(c) === g).map(values).filter((v): v is number => v !== null);
      if (reported.length === 0) throw new Error(`no reported values in ${g}`);
      out[g] = median(reported);
    }
    return out;
  };
  for (const field of MEDIAN_FIELDS) medians[field] = medianOf((c) => c[field]);
  const filled = (c: World2019Country, field: MedianField): number => {
    const value = c[field];
    if (value !== null) return value;
    const m = medians[field][groupOf(c)];
    record(c, field, RULES.median, m);
    return m;
  };

  // 5. internet use in the start year (from the series), for a start before the snapshot year.
  const internetStart = new Map<string, number>();
  if (startYear !== SNAPSHOT_YEAR) {
    const { values, medians: yearMedians } = internetUseFromSeries(startYear, raw, (iso3) => group.get(iso3) as IncomeGroup, series);
    medians[`internet_users_pct_${startYear}`] = yearMedians;
    const field = `internet_users_pct_${startYear}`;
    for (const c of raw) {
      const v = values.get(c.iso3) as SeriesValue;
      internetStart.set(c.iso3, v.pct);
      if (v.fromYear === null) record(c, field, medianOfYearRule(startYear), v.pct);
      else if (v.fromYear !== startYear) record(c, field, `${RULES.earlierYear} (${v.fromYear})`, v.pct);
    }
  }

  const countries: ImputedCountry[] = raw.map((c) => {
    const gdpPerCapita = filled(c, 'gdp_pc_ppp');
    const internet2019 = startYear === SNAPSHOT_YEAR ? filled(c, 'internet_users_pct') : NaN;
    const industryWorkersPct = filled(c, 'industry_workers_pct_employment');
    const merchandiseTradePct = filled(c, 'merchandise_trade_pct_gdp');
    const literacyAdultPct = filled(c, 'literacy_adult_pct');
    return {
      iso3: c.iso3,
      name: c.name,
      incomeGroup: groupOf(c),
      world4region: c.world_4region as string,
      world6region: sixRegion.get(c.iso3) as string,
      latitude: c.latitude,
      longitude: c.longitude,
      landlocked: landlocked.get(c.iso3) as boolean,
      population: c.population,
      gdpPerCapita,
      internetUsersPct: startYear === SNAPSHOT_YEAR ? internet2019 : (internetStart.get(c.iso3) as number),
      industryWorkersPct,
      merchandiseTradePct,
      literacyAdultPct,
      borders: c.neighbours,
    };
  });
  // Imputations in a stable order: by country, then field.
  imputations.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { countries, imputations, medians, incomeThresholds };
}

/** Every imputation of the default world (startYear 2019), computed from the data. */
export const world2019Imputations: readonly Imputation[] = imputeWorld2019(2019).imputations;
/** The extra imputations of the 2010 start (internet use in 2010). */
export const world2019Imputations2010: readonly Imputation[] = imputeWorld2019(2010).imputations.filter(
  (i) => i.field === 'internet_users_pct_2010',
);

/** One country's observed internet use in a year (`observedInternetUse`). */
export interface ObservedInternetUse {
  iso3: string;
  incomeGroup: IncomeGroup;
  /** 2019 population (the only population in the data). */
  population: number;
  /** % of people using the internet. */
  pct: number;
  /** Series year the value was read from; null where it is the income group's median. */
  fromYear: number | null;
}

/**
 * Observed internet use of every region in `year` from the time series alone (never the snapshot
 * column), by the start-year rule (`internetUseFromSeries`), with each region's income group (after
 * imputation) and 2019 population: what the calibration (≤ 2010) and the backcast (2019) compare
 * the model with.
 */
export function observedInternetUse(year: number, series: InternetSeries = DATA.internet_series): ObservedInternetUse[] {
  if (!Number.isInteger(year)) throw new Error(`observedInternetUse: expected a whole year, got ${year}`);
  const { countries } = imputeWorld2019(SNAPSHOT_YEAR);
  const groups = new Map(countries.map((c) => [c.iso3, c.incomeGroup]));
  const { values } = internetUseFromSeries(year, countries, (iso3) => groups.get(iso3) as IncomeGroup, series);
  return countries.map((c) => {
    const v = values.get(c.iso3) as SeriesValue;
    return { iso3: c.iso3, incomeGroup: c.incomeGroup, population: c.population, pct: v.pct, fromYear: v.fromYear };
  });
}

/** The shipped internet-use series (ISO3 → year → %), read-only. */
export function internetSeries2019(): InternetSeries {
  return DATA.internet_series;
}

// ---------------------------------------------------------------------------------------------
// Neighbours and lead firms.

/**
 * Cross-region neighbours: the land neighbours (topology), nearest centroid first, at most
 * `MAX_REGION_NEIGHBOURS`; a region with fewer than `MIN_REGION_NEIGHBOURS` is filled up with its
 * nearest other regions by great-circle distance (`nearestRegions`).
 */
export function regionNeighboursFor(
  points: readonly { code: string; latitude: number; longitude: number }[],
  borders: readonly (readonly string[])[],
): number[][] {
  const index = new Map(points.map((p, i) => [p.code, i]));
  const nearest = nearestRegions(points, MIN_REGION_NEIGHBOURS);
  return points.map((p, i) => {
    const km = (j: number) => greatCircleKm(p.latitude, p.longitude, points[j].latitude, points[j].longitude);
    const list = borders[i]
      .map((code) => index.get(code))
      .filter((j): j is number => j !== undefined && j !== i)
      .map((j) => ({ j, km: km(j) }))
      .sort((a, b) => a.km - b.km || a.j - b.j)
      .slice(0, MAX_REGION_NEIGHBOURS)
      .map((x) => x.j);
    for (const j of nearest[i]) {
      if (list.length >= MIN_REGION_NEIGHBOURS) break;
      if (!list.includes(j)) list.push(j);
    }
    return list;
  });
}

/** Indices of the `count` largest economies (population × GDP per capita), largest first. */
export function largestEconomies(regions: readonly Pick<RegionDefinition, 'population' | 'gdpPerCapita'>[], count: number): number[] {
  return regions
    .map((r, i) => ({ i, gdp: r.population * r.gdpPerCapita }))
    .sort((a, b) => b.gdp - a.gdp || a.i - b.i)
    .slice(0, count)
    .map((x) => x.i);
}

// ---------------------------------------------------------------------------------------------
// The world.

export interface World2019Build {
  definition: WorldDefinition;
  imputations: Imputation[];
  hubSelection: HubSelection;
}

/** Builds world-2019 and returns it with the imputations and the hub ranking behind it. */
export function computeWorld2019(options: World2019Options = {}): World2019Build {
  const blocScheme = options.blocs ?? '4region';
  const hubCount = options.hubCount ?? DEFAULT_HUB_COUNT;
  const startYear = options.startYear ?? SNAPSHOT_YEAR;
  if (blocScheme !== '4region' && blocScheme !== '6region') throw new Error(`blocs: expected "4region" or "6region", got ${String(blocScheme)}`);
  checkStartYear(startYear);
  const imputed = imputeWorld2019(startYear, options.internetSeries ?? DATA.internet_series);
  const countries = imputed.countries;
  if (!Number.isInteger(hubCount) || hubCount < 0 || hubCount > countries.length) {
    throw new Error(`hubCount: expected a whole number in [0, ${countries.length}], got ${hubCount}`);
  }

  const blocOf = (c: ImputedCountry) => (blocScheme === '4region' ? c.world4region : c.world6region);
  const blocs = [...new Set(countries.map(blocOf))].sort();

  const hubSelection = selectHubs(
    countries.map((c) => ({
      code: c.iso3,
      population: c.population,
      industryWorkersPct: c.industryWorkersPct,
      merchandiseTradePct: c.merchandiseTradePct,
      gdpPerCapita: c.gdpPerCapita,
    })),
    hubCount,
  );
  const hubs = new Set(hubSelection.hubs);
  const share = (pct: number) => Math.min(1, Math.max(0, pct / 100));

  const regions: RegionDefinition[] = countries.map((c) => ({
    code: c.iso3,
    name: c.name,
    bloc: blocs.indexOf(blocOf(c)),
    incomeGroup: c.incomeGroup,
    latitude: c.latitude,
    longitude: c.longitude,
    population: c.population,
    gdpPerCapita: c.gdpPerCapita,
    industryWorkersShare: share(c.industryWorkersPct),
    internetUse: share(c.internetUsersPct),
    adultLiteracy: share(c.literacyAdultPct),
    landlocked: c.landlocked,
    isHub: hubs.has(c.iso3),
    merchandiseTrade: Math.max(0, c.merchandiseTradePct / 100),
  }));

  const definition: WorldDefinition = {
    name: WORLD_2019_NAME,
    blocs,
    regions,
    leadFirmHomes: largestEconomies(regions, LEAD_FIRM_ECONOMIES),
    hubSuppliersPerHub: HUB_SUPPLIERS_PER_HUB,
    smesAtScaleOne: SMES_AT_SCALE_ONE,
    cellsAtScaleOne: CELLS_AT_SCALE_ONE,
    regionNeighbours: regionNeighboursFor(
      regions,
      countries.map((c) => c.borders),
    ),
    parameterDefaults: { scale: DEFAULT_SCALE },
  };
  return { definition, imputations: imputed.imputations, hubSelection };
}

/** world-2019 (MODEL.md §5): one region per joined country; see the module comment. */
export function buildWorld2019(options: World2019Options = {}): WorldDefinition {
  return computeWorld2019(options).definition;
}

let cached: WorldDefinition | undefined;
/** The default world-2019, built once on first use. */
export function world2019(): WorldDefinition {
  cached ??= buildWorld2019();
  return cached;
}
