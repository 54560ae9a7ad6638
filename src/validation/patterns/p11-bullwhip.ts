import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms } from '../specs.ts';
import { coefficientOfVariation, interval90, mean, pairedDifferences } from '../stats.ts';
import type { RunOutput } from '../../sweep/runner.ts';
import { format } from '../measures.ts';

interface OrderSeries {
  customerOrders: number[][];
  plantOrders: number[][];
  hubRawOrders: number[][];
  smeRawOrders: number[][];
}

/** Mean per-firm coefficient of variation of the series that ran the whole window (weeks 26 on). */
function meanCv(series: number[][]): number {
  const cvs = series
    .map((s) => s.slice(26))
    .filter((s) => s.length > 10 && s.every(Number.isFinite) && mean(s) > 0)
    .map(coefficientOfVariation);
  return mean(cvs);
}

function cvs(run: RunOutput): { demand: number; lead: number; tier1: number } {
  const o = run.probes.orderSeries as OrderSeries;
  return { demand: meanCv(o.customerOrders), lead: meanCv(o.plantOrders), tier1: meanCv([...o.hubRawOrders, ...o.smeRawOrders]) };
}

export const p11: PatternDefinition = {
  id: 'P11',
  title: 'Bullwhip',
  statement:
    'In calm years the per-firm coefficient of variation of orders grows upstream: final demand < lead-firm orders < tier-1 orders for raw inputs.',
  source: 'Sterman 1989; Lee et al. 1997',
  threshold: 'paired 90% CI of CV(lead-firm orders) − CV(final demand) and CV(tier-1 raw orders) − CV(lead-firm orders) wholly > 0',
  ablations: [
    // MODEL.md §1: the bullwhip depends on autocorrelated demand noise.
    { id: 'white-noise', input: 'white-noise demand (demandNoiseAr = 0)', params: { demandNoiseAr: 0 } },
  ],
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    // Calm: no hazard, firms half DUAL so tier 1 includes SMEs; two calm years.
    const [runs] = await runArms(
      [
        {
          world: 'two-hubs',
          scenario: builtInScenario('two-hubs', 'baseline'),
          scenarioName: 'baseline',
          weeks: 130,
          params: { hazardEnabled: false, strategyOverride: 'DUAL' },
          probes: ['orderSeries'],
        },
      ],
      settings,
      overrides,
    );
    const values = runs.map(cvs);
    const checks = [
      check('CV lead-firm orders − CV final demand', interval90(pairedDifferences(values.map((v) => v.lead), values.map((v) => v.demand))), '>', 0),
      check('CV tier-1 raw orders − CV lead-firm orders', interval90(pairedDifferences(values.map((v) => v.tier1), values.map((v) => v.lead))), '>', 0),
    ];
    const notes = [
      `mean per-firm CV: final demand ${format(mean(values.map((v) => v.demand)))}, lead-firm orders ${format(mean(values.map((v) => v.lead)))}, tier-1 raw orders ${format(mean(values.map((v) => v.tier1)))}`,
    ];
    return { checks, notes, runs: runs.length };
  },
};
