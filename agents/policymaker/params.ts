import { choice, int, num } from '../../src/sim/params/define.ts';

/** Policymakers: scheme or adaptive mode, and the adaptive trigger rules. MODEL.md §7.9. */
export const policyParams = {
  policyMode: choice({
    default: 'scheme', options: ['scheme', 'adaptive'] as const, section: '7.9', status: 'setting',
    doc: 'scheme: follow the scenario’s timeline; adaptive: every policymaker applies the trigger rules below.',
    source: 'Experiment switch (MODEL.md §7.9): scheme by default.',
  }),
  shortageTrigger: num({
    default: 0.05, min: 0, max: 1, unit: 'share of demand', section: '7.9', status: 'assumption',
    doc: 'Adaptive: lost final deliveries above this share of the region’s demand raise the local-sourcing subsidy.',
    source: 'Assumed.',
  }),
  adaptiveSubsidyRate: num({
    default: 0.1, min: 0, max: 1, unit: 'share of component price', section: '7.9', status: 'assumption',
    doc: 'Adaptive: local-sourcing subsidy set when the shortage trigger fires.', source: 'Assumed.',
  }),
  adaptiveSubsidyDecay: num({
    default: 0.5, min: 0, max: 1, unit: 'per quarter', section: '7.9', status: 'assumption',
    doc: 'Adaptive: without shortages, the local-sourcing subsidy is multiplied by this each quarter.', source: 'Assumed.',
  }),
  adaptiveProgrammeLevel: num({
    default: 0.5, min: 0, max: 1, unit: 'level', section: '7.9', status: 'assumption',
    doc: 'Adaptive: level (1 = full) at which infrastructure, training and SME tech grants start when their trigger fires.',
    source: 'Assumed.',
  }),
  reshoringRecurrence: int({
    default: 2, min: 1, max: 4, unit: 'quarters of the last 4', section: '7.9', status: 'assumption',
    doc: 'Adaptive: shortages in at least this many of the last four quarters start a reshoring grant.', source: 'Assumed.',
  }),
  adaptiveReshoringShare: num({
    default: 0.3, min: 0, max: 1, unit: 'share of capex', section: '7.9', status: 'assumption',
    doc: 'Adaptive: share of new-plant capex the reshoring grant pays.', source: 'Assumed.',
  }),
  usageGapTrigger: num({
    default: 0.3, min: 0, max: 1, unit: 'usage (a·l)', section: '7.9', status: 'assumption',
    doc: 'Adaptive: digital usage this far below the top income quartile starts infrastructure investment.', source: 'Assumed.',
  }),
  literacyGapTrigger: num({
    default: 0.2, min: 0, max: 1, unit: 'literacy', section: '7.9', status: 'assumption',
    doc: 'Adaptive: literacy this far below the top income quartile starts (linked) training.', source: 'Assumed.',
  }),
  smeExitTrigger: num({
    default: 0.15, min: 0, max: 100, unit: 'exits per SME per year', section: '7.9', status: 'assumption',
    doc: 'Adaptive: an SME exit rate above this starts SME technology grants.', source: 'Assumed.',
  }),
  tariffPressureTrigger: num({
    default: 0.03, min: 0, max: 1, unit: '(1 − τG) × unemployment', section: '7.9', status: 'assumption',
    doc: 'Adaptive: political pressure above this makes a tariff likely (probability rises with the excess).', source: 'Assumed.',
  }),
  adaptiveTariffRate: num({
    default: 0.1, min: 0, max: 1, unit: 'ad valorem', section: '7.9', status: 'assumption',
    doc: 'Adaptive: tariff imposed when the pressure trigger fires.', source: 'Assumed.',
  }),
  borderPressureTrigger: num({
    default: 0.08, min: 0, max: 1, unit: '(1 − τG) × unemployment', section: '7.9', status: 'assumption',
    doc: 'Adaptive: pressure above this makes a border closure likely.', source: 'Assumed.',
  }),
  approvalTrigger: num({
    default: 0.45, min: 0, max: 1, unit: 'mean τG', section: '7.9', status: 'assumption',
    doc: 'Adaptive: approval below this starts a transparency programme.', source: 'Assumed.',
  }),
  adaptiveTransparency: num({
    default: 0.5, min: 0, max: 1, unit: 'θ_T', section: '7.9', status: 'assumption',
    doc: 'Adaptive: transparency level when the approval trigger fires.', source: 'Assumed.',
  }),
  transparencyCostShare: num({
    default: 0.1, min: 0, max: 1, unit: 'share of budget at θ_T = 1', section: '7.9', status: 'assumption',
    doc: 'Budget share a full transparency programme uses.', source: 'Assumed.',
  }),
  smartSourcingNodeCostPerYear: num({
    default: 1_000_000, min: 0, max: 1e9, unit: 'real $ per region-year (2019 PPP)', section: '9.5', status: 'assumption',
    doc: 'Running cost of a smart sourcing node (a regional digital procurement platform) at level 1, paid weekly from the region’s budget; an unfunded week the platform is off.',
    source: 'Assumed (order of magnitude of a regional business-support platform’s running budget; MODEL.md §9.5 gives no value).',
  }),
  smeGrantReferenceWeeks: num({
    default: 4, min: 0.1, max: 52, unit: 'weeks of wages per year', section: '7.9', status: 'assumption',
    doc: 'A "full" SME tech grant is this many weeks of the SME’s wage bill per year.', source: 'Assumed.',
  }),
} as const;
