import type { RunSpec } from '../model/simulation.ts';
import type { Scenario, ScenarioInput } from '../model/scenario.ts';
import { checkScenario } from '../model/validate.ts';
import { lookupWorld, WORLDS } from '../../worlds/index.ts';
import { runMany, type RunOutput } from '../sweep/runner.ts';
import type { ValidationSettings } from './types.ts';

/** A built-in scenario, validated (throws if a shipped scenario were invalid). */
export function builtInScenario(world: string, name: string): Scenario {
  return validated(world, WORLDS[world].scenarios[name]);
}

export function validated(world: string, json: unknown): Scenario {
  const checked = checkScenario(json, lookupWorld(world));
  if (!checked.ok) throw new Error(`scenario for ${world} is invalid: ${JSON.stringify(checked.problems)}`);
  return checked.scenario;
}

/** A copy of a scenario with changes (for variants such as a shorter lockdown). */
export function variant(base: Scenario, change: (copy: ScenarioInput) => void): Scenario {
  const copy = structuredClone(base) as ScenarioInput;
  change(copy);
  return copy as Scenario;
}

export interface Arm {
  world: string;
  scenario: Scenario;
  scenarioName: string;
  weeks: number;
  params?: Record<string, number | boolean | string>;
  paired?: boolean;
  probes?: string[];
}

/** Runs each arm over the same seeds 1..n (common random numbers); returns runs per arm, seed-aligned. */
export async function runArms(arms: Arm[], settings: ValidationSettings, overrides: Record<string, number | boolean | string> = {}): Promise<RunOutput[][]> {
  const specs: RunSpec[] = [];
  for (const arm of arms) {
    const scale = arm.world === 'world-2019' ? settings.worldScale : settings.twoHubsScale;
    for (let seed = 1; seed <= settings.seeds; seed++) {
      specs.push({
        world: arm.world,
        scenarioName: arm.scenarioName,
        scenario: arm.scenario,
        seed,
        weeks: arm.weeks,
        params: { scale, ...overrides, ...(arm.params ?? {}) },
        paired: arm.paired ?? false,
        probes: arm.probes,
      });
    }
  }
  const outputs = await runMany(specs, { workers: settings.workers });
  return arms.map((_, k) => outputs.slice(k * settings.seeds, (k + 1) * settings.seeds));
}
