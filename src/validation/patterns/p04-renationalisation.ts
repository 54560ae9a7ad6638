import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms, variant } from '../specs.ts';
import type { ScenarioInput } from '../../model/scenario.ts';
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

/** covid-2020's hub lockdowns (those aimed at named regions) all start at week 0: the first model's simultaneous shock. */
function startHubLockdownsAtOnce(scenario: ScenarioInput): void {
  for (const shock of scenario.shocks ?? []) {
    if (shock.kind === 'lockdown' && typeof shock.target === 'object' && shock.target.regions) shock.start = 0;
  }
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
    // MODEL.md §9.3's two mechanisms, each neutralised alone: tiers cut alike (every tier's labour
    // onsite, so each tier gets the scenario's factor, the former rule) …
    {
      id: 'equal-onsite',
      input: 'lockdowns cut every tier alike (every onsite share 1)',
      params: { onsiteShareLocalServices: 1, onsiteShareComponents: 1, onsiteShareAssembly: 1, onsiteShareRawInputs: 1 },
    },
    // … and the hubs locking down at once, from week 0, each for its own length.
    { id: 'simultaneous-hubs', input: 'the five hub lockdowns all from week 0 (lengths kept)', params: {} },
  ],
  // Passes since covid-2020 locks the hubs down on their real dates (MODEL.md §9.3, issue 12): at
  // reduced settings the loss difference moved from −0.017 [−0.019, −0.014] (all five hubs from
  // week 0) to +0.000 [−0.004, +0.005]. The staggering carries the pass (with the hubs at once it
  // fails again, −0.021); the tiers' onsite shares barely move it (+0.001 with every tier cut
  // alike). Our reading, not measured apart: most hub lockdowns now fall in weeks 9–18, when the
  // home regions are locked down too (weeks 3–22) and a GLOBAL plant's own lockdown already limits
  // it, instead of adding a separate hit at week 0.
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const dated = builtInScenario('world-2019', 'covid-2020');
    const covid = ablation?.id === 'simultaneous-hubs' ? variant(dated, startHubLockdownsAtOnce) : dated;
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
