/**
 * Hub suppliers: few, large, cheap, vertically integrated (they make raw inputs and components
 * from them) and they also sell raw inputs to SMEs. Fixed set for the run.
 */
export interface HubStore {
  count: number;
  region: Uint16Array;
  componentCapacity: Float64Array;
  rawCapacity: Float64Array;
  rawStock: Float64Array;
  /** D̂: forecast of component orders (from last week's orders: one-week information lag). */
  forecast: Float64Array;
  ordersThisWeek: Float64Array;
  ordersLastWeek: Float64Array;
  /** Raw production planned for its own use this week (its "raw order" in P11). */
  rawOrderInternal: Float64Array;
  /** Raw inputs the hub owes SMEs, summed each week. */
  rawOwedToSmes: Float64Array;
  rawOrdersFromSmes: Float64Array;
  /** Fill fractions published this week. */
  componentFill: Float64Array;
  rawFill: Float64Array;
  componentOutput: Float64Array;
  /** Components of that output sold on regions' local markets this week (§9.4). */
  localOutput: Float64Array;
  rawOutputExternal: Float64Array;
  rawOutputInternal: Float64Array;
  /**
   * Raw inputs for its own use bought this week from its region's recycled source (§9.5), what
   * they cost at the recycled price and the circular-procurement subsidy received on them.
   */
  recycledIn: Float64Array;
  recycledPurchases: Float64Array;
  recycledSubsidy: Float64Array;
  /** Component backlog owed to plants, summed. */
  componentOwed: Float64Array;
  /** Deliverable part of that backlog (buyers reachable this week). */
  componentDeliverable: Float64Array;
  utilisation: Float64Array;
  unitCost: Float64Array;
  rawUnitCost: Float64Array;
  price: Float64Array;
  rawPrice: Float64Array;
  cash: Float64Array;
  revenue: Float64Array;
  costs: Float64Array;
  employment: Float64Array;
  valueAdded: Float64Array;
}

export function createHubStore(count: number): HubStore {
  const f64 = () => new Float64Array(count);
  return {
    count,
    region: new Uint16Array(count),
    componentCapacity: f64(),
    rawCapacity: f64(),
    rawStock: f64(),
    forecast: f64(),
    ordersThisWeek: f64(),
    ordersLastWeek: f64(),
    rawOrderInternal: f64(),
    rawOwedToSmes: f64(),
    rawOrdersFromSmes: f64(),
    componentFill: new Float64Array(count).fill(1),
    rawFill: new Float64Array(count).fill(1),
    componentOutput: f64(),
    localOutput: f64(),
    rawOutputExternal: f64(),
    rawOutputInternal: f64(),
    recycledIn: f64(),
    recycledPurchases: f64(),
    recycledSubsidy: f64(),
    componentOwed: f64(),
    componentDeliverable: f64(),
    utilisation: f64(),
    unitCost: f64(),
    rawUnitCost: f64(),
    price: f64(),
    rawPrice: f64(),
    cash: f64(),
    revenue: f64(),
    costs: f64(),
    employment: f64(),
    valueAdded: f64(),
  };
}
