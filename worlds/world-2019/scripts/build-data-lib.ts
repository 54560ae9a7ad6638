/**
 * Builds `worlds/world-2019/data/world-2019.generated.json` from the two Gapminder CSVs
 * (`countries.csv`, `internet_users_timeseries.csv`) and the world-atlas countries-50m topology.
 *
 * Pure: takes the file contents, returns the data (and its serialised text). The script
 * `build-data.ts` reads the files and writes the result; the test
 * `tests/unit/world-2019-data.test.ts` runs the same function in memory and checks that the
 * committed JSON is byte-identical, so the generated file cannot drift from its sources.
 *
 * Join: world-atlas `objects.countries.geometries[i].id` is the ISO 3166-1 numeric code as a
 * zero-padded 3-digit string; countries.csv has `iso_numeric` unpadded. A country is kept when
 * it has at least one polygon and a population. Land borders come from topojson-client's
 * `neighbors` (geometries that share an arc); several geometries with the same id (Australia and
 * the Ashmore and Cartier Islands are both 036) are merged, and borders with geometries that do
 * not join (e.g. Somaliland, Kosovo, N. Cyprus, St-Martin, which have no ISO code or no CSV row)
 * are dropped.
 */
import { neighbors } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { World2019Country, World2019Data } from '../data-types.ts';

export type { World2019Country, World2019Data };

/** Every column of countries.csv, in file order. */
export const COUNTRY_COLUMNS = [
  'iso3',
  'iso_numeric',
  'name',
  'income_group',
  'world_4region',
  'world_6region',
  'latitude',
  'longitude',
  'landlocked',
  'population',
  'gdp_pc_ppp',
  'gdp_pc_ppp_year',
  'internet_users_pct',
  'internet_users_pct_year',
  'industry_pct_gdp',
  'industry_pct_gdp_year',
  'exports_pct_gdp',
  'exports_pct_gdp_year',
  'literacy_adult_pct',
  'literacy_adult_pct_year',
  'broadband_per_100',
  'broadband_per_100_year',
  'hightech_pct_mfg_exports',
  'hightech_pct_mfg_exports_year',
  'hourly_labour_cost_usd2021',
  'hourly_labour_cost_usd2021_year',
  'industry_workers_pct_employment',
  'industry_workers_pct_employment_year',
  'merchandise_trade_pct_gdp',
  'merchandise_trade_pct_gdp_year',
] as const;

/** Text columns (kept as strings, or null when empty); every other column is a number or null. */
const TEXT_COLUMNS = new Set<string>(['iso3', 'name', 'income_group', 'world_4region', 'world_6region', 'landlocked']);

export interface BuildDataInput {
  countriesCsv: string;
  timeseriesCsv: string;
  /** The parsed world-atlas countries-50m.json. */
  topology: unknown;
}

/** RFC 4180 CSV: quoted fields (with "" escapes and commas), CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function parseNumber(value: string, where: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${where}: not a number: "${value}"`);
  return n;
}

/** Builds the generated data (see the module comment). Deterministic. */
export function buildWorld2019Data(input: BuildDataInput): World2019Data {
  const table = parseCsv(input.countriesCsv);
  const header = table[0];
  if (header.join(',') !== COUNTRY_COLUMNS.join(',')) {
    throw new Error(`countries.csv: unexpected header ${header.join(',')}`);
  }
  const topology = input.topology as Topology<{ countries: GeometryCollection }>;
  const geometries = topology.objects.countries.geometries;

  // Geometry index → ISO numeric id (undefined for the few without one).
  const geometryIds = geometries.map((g) => (g.id === undefined ? undefined : String(g.id)));
  const polygonCount = new Map<string, number>();
  for (const id of geometryIds) if (id !== undefined) polygonCount.set(id, (polygonCount.get(id) ?? 0) + 1);

  const countries: World2019Country[] = [];
  const dropped: string[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.length === 1 && cells[0] === '') continue;
    if (cells.length !== header.length) throw new Error(`countries.csv line ${r + 1}: ${cells.length} fields`);
    const raw: Record<string, string | number | null> = {};
    header.forEach((column, i) => {
      const value = cells[i];
      raw[column] = TEXT_COLUMNS.has(column) ? (value === '' ? null : value) : parseNumber(value, `${cells[0]}.${column}`);
    });
    const paddedId = String(raw.iso_numeric).padStart(3, '0');
    const polygons = polygonCount.get(paddedId) ?? 0;
    if (polygons === 0 || raw.population === null) {
      dropped.push(`${raw.iso3} ${raw.name} (${polygons === 0 ? 'no polygon in countries-50m' : 'no population'})`);
      continue;
    }
    if (raw.latitude === null || raw.longitude === null) throw new Error(`${raw.iso3}: no centroid`);
    countries.push({ ...(raw as unknown as World2019Country), neighbours: [], polygons });
  }
  countries.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  dropped.sort();

  // Land borders: geometries that share an arc, merged by ISO numeric id.
  const iso3ById = new Map<string, string>();
  for (const c of countries) iso3ById.set(String(c.iso_numeric).padStart(3, '0'), c.iso3);
  const borders = new Map<string, Set<string>>(countries.map((c) => [c.iso3, new Set<string>()]));
  const adjacency = neighbors(geometries);
  adjacency.forEach((list, i) => {
    const id = geometryIds[i];
    const self = id === undefined ? undefined : iso3ById.get(id);
    if (self === undefined) return;
    for (const j of list) {
      const otherId = geometryIds[j];
      const other = otherId === undefined ? undefined : iso3ById.get(otherId);
      if (other !== undefined && other !== self) borders.get(self)!.add(other);
    }
  });
  for (const c of countries) c.neighbours = [...borders.get(c.iso3)!].sort();

  // Internet-use series, joined countries only, years ascending.
  const series: Record<string, Record<string, number>> = {};
  for (const c of countries) series[c.iso3] = {};
  const rows = parseCsv(input.timeseriesCsv);
  if (rows[0].join(',') !== 'iso3,year,internet_users_pct') {
    throw new Error(`internet_users_timeseries.csv: unexpected header ${rows[0].join(',')}`);
  }
  const points: [string, number, number][] = [];
  for (let r = 1; r < rows.length; r++) {
    const [iso3, year, pct] = rows[r];
    if (rows[r].length === 1 && iso3 === '') continue;
    if (!(iso3 in series)) continue;
    const y = parseNumber(year, `series ${iso3}`);
    const p = parseNumber(pct, `series ${iso3} ${year}`);
    if (y === null || p === null) continue;
    points.push([iso3, y, p]);
  }
  points.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  for (const [iso3, year, pct] of points) {
    const key = String(year);
    if (key in series[iso3]) throw new Error(`series ${iso3}: year ${year} twice`);
    series[iso3][key] = pct;
  }

  return {
    source:
      'Gapminder Systema Globalis (open-numbers/ddf--gapminder--systema_globalis), via worlds/world-2019/data/countries.csv ' +
      'and internet_users_timeseries.csv; borders from world-atlas countries-50m (Natural Earth) with topojson-client neighbors. ' +
      'Generated by worlds/world-2019/scripts/build-data.ts: do not edit by hand.',
    credit: 'Free data from Gapminder.org',
    license: 'CC-BY 4.0',
    countries,
    internet_series: series,
    dropped,
  };
}

/** The file text: one country (and one series) per line, so diffs stay readable. */
export function serializeWorld2019Data(data: World2019Data): string {
  const lines: string[] = ['{'];
  lines.push(`  "source": ${JSON.stringify(data.source)},`);
  lines.push(`  "credit": ${JSON.stringify(data.credit)},`);
  lines.push(`  "license": ${JSON.stringify(data.license)},`);
  lines.push('  "countries": [');
  data.countries.forEach((c, i) => lines.push(`    ${JSON.stringify(c)}${i < data.countries.length - 1 ? ',' : ''}`));
  lines.push('  ],');
  lines.push('  "internet_series": {');
  const codes = Object.keys(data.internet_series);
  codes.forEach((code, i) =>
    lines.push(`    ${JSON.stringify(code)}: ${JSON.stringify(data.internet_series[code])}${i < codes.length - 1 ? ',' : ''}`),
  );
  lines.push('  },');
  lines.push(`  "dropped": ${JSON.stringify(data.dropped)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
