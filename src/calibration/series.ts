import type { IncomeGroup } from '../model/world-definition.ts';
import { INCOME_GROUPS } from '../model/world-definition.ts';
import { internetSeries2019, observedInternetUse, type InternetSeries } from '../../worlds/world-2019/world.ts';

/**
 * The internet-use time series (worlds/world-2019/data/internet_users_timeseries.csv, long format
 * `iso3,year,internet_users_pct`) as rows, and the observed population-weighted internet use by
 * World Bank income group that the calibration (≤ 2010) and the backcast (2019) compare with.
 */

/** One row of the long-format series: % of people using the internet in a country and year. */
export interface InternetObservation {
  iso3: string;
  year: number;
  /** % of people using the internet (0–100). */
  pct: number;
}

/** Parses `internet_users_timeseries.csv` (header `iso3,year,internet_users_pct`; LF or CRLF). */
export function parseInternetSeriesCsv(text: string): InternetObservation[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error('internet series: empty file');
  const header = lines[0].split(',').map((h) => h.trim());
  const [iIso, iYear, iPct] = ['iso3', 'year', 'internet_users_pct'].map((name) => header.indexOf(name));
  if (iIso < 0 || iYear < 0 || iPct < 0) {
    throw new Error(`internet series: expected the header iso3,year,internet_users_pct, got "${lines[0]}"`);
  }
  return lines.slice(1).map((line, k) => {
    const cells = line.split(',');
    const row = { iso3: cells[iIso]?.trim() ?? '', year: Number(cells[iYear]), pct: Number(cells[iPct]) };
    if (!/^[A-Z]{3}$/.test(row.iso3) || !Number.isInteger(row.year) || !Number.isFinite(row.pct)) {
      throw new Error(`internet series line ${k + 2}: cannot read "${line}"`);
    }
    return row;
  });
}

/** The shipped series (the generated JSON, which a test keeps equal to the CSV) as rows. */
export function shippedInternetObservations(): InternetObservation[] {
  const rows: InternetObservation[] = [];
  const series = internetSeries2019();
  for (const iso3 of Object.keys(series).sort()) {
    for (const year of Object.keys(series[iso3]).map(Number).sort((a, b) => a - b)) {
      rows.push({ iso3, year, pct: series[iso3][String(year)] });
    }
  }
  return rows;
}

/** The rows of `year` and before. */
export function observationsUpTo(rows: readonly InternetObservation[], year: number): InternetObservation[] {
  return rows.filter((r) => r.year <= year);
}

/** Rows → ISO3 → year → % (the shape world-2019 reads); a repeated (iso3, year) is an error. */
export function toInternetSeries(rows: readonly InternetObservation[]): InternetSeries {
  const series: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const own = (series[r.iso3] ??= {});
    if (String(r.year) in own) throw new Error(`internet series: ${r.iso3} ${r.year} appears twice`);
    own[String(r.year)] = r.pct;
  }
  return series;
}

/** Observed internet use of one income group in one year. */
export interface ObservedGroup {
  incomeGroup: IncomeGroup;
  /** Population-weighted internet use, % of people (weights: 2019 population). */
  pct: number;
  /** Regions in the group. */
  countries: number;
  /** Regions whose value is from the nearest earlier year of the series. */
  fromEarlierYear: number;
  /** Regions with no value in or before the year: the median of the group's values found. */
  fromMedian: number;
}

/**
 * Observed internet use by World Bank income group in `year`, population-weighted with the regions'
 * 2019 population (the only population in the data, and the weights the model uses), from the
 * series by world-2019's start-year rule: the year's value, else the nearest earlier year, else the
 * median of the same income group's values found by those two rules. Reads no year after `year`.
 */
export function observedByIncomeGroup(year: number, series: InternetSeries): Record<IncomeGroup, ObservedGroup> {
  const rows = observedInternetUse(year, series);
  const out = {} as Record<IncomeGroup, ObservedGroup>;
  for (const g of INCOME_GROUPS) {
    const own = rows.filter((r) => r.incomeGroup === g);
    const population = own.reduce((s, r) => s + r.population, 0);
    out[g] = {
      incomeGroup: g,
      pct: own.reduce((s, r) => s + r.population * r.pct, 0) / population,
      countries: own.length,
      fromEarlierYear: own.filter((r) => r.fromYear !== null && r.fromYear !== year).length,
      fromMedian: own.filter((r) => r.fromYear === null).length,
    };
  }
  return out;
}

/** Readable income-group names for tables. */
export const INCOME_GROUP_LABELS: Record<IncomeGroup, string> = {
  low_income: 'low income',
  lower_middle_income: 'lower-middle income',
  upper_middle_income: 'upper-middle income',
  high_income: 'high income',
};
