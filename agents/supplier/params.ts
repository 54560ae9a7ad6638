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
} as const;
