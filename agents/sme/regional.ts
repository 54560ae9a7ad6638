/**
 * The SME kind's per-region state and tallies (MODEL.md §7.4–§7.6, §9.2), written by SME systems
 * only and read by later phases, other kinds and reporters.
 */
export interface SmeRegionStore {
  count: number;
  /** The local market's demand this week ($) and what SMEs and hubs served of it. */
  localDemand: Float64Array;
  localServed: Float64Array;
  /** Slow EMA of local demand: entry responds to growth above it. */
  localDemandTrend: Float64Array;
  smeCount: Float64Array;
  smeAdopted: Float64Array;
  smeEmployment: Float64Array;
  /** Worker-weeks the region's SMEs spent on the local market this week (the rest of their staff is chain labour). */
  smeLocalLabour: Float64Array;
  smeInChain: Float64Array;
  /** Sum of living SMEs' capability (its mean is what entrants start from). */
  smeCapabilitySum: Float64Array;
  smeExits: Float64Array;
  /** SMEs that adopted digital technology this week. */
  smeAdoptions: Float64Array;
  smeEntries: Float64Array;
  /** Grant intensity per SME this week, in [0, 1] (1 = a full grant), from the policymaker's grant spending. */
  smeGrantIntensity: Float64Array;
  /** What the region's SMEs are owed by its domestic and recycled raw sources: their orders, which the supplier kind reads. */
  domesticRawOwed: Float64Array;
  recycledRawOwed: Float64Array;
}

export function createSmeRegionStore(regionCount: number): SmeRegionStore {
  const f64 = () => new Float64Array(regionCount);
  return {
    count: regionCount,
    localDemand: f64(),
    localServed: f64(),
    localDemandTrend: f64(),
    smeCount: f64(),
    smeAdopted: f64(),
    smeEmployment: f64(),
    smeLocalLabour: f64(),
    smeInChain: f64(),
    smeCapabilitySum: f64(),
    smeExits: f64(),
    smeAdoptions: f64(),
    smeEntries: f64(),
    smeGrantIntensity: f64(),
    domesticRawOwed: f64(),
    recycledRawOwed: f64(),
  };
}
