/**
 * Pattern results saved between runs of `npm run validate`, so a long validation can be split
 * over several processes (each a subset of patterns) and resumed: each result is kept in
 * reports/validation/<id>.json with the commit it ran at; the report is written once every
 * pattern has a result from the same commit.
 */
import type { AblationResult, PatternResult, PatternRun, ValidationSettings } from './types.ts';
import { patternById } from './index.ts';

export interface SavedResult {
  id: string;
  commit: string;
  seconds: number;
  main: PatternRun;
  ablations: { id: string; run: PatternRun; survives: boolean }[];
  pass: boolean;
  origin: PatternResult['origin'];
  seeds: number;
  settings: ValidationSettings;
}

export function toSaved(result: PatternResult, commit: string, seconds: number): SavedResult {
  const { definition, main, pass, origin, seeds, settings } = result;
  const ablations = result.ablations.map((a) => ({ id: a.ablation.id, run: a.run, survives: a.survives }));
  return { id: definition.id, commit, seconds, main, ablations, pass, origin, seeds, settings };
}

export function fromSaved(saved: SavedResult): PatternResult {
  const definition = patternById(saved.id);
  const ablations: AblationResult[] = saved.ablations.map((a) => {
    const ablation = definition.ablations.find((x) => x.id === a.id);
    if (!ablation) throw new Error(`${saved.id}: saved ablation ${a.id} is no longer defined`);
    return { ablation, run: a.run, survives: a.survives };
  });
  return { definition, main: saved.main, ablations, pass: saved.pass, origin: saved.origin, seeds: saved.seeds, settings: saved.settings };
}
