/**
 * The community kind's per-region summary (MODEL.md §7.7–§7.8): employment by kind, jobs and
 * income, the population-weighted means of the region's cells, and the events people noticed.
 * Written by community systems only; read by other kinds, the policymaker and reporters.
 */
export interface CommunityRegionStore {
  count: number;
  plantEmployment: Float64Array;
  hubEmployment: Float64Array;
  jobs: Float64Array;
  jobsTrend: Float64Array;
  jobsLastWeek: Float64Array;
  /** Jobs smoothed over about a month: its rises and falls are the hiring and layoffs people notice. */
  jobsSmoothed: Float64Array;
  /**
   * Households' labour income relative to its trend (employment × a fixed wage, the modelled jobs
   * smoothed over about a month against their trend, as the industry share of the workforce); 1
   * before the first tally. Local and final demand follow it (§9.2).
   */
  incomeRatio: Float64Array;
  /** Weekly programme spending on the region (real $): infrastructure, training, grants, subsidies. */
  programmeSpend: Float64Array;
  unemployment: Float64Array;
  /** Population-weighted means over the region's cells. */
  access: Float64Array;
  literacy: Float64Array;
  skill: Float64Array;
  trustFirms: Float64Array;
  trustGovernment: Float64Array;
  income: Float64Array;
  /** Share of good events in firms' recent record in the region (what transparency reveals). */
  firmRecord: Float64Array;
  /** The share of final demand people are used to losing (§9.6: τG judges shortages against it). */
  usualLostShare: Float64Array;
  /** Net hiring and layoffs people noticed this week (plant openings and closures are in the firms' `PlantJobEvents`). */
  goodEvents: Float64Array;
  badEvents: Float64Array;
  /** The region's population in cells, and its number of cells. */
  cellPopulation: Float64Array;
  cellCount: Uint32Array;
}

export function createCommunityRegionStore(regionCount: number): CommunityRegionStore {
  const f64 = () => new Float64Array(regionCount);
  return {
    count: regionCount,
    plantEmployment: f64(),
    hubEmployment: f64(),
    jobs: f64(),
    jobsTrend: f64(),
    jobsLastWeek: f64(),
    jobsSmoothed: f64(),
    incomeRatio: new Float64Array(regionCount).fill(1),
    programmeSpend: f64(),
    unemployment: f64(),
    access: f64(),
    literacy: f64(),
    skill: f64(),
    trustFirms: f64(),
    trustGovernment: f64(),
    income: f64(),
    firmRecord: new Float64Array(regionCount).fill(0.5),
    usualLostShare: f64(),
    goodEvents: f64(),
    badEvents: f64(),
    cellPopulation: f64(),
    cellCount: new Uint32Array(regionCount),
  };
}
