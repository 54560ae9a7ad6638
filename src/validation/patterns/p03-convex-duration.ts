import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms, variant, type Arm } from '../specs.ts';
import { interval90, pairedDifferences } from '../stats.ts';
import { last, format } from '../measures.ts';

function lockdown(weeks: number) {
  return variant(builtInScenario('two-hubs', 'hub-lockdown'), (s) => {
    s.shocks = [{ kind: 'lockdown', target: { hubs: true }, start: 26, weeks, capacityFactor: 0.4 }];
  });
}

export const p03: PatternDefinition = {
  id: 'P3',
  title: 'Losses convex in duration',
  statement: 'Lost final deliveries(8 weeks) > 2 × lost final deliveries(4 weeks); more inventory cover and DUAL sourcing each cut them.',
  source: 'DisruptSC (Colon et al. 2021); Acclimate',
  threshold: 'paired 90% CI of L8 − 2·L4 > 0; of L8(cover 2) − L8(cover 4) > 0; of L8(default) − L8(DUAL) > 0',
  ablations: [
    // MODEL.md §8: buffers that absorb a short lockdown but not a long one.
    // Distribution hubs (§9.5) hold finished goods too, so the ablation also ships every good direct.
    { id: 'no-inventory', input: 'zero inventory (inventoryCoverWeeks = 0, no distribution hubs)', params: { inventoryCoverWeeks: 0, lastMileHubs: 'none' } },
    // Hub congestion: a backlog served at a rising cost can make a long lockdown disproportionately costly.
    { id: 'no-congestion', input: 'no hub congestion (congestionSlope = 0)', params: { congestionSlope: 0 } },
  ],
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const base = { world: 'two-hubs', scenarioName: 'hub-lockdown', weeks: 104, paired: true, params: { hazardEnabled: false } };
    // Without inventory the cover comparison has no meaning; only convexity is tested.
    const ablated = ablation?.id === 'no-inventory';
    const arms: Arm[] = [
      { ...base, scenario: lockdown(4) },
      { ...base, scenario: lockdown(8) },
      ...(ablated
        ? []
        : [
            { ...base, scenario: lockdown(8), params: { hazardEnabled: false, inventoryCoverWeeks: 4 } },
            { ...base, scenario: lockdown(8), params: { hazardEnabled: false, strategyOverride: 'DUAL' } },
          ]),
    ];
    const runs = await runArms(arms, settings, overrides);
    const lost = runs.map((arm) => arm.map((r) => last(r, 'lostFinalDeliveries')));
    const checks = [check('L8 − 2·L4 (units)', interval90(pairedDifferences(lost[1], lost[0].map((v) => 2 * v))), '>', 0)];
    if (!ablated) {
      checks.push(check('L8(cover 2) − L8(cover 4) (units)', interval90(pairedDifferences(lost[1], lost[2])), '>', 0));
      checks.push(check('L8(default) − L8(DUAL) (units)', interval90(pairedDifferences(lost[1], lost[3])), '>', 0));
    }
    const notes = [
      `lost final deliveries: 4 weeks ${format(interval90(lost[0]).mean, 0)}, 8 weeks ${format(interval90(lost[1]).mean, 0)} units` +
        (ablated ? '' : `; 8 weeks with cover 4: ${format(interval90(lost[2]).mean, 0)}; 8 weeks, all DUAL: ${format(interval90(lost[3]).mean, 0)}`),
    ];
    return { checks, notes, runs: runs.flat().length };
  },
};
