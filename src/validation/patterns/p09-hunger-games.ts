import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms } from '../specs.ts';
import { interval90, pairedDifferences } from '../stats.ts';
import { windowMean, windowSum, format } from '../measures.ts';

/** The recession runs from week 26 for 78 weeks (worlds/world-2019/scenarios/recession.json). */
const FROM = 26;
const TO = 104;

export const p09: PatternDefinition = {
  id: 'P9',
  title: '“Hunger games” in a recession',
  statement:
    'A deep, long demand shock raises SME exits and the concentration (HHI) of the component market; the share of output from large firms rises.',
  source: 'seed 002 ("hunger games"); IMF 2021',
  threshold: 'paired 90% CI (recession − baseline, weeks 26–103) of SME exits, component HHI and large firms’ output share wholly > 0',
  // MODEL.md §9.4: the local market for components and services is contested between SMEs and hub
  // imports, so SME exits in a long slump move sales toward large firms; the contested share
  // (localImportShare) is an assumption. Neutralised, the market is the SMEs' alone again.
  ablations: [
    { id: 'uncontested', input: 'contested share 0 (localImportShare = 0: SMEs alone serve local markets)', params: { localImportShare: 0 } },
  ],
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const [base, recession] = await runArms(
      [
        { world: 'world-2019', scenario: builtInScenario('world-2019', 'baseline-2019'), scenarioName: 'baseline-2019', weeks: TO },
        { world: 'world-2019', scenario: builtInScenario('world-2019', 'recession'), scenarioName: 'recession', weeks: TO },
      ],
      settings,
      overrides,
    );
    const exits = (runs: typeof base) => runs.map((r) => windowSum(r, 'smeExits', FROM, TO));
    const hhi = (runs: typeof base) => runs.map((r) => windowMean(r, 'hhiComponents', FROM, TO));
    const large = (runs: typeof base) => runs.map((r) => windowMean(r, 'largeFirmOutputShare', FROM, TO));
    const checks = [
      check('SME exits, recession − baseline', interval90(pairedDifferences(exits(recession), exits(base))), '>', 0),
      check('component HHI, recession − baseline', interval90(pairedDifferences(hhi(recession), hhi(base))), '>', 0),
      check('large firms’ share of sales, recession − baseline', interval90(pairedDifferences(large(recession), large(base))), '>', 0),
    ];
    const notes = [
      `SME exits ${format(interval90(exits(base)).mean, 0)} → ${format(interval90(exits(recession)).mean, 0)}; component HHI ${format(interval90(hhi(base)).mean, 4)} → ${format(interval90(hhi(recession)).mean, 4)}; large firms’ share ${format(interval90(large(base)).mean)} → ${format(interval90(large(recession)).mean)}`,
    ];
    return { checks, notes, runs: 2 * base.length };
  },
};
