import type { WorldDefinition } from './world-definition.ts';
import type { Scenario } from './scenario.ts';
import type { World } from './world.ts';
import { createWorld } from './initialize.ts';
import { step } from './schedule.ts';
import { withoutShocks } from './shocks.ts';
import { Recorder } from './observe/recorder.ts';
import { LOSS_INDICATORS, LossTracker } from './observe/losses.ts';
import { readCheckpoint, writeCheckpoint } from '../sim/checkpoint.ts';
import { WORLD_CHECKPOINT } from './checkpoint-layout.ts';
import { evaluateRules, restoreRuleStates, ruleStates, type RuleState } from './rules.ts';

/** Everything that defines a run: with the same spec, the same bytes come out. */
export interface RunSpec {
  /** World name (see worlds/index.ts). */
  world: string;
  /** Options of that world (e.g. world-2019's start year), if any. */
  worldOptions?: { startYear?: number; blocs?: string };
  /** Scenario name of that world, or "custom" for a user's file; informative only. */
  scenarioName: string;
  /** The validated scenario itself. */
  scenario: Scenario;
  seed: number;
  /** Recorded weeks (after warm-up). */
  weeks: number;
  /** Parameter overrides (applied after the world's defaults and the scenario's params). */
  params: Record<string, number | boolean | string>;
  /** Run the same-seed reference without the scenario's shocks, for the loss measures. */
  paired: boolean;
  /** Named probes (src/sweep/probes.ts) to collect during the recorded weeks. */
  probes?: string[];
}

/** What the Simulation needs of a probe (defined in src/sweep/probes.ts, kept out of the core's imports). */
export interface ProbeHooks {
  start(world: World): unknown;
  week(world: World, week: number, state: unknown): void;
  result(state: unknown, world: World): unknown;
}

/**
 * A run: the world, its same-seed no-shock reference when paired, the recorder and the loss
 * tracker, advanced week by week. Warm-up weeks run first and are not recorded (§3).
 */
export class Simulation {
  readonly world: World;
  readonly reference: World | null;
  readonly recorder: Recorder;
  readonly losses: LossTracker | null;
  private readonly probeStates: { name: string; hooks: ProbeHooks; state: unknown }[] = [];

  constructor(
    readonly spec: RunSpec,
    readonly definition: WorldDefinition,
    probes: Record<string, ProbeHooks> = {},
  ) {
    const options = { seed: spec.seed, scenario: spec.scenario, params: spec.params };
    this.world = createWorld(definition, options);
    if (spec.paired) {
      this.reference = createWorld(definition, options);
      this.reference.scenario = withoutShocks(this.reference.scenario);
      this.losses = new LossTracker(this.world, this.reference);
    } else {
      this.reference = null;
      this.losses = null;
    }
    this.recorder = new Recorder(this.world, spec.paired ? LOSS_INDICATORS : []);
    for (const name of spec.probes ?? []) {
      const hooks = probes[name];
      if (!hooks) throw new Error(`unknown probe "${name}"; expected one of ${Object.keys(probes).join(', ')}`);
      this.probeStates.push({ name, hooks, state: hooks.start(this.world) });
    }
  }

  /** Results of the probes asked for in the spec. */
  probeResults(): Record<string, unknown> {
    return Object.fromEntries(this.probeStates.map((p) => [p.name, p.hooks.result(p.state, this.world)]));
  }

  /** The scenario week the next step will simulate (negative during warm-up). */
  get week(): number {
    return this.world.tick - this.world.params.warmupWeeks;
  }

  get done(): boolean {
    return this.week >= this.spec.weeks;
  }

  /** Agents of every kind in the shocked world (SMEs alive, cells, firms, hubs, policymakers). */
  agentCount(): number {
    const w = this.world;
    let smes = 0;
    for (let i = 0; i < w.smes.count; i++) smes += w.smes.alive[i];
    return smes + w.cells.count + w.firms.count + w.hubs.count + w.policy.count;
  }

  /** Runs the warm-up weeks (nothing is recorded). */
  warmUp(): void {
    while (this.week < 0) this.stepOnce();
  }

  /** Advances up to `weeks` recorded weeks (never past the end); returns how many ran. */
  advance(weeks: number, onWeek?: (week: number) => void): number {
    this.warmUp();
    let ran = 0;
    while (ran < weeks && !this.done) {
      this.stepOnce();
      ran++;
      onWeek?.(this.week - 1);
    }
    return ran;
  }

  private stepOnce(): void {
    const week = this.week;
    step(this.world);
    if (this.reference) step(this.reference);
    if (week < 0) return;
    this.losses?.update(week);
    if (week % this.world.params.recordEvery === 0) {
      this.recorder.record(this.world, week);
      this.losses?.record(this.recorder, week);
      // Adaptive rules read the values just recorded; what they set applies from next week.
      const rules = this.world.scenario.rules;
      if (rules.length > 0) evaluateRules(rules, week, (ref) => this.recorder.latest(ref.indicator, ref.scope, ref.group));
      for (const probe of this.probeStates) probe.hooks.week(this.world, week, probe.state);
    }
  }

  /** The whole state (worlds, loss tracker, recorded rows) as bytes. */
  checkpoint(): Uint8Array {
    const worlds = this.reference ? [this.world, this.reference] : [this.world];
    const firstRow = this.recorder.firstKept;
    const rows = this.recorder.view(firstRow);
    return writeCheckpoint(
      WORLD_CHECKPOINT,
      worlds,
      // The first row's number only when rows were released (streamed), and rule states only when
      // there are rules, so other checkpoints keep their bytes.
      {
        spec: this.spec,
        losses: this.losses?.state() ?? null,
        ...(firstRow > 0 ? { recorderFirstRow: firstRow } : {}),
        ...(this.world.scenario.rules.length > 0 ? { rules: ruleStates(this.world.scenario.rules) } : {}),
      },
      { week: rows.week, scope: rows.scope, group: rows.group, indicator: rows.indicator, value: rows.value },
    );
  }

  /** Rebuilds a run from `checkpoint()` bytes; `lookup` turns the world name into its definition. */
  static restore(
    bytes: Uint8Array,
    lookup: (world: string, options?: RunSpec['worldOptions']) => WorldDefinition,
    probes: Record<string, ProbeHooks> = {},
  ): Simulation {
    const contents = readCheckpoint(WORLD_CHECKPOINT, bytes);
    const meta = contents.meta as { spec: RunSpec; losses: Record<string, number | number[]> | null; recorderFirstRow?: number; rules?: RuleState[] };
    const simulation = new Simulation(meta.spec, lookup(meta.spec.world, meta.spec.worldOptions), probes);
    contents.restoreInto(simulation.world, 0);
    if (simulation.reference) contents.restoreInto(simulation.reference, 1);
    if (simulation.losses && meta.losses) simulation.losses.restoreState(meta.losses);
    if (meta.rules) restoreRuleStates(simulation.world.scenario.rules, meta.rules);
    const x = contents.extra;
    simulation.recorder.load({
      week: x.week as Int32Array,
      scope: x.scope as Uint8Array,
      group: x.group as Uint16Array,
      indicator: x.indicator as Uint16Array,
      value: x.value as Float64Array,
    }, meta.recorderFirstRow ?? 0);
    return simulation;
  }
}
