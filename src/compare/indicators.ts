import { GLOBAL_INDICATORS, REGIONAL_INDICATORS } from '../model/observe/indicators.ts';
import { LOSS_INDICATORS } from '../model/observe/losses.ts';

/**
 * The headline indicators a comparison reports (docs/compare.md#indicators). `summary` says which
 * statistic of a run is compared: its mean over the recorded weeks (flows and levels), or its
 * final value (cumulative measures). `points`: 'absolute' for shares (a percentage point is
 * 0.01), 'relative' otherwise (a percentage point is 1% of the baseline's mean).
 */
export interface HeadlineIndicator {
  name: string;
  label: string;
  /** Regional indicators are compared for the world, each income group and each bloc. */
  regional: boolean;
  summary: 'mean' | 'final';
  points: 'absolute' | 'relative';
  /** Which direction is an improvement (for the report's wording). */
  better: 'higher' | 'lower' | 'neither';
  /** Only recorded by paired runs (a scenario with shocks). */
  pairedOnly: boolean;
}

const h = (name: string, label: string, regional: boolean, points: HeadlineIndicator['points'], better: HeadlineIndicator['better'], summary: HeadlineIndicator['summary'] = 'mean', pairedOnly = false): HeadlineIndicator => ({
  name, label, regional, summary, points, better, pairedOnly,
});

export const HEADLINE_INDICATORS: HeadlineIndicator[] = [
  h('unitCost', 'Unit cost of final goods', true, 'relative', 'lower'),
  h('fillRate', 'Fill rate', true, 'absolute', 'higher'),
  h('localSourcingShare', 'Local sourcing share', true, 'absolute', 'higher'),
  h('smeChainShare', 'SME value-chain participation', true, 'absolute', 'higher'),
  h('smeAdoption', 'SME digital adoption', true, 'absolute', 'higher'),
  h('digitalUsage', 'Digital usage', true, 'absolute', 'higher'),
  h('usageGapQuartiles', 'Digital divide (usage gap, top − bottom income quartile)', false, 'absolute', 'lower'),
  h('trustFirms', 'Trust in firms', true, 'absolute', 'higher'),
  h('trustGovernment', 'Trust in government', true, 'absolute', 'higher'),
  h('unemployment', 'Unemployment', true, 'absolute', 'lower'),
  h('hhiFinal', 'Market concentration (HHI of final deliveries)', false, 'relative', 'lower'),
  h('policySpend', 'Policy spending ($/week)', true, 'relative', 'neither'),
  h('recoveryWeeks', 'Weeks to recover after the shocks', false, 'relative', 'lower', 'final', true),
  h('lostFinalDeliveries', 'Final deliveries lost to the shocks', false, 'relative', 'lower', 'final', true),
];

/** The indicator that measures spending (its paired difference is the scheme's extra cost). */
export const SPEND_INDICATOR = 'policySpend';

/** Unit of an indicator, from the model's own indicator table. */
export function unitOf(name: string): string {
  const found = [...REGIONAL_INDICATORS, ...GLOBAL_INDICATORS, ...LOSS_INDICATORS].find((i) => i.name === name);
  return found?.unit ?? '';
}

/** The headline indicators a comparison records (the loss measures need paired runs). */
export function headlineFor(paired: boolean): HeadlineIndicator[] {
  return HEADLINE_INDICATORS.filter((i) => paired || !i.pairedOnly);
}

/** The sweep metrics of the headline indicators: the world, and for regional ones every bloc and income group. */
export function metricsFor(indicators: HeadlineIndicator[]): string[] {
  return indicators.flatMap((i) => (i.regional ? [i.name, `${i.name}@incomeGroup`, `${i.name}@bloc`] : [i.name]));
}
