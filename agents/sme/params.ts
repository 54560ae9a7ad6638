import { int, num } from '../../src/sim/params/define.ts';
import { EXITS_FIT } from '../../src/model/params/exits-fit.ts';

/** SMEs: sizes, adoption, capability, growth, cash, exit, entry. MODEL.md §7.6. */
export const smeParams = {
  smeSizeExponent: num({
    default: 1, min: 0, max: 3, unit: '', section: '7.6', status: 'cited',
    doc: 'Tail exponent of the truncated power law of initial employees (0 = uniform sizes, the P10 ablation).',
    source: 'Axtell 2001, "Zipf distribution of U.S. firm sizes", Science 293(5536): tail exponent ≈ 1.06',
  }),
  smeMaxEmployees: int({
    default: 249, min: 10, max: 1000, unit: 'employees', section: '7.6', status: 'cited',
    doc: 'Largest SME (medium firms have 50–249 employees).',
    source: 'European Commission Recommendation 2003/361/EC, Annex Art. 2: medium-sized enterprises have fewer than 250 employees',
  }),
  bassInnovation: num({
    default: 0.03, min: 0, max: 0.5, unit: '1/year', section: '7.6', status: 'cited',
    doc: 'External influence p of the Bass adoption hazard.',
    source: 'Sultan, Farley & Lehmann 1990, "A meta-analysis of applications of diffusion models", Journal of Marketing Research 27(1): mean p = 0.03 over 213 applications',
  }),
  bassImitation: num({
    default: 0.38, min: 0, max: 2, unit: '1/year', section: '7.6', status: 'cited',
    doc: 'Word-of-mouth q of the Bass adoption hazard (0 = the P5 ablation).',
    source: 'Sultan, Farley & Lehmann 1990, Journal of Marketing Research 27(1): mean q = 0.38',
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
  capabilityLiteracyWeight: num({
    default: 0.4, min: 0, max: 1, unit: 'share', section: '7.6', status: 'assumption',
    doc: 'Initial capability = initialCapability × (1 − w + w × the region’s literacy): how much literacy shapes starting capability.',
    source: 'Assumed.',
  }),
  capabilityDispersion: num({
    default: 0.1, min: 0, max: 0.5, unit: 'sd', section: '7.6', status: 'assumption',
    doc: 'Spread of a new SME’s capability around its starting mean (at the start and at entry), clipped to [0.05, 0.95].',
    source: 'Assumed.',
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
  entrantMinCapabilityShare: num({
    default: EXITS_FIT.entrantMinCapabilityShare, min: 0, max: 1.5, unit: '× regional mean', section: '7.6', status: 'calibrated',
    doc: 'Pre-entry selection: a would-be entrant whose drawn capability is below this share of its region’s mean SME capability stays out (MODEL.md §9.6).',
    source: 'Calibrated to OECD Structural and Demographic Business Statistics (SDBS) business demography, enterprise death rates of about 8–10% a year (target 9%), as the SME exit rate of the calm two-hubs baseline, by scripts/calibrate-exits.ts (npm run calibrate:exits); docs/CALIBRATION.md',
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
    default: 2, min: 0, max: 52, unit: 'weeks of costs', section: '7.6', status: 'cited',
    doc: 'Median initial cash buffer of an SME.',
    source: 'Bartik, Bertrand, Cullen, Glaeser, Luca & Stanton 2020, "The impact of COVID-19 on small business outcomes and expectations", PNAS 117(30): the median business had about 2 weeks of cash (cash-on-hand results)',
  }),
  smeCashDispersion: num({
    default: 0.5, min: 0, max: 2, unit: 'log sd', section: '7.6', status: 'assumption',
    doc: 'Log-normal spread of SMEs’ initial cash buffers around smeCashWeeks.', source: 'Assumed.',
  }),
  smeRawCostMemoryRate: num({
    default: 0.2, min: 0.001, max: 1, unit: '1/week', section: '7.6', status: 'assumption',
    doc: 'How fast an SME’s recorded raw-input cost per unit follows this week’s purchases.', source: 'Assumed.',
  }),
  tier2VisibleMinHubShare: num({
    default: 0.05, min: 0, max: 1, unit: 'share of raw inputs', section: '2', status: 'assumption',
    doc: 'A digitally visible SME shows its buyer its hub raw-input source (tier-2 exposure) when the hub’s share of its raw inputs exceeds this.',
    source: 'Assumed.',
  }),
  localInputShare: num({
    default: 0.45, min: 0, max: 0.8, unit: 'share of local sales', section: '9.2', status: 'cited',
    doc: 'Intermediate inputs SMEs buy per $ of local-market sales (gross output), Leontief in the short run; their value added is the rest (0 = local output is labour only).',
    source: 'OECD 2021, Input-Output Tables (IOTs), 2021 edition, "Total intermediate consumption" over "Output (production)" by country: about 0.4–0.5 of gross output (MODEL.md §9.2: 0.45)',
  }),
  importedInputShare: num({
    default: 0.25, min: 0, max: 0.5, unit: 'share of inputs', section: '9.2', status: 'assumption',
    doc: 'Population-weighted world mean of the share of SMEs’ local-market inputs bought from hub suppliers (the rest from the domestic source); regions get min(importedInputShareMax, k × merchandise trade / GDP) with k set to hit this mean, or this share outside hubs where the world gives no trade data (0 = the P2 ablation).',
    source: 'Assumed in MODEL.md §9.2: the order of magnitude of the foreign content of production in OECD TiVA.',
  }),
  importedInputShareMax: num({
    default: 0.5, min: 0, max: 1, unit: 'share of inputs', section: '9.2', status: 'assumption',
    doc: 'Cap on a region’s imported share of SMEs’ local-market inputs (very open economies).',
    source: 'Assumed in MODEL.md §9.2.',
  }),
  hubImportedInputShare: num({
    default: 0.1, min: 0, max: 0.5, unit: 'share of inputs', section: '9.2', status: 'assumption',
    doc: 'Imported share of SMEs’ local-market inputs in hub regions of a world without trade data (two-hubs): hubs make most of their inputs at home.',
    source: 'Assumed in MODEL.md §9.2 (two-hubs: 0.25 everywhere and 0.10 in the hubs).',
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
    default: 8, min: 1, max: 104, unit: 'weeks', section: '7.6', status: 'assumption',
    doc: 'An SME exits after this many consecutive weeks of negative cash.',
    source: 'Assumed in the specification (MODEL.md §7.6: exitWeeks = 8); no publication gives the value.',
  }),
  smeEntryRate: num({
    default: 0.1, min: 0, max: 1, unit: '1/year', section: '7.6', status: 'cited',
    doc: 'Base entry: new SMEs per year per initial SME slot of the region, × (1 + literacy) × (1 + demand growth⁺).',
    source: 'OECD Structural and Demographic Business Statistics (SDBS database, 2019 edition): enterprise birth rates ≈ 8–12% a year',
  }),
} as const;
