import type { AblationResult, Origin, PatternDefinition, PatternResult, PatternRun, ValidationSettings } from './types.ts';
import { p01 } from './patterns/p01-efficiency-resilience.ts';
import { p02 } from './patterns/p02-indirect-losses.ts';
import { p03 } from './patterns/p03-convex-duration.ts';
import { p04 } from './patterns/p04-renationalisation.ts';
import { p05 } from './patterns/p05-s-curve.ts';
import { p06 } from './patterns/p06-sme-participation.ts';
import { p07 } from './patterns/p07-linked-training.ts';
import { p08 } from './patterns/p08-trust-asymmetry.ts';
import { p09 } from './patterns/p09-hunger-games.ts';
import { p10 } from './patterns/p10-heavy-tails.ts';
import { p11 } from './patterns/p11-bullwhip.ts';
import { p12 } from './patterns/p12-learning-firms.ts';

/** The stylized facts of MODEL.md §1 and §9.1 (P12), in order. */
export const PATTERNS: PatternDefinition[] = [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12];

export function patternById(id: string): PatternDefinition {
  const found = PATTERNS.find((p) => p.id === id);
  if (!found) throw new Error(`unknown pattern ${id}`);
  return found;
}

/**
 * Runs a pattern and, when it passes, each of its ablations (MODEL.md §8): it "emerges" only if it
 * survives every one, else it is "assumed"; a failing pattern gets no origin label.
 */
export async function evaluatePattern(definition: PatternDefinition, settings: ValidationSettings): Promise<PatternResult> {
  const main = await definition.run(settings);
  const pass = main.checks.every((c) => c.pass);
  const ablations: AblationResult[] = [];
  if (pass) {
    for (const ablation of definition.ablations) {
      const run = await definition.run(settings, ablation);
      ablations.push({ ablation, run, survives: run.checks.every((c) => c.pass) });
    }
  }
  return { definition, main, ablations, pass, origin: originOf(pass, ablations), seeds: settings.seeds, settings };
}

export function originOf(pass: boolean, ablations: readonly AblationResult[]): Origin {
  if (!pass) return null;
  return ablations.every((a) => a.survives) ? 'emerges' : 'assumed';
}

/** Names of the checks a run fails, in order. */
export function failingChecks(run: PatternRun): string[] {
  return run.checks.filter((c) => !c.pass).map((c) => c.name);
}
