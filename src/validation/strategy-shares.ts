/**
 * Issue 12's "done when" checks for the strategy choice (MODEL.md §9.1): in the two-hubs calm
 * baseline at defaults the mean non-GLOBAL share of lead firms over the last five of ten years lies
 * in [20%, 70%] (90% CI over seeds inside that range), and ±20% freight or hub hazard, and a 10%
 * tariff on other blocs against none, move it the expected way (paired over seeds).
 */
import { check, type Check, type ValidationSettings } from './types.ts';
import { builtInScenario, runArms, variant, type Arm } from './specs.ts';
import { interval90, pairedDifferences } from './stats.ts';
import { windowMean } from './measures.ts';
import { HAZARD_FIT } from '../model/params/hazard-fit.ts';
import { engineParams } from '../model/params/engine-params.ts';
import type { RunOutput } from '../sweep/runner.ts';

const TEN_YEARS = 520;
const LAST_FIVE = 260;

/** Mean non-GLOBAL share of living lead firms over the last five of ten years. */
export function lateNonGlobalShare(run: RunOutput): number {
  return 1 - windowMean(run, 'strategyShareGlobal', TEN_YEARS - LAST_FIVE, TEN_YEARS);
}

export interface StrategyShareResult {
  checks: Check[];
  /** Mean non-GLOBAL share per arm, for the report. */
  means: Record<string, number>;
}

export async function strategyShareChecks(settings: ValidationSettings): Promise<StrategyShareResult> {
  const calm = builtInScenario('two-hubs', 'baseline');
  const tariff = variant(calm, (s) => {
    s.policy = [{ week: 0, target: 'all', instrument: 'tariff', level: 0.1 }];
  });
  const base = calm;
  const freight = (factor: number): Arm => ({ world: 'two-hubs', scenario: base, scenarioName: 'baseline', weeks: TEN_YEARS, params: { freightPerUnitKm: engineParams.freightPerUnitKm.default * factor } });
  const hub = (factor: number): Arm => ({ world: 'two-hubs', scenario: base, scenarioName: 'baseline', weeks: TEN_YEARS, params: { hubHazardPerYear: HAZARD_FIT.hubHazardPerYear * factor } });
  const arms: Arm[] = [
    { world: 'two-hubs', scenario: base, scenarioName: 'baseline', weeks: TEN_YEARS },
    freight(1.2), freight(0.8), hub(1.2), hub(0.8),
    { world: 'two-hubs', scenario: tariff, scenarioName: 'tariff-10', weeks: TEN_YEARS },
  ];
  const runs = await runArms(arms, settings);
  const shares = runs.map((arm) => arm.map(lateNonGlobalShare));
  const [atDefaults, freightUp, freightDown, hazardUp, hazardDown, tariffOn] = shares;
  const checks = [
    check('non-GLOBAL share, last five of ten years, at defaults', interval90(atDefaults), 'within', [0.2, 0.7]),
    check('freight +20% − defaults', interval90(pairedDifferences(freightUp, atDefaults)), '>', 0),
    check('defaults − freight −20%', interval90(pairedDifferences(atDefaults, freightDown)), '>', 0),
    check('hub hazard +20% − defaults', interval90(pairedDifferences(hazardUp, atDefaults)), '>', 0),
    check('defaults − hub hazard −20%', interval90(pairedDifferences(atDefaults, hazardDown)), '>', 0),
    check('10% tariff on other blocs − none', interval90(pairedDifferences(tariffOn, atDefaults)), '>', 0),
  ];
  const names = ['defaults', 'freight +20%', 'freight −20%', 'hub hazard +20%', 'hub hazard −20%', '10% tariff'];
  const means = Object.fromEntries(names.map((n, k) => [n, interval90(shares[k]).mean]));
  return { checks, means };
}
