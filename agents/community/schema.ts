/**
 * Community cells: a population chunk of one region. Fixed for the run. Trust is
 * double-buffered because cells read their neighbours' trust.
 */
export interface CellStore {
  count: number;
  region: Uint16Array;
  /** People (real). */
  population: Float64Array;
  /** a: share with internet access. */
  access: Float64Array;
  /** l: digital literacy. */
  literacy: Float64Array;
  skill: Float64Array;
  /** Relative household income level of the cell (log-normal, mean 1 within the region). */
  incomeFactor: Float32Array;
  /** $ per person per week. */
  income: Float64Array;
  /** τF: trust in the firms active in its region; τG: trust in government. */
  trustFirms: Float64Array;
  trustGovernment: Float64Array;
  trustFirmsNext: Float64Array;
  trustGovernmentNext: Float64Array;
  /** Cross-region neighbours: `linkCount` cell ids per cell (−1 none). */
  links: Int32Array;
  linkCount: number;
}

export function createCellStore(count: number, linkCount: number): CellStore {
  const f64 = () => new Float64Array(count);
  return {
    count,
    region: new Uint16Array(count),
    population: f64(),
    access: f64(),
    literacy: f64(),
    skill: f64(),
    incomeFactor: new Float32Array(count),
    income: f64(),
    trustFirms: f64(),
    trustGovernment: f64(),
    trustFirmsNext: f64(),
    trustGovernmentNext: f64(),
    links: new Int32Array(count * linkCount).fill(-1),
    linkCount,
  };
}
