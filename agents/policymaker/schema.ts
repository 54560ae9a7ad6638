export const INSTRUMENTS = [
  'localSourcingSubsidy',
  'reshoringGrant',
  'digitalInfrastructure',
  'training',
  'smeTechGrant',
  'tariff',
  'borderClosure',
  'transparency',
  'smartSourcingNode',
  'circularProcurementSubsidy',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];
export const INSTRUMENT_COUNT = INSTRUMENTS.length;

export const LOCAL_SOURCING_SUBSIDY = 0;
export const RESHORING_GRANT = 1;
export const DIGITAL_INFRASTRUCTURE = 2;
export const TRAINING = 3;
export const SME_TECH_GRANT = 4;
export const TARIFF = 5;
export const BORDER_CLOSURE = 6;
export const TRANSPARENCY = 7;
/** §9.5: a regional digital procurement platform (level 1 = running, 0 = off). */
export const SMART_SOURCING_NODE = 8;
/**
 * Circular-procurement subsidy (MODEL.md §9.5): share of the recycled raw-input price the region
 * pays, which also speeds the growth of its recycling capacity. Looked up by name so that the
 * position in INSTRUMENTS (appended) never appears as a literal.
 */
export const CIRCULAR_PROCUREMENT_SUBSIDY = INSTRUMENTS.indexOf('circularProcurementSubsidy');

/** Policymakers: one per region (a government). Instrument arrays are region × instrument. */
export interface PolicyStore {
  count: number;
  /** Current level of each instrument (meaning per instrument: see docs/ODD.md §7.9). */
  level: Float64Array;
  /** Training is delivered together with infrastructure. */
  trainingLinked: Uint8Array;
  /** Levels set by the adaptive rules (adaptive mode only), and their linked-training flag. */
  adaptiveLevel: Float64Array;
  adaptiveLinked: Uint8Array;
  /** Optional budget per year for an instrument (real $, 0 = share of the regular budget). */
  budgetPerYear: Float64Array;
  /** Regular budget per quarter (real $). */
  budgetQuarter: Float64Array;
  /** Spent this quarter and in total, by instrument (real $). */
  spentQuarter: Float64Array;
  /** spentQuarter at the start of this week (so a week's spending is the difference). */
  spentLastWeek: Float64Array;
  spentTotal: Float64Array;
  /** Times each adaptive trigger fired. */
  triggerFired: Uint32Array;
  /** Shortage flags of the last four quarters (bit mask). */
  shortageHistory: Uint8Array;
  /** Quarter record for the adaptive rules: final demand, lost final demand, SME exits, mean SME count. */
  quarterDemand: Float64Array;
  quarterLost: Float64Array;
  quarterExits: Float64Array;
  quarterSmes: Float64Array;
  approval: Float64Array;
}

export function createPolicyStore(regionCount: number): PolicyStore {
  const byInstrument = () => new Float64Array(regionCount * INSTRUMENT_COUNT);
  return {
    count: regionCount,
    level: byInstrument(),
    trainingLinked: new Uint8Array(regionCount),
    adaptiveLevel: byInstrument(),
    adaptiveLinked: new Uint8Array(regionCount),
    budgetPerYear: byInstrument(),
    budgetQuarter: new Float64Array(regionCount),
    spentQuarter: byInstrument(),
    spentLastWeek: byInstrument(),
    spentTotal: byInstrument(),
    triggerFired: new Uint32Array(regionCount * INSTRUMENT_COUNT),
    shortageHistory: new Uint8Array(regionCount),
    quarterDemand: new Float64Array(regionCount),
    quarterLost: new Float64Array(regionCount),
    quarterExits: new Float64Array(regionCount),
    quarterSmes: new Float64Array(regionCount),
    approval: new Float64Array(regionCount),
  };
}
