import { int, num } from '../../src/sim/params/define.ts';

/** SMEs: sizes, adoption, capability, growth, cash, exit, entry. MODEL.md §7.6. */
export const smeParams = {
  smeSizeExponent: num({
    default: 1, min: 0, max: 3, unit: '', section: '7.6',
    doc: 'Tail exponent of the truncated power law of initial employees (0 = uniform sizes, the P10 ablation).',
    source: 'Axtell 2001 (Zipf-distributed US firm sizes)',
  }),
  smeMaxEmployees: int({
    default: 249, min: 10, max: 1000, unit: 'employees', section: '7.6',
    doc: 'Largest SME (medium firms have 50–249 employees).', source: 'OECD / EU SME definition',
  }),
  bassInnovation: num({
    default: 0.03, min: 0, max: 0.5, unit: '1/year', section: '7.6',
    doc: 'External influence p of the Bass adoption hazard.', source: 'Sultan, Farley & Lehmann 1990 (meta-analysis)',
  }),
  bassImitation: num({
    default: 0.38, min: 0, max: 2, unit: '1/year', section: '7.6',
    doc: 'Word-of-mouth q of the Bass adoption hazard (0 = the P5 ablation).', source: 'Sultan, Farley & Lehmann 1990',
  }),
  initialAdoptionFactor: num({
    default: 0.15, min: 0, max: 1, unit: '× a·l', section: '7.6', status: 'assumption',
    doc: 'Probability an SME has adopted at the start, per unit of its region’s digital usage a·l.',
    source: 'Assumed (frozen at the core’s value).',
  }),
  techGrantEffect: num({
    default: 1, min: 0, max: 10, unit: '× per grant', section: '7.6', status: 'assumption',
    doc: 'g: a full SME tech grant multiplies the adoption hazard by (1 + g).', source: 'Assumed.',
  }),
  capabilityRate: num({
    default: 0.15, min: 0, max: 2, unit: '1/year', section: '7.6', status: 'assumption',
    doc: 'κ: base rate at which capability q_c rises toward 1 (learning by doing).', source: 'Assumed.',
  }),
  chainLearning: num({
    default: 1, min: 0, max: 10, unit: '×', section: '7.6', status: 'assumption',
    doc: 'ψ: extra learning inside a value chain.', source: 'Assumed (learning from buyers, UNIDO 2020).',
  }),
  localPlantLearning: num({
    default: 0.5, min: 0, max: 10, unit: '×', section: '7.6', status: 'assumption',
    doc: 'σ: extra learning when a lead-firm plant operates in the region.', source: 'Assumed (spillovers).',
  }),
  grantLearning: num({
    default: 0.5, min: 0, max: 10, unit: '×', section: '7.6', status: 'assumption',
    doc: 'γ: extra learning with an SME tech grant.', source: 'Assumed.',
  }),
  capabilityDepreciation: num({
    default: 0.02, min: 0, max: 1, unit: '1/year', section: '7.6', status: 'assumption',
    doc: 'Capability erodes at this rate (keeps q_c below 1 without learning).', source: 'Assumed.',
  }),
  initialCapability: num({
    default: 0.4, min: 0, max: 1, unit: 'capability', section: '7.6', status: 'assumption',
    doc: 'Mean initial capability, scaled by the region’s literacy and productivity.', source: 'Assumed.',
  }),
  customerMemoryWeeks: num({
    default: 26, min: 1, max: 520, unit: 'weeks', section: '7.6', status: 'assumption',
    doc: 'Time for an SME’s local customer base to follow its capacity × capability (customer capital).',
    source: 'Assumed; customer capital as in Gourio & Rudanko 2014.',
  }),
  entrantCapabilityShare: num({
    default: 0.8, min: 0, max: 1, unit: '× regional mean', section: '7.6', status: 'assumption',
    doc: 'A new SME starts at this share of the mean capability of its region’s SMEs (entrants learn from incumbents but start behind).',
    source: 'Assumed (knowledge spillovers to entrants; Audretsch & Keilbach 2007).',
  }),
  entrantCustomerShare: num({
    default: 0.5, min: 0, max: 1, unit: 'share', section: '7.6', status: 'assumption',
    doc: 'A new SME starts with this share of the customer base its capacity × capability would hold.',
    source: 'Assumed (new firms build customers over time).',
  }),
  expandUtilisation: num({
    default: 0.85, min: 0, max: 1, unit: 'share', section: '7.6', status: 'assumption',
    doc: 'An SME with positive profit adds employees only above this utilisation.', source: 'Assumed.',
  }),
  growthResponse: num({
    default: 0.3, min: 0, max: 5, unit: 'employees per wage of profit', section: '7.6', status: 'assumption',
    doc: 'Employees added per weekly wage of profit (Gibrat-like).', source: 'Assumed.',
  }),
  shrinkResponse: num({
    default: 0.3, min: 0, max: 5, unit: 'employees per wage of loss', section: '7.6', status: 'assumption',
    doc: 'Employees shed per weekly wage of loss.', source: 'Assumed.',
  }),
  smeCashWeeks: num({
    default: 2, min: 0, max: 52, unit: 'weeks of costs', section: '7.6',
    doc: 'Median initial cash buffer of an SME.', source: 'Bartik et al. 2020 (median small business: about 2 weeks of cash)',
  }),
  smeCashTargetWeeks: num({
    default: 8, min: 1, max: 104, unit: 'weeks of costs', section: '7.6', status: 'assumption',
    doc: 'Owners draw out cash above this buffer.', source: 'Assumed.',
  }),
  smeDrawRate: num({
    default: 0.1, min: 0, max: 1, unit: '1/week', section: '7.6', status: 'assumption',
    doc: 'Share of cash above the target buffer drawn out each week.', source: 'Assumed.',
  }),
  smeExitWeeks: int({
    default: 8, min: 1, max: 104, unit: 'weeks', section: '7.6',
    doc: 'An SME exits after this many consecutive weeks of negative cash.', source: 'MODEL.md §7.6',
  }),
  smeEntryRate: num({
    default: 0.1, min: 0, max: 1, unit: '1/year', section: '7.6',
    doc: 'Base entry: new SMEs per year per initial SME slot of the region, × (1 + literacy) × (1 + demand growth⁺).',
    source: 'OECD Structural and Demographic Business Statistics: enterprise birth rates ≈ 8–12%/year',
  }),
} as const;
