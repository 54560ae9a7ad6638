/**
 * Each region's domestic and recycled raw-input sources (MODEL.md §7.3, §9.5), owned by the
 * supplier kind: what they produced this week, their workers, and the recycled source's capacity.
 * What SMEs owe them is the SME kind's order tally (`SmeRegionStore`), which the sources read.
 */
export interface RawSourceStore {
  count: number;
  domesticRawOutput: Float64Array;
  domesticRawEmployment: Float64Array;
  /**
   * The recycled source's capacity as the share of a buyer's raw inputs it can supply (state: grows
   * with SME capability and the circular-procurement subsidy).
   */
  recyclingCapacity: Float64Array;
  recycledRawOutput: Float64Array;
  recycledRawEmployment: Float64Array;
}

export function createRawSourceStore(regionCount: number): RawSourceStore {
  const f64 = () => new Float64Array(regionCount);
  return {
    count: regionCount,
    domesticRawOutput: f64(),
    domesticRawEmployment: f64(),
    recyclingCapacity: f64(),
    recycledRawOutput: f64(),
    recycledRawEmployment: f64(),
  };
}
