import type { PatternDefinition } from '../types.ts';
import { check } from '../types.ts';
import { builtInScenario, runArms, variant } from '../specs.ts';
import { interval90, pairedDifferences } from '../stats.ts';
import { seriesOf, type RunOutput } from '../../sweep/runner.ts';
import { windowMean, format } from '../measures.ts';

const REGION = 'VAL';
const START = 26;
const WEEKS = 8;

/**
 * Trust in firms in the locked-down region: how far it fell from before the lockdown to its
 * trough (the closures, layoffs and shortages), and how much of that it regained over as many
 * weeks after the trough as the fall took (the rehiring of the same jobs: equal good events).
 */
function fallAndRecovery(run: RunOutput): { fall: number; regained: number } {
  const value = new Map(seriesOf(run, 'trustFirms', 'region', REGION).map((x) => [x.week, x.value]));
  const before = value.get(START - 1) ?? NaN;
  let troughWeek = START;
  for (let week = START; week <= START + 20; week++) {
    if ((value.get(week) ?? Infinity) < (value.get(troughWeek) ?? Infinity)) troughWeek = week;
  }
  const trough = value.get(troughWeek) ?? NaN;
  const fallWeeks = Math.max(1, troughWeek - (START - 1));
  const later = value.get(troughWeek + fallWeeks) ?? NaN;
  return { fall: before - trough, regained: later - trough };
}

export const p08: PatternDefinition = {
  id: 'P8',
  title: 'Trust falls faster than it recovers',
  statement:
    'Trust falls faster after a closure than it recovers after equal investment; visible local investment, hiring and transparency raise it; closures and shortages lower it.',
  source: 'Slovic 1993; Edelman Trust Barometer (business ≈ 62%); seed 000',
  threshold:
    'paired 90% CI of (fall − regained over as many weeks) wholly > 0 after a lockdown of Valderra; CI of τF(transparency) − τF(none) wholly > 0; CI of τF(none) − τF(hub lockdown) wholly > 0',
  ablations: [
    // MODEL.md §8: the asymmetry α⁻ = 3α⁺ is assumed (Slovic 1993).
    { id: 'symmetric', input: 'symmetric trust (α⁻ = α⁺, trustLossRatio = 1)', params: { trustLossRatio: 1 } },
    // Transparency's pull of τF toward the firms' record (ω_T): one of its two channels.
    { id: 'no-pull', input: 'no transparency pull (transparencyPull = 0)', params: { transparencyPull: 0 } },
    // Shortages as bad events: what makes a hub lockdown lower trust outside the hubs.
    { id: 'no-shortage-events', input: 'shortages are no trust event (shortageTrustWeight = 0)', params: { shortageTrustWeight: 0 } },
  ],
  async run(settings, ablation) {
    const overrides = ablation?.params ?? {};
    const baseline = builtInScenario('two-hubs', 'baseline');
    const closure = variant(baseline, (s) => {
      s.shocks = [{ kind: 'lockdown', target: { regions: [REGION] }, start: START, weeks: WEEKS, capacityFactor: 0.3 }];
    });
    const transparency = variant(baseline, (s) => {
      s.policy = [{ week: 0, target: 'all', instrument: 'transparency', level: 0.5 }];
    });
    const params = { hazardEnabled: false };
    const [none, closed, open, hubs] = await runArms(
      [
        { world: 'two-hubs', scenario: baseline, scenarioName: 'baseline', weeks: 104, params },
        { world: 'two-hubs', scenario: closure, scenarioName: `lockdown of ${REGION}`, weeks: 104, params },
        { world: 'two-hubs', scenario: transparency, scenarioName: 'transparency', weeks: 104, params },
        { world: 'two-hubs', scenario: builtInScenario('two-hubs', 'hub-lockdown'), scenarioName: 'hub-lockdown', weeks: 104, params },
      ],
      settings,
      overrides,
    );
    const moves = closed.map(fallAndRecovery);
    const trust = (runs: RunOutput[], from: number, to: number) => runs.map((r) => windowMean(r, 'trustFirms', from, to));
    const checks = [
      check(`τF fall − regained (${REGION})`, interval90(moves.map((m) => m.fall - m.regained)), '>', 0),
      check('τF with transparency − without (weeks 52–103)', interval90(pairedDifferences(trust(open, 52, 104), trust(none, 52, 104))), '>', 0),
      check('τF without shocks − with hub lockdown (weeks 30–51)', interval90(pairedDifferences(trust(none, 30, 52), trust(hubs, 30, 52))), '>', 0),
    ];
    const notes = [
      `${REGION}: τF fell by ${format(interval90(moves.map((m) => m.fall)).mean)} and regained ${format(interval90(moves.map((m) => m.regained)).mean)} over as many weeks`,
    ];
    return { checks, notes, runs: 4 * none.length };
  },
};
