/**
 * The final market of each region as lead firms serve it (MODEL.md §7.1, §9.5), written by the
 * firm kind only and read by communities (shortages), the policymaker and reporters.
 */
export interface FinalMarketStore {
  count: number;
  /** Units demanded, delivered and lost this week. */
  finalDemand: Float64Array;
  finalDelivered: Float64Array;
  finalLost: Float64Array;
  /** Final goods delivered to the region from distribution hubs this week (§9.5), and Σ units × delivery weeks. */
  finalViaHub: Float64Array;
  finalDeliveryUnitWeeks: Float64Array;
}

export function createFinalMarketStore(regionCount: number): FinalMarketStore {
  const f64 = () => new Float64Array(regionCount);
  return {
    count: regionCount,
    finalDemand: f64(),
    finalDelivered: f64(),
    finalLost: f64(),
    finalViaHub: f64(),
    finalDeliveryUnitWeeks: f64(),
  };
}
