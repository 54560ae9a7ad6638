import { bool, choice, int, num } from '../../src/sim/params/define.ts';
import { HAZARD_FIT } from '../../src/model/params/hazard-fit.ts';

export const STRATEGIES = ['GLOBAL', 'DUAL', 'NEARSHORE', 'MULTILOCAL', 'LOCAL'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Lead firms: strategy, ordering, markets, finance. MODEL.md §7.1, §7.2, §7.5. */
export const firmParams = {
  strategyOverride: choice({
    default: 'none', options: ['none', 'GLOBAL', 'DUAL', 'NEARSHORE', 'MULTILOCAL', 'LOCAL'] as const, section: '7.1', status: 'setting',
    doc: 'Force one sourcing strategy on every lead firm (LOCAL = renationalisation, override only).',
    source: 'Experiment switch (MODEL.md §7.1): none by default.',
  }),
  dualShare: num({
    default: 0.3, min: 0, max: 1, unit: 'share', section: '7.1', status: 'assumption',
    doc: 'Share of components a DUAL firm buys from SMEs of its home bloc.',
    source: 'Assumed in the specification (MODEL.md §7.1); no publication gives the value.',
  }),
  multilocalMinShare: num({
    default: 0.15, min: 0, max: 1, unit: 'share of demand', section: '7.1', status: 'assumption',
    doc: 'A MULTILOCAL firm opens a plant in every bloc with at least this share of its demand.',
    source: 'Assumed in the specification (MODEL.md §2); no publication gives the value.',
  }),
  rampWeeks: int({
    default: 26, min: 1, max: 156, unit: 'weeks', section: '7.1', status: 'assumption',
    doc: 'Weeks for new plant capacity to ramp up to its target.',
    source: 'Assumed in the specification (MODEL.md §7.1); no publication gives the value.',
  }),
  amortisationWeeks: int({
    default: 156, min: 13, max: 520, unit: 'weeks', section: '7.1', status: 'assumption',
    doc: 'A firm switches strategy only if the weekly gain over this many weeks exceeds the switching cost.',
    source: 'Assumed: three-year payback, a common capital-budgeting horizon.',
  }),
  plantCapexWeeks: num({
    default: 26, min: 0, max: 260, unit: 'weeks of plant revenue', section: '7.1', status: 'assumption',
    doc: 'Capital cost of a new plant, in weeks of the revenue its capacity serves.', source: 'Assumed.',
  }),
  plantOverheadShare: num({
    default: 0.05, min: 0, max: 0.5, unit: 'share of a plant’s weekly revenue', section: '7.1', status: 'assumption',
    doc: 'Weekly overhead of a running plant of the average starting size, as a share of its weekly revenue; it scales with capacity^plantOverheadElasticity, so more, smaller plants cost more per unit (economies of scale).',
    source: 'Assumed; seed 001 (global: economies of scale).',
  }),
  plantOverheadElasticity: num({
    default: 0.7, min: 0, max: 1, unit: '', section: '7.1', status: 'cited',
    doc: 'Plant overhead grows with capacity to this power (below 1: economies of scale).',
    source: 'Chilton 1950, "Six-tenths factor applies to complete plant costs", Chemical Engineering 57(4); Moore 1959, "Economies of scale: some statistical evidence", QJE 73(2): exponents 0.6–0.7',
  }),
  onboardingWeeks: num({
    default: 4, min: 0, max: 52, unit: 'weeks of component spend', section: '7.1', status: 'assumption',
    doc: 'Cost of qualifying a new supplier base, in weeks of the spend moved to it.', source: 'Assumed.',
  }),
  strategyTemp: num({
    default: 0.05, min: 0.001, max: 1, unit: 'share of the mean C_k', section: '7.1', status: 'assumption',
    doc: 'Logit temperature of the strategy choice, as a share of the firm’s mean C_k over the four strategies (shares respond smoothly to costs).',
    source: 'Assumed in the specification (MODEL.md §9.1: 5% of the mean C_k); no publication gives the value.',
  }),
  riskLearning: bool({
    default: true, section: '7.1', status: 'setting',
    doc: 'Lead firms learn from disruptions: π follows their shortfall and ĥ the onsets they and their bloc’s firms meet (false = the P12 ablation: π and ĥ stay at their starting values).',
    source: 'Ablation switch (MODEL.md §9.1): true is the model; false is P12’s risk-learning-off ablation.',
  }),
  hazardMemoryYears: num({
    default: 2, min: 0.1, max: 20, unit: 'years', section: '7.1', status: 'assumption',
    doc: 'Half-life of a lead firm’s memory of observed disruptions (ĥ_r): the weight of an onset halves every this many years.',
    source: 'Assumed in the specification (MODEL.md §9.1); McKinsey 2024 supply-chain survey reports complacency four years after COVID-19, without a rate.',
  }),
  disruptionLossDepth: num({
    default: HAZARD_FIT.disruptionLossDepth, min: 0, max: 1, unit: 'share of supply', section: '7.1', status: 'calibrated',
    doc: 'Share of a source’s supply a firm expects to lose while it is disrupted (E[loss_k]).',
    source: 'Fitted by scripts/calibrate-hazard.ts (docs/CALIBRATION.md) so that a GLOBAL chain’s expected loss at defaults is 42% of one year’s profit per decade: McKinsey Global Institute 2020, "Risk, resilience, and rebalancing in global value chains"',
  }),
  hubChoiceTemp: num({
    default: 0.1, min: 0.001, max: 10, unit: 'share of component price', section: '2', status: 'assumption',
    doc: 'Logit temperature with which GLOBAL buyers spread orders over hub suppliers by landed cost (weighted by capacity).',
    source: 'Assumed: wide enough that firms spread across hubs (MODEL.md §2).',
  }),
  supplierChoiceTemp: num({
    default: 0.1, min: 0.001, max: 10, unit: 'share of component price', section: '7.6', status: 'assumption',
    doc: 'Logit temperature of a lead firm’s choice among visible SMEs (price plus contract cost per unit).',
    source: 'Assumed.',
  }),
  coordinationCostPerRegion: num({
    default: 0.01, min: 0, max: 0.2, unit: 'share of unit cost', section: '7.1', status: 'assumption',
    doc: 'Coordination cost per extra sourcing region.', source: 'Assumed.',
  }),
  coordinationDigitalDiscount: num({
    default: 0.5, min: 0, max: 1, unit: 'share', section: '7.1', status: 'assumption',
    doc: 'How much full digital access of the sourcing regions cuts coordination cost (digital twin, real-time data).',
    source: 'Assumed; seed 001 (digital twin logistics).',
  }),
  sourcingNodeCoordinationCut: num({
    default: 0.3, min: 0, max: 1, unit: 'share', section: '9.5', status: 'assumption',
    doc: 'How much a smart sourcing node cuts the coordination cost of sourcing from its region (scaled by the share of the sourcing regions that run one).',
    source: 'Assumed (MODEL.md §9.5: the node lowers the coordination cost of sourcing from its region; no publication gives the size).',
  }),
  riskPerceptionInitial: num({
    default: 0.05, min: 0, max: 1, unit: 'share', section: '7.1', status: 'assumption',
    doc: 'Initial risk perception π0 of every agent.',
    source: 'Assumed in the specification (MODEL.md §2: π0 = 0.05); no publication gives the value.',
  }),
  riskMemoryRate: num({
    default: 0.05, min: 0.001, max: 1, unit: '1/week', section: '7.1', status: 'assumption',
    doc: 'δ in π ← (1 − δ)π + δ · shortfall.',
    source: 'Assumed in the specification (MODEL.md §7.1: δ = 0.05); no publication gives the value.',
  }),
  hazardMemoryWeeks: int({
    default: 104, min: 4, max: 1040, unit: 'weeks', section: '7.1', status: 'assumption',
    doc: 'Tier-1 suppliers’ (SMEs’) memory of observed disruption onsets (resilience fatigue); lead firms use hazardMemoryYears.', source: 'Assumed: two years.',
  }),
  meanDisruptionWeeks: num({
    default: 6, min: 1, max: 52, unit: 'weeks', section: '7.1', status: 'assumption',
    doc: 'd̄ in E[loss]: the mean disruption length firms expect.', source: 'Mean of the hazard’s 4–8 weeks.',
  }),
  spareCapacityShare: num({
    default: 0.25, min: 0, max: 1, unit: 'share', section: '7.1', status: 'assumption',
    doc: 'Headroom other sources can add when one fails (1/0.8 − 1 at 80% utilisation).', source: 'DisruptSC utilisation 0.8',
  }),
  forecastSmoothing: num({
    default: 0.36, min: 0, max: 1, unit: '1/week', section: '7.2', status: 'cited',
    doc: 'θ: weight of the latest demand in the forecast.',
    source: 'Sterman 1989, "Modeling managerial behavior: misperceptions of feedback in a dynamic decision making experiment", Management Science 35(3): mean of the estimated θ = 0.36',
  }),
  stockAdjustment: num({
    default: 0.26, min: 0, max: 1, unit: '1/week', section: '7.2', status: 'cited',
    doc: 'α_S: share of the stock gap ordered each week.',
    source: 'Sterman 1989, Management Science 35(3): mean of the estimated α_S = 0.26',
  }),
  supplyLineWeight: num({
    default: 0.34, min: 0, max: 1, unit: 'share', section: '7.2', status: 'cited',
    doc: 'β: fraction of the supply-line gap taken into account.',
    source: 'Sterman 1989, Management Science 35(3): mean of the estimated β = 0.34',
  }),
  inventoryCoverWeeks: num({
    default: 2, min: 0, max: 12, unit: 'weeks', section: '7.2', status: 'assumption',
    doc: 'Safety stock in weeks of forecast demand (0 = the P3 no-inventory ablation).',
    source: 'Assumed in the specification (MODEL.md §7.2: cover = 2 weeks); no publication gives the value.',
  }),
  plantUtilisationTarget: num({
    default: 0.8, min: 0.3, max: 1, unit: 'share', section: '2', status: 'cited',
    doc: 'Plants and hubs are sized to run at this utilisation in calm years.',
    source: 'Colon, Hallegatte & Rozenberg 2021, "Criticality analysis of a country’s transport network via an agent-based supply chain model" (DisruptSC), Nature Sustainability 4: firms run at 80% utilisation',
  }),
  capacityAdjustWeeks: int({
    default: 26, min: 1, max: 520, unit: 'weeks', section: '7.1', status: 'assumption',
    doc: 'Time scale on which plant capacity follows the long-run demand forecast.', source: 'Assumed.',
  }),
  reorderShiftRate: num({
    default: 0.2, min: 0, max: 1, unit: '1/week', section: '2', status: 'assumption',
    doc: 'How fast a buyer’s record of each source’s deliveries (an EMA of fill fractions) follows the latest week; orders shift toward sources with a good record.',
    source: 'Assumed.',
  }),
  componentCostMemoryRate: num({
    default: 0.1, min: 0.001, max: 1, unit: '1/week', section: '7.4', status: 'assumption',
    doc: 'How fast a plant’s component cost per unit (landed inputs plus coordination) follows this week’s.', source: 'Assumed.',
  }),
  unitCostVolumeFloor: num({
    default: 0.5, min: 0, max: 1, unit: 'share of forecast', section: '7.4', status: 'assumption',
    doc: 'Coordination cost is spread over at least this share of the plant’s forecast volume, so a thin week does not spike the unit cost.',
    source: 'Assumed.',
  }),
  availabilityMemoryRate: num({
    default: 0.2, min: 0.001, max: 1, unit: '1/week', section: '7.5', status: 'assumption',
    doc: 'How fast a plant’s availability (the fill rate its customers remember, β_a’s input) follows this week’s fill.',
    source: 'Assumed: customers remember about five weeks of service.',
  }),
  blocContentMemoryRate: num({
    default: 0.1, min: 0.001, max: 1, unit: '1/week', section: '7.5', status: 'assumption',
    doc: 'How fast a plant’s recorded same-bloc content follows this week’s inputs.', source: 'Assumed.',
  }),
  servingCapacityShare: num({
    default: 0.5, min: 0, max: 1, unit: 'share of target capacity', section: '2', status: 'assumption',
    doc: 'A plant serves its bloc’s market once its ramping capacity reaches this share of its target; until then the nearest running plant does.',
    source: 'Assumed.',
  }),
  hubExposureMinWeight: num({
    default: 0.01, min: 0, max: 1, unit: 'share of orders', section: '7.1', status: 'assumption',
    doc: 'A plant observes disruption onsets in a hub’s region (ĥ) when the hub’s share of its component orders exceeds this.',
    source: 'Assumed.',
  }),
  sourcingRegionMinWeight: num({
    default: 0.05, min: 0, max: 1, unit: 'share of inputs', section: '7.1', status: 'assumption',
    doc: 'A region counts as a sourcing region in coordination_k when it supplies more than this share of a strategy’s inputs.',
    source: 'Assumed.',
  }),
  priceWeight: num({
    default: 5, min: 0, max: 50, unit: 'per relative price', section: '7.5', status: 'assumption',
    doc: 'β_p: logit weight of the delivered price (relative to the market’s mean).', source: 'Assumed.',
  }),
  availabilityWeight: num({
    default: 2, min: 0, max: 20, unit: 'per fill rate', section: '7.5', status: 'assumption',
    doc: 'β_a: logit weight of a firm’s recent fill rate.', source: 'Assumed.',
  }),
  trustWeight: num({
    default: 1, min: 0, max: 20, unit: 'per trust × presence', section: '7.5', status: 'assumption',
    doc: 'β_τ: logit weight of trust in firms times the firm’s local presence.', source: 'Assumed.',
  }),
  localContentWeight: num({
    default: 0.5, min: 0, max: 20, unit: 'per local content', section: '7.5', status: 'assumption',
    doc: 'β_l: logit weight of local (same-bloc) content (local customisation, speed to market).', source: 'Assumed; seed 001.',
  }),
  firmCashWeeks: num({
    default: 26, min: 0, max: 260, unit: 'weeks of costs', section: '7.6', status: 'assumption',
    doc: 'Initial cash buffer of a lead firm.', source: 'Assumed (large firms hold months of cash).',
  }),
  firmExitWeeks: int({
    default: 52, min: 4, max: 520, unit: 'weeks', section: '7.6', status: 'assumption',
    doc: 'A lead firm exits after this many consecutive weeks of negative cash.', source: 'Assumed.',
  }),
  contractFixedCost: num({
    default: 0.5, min: 0, max: 10, unit: 'component prices per week', section: '7.6', status: 'assumption',
    doc: 'Fixed cost a buyer bears per supplier contract each week: makes larger orders per supplier cheaper (P6 size effect).',
    source: 'Assumed; set to 0 in the P6 size-neutral ablation.',
  }),
  minOrderUnits: num({
    default: 2, min: 0, max: 100, unit: 'units/week', section: '7.6', status: 'assumption',
    doc: 'Smallest weekly order a lead firm places with one supplier (larger SMEs can take larger orders).',
    source: 'Assumed; set to 0 in the P6 size-neutral ablation.',
  }),
  contractCapabilitySlack: num({
    default: 0.05, min: 0, max: 1, unit: 'capability', section: '7.6', status: 'assumption',
    doc: 'A contracted SME keeps its contract at a review while its capability is at least qMin(strategy) minus this (hysteresis).',
    source: 'Assumed.',
  }),
  contractTopUpShare: num({
    default: 0.85, min: 0, max: 1, unit: 'share of need', section: '7.6', status: 'assumption',
    doc: 'Between reviews, a plant that holds less than this share of the SME capacity it needs (suppliers exited) recruits again at once.',
    source: 'Assumed.',
  }),
  smeMaxChainShare: num({
    default: 0.6, min: 0.05, max: 1, unit: 'share of capacity', section: '7.6', status: 'assumption',
    doc: 'Most of an SME’s capacity one contract can take.', source: 'Assumed.',
  }),
  visibilityRequired: bool({
    default: true, section: '7.6', status: 'setting',
    doc: 'Lead firms can find only digitally adopted SMEs (false = the P6 visibility-off ablation).',
    source: 'Ablation switch (MODEL.md §7.6, §8): true is the model; false is the P6 visibility-off ablation.',
  }),
  minCapabilityDual: num({
    default: 0.3, min: 0, max: 1, unit: 'capability', section: '7.6', status: 'assumption',
    doc: 'qMin(DUAL): least SME capability a DUAL firm accepts.', source: 'Assumed.',
  }),
  minCapabilityNearshore: num({
    default: 0.35, min: 0, max: 1, unit: 'capability', section: '7.6', status: 'assumption',
    doc: 'qMin(NEARSHORE).', source: 'Assumed.',
  }),
  minCapabilityMultilocal: num({
    default: 0.35, min: 0, max: 1, unit: 'capability', section: '7.6', status: 'assumption',
    doc: 'qMin(MULTILOCAL).', source: 'Assumed.',
  }),
  minCapabilityLocal: num({
    default: 0, min: 0, max: 1, unit: 'capability', section: '7.6', status: 'assumption',
    doc: 'qMin(LOCAL): renationalisation takes whatever the home region has.', source: 'Assumed.',
  }),
  lastMileHubs: choice({
    default: 'choice', options: ['choice', 'none', 'all'] as const, section: '9.5', status: 'setting',
    doc: 'Distribution hubs for finished goods (§9.5): choice = each firm chooses quarterly per bloc; none = every final good ships direct from its plant (the ablation); all = every firm holds a hub in every bloc it sells in.',
    source: 'Experiment switch (MODEL.md §9.5): choice is the model.',
  }),
  lastMileCoverWeeks: num({
    default: 2, min: 0, max: 12, unit: 'weeks of the bloc’s demand', section: '9.5', status: 'assumption',
    doc: 'Finished goods a distribution hub aims to hold, in weeks of the customer orders it serves (the same cover as a plant’s safety stock, §7.2).',
    source: 'Assumed: the plants’ inventoryCoverWeeks (MODEL.md §7.2); no publication gives a value for the model’s hubs.',
  }),
  lastMileDeliveryWeeks: int({
    default: 1, min: 1, max: 4, unit: 'weeks', section: '9.5', status: 'assumption',
    doc: 'Delivery time from a distribution hub to any region of its bloc.',
    source: 'Assumed in the specification (MODEL.md §9.5: deliveries in the bloc then take one week).',
  }),
  finishedHoldingCostPerYear: num({
    default: 0.25, min: 0, max: 1, unit: 'share of unit cost per year', section: '9.5', status: 'assumption',
    doc: 'Cost of holding a finished good for a year in a distribution hub (capital, warehousing, obsolescence), as a share of its unit cost: the cost side of the hub choice.',
    source: 'Assumed: the conventional inventory carrying cost of about 25% a year used in logistics textbooks; the model’s value is not fitted.',
  }),
} as const;
