import { num } from '../../src/sim/params/define.ts';

/** Community cells: access, literacy, skill, income, trust. MODEL.md §7.7, §7.8. */
export const communityParams = {
  accessDiffusionRate: num({
    default: 0.34, min: 0, max: 3, unit: '1/year', section: '7.7', status: 'calibrated',
    doc: 'ρ_a: private diffusion of internet access, scaled by f(GDP per capita), logistic in a.',
    source: 'Calibrated on internet use 2000–2010, population-weighted by income group (scripts/calibrate-diffusion.ts); see docs/CALIBRATION.md',
  }),
  accessInnovation: num({
    default: 0.008, min: 0, max: 0.5, unit: '1/year', section: '7.7', status: 'calibrated',
    doc: 'p: income-independent external (Bass innovation) term of access diffusion, added to ρ_a · f(GDP per capita) · a (MODEL.md §9.6).',
    source: 'Form: Bass (1969), Management Science 15, the coefficient of innovation p (Sultan, Farley & Lehmann 1990 meta-analysis: mean p ≈ 0.03/year). Calibrated on internet use 2000–2010, population-weighted by income group (scripts/calibrate-diffusion.ts); see docs/CALIBRATION.md',
  }),
  literacyBaseRate: num({
    default: 0, min: 0, max: 2, unit: '1/year', section: '7.7', status: 'calibrated',
    doc: 'λ0: growth of digital literacy per unit of access (the fit puts it at the bottom of its range).',
    source: 'Calibrated on internet use 2000–2010, population-weighted by income group (scripts/calibrate-diffusion.ts); see docs/CALIBRATION.md',
  }),
  trainingEffect: num({
    default: 0.004, min: 0, max: 1, unit: '1/year per $/person/year', section: '7.7', status: 'assumption',
    doc: 'λT: extra literacy growth rate (per unit of access) per dollar of training spent per person per year.',
    source: 'Assumed (frozen at the core’s value; no data up to 2010 to calibrate it on). For scale: digital-skills courses cost about $50–100 per trainee (ITU Digital Skills Toolkit 2018).',
  }),
  unlinkedTrainingFactor: num({
    default: 0.4, min: 0, max: 1, unit: '×', section: '7.7', status: 'assumption',
    doc: 'φ: effect of training not delivered with infrastructure (1 = the P7 ablation).',
    source: 'Assumed in the specification (MODEL.md §7.7: φ < 1 is assumed, after seed 000’s claim that infrastructure works best tied to education); validation also runs φ = 1.',
  }),
  peerLiteracyRate: num({
    default: 0.1, min: 0, max: 2, unit: '1/year', section: '7.7', status: 'assumption',
    doc: 'λpeer: literacy catch-up toward better-literate neighbours.', source: 'Assumed.',
  }),
  connectCostPerPerson: num({
    default: 140, min: 1, max: 2000, unit: '$/person', section: '7.7', status: 'cited',
    doc: 'Infrastructure cost of connecting one person.',
    source: 'ITU 2020, "Connecting Humanity: Assessing investment needs of connecting humanity to the Internet by 2030": ≈ $428 bn to connect ≈ 3 bn people',
  }),
  digitalLiteracyFactor: num({
    default: 0.9, min: 0.1, max: 1, unit: '×', section: '7.7', status: 'assumption',
    doc: 'Initial digital literacy = adult literacy × this (before matching observed internet use).', source: 'Assumed.',
  }),
  skillLearningRate: num({
    default: 0.2, min: 0, max: 2, unit: '1/year', section: '7.7', status: 'assumption',
    doc: 'Skill growth per unit share of people in manufacturing work (learning by doing).', source: 'Assumed.',
  }),
  skillTrainingEffect: num({
    default: 0.002, min: 0, max: 1, unit: '1/year per $/person/year', section: '7.7', status: 'assumption',
    doc: 'Skill growth per dollar of training per person per year.', source: 'Assumed.',
  }),
  skillInitialBase: num({
    default: 0.2, min: 0, max: 1, unit: 'skill', section: '7.7', status: 'assumption',
    doc: 'Initial skill of a region’s cells = this + the region’s industry-workers share (capped at 1).', source: 'Assumed.',
  }),
  unemploymentMinIndustryShare: num({
    default: 0.05, min: 0, max: 1, unit: 'share', section: '7.7', status: 'assumption',
    doc: 'Least industry-workers share by which a shortfall of the modelled sector’s jobs raises unemployment (so regions with tiny industries still feel closures).',
    source: 'Assumed.',
  }),
  skillDecayRate: num({
    default: 0.02, min: 0, max: 1, unit: '1/year', section: '7.7', status: 'assumption',
    doc: 'Skill erodes at this rate without practice.', source: 'Assumed.',
  }),
  skillPremium: num({
    default: 0.5, min: 0, max: 3, unit: '×', section: '7.7', status: 'assumption',
    doc: 'Income rises by this share per unit of skill above the regional mean.', source: 'Assumed.',
  }),
  incomeDispersion: num({
    default: 0.5, min: 0, max: 2, unit: 'log sd', section: '7.7', status: 'assumption',
    doc: 'Log-normal spread of household income across the cells of a region.', source: 'Assumed (within-country income spread).',
  }),
  povertyLinePerDay: num({
    default: 2.15, min: 0, max: 100, unit: '$/person/day', section: '6', status: 'cited',
    doc: 'Income line for the SDG 1 proxy.',
    source: 'World Bank 2022, Poverty and Shared Prosperity 2022: international poverty line $2.15 a day (2017 PPP)',
  }),
  trustInitial: num({
    default: 0.62, min: 0, max: 1, unit: 'share', section: '7.8', status: 'cited',
    doc: 'Mean initial trust in business τF.',
    source: 'Edelman Trust Barometer 2021, global report: trust in business ≈ 61–62% (28-market average)',
  }),
  cellDigitalSpread: num({
    default: 0.1, min: 0, max: 0.5, unit: 'sd (share)', section: '9.6', status: 'assumption',
    doc: 'Spread of a cell’s starting access and literacy around its region’s values (the region’s means and its internet use a · l stay the data’s; the spread shrinks near 0 and 1).',
    source: 'Assumed; for scale, household internet access at home was about twice as high in urban as in rural areas in 2019–2020 (ITU, Measuring digital development: Facts and figures 2020).',
  }),
  trustInitialCellSpread: num({
    default: 0.02, min: 0, max: 0.3, unit: 'sd', section: '7.8', status: 'assumption',
    doc: 'Spread of initial trust (τF and τG) across the cells of a region, around the region’s draw.', source: 'Assumed.',
  }),
  trustInitialSpread: num({
    default: 0.05, min: 0, max: 0.3, unit: 'sd', section: '7.8', status: 'assumption',
    doc: 'Spread of initial trust across regions.', source: 'Assumed.',
  }),
  governmentTrustInitial: num({
    default: 0.52, min: 0, max: 1, unit: 'share', section: '7.8', status: 'cited',
    doc: 'Mean initial trust in government τG.',
    source: 'Edelman Trust Barometer 2021, global report: trust in government ≈ 52–53% (28-market average)',
  }),
  trustGainRate: num({
    default: 0.3, min: 0, max: 1, unit: 'per unit event weight', section: '7.8', status: 'assumption',
    doc: 'α⁺: trust gained per unit weight of a good event.', source: 'Assumed.',
  }),
  trustLossRatio: num({
    default: 3, min: 1, max: 10, unit: 'α⁻/α⁺', section: '7.8', status: 'cited',
    doc: 'α⁻ = this × α⁺ (1 = the P8 ablation).',
    source: 'Slovic 1993, "Perceived risk, trust, and democracy", Risk Analysis 13(6): trust-destroying events weigh far more than trust-building ones (the asymmetry principle); the ratio 3 is MODEL.md §7.8’s',
  }),
  trustEventScale: num({
    default: 4, min: 0, max: 200, unit: '× jobs share', section: '7.8', status: 'assumption',
    doc: 'Event weight m per unit share of the region’s workers affected (a closure of 5% of jobs: m = 0.2).',
    source: 'Assumed.',
  }),
  noticeThreshold: num({
    default: 0.005, min: 0, max: 0.2, unit: 'share of jobs per week', section: '7.8', status: 'assumption',
    doc: 'Net hiring or layoffs below this share of a region’s jobs in a week go unnoticed (weekly noise is not news).',
    source: 'Assumed.',
  }),
  shortageTrustWeight: num({
    default: 0.5, min: 0, max: 10, unit: 'per lost share', section: '7.8', status: 'assumption',
    doc: 'Event weight of shortages: m = this × the share of the region’s final demand lost this week.', source: 'Assumed.',
  }),
  timelySupplyWeight: num({
    default: 0.025, min: 0, max: 1, unit: 'event weight', section: '7.8', status: 'assumption',
    doc: 'Weekly good-event weight when a region’s final demand is fully served (timely supply).',
    source: 'Assumed (frozen at the core’s value): chosen so that good events can balance bad ones under the 3:1 asymmetry and baseline trust in business can stay near Edelman’s 0.62; not fitted to data (MODEL.md §8 allows calibration only on data up to 2010).',
  }),
  trustDiffusion: num({
    default: 0.05, min: 0, max: 1, unit: '1/week', section: '7.8', status: 'assumption',
    doc: 'ω: pull of trust toward the neighbours’ mean.', source: 'Assumed.',
  }),
  transparencyPull: num({
    default: 0.05, min: 0, max: 1, unit: '1/week', section: '7.8', status: 'assumption',
    doc: 'ω_T: pull of τF toward firms’ actual record, times the transparency level.', source: 'Assumed.',
  }),
  firmRecordMemoryWeeks: num({
    default: 26, min: 1, max: 520, unit: 'weeks', section: '7.8', status: 'assumption',
    doc: 'Memory of firms’ record in a region (the share of good events that transparency reveals): an EMA over about this many weeks.',
    source: 'Assumed: about half a year of news.',
  }),
  jobsSmoothingRate: num({
    default: 0.25, min: 0.01, max: 1, unit: '1/week', section: '7.8', status: 'assumption',
    doc: 'Weight of this week’s jobs in the smoothed jobs count whose changes people notice as hiring or layoffs (about a month).',
    source: 'Assumed: people notice hiring and layoffs over about a month, not week to week.',
  }),
  timelySupplyMaxLostShare: num({
    default: 0.02, min: 0, max: 1, unit: 'share of demand', section: '7.8', status: 'assumption',
    doc: 'A region counts as timely supplied (a good event of weight timelySupplyWeight) when less than this share of its final demand was lost this week.',
    source: 'Assumed: a 98% fill rate goes unnoticed by customers.',
  }),
  governmentProgrammeWeight: num({
    default: 100, min: 0, max: 10000, unit: 'per share of weekly GDP', section: '7.8', status: 'assumption',
    doc: 'τG good-event weight per unit of weekly programme spending as a share of the region’s weekly GDP (capped at 1 with the other good terms).',
    source: 'Assumed: programmes of 1% of GDP are a full-weight good event.',
  }),
  governmentTransparencyWeight: num({
    default: 0.5, min: 0, max: 10, unit: 'per θ_T', section: '7.8', status: 'assumption',
    doc: 'τG good-event weight per unit of transparency θ_T.', source: 'Assumed.',
  }),
  governmentUnemploymentWeight: num({
    default: 5, min: 0, max: 100, unit: 'per unemployment share', section: '7.8', status: 'assumption',
    doc: 'τG event weight per unit of unemployment below (good) or above (bad) baseUnemployment.',
    source: 'Assumed: 20 points of excess unemployment are a full-weight bad event.',
  }),
  governmentShortageMemoryWeeks: num({
    default: 52, min: 0, max: 520, unit: 'weeks', section: '9.6', status: 'assumption',
    doc: 'τG judges shortages against the share of final demand people are used to losing, an EMA over about this many weeks: more lost than usual is a bad event, less a good one. 0: against none (every lost unit is bad).',
    source: 'Assumed: about a year. Reference dependence (Kahneman & Tversky 1979) and approval that follows changes in economic conditions rather than their level (Lewis-Beck & Stegmaier 2000) give the form, not the length.',
  }),
  governmentTrustRate: num({
    default: 0.02, min: 0, max: 1, unit: '1/week', section: '7.8', status: 'assumption',
    doc: 'Speed at which τG responds to unemployment, shortages, programmes and transparency.', source: 'Assumed.',
  }),
} as const;
