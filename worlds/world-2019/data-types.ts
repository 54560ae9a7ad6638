/**
 * Shape of `data/world-2019.generated.json` (written by `scripts/build-data.ts`). Kept apart from
 * the generator so the browser-safe world module can import the types without the scripts.
 */

/** One joined country: every raw column of countries.csv (null where empty) and its land borders. */
export interface World2019Country {
  iso3: string;
  iso_numeric: number;
  name: string;
  income_group: string | null;
  world_4region: string | null;
  world_6region: string | null;
  latitude: number;
  longitude: number;
  /** "landlocked" or "coastline" (raw), null where empty. */
  landlocked: string | null;
  population: number;
  gdp_pc_ppp: number | null;
  gdp_pc_ppp_year: number | null;
  internet_users_pct: number | null;
  internet_users_pct_year: number | null;
  industry_pct_gdp: number | null;
  industry_pct_gdp_year: number | null;
  exports_pct_gdp: number | null;
  exports_pct_gdp_year: number | null;
  literacy_adult_pct: number | null;
  literacy_adult_pct_year: number | null;
  broadband_per_100: number | null;
  broadband_per_100_year: number | null;
  hightech_pct_mfg_exports: number | null;
  hightech_pct_mfg_exports_year: number | null;
  hourly_labour_cost_usd2021: number | null;
  hourly_labour_cost_usd2021_year: number | null;
  industry_workers_pct_employment: number | null;
  industry_workers_pct_employment_year: number | null;
  merchandise_trade_pct_gdp: number | null;
  merchandise_trade_pct_gdp_year: number | null;
  /** ISO3 codes of the joined countries it shares a land border with (sorted). */
  neighbours: string[];
  /** Number of world-atlas countries-50m geometries with this id. */
  polygons: number;
}

export interface World2019Data {
  source: string;
  credit: string;
  license: string;
  /** Joined countries, sorted by ISO3. */
  countries: World2019Country[];
  /** Internet users, % of people, by ISO3 then year (only joined countries). */
  internet_series: Record<string, Record<string, number>>;
  /** countries.csv rows that did not join (no polygon or no population): "ISO3 name (reason)". */
  dropped: string[];
}
