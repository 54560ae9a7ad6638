import type { World } from '../world.ts';
import type { Observation } from './observation.ts';
import { weightedGini, herfindahl } from './inequality.ts';
import { INSTRUMENTS, INSTRUMENT_COUNT, SMART_SOURCING_NODE } from '../../../agents/policymaker/index.ts';
import { CHOOSABLE_COUNT, GLOBAL, STRATEGY_NAMES } from '../../../agents/firm/index.ts';
import { NO_BUYER } from '../../../agents/sme/index.ts';

/**
 * The indicators a run records (MODEL.md §6). A regional indicator is a ratio of per-region sums
 * (numerator / denominator; a plain sum has denominator 1), so its value for a bloc, an income
 * group or the world is exact. A global indicator is defined only for the whole world.
 * Exact definitions: docs/ODD.md §6.
 */
export interface RegionalIndicator {
  name: string;
  unit: string;
  doc: string;
  /** Also recorded per region (the headline indicators). */
  headline: boolean;
  /** 'sum': groups add up; 'ratio': groups are Σ numerator / Σ denominator. */
  kind: 'sum' | 'ratio';
  numerator(world: World, o: Observation, r: number): number;
  denominator(world: World, o: Observation, r: number): number;
  /**
   * Recorded only in runs this holds for (checked once, when the recorder is made): the
   * indicators of an optional mechanism, so runs without it keep the same output bytes.
   */
  recordedIf?: (world: World) => boolean;
}

export interface GlobalIndicator {
  name: string;
  unit: string;
  doc: string;
  value(world: World, o: Observation): number;
}

const one = () => 1;
const R = (o: Observation) => o.regionCount;

function sum(
  name: string,
  unit: string,
  doc: string,
  numerator: RegionalIndicator['numerator'],
  headline = false,
): RegionalIndicator {
  return { name, unit, doc, headline, kind: 'sum', numerator, denominator: one };
}

function ratio(
  name: string,
  unit: string,
  doc: string,
  numerator: RegionalIndicator['numerator'],
  denominator: RegionalIndicator['denominator'],
  headline = false,
): RegionalIndicator {
  return { name, unit, doc, headline, kind: 'ratio', numerator, denominator };
}

const population = (w: World, _o: Observation, r: number) => w.regions.population[r];

/** Name suffix of strategy code k: Global, Dual, … */
const strategyLabel = (k: number) => STRATEGY_NAMES[k][0] + STRATEGY_NAMES[k].slice(1).toLowerCase();
const STRATEGY_INDICATORS: RegionalIndicator[] = STRATEGY_NAMES.map((strategy, k) =>
  ratio(
    `strategyShare${strategyLabel(k)}`,
    'share of firms',
    `Share of living lead firms (by home region) following ${strategy}.`,
    (_w, o, r) => o.firmsByStrategy[k * R(o) + r],
    (_w, o, r) => o.firms[r],
  ),
);

const reviewed = (_w: World, o: Observation, r: number) => o.reviewedFirms[r];
const CHOOSABLE_CODES = Array.from({ length: CHOOSABLE_COUNT }, (_, k) => k);
/** What firms' last strategy reviews priced (§7.1, §9.1; `glocal strategies` shows it term by term). */
const REVIEW_INDICATORS: RegionalIndicator[] = [
  ...CHOOSABLE_CODES.filter((k) => k !== GLOBAL).map((k) =>
    ratio(
      `costGap${strategyLabel(k)}`,
      '$/unit',
      `Mean over lead firms (by home region) of C_${STRATEGY_NAMES[k]} − C_GLOBAL at their last strategy review: how much dearer ${STRATEGY_NAMES[k]} is per unit than GLOBAL, disruption risk and local bonus included.`,
      (_w, o, r) => o.costGapSum[k * R(o) + r],
      reviewed,
    ),
  ),
  ...CHOOSABLE_CODES.map((k) =>
    ratio(
      `expectedLoss${strategyLabel(k)}`,
      '$/unit',
      `Mean over lead firms (by home region) of the expected disruption loss (π/π0)⁺ · E[loss] they priced into ${STRATEGY_NAMES[k]} at their last strategy review.`,
      (_w, o, r) => o.expectedLossSum[k * R(o) + r],
      reviewed,
    ),
  ),
];

const SIZE_CLASSES = ['Micro', 'Small', 'Medium'];
const CHAIN_BY_CLASS: RegionalIndicator[] = SIZE_CLASSES.map((label, k) =>
  ratio(
    `smeChainShare${label}`,
    'share of SMEs',
    `Share of ${label.toLowerCase()} SMEs (${['1–9', '10–49', '50–249'][k]} employees) supplying a lead firm.`,
    (_w, o, r) => o.smeInChainByClass[k * R(o) + r],
    (_w, o, r) => o.smeByClass[k * R(o) + r],
  ),
);

/**
 * Whether the run's scenario ever runs a smart sourcing node (§9.5), in its timeline or its
 * rules: only then are the node's indicators recorded (every other run keeps its output bytes).
 */
export function usesSourcingNode(world: World): boolean {
  const name = INSTRUMENTS[SMART_SOURCING_NODE];
  const { policy, rules } = world.scenario;
  return policy.some((p) => p.instrument === name && p.level > 0) || rules.some((p) => p.instrument === name && p.level > 0);
}

const SPEND_INDICATORS: RegionalIndicator[] = INSTRUMENTS.map((instrument, k) => ({
  ...sum(
    `spend${instrument[0].toUpperCase()}${instrument.slice(1)}`,
    '$/week',
    `Real dollars spent on ${instrument} this week (2019 PPP).`,
    (w, _o, r) => weeklySpend(w, r, k),
  ),
  ...(k === SMART_SOURCING_NODE ? { recordedIf: usesSourcingNode } : {}),
}));

/** SMEs of region r listed on a smart sourcing node this week: all of them where one runs (§9.5). */
const listed = (w: World, r: number) => w.regions.sourcingNode[r] > 0;

/** §9.5's indicators (recorded only in runs whose scenario uses the node). */
const SOURCING_NODE_INDICATORS: RegionalIndicator[] = [
  sum('smeListed', 'SMEs', 'SMEs listed on a smart sourcing node this week: every living SME of a region whose node runs (sampled economy).',
    (w, o, r) => (listed(w, r) ? o.smeCount[r] : 0)),
  ratio('smeListedShare', 'share of SMEs', 'Share of SMEs listed on a smart sourcing node this week.',
    (w, o, r) => (listed(w, r) ? o.smeCount[r] : 0), (_w, o, r) => o.smeCount[r]),
  ratio('smeChainShareListed', 'share of SMEs', 'Share of listed SMEs (in regions whose smart sourcing node runs) supplying a lead firm.',
    (w, o, r) => (listed(w, r) ? o.smeInChain[r] : 0), (w, o, r) => (listed(w, r) ? o.smeCount[r] : 0)),
  ratio('smeChainShareUnlisted', 'share of SMEs', 'Share of unlisted SMEs (in regions without a running smart sourcing node) supplying a lead firm.',
    (w, o, r) => (listed(w, r) ? 0 : o.smeInChain[r]), (w, o, r) => (listed(w, r) ? 0 : o.smeCount[r])),
  ratio('smeChainShareListedNotAdopted', 'share of SMEs', 'Share of listed SMEs without digital adoption (visible only through the node) supplying a lead firm.',
    (w, o, r) => (listed(w, r) ? o.smeInChain[r] - o.smeAdoptedInChain[r] : 0), (w, o, r) => (listed(w, r) ? o.smeCount[r] - o.smeAdopted[r] : 0)),
].map((indicator) => ({ ...indicator, recordedIf: usesSourcingNode }));

/** kg CO₂ of the raw inputs made in region r this week (§9.5). */
function productionCo2(world: World, o: Observation, r: number): number {
  return o.rawVirgin[r] * world.params.co2PerVirginRawUnit + o.rawRecycled[r] * world.params.co2PerRecycledRawUnit;
}

/** Real $ spent on an instrument in the current week (difference of the quarter's running total). */
function weeklySpend(world: World, region: number, instrument: number): number {
  return world.policy.spentQuarter[region * INSTRUMENT_COUNT + instrument] - world.policy.spentLastWeek[region * INSTRUMENT_COUNT + instrument];
}

export const REGIONAL_INDICATORS: RegionalIndicator[] = [
  // Efficiency
  ratio('unitCost', '$/unit', 'Production-weighted unit cost of final goods at plants in the region.',
    (_w, o, r) => o.plantUnitCostTimesProduction[r], (_w, o, r) => o.plantProduction[r], true),
  ratio('finalPrice', '$/unit', 'Delivery-weighted factory price of final goods from plants in the region.',
    (_w, o, r) => o.plantPriceTimesDelivered[r], (_w, o, r) => o.plantDelivered[r]),
  sum('leadFirmProfit', '$/week', 'Weekly profit of lead firms headquartered in the region.', (_w, o, r) => o.firmProfit[r]),
  sum('smeProfit', '$/week', 'Weekly profit of the region’s SMEs.', (_w, o, r) => o.smeProfit[r]),
  // Resilience
  sum('finalDemand', 'units/week', 'Final demand for the final good in the region.', (w, _o, r) => w.finalMarket.finalDemand[r], true),
  sum('finalDelivered', 'units/week', 'Final goods delivered to customers in the region.', (w, _o, r) => w.finalMarket.finalDelivered[r], true),
  sum('lostSales', 'units/week', 'Final demand in the region not delivered (lost).', (w, _o, r) => w.finalMarket.finalLost[r], true),
  // Delivered is capped at demand per region: their float sums can differ by rounding (1.0000000000000009).
  ratio('fillRate', 'share', 'Final goods delivered / final demand in the region.',
    (w, _o, r) => Math.min(w.finalMarket.finalDelivered[r], w.finalMarket.finalDemand[r]), (w, _o, r) => w.finalMarket.finalDemand[r], true),
  sum('valueAdded', '$/week', 'Gross value added this week by plants, hubs, SMEs and the domestic and recycled raw sources in the region.',
    (_w, o, r) => o.plantValueAdded[r] + o.hubValueAdded[r] + o.smeValueAdded[r] + o.domesticValueAdded[r], true),
  // Glocalization
  ratio('localSourcingShare', 'share', 'Components shipped to plants in the region from the same region / all components shipped to them.',
    (_w, o, r) => o.plantReceivedLocal[r], (_w, o, r) => o.plantReceived[r], true),
  ratio('regionalSourcingShare', 'share', 'Components shipped to plants in the region from the same bloc / all shipped to them.',
    (_w, o, r) => o.plantReceivedBloc[r], (_w, o, r) => o.plantReceived[r], true),
  ratio('sourcingRegions', 'regions', 'Mean number of regions a running plant received components from this week.',
    (_w, o, r) => o.plantSourcingRegions[r], (_w, o, r) => o.activePlants[r]),
  sum('transportCo2', 'kg CO₂/week', 'CO₂ of component shipments to plants in the region.', (_w, o, r) => o.plantCo2[r]),
  // Circular procurement (§9.5)
  ratio('recycledInputShare', 'share', 'Raw inputs made in the region by its recycled source / all raw inputs made there (hub suppliers’, the domestic source’s and the recycled source’s).',
    (_w, o, r) => o.rawRecycled[r], (_w, o, r) => o.rawVirgin[r] + o.rawRecycled[r]),
  sum('productionCo2', 'kg CO₂/week', 'Production CO₂ of the raw inputs made in the region: virgin units × co2PerVirginRawUnit + recycled units × co2PerRecycledRawUnit.',
    (w, o, r) => productionCo2(w, o, r)),
  ratio('co2PerFinalUnit', 'kg CO₂/unit', 'Production CO₂ of raw inputs plus transport CO₂ of component shipments, in the region, / final goods produced there (at world level: all CO₂ per final good made).',
    (w, o, r) => o.plantCo2[r] + productionCo2(w, o, r), (_w, o, r) => o.plantProduction[r]),
  // Last-mile reconfiguration (§9.5)
  ratio('lastMileHubShare', 'share', 'Final goods delivered to the region from lead firms’ distribution hubs / all final goods delivered there.',
    (w, _o, r) => w.finalMarket.finalViaHub[r], (w, _o, r) => w.finalMarket.finalDelivered[r]),
  ratio('meanFinalDeliveryWeeks', 'weeks', 'Mean delivery time of the final goods delivered to the region this week (sent this week; they arrive after it): lastMileDeliveryWeeks from a hub, the outbound lead time from a plant.',
    (w, _o, r) => w.finalMarket.finalDeliveryUnitWeeks[r], (w, _o, r) => w.finalMarket.finalDelivered[r]),
  ...STRATEGY_INDICATORS,
  ...REVIEW_INDICATORS,
  // Local capacity
  sum('smeCount', 'SMEs', 'Living SMEs in the region (sampled economy: scales with `scale`).', (_w, o, r) => o.smeCount[r], true),
  sum('smeEmployment', 'employees', 'Employees of the region’s SMEs (sampled economy).', (_w, o, r) => o.smeEmployment[r]),
  ratio('smeCapability', 'capability', 'Mean capability q_c of the region’s SMEs.',
    (_w, o, r) => o.smeCapabilitySum[r], (_w, o, r) => o.smeCount[r]),
  ratio('smeAdoption', 'share of SMEs', 'Share of SMEs that have adopted digital technology (d = 1).',
    (_w, o, r) => o.smeAdopted[r], (_w, o, r) => o.smeCount[r], true),
  ratio('smeChainShare', 'share of SMEs', 'Share of SMEs supplying a lead firm (SDG 9.3 proxy: SMEs in value chains).',
    (_w, o, r) => o.smeInChain[r], (_w, o, r) => o.smeCount[r], true),
  ...CHAIN_BY_CLASS,
  ratio('smeChainShareAdopted', 'share of SMEs', 'Share of digitally adopted SMEs supplying a lead firm.',
    (_w, o, r) => o.smeAdoptedInChain[r], (_w, o, r) => o.smeAdopted[r]),
  ratio('smeChainShareNotAdopted', 'share of SMEs', 'Share of SMEs without digital adoption supplying a lead firm.',
    (_w, o, r) => o.smeInChain[r] - o.smeAdoptedInChain[r], (_w, o, r) => o.smeCount[r] - o.smeAdopted[r]),
  ...SOURCING_NODE_INDICATORS,
  sum('smeExits', 'SMEs/week', 'SMEs that exited this week.', (w, _o, r) => w.smeRegions.smeExits[r]),
  ratio('smeAdoptionHazard', '1/week', 'SMEs that adopted this week / SMEs that had not adopted at its start (the adoption hazard).',
    (w, _o, r) => w.smeRegions.smeAdoptions[r], (w, _o, r) => w.smeRegions.smeCount[r] - w.smeRegions.smeAdopted[r] + w.smeRegions.smeAdoptions[r], true),
  sum('smeEntries', 'SMEs/week', 'SMEs that entered this week.', (w, _o, r) => w.smeRegions.smeEntries[r]),
  ratio('largeFirmOutputShare', 'share of sales', 'Sales of lead-firm plants and hub suppliers (their local-market sales included, §9.4) / sales of all firms (plants, hubs, SMEs) in the region.',
    (_w, o, r) => o.plantPriceTimesDelivered[r] + o.hubRevenue[r],
    (_w, o, r) => o.plantPriceTimesDelivered[r] + o.hubRevenue[r] + o.smeRevenue[r]),
  sum('leadFirmEmployment', 'workers', 'Employment at lead-firm plants in the region: output / labour productivity (sampled economy).',
    (w, _o, r) => w.communityRegions.plantEmployment[r]),
  sum('hubEmployment', 'workers', 'Employment at hub suppliers in the region: output / labour productivity (sampled economy).',
    (w, _o, r) => w.communityRegions.hubEmployment[r]),
  ratio('smeEmploymentShare', 'share of firm employment', 'SME employment / (SME + lead-firm plant + hub employment).',
    (w, _o, r) => w.smeRegions.smeEmployment[r],
    (w, _o, r) => w.smeRegions.smeEmployment[r] + w.communityRegions.plantEmployment[r] + w.communityRegions.hubEmployment[r]),
  sum('jobs', 'workers', 'Jobs in the modelled sector: SMEs, plants, hubs and the domestic raw source (sampled economy).',
    (w, _o, r) => w.communityRegions.jobs[r]),
  ratio('skilledEmployment', 'share', 'Employment rate × mean skill of the region’s people (population-weighted).',
    (w, _o, r) => w.regions.population[r] * (1 - w.communityRegions.unemployment[r]) * w.communityRegions.skill[r], population),
  ratio('unemployment', 'share', 'Unemployment rate (population-weighted).',
    (w, _o, r) => w.regions.population[r] * w.communityRegions.unemployment[r], population, true),
  // Digital divide
  ratio('digitalUsage', 'share of people', 'Digital usage a · l (population-weighted): the model’s internet use.',
    (w, _o, r) => w.regions.population[r] * w.communityRegions.access[r] * w.communityRegions.literacy[r], population, true),
  ratio('access', 'share of people', 'Internet access a (population-weighted).',
    (w, _o, r) => w.regions.population[r] * w.communityRegions.access[r], population),
  ratio('literacy', 'share of people', 'Digital literacy l (population-weighted).',
    (w, _o, r) => w.regions.population[r] * w.communityRegions.literacy[r], population),
  // Trust
  ratio('trustFirms', 'share', 'Trust in the firms active in the region τF (population-weighted).',
    (w, _o, r) => w.regions.population[r] * w.communityRegions.trustFirms[r], population, true),
  ratio('trustGovernment', 'share', 'Trust in government τG (population-weighted); its mean is approval.',
    (w, _o, r) => w.regions.population[r] * w.communityRegions.trustGovernment[r], population, true),
  // SDG proxies
  ratio('povertyShare', 'share of people', 'SDG 1 proxy: share of people in cells whose income is under the poverty line.',
    (_w, o, r) => o.poorPopulation[r], population),
  ratio('income', '$/person/week', 'Mean income per person (population-weighted).',
    (w, _o, r) => w.regions.population[r] * w.communityRegions.income[r], population),
  // Budget
  sum('policySpend', '$/week', 'Real dollars spent by policymakers this week, all instruments.',
    (w, _o, r) => {
      let total = 0;
      for (let k = 0; k < INSTRUMENT_COUNT; k++) total += weeklySpend(w, r, k);
      return total;
    }, true),
  ...SPEND_INDICATORS,
];

/** Population-weighted mean of a regional value over regions selected by `keep`. */
function populationMean(world: World, keep: (r: number) => boolean, value: (r: number) => number): number {
  const { regions } = world;
  let weighted = 0;
  let weight = 0;
  for (let r = 0; r < regions.count; r++) {
    if (!keep(r)) continue;
    weighted += regions.population[r] * value(r);
    weight += regions.population[r];
  }
  return weight > 0 ? weighted / weight : 0;
}

const usage = (w: World) => (r: number) => w.communityRegions.access[r] * w.communityRegions.literacy[r];

export const GLOBAL_INDICATORS: GlobalIndicator[] = [
  {
    name: 'firmsWithDistributionHub',
    unit: 'share of lead firms',
    doc: 'Share of living lead firms that hold finished goods in a distribution hub in at least one bloc (§9.5).',
    value: (w) => {
      const { firms, plants } = w;
      let alive = 0;
      let holding = 0;
      for (let f = 0; f < firms.count; f++) {
        if (!firms.alive[f]) continue;
        alive++;
        let any = 0;
        for (let b = 0; b < plants.blocCount; b++) any |= firms.distributionHub[f * plants.blocCount + b];
        holding += any;
      }
      return alive > 0 ? holding / alive : 0;
    },
  },
  {
    name: 'usageGapQuartiles',
    unit: 'difference of shares',
    doc: 'Digital usage (a·l) of the top income-quartile regions minus the bottom quartile (population-weighted).',
    value: (w) =>
      populationMean(w, (r) => w.economy.incomeQuartile[r] === 4, usage(w)) -
      populationMean(w, (r) => w.economy.incomeQuartile[r] === 1, usage(w)),
  },
  {
    name: 'usageGapIncomeGroups',
    unit: 'difference of shares',
    doc: 'Digital usage of high-income regions minus low-income regions (World Bank groups, population-weighted).',
    value: (w) =>
      populationMean(w, (r) => w.regions.incomeGroup[r] === 3, usage(w)) -
      populationMean(w, (r) => w.regions.incomeGroup[r] === 0, usage(w)),
  },
  {
    name: 'usageGini',
    unit: 'Gini',
    doc: 'Gini coefficient of digital usage across community cells, weighted by their population.',
    value: (w) => {
      const { cells } = w;
      const values = new Float64Array(cells.count);
      for (let c = 0; c < cells.count; c++) values[c] = cells.access[c] * cells.literacy[c];
      return weightedGini(values, cells.population);
    },
  },
  {
    name: 'incomeGini',
    unit: 'Gini',
    doc: 'SDG 10 proxy: Gini coefficient of mean income across regions, population-weighted.',
    value: (w) => weightedGini(w.communityRegions.income, w.regions.population),
  },
  {
    name: 'hhiFinal',
    unit: 'HHI (0–1)',
    doc: 'Herfindahl index of lead firms’ shares of final deliveries.',
    value: (w) => {
      const { firms, plants } = w;
      const B = plants.blocCount;
      const sizes = new Float64Array(firms.count);
      for (let p = 0; p < plants.count; p++) sizes[Math.floor(p / B)] += plants.delivered[p];
      return herfindahl(sizes);
    },
  },
  {
    name: 'hhiComponents',
    unit: 'HHI (0–1)',
    doc: 'Herfindahl index of suppliers’ shares of sales in the market for components and services (MODEL.md §9.4: SMEs and large firms in one market): hub suppliers’ component sales (to plants and to local markets) and SMEs’ chain and local-market sales, in $.',
    value: (w) => componentMarketHhi(w),
  },
  {
    name: 'hubUtilisation',
    unit: 'share',
    doc: 'Capacity-weighted utilisation of hub suppliers’ component capacity.',
    value: (w) => {
      let capacity = 0;
      let output = 0;
      for (let j = 0; j < w.hubs.count; j++) {
        capacity += w.hubs.componentCapacity[j];
        output += w.hubs.componentOutput[j];
      }
      return capacity > 0 ? output / capacity : 0;
    },
  },
];

/** HHI of sales ($) in the market for components and services: hub suppliers (plants and local markets) and SMEs (chains and local markets). */
function componentMarketHhi(w: World): number {
  const { hubs, smes } = w;
  const smeSales = (i: number) => (smes.buyerPlant[i] !== NO_BUYER ? smes.chainOutput[i] * smes.price[i] : 0) + smes.localRevenue[i];
  let total = 0;
  let squares = 0;
  for (let j = 0; j < hubs.count; j++) total += hubs.componentOutput[j] * hubs.price[j];
  for (let i = 0; i < smes.count; i++) if (smes.alive[i]) total += smeSales(i);
  if (total <= 0) return 0;
  for (let j = 0; j < hubs.count; j++) squares += ((hubs.componentOutput[j] * hubs.price[j]) / total) ** 2;
  for (let i = 0; i < smes.count; i++) if (smes.alive[i]) squares += (smeSales(i) / total) ** 2;
  return squares;
}
