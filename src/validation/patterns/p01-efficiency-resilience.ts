import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms, variant } from '../specs.ts';
import { interval90, pairedDifferences } from '../stats.ts';
import { last, windowMean, format } from '../measures.ts';

const OTHERS = ['DUAL', 'NEARSHORE', 'MULTILOCAL'] as const;

export const p01: PatternDefinition = {
  id: 'P1',
  title: 'Efficiency–resilience trade-off',
  statement:
    'With strategies forced, GLOBAL has the lowest calm-year unit cost of GLOBAL, DUAL, NEARSHORE and MULTILOCAL, and under a hub lockdown the most lost final deliveries and the longest recovery; each of DUAL, NEARSHORE and MULTILOCAL loses less than GLOBAL.',
  source: 'seed 001 table; OECD METRO 2021',
  threshold: 'paired 90% CI of (C_k − C_GLOBAL), (L_GLOBAL − L_k), (R_GLOBAL − R_k) wholly > 0 for each k',
  ablations: [
    // The hubs' cost edge: labour productivity rising with GDP per capita (without it low-wage regions undercut the hubs).
    { id: 'productivity', input: 'no productivity gradient (productivityElasticity = 0)', params: { productivityElasticity: 0 } },
    // Economies of scale that make many small plants dear (departure 2 of docs/ODD.md).
    { id: 'overheads', input: 'plant overheads off (plantOverheadShare = 0)', params: { plantOverheadShare: 0 } },
    // The cost of coordinating several sourcing regions.
    { id: 'coordination', input: 'no coordination cost (coordinationCostPerRegion = 0)', params: { coordinationCostPerRegion: 0 } },
  ],
  knownFailures: {
    checks: ['unit cost MULTILOCAL − GLOBAL ($)'],
    mechanism:
      'At the frozen initialAdoptionFactor (0.15) few SMEs are visible (adopted) at the start, so the SME-using strategies find too few eligible suppliers and buy most inputs from the hubs (docs/ODD.md departure 4): MULTILOCAL then pairs plants in cheaper regions with hub inputs and undercuts GLOBAL (reduced settings, with §9.2’s inputs and §9.5’s last mile merged: MULTILOCAL − GLOBAL unit cost −10.01 $ [−11.96, −8.07]; calm unit costs GLOBAL 247.2 $, MULTILOCAL 237.2 $). With 0.45 — the value it was moved to after the core landed — P1 passes: it rests on that assumed share of visible SMEs. The two recovery checks pass again: GLOBAL − NEARSHORE 2.20 weeks [0.76, 3.64] (passing since §9.4–§9.6 were merged) and GLOBAL − MULTILOCAL 2.45 weeks [1.38, 3.52], which failed from circular procurement until §9.2 and §9.5 were merged (−0.90 [−4.92, 3.12], one seed’s second dip 45 weeks after the lockdown).',
  },
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    // two-hubs, both hubs locked down for 8 weeks at 40% from week 52: weeks 0–51 are the calm year.
    const scenario = variant(builtInScenario('two-hubs', 'hub-lockdown'), (s) => {
      s.shocks = [{ kind: 'lockdown', target: { hubs: true }, start: 52, weeks: 8, capacityFactor: 0.4 }];
    });
    const strategies = ['GLOBAL', ...OTHERS];
    const runs = await runArms(
      strategies.map((k) => ({
        world: 'two-hubs',
        scenario,
        scenarioName: 'hub-lockdown (week 52)',
        weeks: 112,
        params: { strategyOverride: k, hazardEnabled: false },
        paired: true,
      })),
      settings,
      overrides,
    );
    const cost = runs.map((arm) => arm.map((r) => windowMean(r, 'unitCost', 0, 52)));
    const lost = runs.map((arm) => arm.map((r) => last(r, 'lostFinalDeliveries')));
    const recovery = runs.map((arm) => arm.map((r) => last(r, 'recoveryWeeks')));
    const checks = OTHERS.flatMap((k, i) => [
      check(`unit cost ${k} − GLOBAL ($)`, interval90(pairedDifferences(cost[i + 1], cost[0])), '>', 0),
      check(`lost deliveries GLOBAL − ${k} (units)`, interval90(pairedDifferences(lost[0], lost[i + 1])), '>', 0),
      check(`recovery GLOBAL − ${k} (weeks)`, interval90(pairedDifferences(recovery[0], recovery[i + 1])), '>', 0),
    ]);
    const notes = strategies.map(
      (k, i) =>
        `${k}: calm unit cost ${format(interval90(cost[i]).mean, 1)} $, lost final deliveries ${format(interval90(lost[i]).mean, 0)} units, recovery ${format(interval90(recovery[i]).mean, 1)} weeks`,
    );
    return { checks, notes, runs: runs.flat().length };
  },
};
