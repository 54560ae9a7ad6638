import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms } from '../specs.ts';
import { interval90, pairedDifferences } from '../stats.ts';
import { windowMean, format } from '../measures.ts';

export const p06: PatternDefinition = {
  id: 'P6',
  title: 'SME participation rises with size and digital adoption',
  statement:
    'Chain participation rises with SME size class (micro < small < medium) and with digital adoption; WTO’s export participation (micro 9% < small 38% < medium 59%, large 66%) is the reference ordering.',
  source: 'WTO World Trade Report 2016',
  threshold: 'paired 90% CI of (small − micro), (medium − small), (adopted − not adopted) participation wholly > 0',
  ablations: [
    // MODEL.md §8: a per-contract fixed cost and a minimum order keep micro SMEs out.
    { id: 'size-neutral', input: 'size-neutral order limits (contractFixedCost = 0, minOrderUnits = 0)', params: { contractFixedCost: 0, minOrderUnits: 0 } },
    // Only visible (adopted) SMEs can be contracted: carries the adoption comparison.
    { id: 'no-visibility', input: 'visibility off (visibilityRequired = false)', params: { visibilityRequired: false } },
  ],
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    // Lead firms source from SMEs (DUAL) so that chains exist to join; measured over the second year.
    const [runs] = await runArms(
      [{ world: 'two-hubs', scenario: builtInScenario('two-hubs', 'baseline'), scenarioName: 'baseline', weeks: 104, params: { strategyOverride: 'DUAL' } }],
      settings,
      overrides,
    );
    const share = (name: string) => runs.map((r) => windowMean(r, name, 52, 104));
    const micro = share('smeChainShareMicro');
    const small = share('smeChainShareSmall');
    const medium = share('smeChainShareMedium');
    const adopted = share('smeChainShareAdopted');
    const notAdopted = share('smeChainShareNotAdopted');
    const checks = [
      check('participation small − micro', interval90(pairedDifferences(small, micro)), '>', 0),
      check('participation medium − small', interval90(pairedDifferences(medium, small)), '>', 0),
      check('participation adopted − not adopted', interval90(pairedDifferences(adopted, notAdopted)), '>', 0),
    ];
    const pct = (v: number[]) => `${format(100 * interval90(v).mean, 1)}%`;
    const notes = [`participation micro ${pct(micro)}, small ${pct(small)}, medium ${pct(medium)}; adopted ${pct(adopted)}, not adopted ${pct(notAdopted)} (WTO: 9%, 38%, 59%)`];
    return { checks, notes, runs: runs.length };
  },
};
