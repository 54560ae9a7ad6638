import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms } from '../specs.ts';
import { interval90, pairedDifferences } from '../stats.ts';
import { last, windowMean, format } from '../measures.ts';
import type { RunOutput } from '../../sweep/runner.ts';

/** Mean over regions of each region's lost final deliveries as a share of its demand (the "average region"). */
function averageRegionLoss(run: RunOutput): number {
  const regions = run.groups[3];
  let total = 0;
  for (const code of regions) total += last(run, 'lostDeliveriesShare', 'region', code);
  return total / regions.length;
}

export const p04: PatternDefinition = {
  id: 'P4',
  title: 'Renationalisation is no insurance',
  statement:
    'Renationalisation (all inputs from the firm’s own region) raises unit cost, and under the mixed lockdowns of covid-2020 does not cut the average region’s lost final deliveries relative to GLOBAL.',
  source: 'Bonadio et al. 2021',
  threshold: 'paired 90% CI of (C_LOCAL − C_GLOBAL) wholly > 0; CI of (loss_LOCAL − loss_GLOBAL) includes or lies above 0',
  ablations: [
    // LOCAL's cost penalty comes from inputs bought where labour is dear: the productivity gradient carries it.
    { id: 'productivity', input: 'no productivity gradient (productivityElasticity = 0)', params: { productivityElasticity: 0 } },
  ],
  knownFailures: {
    checks: ['average region’s lost deliveries share LOCAL − GLOBAL'],
    mechanism:
      'Under covid-2020 a GLOBAL firm is hit twice — by the hub lockdowns (6–10 weeks at 30–50%) and by its own region’s lockdown — while a LOCAL firm is hit once: its home lockdown stops its plant anyway, so putting its inputs at home adds no exposure the plant did not already have. The channels through which renationalisation failed in Bonadio et al. (many foreign suppliers with uncorrelated lockdown timing; domestic input–output links that spread the home lockdown to other sectors) are not in the model.',
  },
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const covid = builtInScenario('world-2019', 'covid-2020');
    const calm = builtInScenario('world-2019', 'baseline-2019');
    const arm = (scenario: typeof covid, name: string, strategy: string, paired: boolean) => ({
      world: 'world-2019',
      scenario,
      scenarioName: name,
      weeks: name === 'covid-2020' ? 104 : 52,
      params: { strategyOverride: strategy },
      paired,
    });
    const [calmGlobal, calmLocal, covidGlobal, covidLocal] = await runArms(
      [arm(calm, 'baseline-2019', 'GLOBAL', false), arm(calm, 'baseline-2019', 'LOCAL', false), arm(covid, 'covid-2020', 'GLOBAL', true), arm(covid, 'covid-2020', 'LOCAL', true)],
      settings,
      overrides,
    );
    const costGlobal = calmGlobal.map((r) => windowMean(r, 'unitCost', 0, 52));
    const costLocal = calmLocal.map((r) => windowMean(r, 'unitCost', 0, 52));
    const lossGlobal = covidGlobal.map(averageRegionLoss);
    const lossLocal = covidLocal.map(averageRegionLoss);
    const checks = [
      check('unit cost LOCAL − GLOBAL ($)', interval90(pairedDifferences(costLocal, costGlobal)), '>', 0),
      check('average region’s lost deliveries share LOCAL − GLOBAL', interval90(pairedDifferences(lossLocal, lossGlobal)), 'notBelow', 0),
    ];
    const notes = [
      `calm unit cost GLOBAL ${format(interval90(costGlobal).mean, 1)} $, LOCAL ${format(interval90(costLocal).mean, 1)} $`,
      `average region’s lost final deliveries (share of its demand) GLOBAL ${format(interval90(lossGlobal).mean)}, LOCAL ${format(interval90(lossLocal).mean)}`,
    ];
    return { checks, notes, runs: 4 * costGlobal.length };
  },
};
