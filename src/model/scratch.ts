import { PIPELINE_WEEKS } from './geography.ts';

/**
 * Per-week working arrays. Every field is fully rewritten each week before it is read, so
 * scratch is not part of a checkpoint. Reductions (many SMEs → one plant) accumulate here in
 * id order, which keeps results independent of how agents are grouped.
 */
export interface Scratch {
  /** F × R: firm f's share of market r this week, and the plant serving it (−1: none). */
  marketShare: Float64Array;
  servingPlant: Int32Array;
  /** Per plant: fill fraction of its customers' orders this week. */
  plantFill: Float64Array;
  /** Per (firm, bloc), indexed as plants: fill fraction of the distribution hub's customer orders (§9.5). */
  hubFill: Float64Array;
  /** Per plant: final demand of the markets it serves this week, whether ordered from it or from its firm's hubs (P11's demand). */
  plantFinalDemand: Float64Array;
  /** Per plant: fill fraction of its hubs' restocking orders (served after its customers). */
  replenishmentFill: Float64Array;
  /** Per (firm, bloc): what the distribution hub ordered from its plant this week, and that plant (−1: none). */
  hubOrdered: Float64Array;
  hubSupplier: Int32Array;
  /** Per firm: final-goods customer orders this week and the part lost. */
  firmOrders: Float64Array;
  firmLost: Float64Array;
  /** Per plant: what its SMEs owe it, shipped to it, and what it paid them. */
  plantSmeOwed: Float64Array;
  plantSmeShipped: Float64Array;
  plantSmePayment: Float64Array;
  plantSmeLocal: Float64Array;
  plantSmeBloc: Float64Array;
  plantSmeCo2: Float64Array;
  plantSmeFreight: Float64Array;
  plantSmeTariff: Float64Array;
  /** Σ contract capacity × lead time, for the plant's SME lead time. */
  plantSmeLeadWeighted: Float64Array;
  /** P × R flags: regions a plant received components from this week. */
  plantSourceRegion: Uint8Array;
  /** B × R flags (sized P × R ≥ B × R): regions some lead firm with a plant in bloc b is exposed to (shared news, §9.1). */
  blocWatchedRegion: Uint8Array;
  /** Per plant × pipeline slot: SME shipments entering its pipeline. */
  plantSmeIncoming: Float64Array;
  /**
   * Per plant × hub (written by the firm kind's `pullFromHubs`, read by the supplier kind's
   * `receiveHubPayments`): what the plant paid the hub this week for components, price × units.
   */
  plantHubPayment: Float64Array;
  /** Per hub: raw inputs owed to SMEs, the reachable part, and the raw sales SMEs and importers paid for (read by `receiveHubPayments`). */
  hubRawOwed: Float64Array;
  hubRawDeliverable: Float64Array;
  hubRawRevenue: Float64Array;
  hubRawShipped: Float64Array;
  /**
   * Per hub (§9.4, written by the model's contested-market split, read by the supplier kind): the
   * local-market components ordered from it this week, and the freight and tariff its buyers pay on them.
   */
  hubLocalOrders: Float64Array;
  hubLocalFreight: Float64Array;
  hubLocalTariff: Float64Array;
  /** Per region: totals gathered in one SME pass. */
  regionSmeWeight: Float64Array;
  /** Per region: this week's SME grant demand (reference grants). */
  regionGrantDemand: Float64Array;
  /** Per region: trust event weights of the week (firms: good, bad; government: good, bad). */
  regionTrustGood: Float64Array;
  regionTrustBad: Float64Array;
  regionGovernmentGood: Float64Array;
  regionGovernmentBad: Float64Array;
  /** Per region: sums of cell trust, for neighbour means. */
  regionTrustFirmsSum: Float64Array;
  regionTrustGovernmentSum: Float64Array;
  /** Per region: adopted share of SMEs before this week's adoption, and whether a plant runs there. */
  regionAdoptedShare: Float64Array;
  regionHasPlant: Uint8Array;
  /** Per region: e^{−rate} of capability learning outside and inside a value chain. */
  regionCapabilityKeep: Float64Array;
  regionCapabilityKeepInChain: Float64Array;
  /** Per region: local revenue per SME worker-week at capability productivity 1, and the second-round fill. */
  regionLocalRevenueBase: Float64Array;
  regionSecondRoundShare: Float64Array;
  /** §9.2: the SME side's demand its region's imported inputs allow this week ($), and its SMEs' imported input needs (units). */
  regionServableDemand: Float64Array;
  regionImportNeed: Float64Array;
  /** §9.2, per region: domestic and imported input units per $ of local sales, refreshed by each SME loop that uses them (`refreshInputsPerSale`). */
  regionDomesticInputsPerSale: Float64Array;
  regionImportedInputsPerSale: Float64Array;
  /** §9.5, this week: each region's recycled price to buyers, and each hub's landed raw cost into each region (H × R), for the SME loop. */
  regionRecycledBuyerPrice: Float64Array;
  hubRegionLandedRaw: Float64Array;
  /** Per region: 1 / wage (multiplications are cheaper than divisions in SME loops). */
  regionInverseWage: Float64Array;
  /** R × 4 (`LOCKDOWN_TIERS`): last week's labour by tier, and this week's lockdown capacity by tier (§9.3). */
  regionLabourByTier: Float64Array;
  regionTierCapacity: Float64Array;
  /** Per cell: mean digital literacy of its neighbours at the start of the week. */
  cellNeighbourLiteracy: Float64Array;
}

export function createScratch(firms: number, regions: number, plants: number, hubs: number, cells: number, pipelineWeeks = PIPELINE_WEEKS): Scratch {
  return {
    marketShare: new Float64Array(firms * regions),
    servingPlant: new Int32Array(firms * regions),
    plantFill: new Float64Array(plants),
    hubFill: new Float64Array(plants),
    plantFinalDemand: new Float64Array(plants),
    replenishmentFill: new Float64Array(plants),
    hubOrdered: new Float64Array(plants),
    hubSupplier: new Int32Array(plants),
    firmOrders: new Float64Array(firms),
    firmLost: new Float64Array(firms),
    plantSmeOwed: new Float64Array(plants),
    plantSmeShipped: new Float64Array(plants),
    plantSmePayment: new Float64Array(plants),
    plantSmeLocal: new Float64Array(plants),
    plantSmeBloc: new Float64Array(plants),
    plantSmeCo2: new Float64Array(plants),
    plantSmeFreight: new Float64Array(plants),
    plantSmeTariff: new Float64Array(plants),
    plantSmeLeadWeighted: new Float64Array(plants),
    plantSourceRegion: new Uint8Array(plants * regions),
    blocWatchedRegion: new Uint8Array(plants * regions),
    plantSmeIncoming: new Float64Array(plants * pipelineWeeks),
    plantHubPayment: new Float64Array(plants * hubs),
    hubRawOwed: new Float64Array(hubs),
    hubRawDeliverable: new Float64Array(hubs),
    hubRawRevenue: new Float64Array(hubs),
    hubRawShipped: new Float64Array(hubs),
    hubLocalOrders: new Float64Array(hubs),
    hubLocalFreight: new Float64Array(hubs),
    hubLocalTariff: new Float64Array(hubs),
    regionSmeWeight: new Float64Array(regions),
    regionLabourByTier: new Float64Array(regions * 4),
    regionTierCapacity: new Float64Array(regions * 4),
    regionGrantDemand: new Float64Array(regions),
    regionTrustGood: new Float64Array(regions),
    regionTrustBad: new Float64Array(regions),
    regionGovernmentGood: new Float64Array(regions),
    regionGovernmentBad: new Float64Array(regions),
    regionTrustFirmsSum: new Float64Array(regions),
    regionTrustGovernmentSum: new Float64Array(regions),
    regionAdoptedShare: new Float64Array(regions),
    regionHasPlant: new Uint8Array(regions),
    regionCapabilityKeep: new Float64Array(regions),
    regionCapabilityKeepInChain: new Float64Array(regions),
    regionLocalRevenueBase: new Float64Array(regions),
    regionSecondRoundShare: new Float64Array(regions),
    regionServableDemand: new Float64Array(regions),
    regionImportNeed: new Float64Array(regions),
    regionDomesticInputsPerSale: new Float64Array(regions),
    regionImportedInputsPerSale: new Float64Array(regions),
    regionRecycledBuyerPrice: new Float64Array(regions),
    hubRegionLandedRaw: new Float64Array(hubs * regions),
    regionInverseWage: new Float64Array(regions),
    cellNeighbourLiteracy: new Float64Array(cells),
  };
}
