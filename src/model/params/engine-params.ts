import { HAZARD_FIT } from './hazard-fit.ts';
import { int, num, bool } from '../../sim/params/define.ts';

/** Run-wide parameters: scale, schedule, geography, prices, money. MODEL.md §2, §3, §7.4. */
export const engineParams = {
  scale: num({
    default: 1, min: 0.01, max: 1000, unit: '×', section: '2', status: 'setting',
    doc: 'Agent-count multiplier: SMEs and community cells (and the sampled economy) grow with it; shares and means do not.',
    source: 'Sampling knob (MODEL.md §8): shares and means do not depend on it; the scale test checks that.',
  }),
  warmupWeeks: int({
    default: 52, min: 0, max: 520, unit: 'weeks', section: '3', status: 'setting',
    doc: 'Weeks simulated before week 0 and not recorded, so pre-shock levels exist even for a shock at week 0.',
    source: 'Run setting (MODEL.md §3): weeks simulated before week 0, not recorded.',
  }),
  recordEvery: int({
    default: 1, min: 1, max: 52, unit: 'weeks', section: '6', status: 'setting',
    doc: 'Record indicators every this many weeks.', source: 'Output setting (MODEL.md §6).',
  }),
  strategyPeriodWeeks: int({
    default: 13, min: 1, max: 52, unit: 'weeks', section: '7.1', status: 'assumption',
    doc: 'Weeks between strategic decisions (sourcing strategy, supplier contracts, policy reviews).',
    source: 'Assumed in the specification (MODEL.md §2: strategic decisions quarterly); no publication gives the value.',
  }),
  handlingWeeks: int({
    default: 1, min: 0, max: 4, unit: 'weeks', section: '2', status: 'assumption',
    doc: 'Fixed handling time added to every shipment.',
    source: 'Assumed in the specification (MODEL.md §2: handling 1 week); no publication gives the value.',
  }),
  shipKmPerWeek: num({
    default: 5000, min: 1000, max: 20000, unit: 'km/week', section: '2', status: 'assumption',
    doc: 'Distance a shipment covers per week; lead time = handling + ceil(km / this).',
    source: 'Assumed in the specification (MODEL.md §2: 5,000 km a week); no publication gives the value.',
  }),
  freightPerUnitKm: num({
    default: 0.0012, min: 0, max: 0.01, unit: '$/(unit·km)', section: '2', status: 'assumption',
    doc: 'Freight cost per unit and km of great-circle distance.',
    source: 'Set so intercontinental freight is about 10–15% of import value (UNCTAD Review of Maritime Transport 2021).',
  }),
  landlockedFreightFactor: num({
    default: 1.5, min: 1, max: 3, unit: '×', section: '2', status: 'assumption',
    doc: 'Freight multiplier for shipments to or from a landlocked region.',
    source: 'UNCTAD 2021: landlocked developing countries pay markedly higher transport costs.',
  }),
  co2PerUnitKm: num({
    default: 0.00015, min: 0, max: 0.01, unit: 'kg CO₂/(unit·km)', section: '2', status: 'assumption',
    doc: 'Transport CO₂ per unit and km (a 10 kg unit at about 15 g CO₂ per tonne-km).',
    source: 'ITF Transport Outlook 2019 (sea freight ≈ 10–20 g CO₂/t·km)',
  }),
  co2PerVirginRawUnit: num({
    default: 20, min: 0, max: 500, unit: 'kg CO₂/unit', section: '9.5', status: 'cited',
    doc: 'Production CO₂ of a unit of virgin raw input (a 10 kg unit, as for co2PerUnitKm, of steel-like material at about 2 kg CO₂ per kg).',
    source: 'worldsteel, Sustainability Indicators 2020: 1.85 t CO₂ per t of crude steel cast in 2019 (about 2.2 t on the primary blast-furnace route; IEA Iron and Steel Technology Roadmap 2020).',
  }),
  co2PerRecycledRawUnit: num({
    default: 4, min: 0, max: 500, unit: 'kg CO₂/unit', section: '9.5', status: 'cited',
    doc: 'Production CO₂ of a unit of recycled raw input (10 kg at about 0.4 kg CO₂ per kg): a fifth of the virgin unit’s.',
    source: 'IEA Iron and Steel Technology Roadmap 2020: scrap-based electric-arc steel about 0.3–0.5 t CO₂ per t; for aluminium, recycling needs about 5% of the energy of primary production (International Aluminium Institute; Bureau of International Recycling).',
  }),
  markup: num({
    default: 0.2, min: 0, max: 1, unit: 'share of cost', section: '7.4', status: 'assumption',
    doc: 'Cost-plus markup μ at every tier.',
    source: 'Assumed in the specification (MODEL.md §7.4: μ = 0.2); no publication gives the value.',
  }),
  priceAdjustmentRate: num({
    default: 0.1, min: 0.001, max: 1, unit: '1/week', section: '7.4', status: 'assumption',
    doc: 'How fast plants’ and hub suppliers’ prices move toward cost plus markup each week.',
    source: 'Assumed: prices adjust over about ten weeks.',
  }),
  labourShareOfGdp: num({
    default: 0.55, min: 0.2, max: 0.8, unit: 'share', section: '7.5', status: 'cited',
    doc: 'Wage per worker-week = GDP per capita × this / 52.',
    source: 'ILO 2019, "The Global Labour Income Share and Distribution", data production and analysis unit: labour income share ≈ 0.51–0.55 of GDP',
  }),
  productivityElasticity: num({
    default: 0.75, min: 0, max: 1, unit: '', section: '7.5', status: 'assumption',
    doc: 'Labour productivity rises with GDP per capita to this power, so unit labour costs differ less than wages.',
    source: 'Golub 1999 (unit labour costs vary far less than wages across countries); value assumed.',
  }),
  labourPerRawUnit: num({
    default: 0.2, min: 0.01, max: 2, unit: 'worker-weeks/unit', section: '7.5', status: 'assumption',
    doc: 'Labour per raw-input unit at reference productivity.', source: 'MODEL.md §7.5 (assumption)',
  }),
  labourPerComponent: num({
    default: 0.5, min: 0.01, max: 2, unit: 'worker-weeks/unit', section: '7.5', status: 'assumption',
    doc: 'Labour per component unit at reference productivity.', source: 'MODEL.md §7.5 (assumption)',
  }),
  labourPerAssembly: num({
    default: 0.5, min: 0.01, max: 2, unit: 'worker-weeks/unit', section: '7.5', status: 'assumption',
    doc: 'Labour per final-good unit at reference productivity.', source: 'MODEL.md §7.5 (assumption)',
  }),
  finalGoodsShareOfGdp: num({
    default: 0.05, min: 0.001, max: 0.3, unit: 'share of GDP', section: '7.5', status: 'assumption',
    doc: 'Spending on the modelled final good as a share of (sampled) GDP at reference prices.',
    source: 'Assumed: manufactured consumer durables are a few % of GDP (OECD national accounts).',
  }),
  localMarketShare: num({
    // MODEL.md §9.2 reads it as sales (gross output); 0.12 of GDP in value added, as first sized, over 1 − localInputShare (0.45).
    default: 0.12 / 0.55, min: 0, max: 0.5, unit: 'share of GDP', section: '2', status: 'assumption',
    doc: 'Local market for components and services served by a region’s SMEs (its sales, gross output: MODEL.md §9.2), as a share of its GDP.',
    source: 'Assumed: sized so SMEs hold most firm employment (OECD ≈ 60%, MODEL.md P10): 0.12 of GDP in value added, which at localInputShare 0.45 is 0.12 / 0.55 ≈ 0.218 in sales.',
  }),
  localImportShare: num({
    default: 0.1, min: 0, max: 0.9, unit: 'share of the local market', section: '9.4', status: 'assumption',
    doc: 'Contested share: the share of each region’s local market for components and services that hub suppliers supply by import at the start (it calibrates the Armington weight of the hub side; 0 = the market is not contested and SMEs alone serve it).',
    source: 'Assumed: components are traded (MODEL.md §9.2 puts the foreign content of production at about 0.25, OECD TiVA) but most of an SME local market is services, which are little traded; 0.1 as a blend. At 0.25 the hubs’ local-market units (about 2.4× the final demand in units) made hub lockdowns nearly harmless to chains (two-hubs hub-lockdown: lowest fill 0.976 against 0.585 uncontested; 0.807 at 0.1).',
  }),
  localSubstitutionElasticity: num({
    default: 1.5, min: 0, max: 10, unit: '', section: '9.4', status: 'cited',
    doc: 'σ: substitution elasticity between the SME side and hub imports in the local market; spending shares move with landed price^(1 − σ) (the logit’s price coefficient on ln price is σ − 1).',
    source: 'McDaniel & Balistreri 2003, Économie internationale 94–95 (“A review of Armington trade substitution elasticities”): short-run estimates about 1–2; MODEL.md §9.4: about 1.5.',
  }),
  startingSmeUtilisation: num({
    default: 0.9, min: 0.1, max: 1, unit: 'share', section: '5', status: 'assumption',
    doc: 'Local markets are sized so that the starting SMEs run at this utilisation (just above break-even).',
    source: 'Assumed.',
  }),
  demandIncomeElasticity: num({
    default: 0.8, min: 0, max: 2, unit: '', section: '7.5', status: 'assumption',
    doc: 'Final demand ∝ population × GDP per capita^η.',
    source: 'Assumed in the specification (MODEL.md §7.5: η = 0.8); no publication gives the value.',
  }),
  localDemandIncomeElasticity: num({
    default: 1, min: 0, max: 3, unit: '', section: '7.5', status: 'assumption',
    doc: 'Local-market demand moves with the region’s labour income relative to its trend, to this power (final demand uses η = demandIncomeElasticity).',
    source: 'Assumed in the specification (MODEL.md §9.2: elasticity 1 for the local market); no publication gives the value.',
  }),
  demandFollowsIncome: bool({
    default: true, section: '7.5', status: 'setting',
    doc: 'Local and final demand follow the region’s labour income (false = demand fixed, the P2 ablation of MODEL.md §9.2).',
    source: 'Ablation switch (MODEL.md §9.2): true is the model; false holds demand at its base × shocks × noise.',
  }),
  demandNoiseSd: num({
    default: 0.05, min: 0, max: 0.5, unit: 'log', section: '7.5', status: 'assumption',
    doc: 'Stationary standard deviation of the AR(1) log-noise on regional demand.', source: 'MODEL.md §7.5 (assumption)',
  }),
  demandNoiseAr: num({
    default: 0.6, min: 0, max: 0.99, unit: '', section: '7.5', status: 'assumption',
    doc: 'Weekly autocorrelation of the demand noise (0 = white noise; P11 ablation).', source: 'MODEL.md §7.5 (assumption)',
  }),
  profitTaxRate: num({
    default: 0.2, min: 0, max: 0.6, unit: 'share of profit', section: '7.9', status: 'cited',
    doc: 'Tax on positive weekly profit, paid by every firm.',
    source: 'OECD 2020, Corporate Tax Statistics, second edition: average combined statutory rate ≈ 20–23%',
  }),
  taxShare: num({
    default: 0.15, min: 0, max: 0.5, unit: 'share of GDP', section: '7.9', status: 'cited',
    doc: 'Tax revenue as a share of GDP (sets policy budgets).',
    source: 'World Bank, World Development Indicators 2019, GC.TAX.TOTL.GD.ZS: tax revenue ≈ 15% of GDP (world)',
  }),
  policyShare: num({
    default: 0.01, min: 0, max: 0.2, unit: 'share of tax revenue', section: '7.9', status: 'assumption',
    doc: 'Share of tax revenue a policymaker can spend on these instruments.',
    source: 'Assumed (industrial and digital programmes are ≈ 1% of budgets).',
  }),
  baseUnemployment: num({
    default: 0.06, min: 0, max: 0.5, unit: 'share', section: '7.7', status: 'cited',
    doc: 'Unemployment when the modelled sector employs its trend level.',
    source: 'ILO 2020, World Employment and Social Outlook: Trends 2020: world unemployment 5.4% in 2019',
  }),
  jobsTrendWeeks: int({
    default: 52, min: 1, max: 520, unit: 'weeks', section: '7.7', status: 'assumption',
    doc: 'Memory of the jobs trend against which job losses raise unemployment.',
    source: 'Assumed: labour reallocates within about a year.',
  }),
  hazardEnabled: bool({
    default: true, section: '7.10', status: 'setting',
    doc: 'Random regional disruptions (the background hazard) are drawn.',
    source: 'Ablation switch (MODEL.md §7.10): the background hazard is on by default.',
  }),
  hazardPerRegionYear: num({
    default: HAZARD_FIT.regionHazardPerYear, min: 0, max: 2, unit: '1/year', section: '7.10', status: 'calibrated',
    doc: 'Rate of ≥ 1-month disruptions in each region that is not a hub (a region’s own draw).',
    source: 'Fitted by scripts/calibrate-hazard.ts (docs/CALIBRATION.md) so that a single-hub GLOBAL chain (its hub and its plant’s region) meets a ≥ 1-month disruption every 3.7 years: McKinsey Global Institute 2020, "Risk, resilience, and rebalancing in global value chains"; hubs and other regions share one rate (no source sets them apart)',
  }),
  hubHazardPerYear: num({
    default: HAZARD_FIT.hubHazardPerYear, min: 0, max: 2, unit: '1/year', section: '7.10', status: 'calibrated',
    doc: 'Rate of ≥ 1-month disruptions in each hub region (a region’s own draw).',
    source: 'Fitted by scripts/calibrate-hazard.ts (docs/CALIBRATION.md) with hazardPerRegionYear: McKinsey Global Institute 2020, "Risk, resilience, and rebalancing in global value chains" (a ≥ 1-month disruption every 3.7 years)',
  }),
  hazardMinWeeks: int({
    default: 4, min: 1, max: 52, unit: 'weeks', section: '7.10', status: 'cited',
    doc: 'Shortest hazard disruption.',
    source: 'McKinsey Global Institute 2020, "Risk, resilience, and rebalancing in global value chains": disruptions lasting a month or longer',
  }),
  hazardMaxWeeks: int({
    default: 8, min: 1, max: 52, unit: 'weeks', section: '7.10', status: 'assumption',
    doc: 'Longest hazard disruption.', source: 'Assumed: most ≥ 1-month disruptions last 1–2 months (MGI 2020).',
  }),
  hazardCapacityMin: num({
    default: 0.3, min: 0, max: 1, unit: 'share', section: '7.10', status: 'assumption',
    doc: 'Lowest capacity factor of a hazard disruption.', source: 'Assumed, like the covid-2020 lockdowns (0.3–0.6).',
  }),
  hazardCapacityMax: num({
    default: 0.7, min: 0, max: 1, unit: 'share', section: '7.10', status: 'assumption',
    doc: 'Highest capacity factor of a hazard disruption.', source: 'Assumed.',
  }),
  onsiteShareLocalServices: num({
    default: 0.8, min: 0.01, max: 1, unit: 'share of labour', section: '9.3', status: 'assumption',
    doc: 'Share of SMEs’ local-services labour that cannot work remotely: a lockdown cuts this tier by it (rescaled per region, §9.3). Above 0, so every lockdown factor stays reachable.',
    source: 'Dingel & Neiman (2020), "How many jobs can be done at home?", Journal of Public Economics 189, 104235: most jobs in manufacturing, production and transport cannot be done at home; the value is assumed from that reading (MODEL.md §9.3)',
  }),
  onsiteShareComponents: num({
    default: 0.9, min: 0.01, max: 1, unit: 'share of labour', section: '9.3', status: 'assumption',
    doc: 'Share of component makers’ (SMEs’ chain work and hub suppliers’) labour that cannot work remotely: a lockdown cuts this tier by it (rescaled per region, §9.3). Above 0, so every lockdown factor stays reachable.',
    source: 'Dingel & Neiman (2020), "How many jobs can be done at home?", Journal of Public Economics 189, 104235: most jobs in manufacturing, production and transport cannot be done at home; the value is assumed from that reading (MODEL.md §9.3)',
  }),
  onsiteShareAssembly: num({
    default: 0.9, min: 0.01, max: 1, unit: 'share of labour', section: '9.3', status: 'assumption',
    doc: 'Share of lead-firm plants’ assembly labour that cannot work remotely: a lockdown cuts this tier by it (rescaled per region, §9.3). Above 0, so every lockdown factor stays reachable.',
    source: 'Dingel & Neiman (2020), "How many jobs can be done at home?", Journal of Public Economics 189, 104235: most jobs in manufacturing, production and transport cannot be done at home; the value is assumed from that reading (MODEL.md §9.3)',
  }),
  onsiteShareRawInputs: num({
    default: 0.7, min: 0.01, max: 1, unit: 'share of labour', section: '9.3', status: 'assumption',
    doc: 'Share of raw-input producers’ (hubs’ and the domestic source’s) labour that cannot work remotely: a lockdown cuts this tier by it (rescaled per region, §9.3). Above 0, so every lockdown factor stays reachable.',
    source: 'Dingel & Neiman (2020), "How many jobs can be done at home?", Journal of Public Economics 189, 104235: most jobs in manufacturing, production and transport cannot be done at home; the value is assumed from that reading (MODEL.md §9.3)',
  }),
} as const;
