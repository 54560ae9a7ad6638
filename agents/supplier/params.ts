import { num } from '../../src/sim/params/define.ts';

/** Hub suppliers and the domestic raw-input source. MODEL.md §2. */
export const supplierParams = {
  hubLabourFactor: num({
    default: 0.6, min: 0.1, max: 2, unit: '×', section: '2', status: 'assumption',
    doc: 'Labour per unit at hub suppliers relative to other producers (scale economies, infrastructure).',
    source: 'Assumed: hubs are few, large and cheap (seed 000).',
  }),
  hubRawCapacityRatio: num({
    default: 1.6, min: 1, max: 5, unit: '× component capacity', section: '2', status: 'assumption',
    doc: 'Raw-input capacity of a hub supplier relative to its component capacity (it also sells raw inputs to SMEs).',
    source: 'Assumed.',
  }),
  hubUtilisationMemoryRate: num({
    default: 0.1, min: 0.001, max: 1, unit: '1/week', section: '2', status: 'assumption',
    doc: 'How fast a hub’s recorded utilisation (which drives its congestion price) follows this week’s.', source: 'Assumed.',
  }),
  congestionSlope: num({
    default: 2, min: 0, max: 20, unit: '', section: '2', status: 'assumption',
    doc: 'A hub’s price rises by slope × (utilisation − target)² above the target utilisation.', source: 'MODEL.md §2 (convex)',
  }),
  domesticRawPremium: num({
    default: 1.3, min: 1, max: 5, unit: '× hub raw price', section: '2', status: 'assumption',
    doc: 'Price of the generic domestic raw-input source relative to the reference hub raw price.',
    source: 'Assumed in the specification (MODEL.md §2: premium 1.3); no publication gives the value.',
  }),
  recycledPricePremium: num({
    default: 0.15, min: 0, max: 2, unit: 'share of the hub raw price', section: '9.5', status: 'assumption',
    doc: 'Price premium of recycled raw inputs from a region’s recycling source over the reference (virgin, ex-works) hub raw price, before the circular-procurement subsidy.',
    source: 'Assumed (MODEL.md §9.5: "a price premium"): dearer than hub virgin inputs ex-works, cheaper than the domestic virgin source (1.3); about what freight and tariff add to an intercontinental hub purchase (10–15%, UNCTAD 2021), so the price test is near the margin for distant buyers.',
  }),
  recycledMaxShare: num({
    default: 0.35, min: 0, max: 1, unit: 'share of raw inputs', section: '9.5', status: 'assumption',
    doc: 'Ceiling of a region’s recycling capacity, as the share of a buyer’s raw inputs it can supply.',
    source: 'Assumed from today’s world shares of secondary metal: scrap is about a third of the metallic inputs to crude steel (Bureau of International Recycling, World Steel Recycling in Figures 2015–2019), and about a third of aluminium supply is recycled (International Aluminium Institute).',
  }),
  recyclingGrowthCapability: num({
    default: 0.5, min: 0, max: 10, unit: '1/year at capability 1', section: '9.5', status: 'assumption',
    doc: 'Growth rate of a region’s recycling capacity toward the ceiling per unit of its SMEs’ mean capability q_c (saturating form).',
    source: 'Assumed: local recovery and reprocessing needs capable small firms (MODEL.md §9.5: capacity grows with SME capability).',
  }),
  recyclingGrowthSubsidy: num({
    default: 1.5, min: 0, max: 10, unit: '1/year at subsidy 1', section: '9.5', status: 'assumption',
    doc: 'Extra growth rate of a region’s recycling capacity per unit of its circular-procurement subsidy (saturating form).',
    source: 'Assumed (MODEL.md §9.5: capacity grows with the subsidy).',
  }),
  recyclingDepreciation: num({
    default: 0.1, min: 0, max: 2, unit: '1/year', section: '9.5', status: 'assumption',
    doc: 'Rate at which a region’s recycling capacity wears out (decline form); with the growth rates it sets the level the capacity settles at.',
    source: 'Assumed: about the depreciation rate of machinery and equipment (10% a year).',
  }),
} as const;
