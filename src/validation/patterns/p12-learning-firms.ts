import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms } from '../specs.ts';
import { interval90, pairedDifferences } from '../stats.ts';
import { at, format } from '../measures.ts';
import type { RunOutput } from '../../sweep/runner.ts';

const SHARES = ['strategyShareGlobal', 'strategyShareDual', 'strategyShareNearshore', 'strategyShareMultilocal', 'strategyShareLocal'] as const;
/** "Within 104 weeks": the last of the 104 recorded weeks after covid-2020 starts. */
const BY_WEEK = 103;
const TEN_YEARS = 520;

/** Percentage points of lead firms on the given strategies at a week. */
function sharePp(run: RunOutput, names: readonly (typeof SHARES)[number][], week: number): number {
  return 100 * names.reduce((total, name) => total + at(run, name, week), 0);
}

const NON_GLOBAL = SHARES.slice(1);
const DUAL_NEARSHORE = ['strategyShareDual', 'strategyShareNearshore'] as const;
const RESHORING = ['strategyShareMultilocal', 'strategyShareLocal'] as const;

export const p12: PatternDefinition = {
  id: 'P12',
  title: 'Firms that learn from shocks glocalize',
  statement:
    'After covid-2020 in world-2019, the share of lead firms that are not GLOBAL rises by at least 15 pp within 104 weeks against the same-seed baseline; more of the rise goes to DUAL and NEARSHORE than to reshoring (MULTILOCAL or LOCAL); in the calm baseline the strategy shares move by less than 10 pp over ten years.',
  source: 'McKinsey supply chain pulse surveys 2020–2024 (dual sourcing 55% → 81% of respondents 2020–2022; nearshoring planned by 40%, done by 15% a year later); MODEL.md §9.1',
  threshold:
    'paired 90% CI of the non-GLOBAL share (covid − baseline) at week 104 wholly > 15 pp; CI of (rise to DUAL + NEARSHORE − rise to MULTILOCAL + LOCAL) wholly > 0; CI of each share’s change over ten calm years inside [−10, 10] pp',
  ablations: [
    // The pattern should come from firms learning: with π and ĥ fixed nothing tells them covid happened.
    { id: 'no-learning', input: 'risk learning off (π and ĥ fixed: riskLearning = false)', params: { riskLearning: false } },
  ],
  knownFailures: {
    checks: ['non-GLOBAL share, covid − baseline at week 104 (pp)'],
    mechanism:
      'Firms do learn (π and ĥ rise after covid-2020, and the rise goes to DUAL) but by about 2 pp, not 15. Measured with `glocal strategies` (world-2019, 6 seeds, week 104; docs/strategies.md): covid-2020 raises E[loss_GLOBAL] from $1.39 to $4.34 a unit and E[loss_DUAL] from $1.61 to $4.24, so DUAL’s gap to GLOBAL narrows only from $41.05 ± 0.68 to $38.62 ± 0.42, against a logit temperature of about $16; most of the gap is components (+$34: DUAL’s home-bloc SMEs cost about twice a hub’s landed price) and coordination (+$7). E[loss_k] hardly differs between strategies: covid-2020 locks down every region, so the learned ĥ rises in the home-bloc SME regions too, and DUAL’s SMEs buy raw inputs from the hubs, so its exposure is no smaller than GLOBAL’s. The hubs’ staggered lockdowns of §9.3 moved the rise from about 1.8 to 2.3 pp at reduced settings; with every mechanism of §9 merged (§9.2’s intermediate inputs and §9.5’s last mile included) it is 2.5 pp [1.5, 3.5] (non-GLOBAL share 6.5% at week 0; at week 104 7.3% after covid, 4.8% in the baseline), all of it to DUAL + NEARSHORE — not near 15.',
  },
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const covid = builtInScenario('world-2019', 'covid-2020');
    const calm = builtInScenario('world-2019', 'baseline-2019');
    // The ten-year calm run is also the same-seed baseline of the covid runs (same seed, no shocks).
    const [shocked, baseline] = await runArms(
      [
        { world: 'world-2019', scenario: covid, scenarioName: 'covid-2020', weeks: BY_WEEK + 1 },
        { world: 'world-2019', scenario: calm, scenarioName: 'baseline-2019', weeks: TEN_YEARS },
      ],
      settings,
      overrides,
    );
    const rise = pairedDifferences(shocked.map((r) => sharePp(r, NON_GLOBAL, BY_WEEK)), baseline.map((r) => sharePp(r, NON_GLOBAL, BY_WEEK)));
    const riseNear = pairedDifferences(shocked.map((r) => sharePp(r, DUAL_NEARSHORE, BY_WEEK)), baseline.map((r) => sharePp(r, DUAL_NEARSHORE, BY_WEEK)));
    const riseReshoring = pairedDifferences(shocked.map((r) => sharePp(r, RESHORING, BY_WEEK)), baseline.map((r) => sharePp(r, RESHORING, BY_WEEK)));
    const checks = [
      check('non-GLOBAL share, covid − baseline at week 104 (pp)', interval90(rise), '>', 15),
      check('rise to DUAL + NEARSHORE − rise to MULTILOCAL + LOCAL (pp)', interval90(pairedDifferences(riseNear, riseReshoring)), '>', 0),
    ];
    for (const name of SHARES.slice(0, 4)) {
      const moved = baseline.map((r) => sharePp(r, [name], TEN_YEARS - 1) - sharePp(r, [name], 0));
      checks.push(check(`${name.replace('strategyShare', '')} share change over ten calm years (pp)`, interval90(moved), 'within', [-10, 10]));
    }
    const startNonGlobal = interval90(baseline.map((r) => sharePp(r, NON_GLOBAL, 0))).mean;
    const notes = [
      `non-GLOBAL share at week 0 ${format(startNonGlobal, 1)} pp; at week 104 covid ${format(interval90(shocked.map((r) => sharePp(r, NON_GLOBAL, BY_WEEK))).mean, 1)} pp, baseline ${format(interval90(baseline.map((r) => sharePp(r, NON_GLOBAL, BY_WEEK))).mean, 1)} pp`,
      `rise to DUAL + NEARSHORE ${format(interval90(riseNear).mean, 1)} pp, to MULTILOCAL + LOCAL ${format(interval90(riseReshoring).mean, 1)} pp`,
    ];
    return { checks, notes, runs: shocked.length + baseline.length };
  },
};
