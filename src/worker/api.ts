import { transfer } from 'comlink';
import { readAgents, type AgentKindName, type AgentSnapshot } from '../model/observe/agent-tables.ts';
import { Simulation, type RunSpec } from '../model/simulation.ts';
import { SCOPES, type IndicatorInfo } from '../model/observe/recorder.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { PROBES } from '../sweep/probes.ts';
import { explainStrategies, explainStrategiesOverFirms, type StrategyExplanation } from '../../agents/firm/index.ts';
import type { ProbeHooks } from '../model/simulation.ts';
import { mapSnapshot, snapshotBuffers, type MapSnapshot } from './map-snapshot.ts';
import { addPolicy, addShocks, distribution, inspect, type AgentKind, type Distribution, type DistributionAttribute, type DistributionGrouping } from './live.ts';

/** `strategies()`: one firm's four strategies, or the means over living firms with how many hold each. */
export type StrategyReport = (
  | { scope: 'firm'; firm: number; rows: StrategyExplanation[] }
  | { scope: 'all'; firms: number; rows: (Omit<StrategyExplanation, 'current'> & { holding: number })[] }
) & {
  /** The strategy `strategyOverride` forces on every firm, or null: forced firms do not review, so the chances are only what a review would give. */
  override: string | null;
};

const PROBE_HOOKS = PROBES as unknown as Record<string, ProbeHooks>;

/** What a client learns when a run starts or is restored. */
export interface RunInfo {
  world: string;
  scenario: string;
  seed: number;
  weeks: number;
  /** Next scenario week to simulate. */
  week: number;
  agents: number;
  regions: string[];
  blocs: string[];
  indicators: IndicatorInfo[];
  /** Group names by scope index (global, bloc, incomeGroup, region). */
  groups: string[][];
  scopes: readonly string[];
}

/** Indicator rows in columns, ready to transfer. */
export interface IndicatorBatch {
  /** Row index the batch starts at, and the index to ask from next time. */
  from: number;
  next: number;
  week: Int32Array;
  scope: Uint8Array;
  group: Uint16Array;
  indicator: Uint16Array;
  value: Float64Array;
}

/** A picture of the world for a map: per-region state and per-SME positions and state. */
export interface Snapshot {
  week: number;
  regionFillRate: Float64Array;
  regionUsage: Float64Array;
  regionTrustFirms: Float64Array;
  regionCapacityFactor: Float64Array;
  regionBorderOpen: Uint8Array;
  smeRegion: Uint16Array;
  smeAlive: Uint8Array;
  smeDigital: Uint8Array;
  smeInChain: Int16Array;
  smeEmployees: Float32Array;
}

let simulation: Simulation | null = null;

function current(): Simulation {
  if (!simulation) throw new Error('no run: call init(spec) first');
  return simulation;
}

function info(sim: Simulation): RunInfo {
  return {
    world: sim.spec.world,
    scenario: sim.spec.scenarioName,
    seed: sim.spec.seed,
    weeks: sim.spec.weeks,
    week: Math.max(0, sim.week),
    agents: sim.agentCount(),
    regions: sim.world.regions.codes.slice(),
    blocs: sim.definition.blocs.slice(),
    indicators: sim.recorder.indicators,
    groups: sim.recorder.groupNames,
    scopes: SCOPES,
  };
}

/**
 * The one worker API (DESIGN.md principle 7): the CLI drives it over worker_threads, the web
 * app over a browser Worker, both through comlink. Typed arrays leave as transferables.
 */
export const api = {
  /** Builds the world(s) of a run and runs the warm-up weeks. */
  init(spec: RunSpec): RunInfo {
    simulation = new Simulation(spec, lookupWorld(spec.world, spec.worldOptions), PROBE_HOOKS);
    simulation.warmUp();
    return info(simulation);
  },

  /** Advances up to `weeks` recorded weeks; returns the next week, whether the run is done and the live agents. */
  step(weeks: number): { week: number; done: boolean; agents: number } {
    const sim = current();
    sim.advance(weeks);
    return { week: sim.week, done: sim.done, agents: sim.agentCount() };
  },

  /** Region and SME state for drawing (copies, transferred). */
  snapshot(): Snapshot {
    const { world } = current();
    const { regions, smes } = world;
    const n = smes.count;
    const snapshot: Snapshot = {
      week: world.tick - world.params.warmupWeeks,
      regionFillRate: world.finalMarket.finalDelivered.map((d, r) => (world.finalMarket.finalDemand[r] > 0 ? d / world.finalMarket.finalDemand[r] : 1)),
      regionUsage: world.communityRegions.access.map((a, r) => a * world.communityRegions.literacy[r]),
      regionTrustFirms: world.communityRegions.trustFirms.slice(),
      regionCapacityFactor: regions.capacityFactor.slice(),
      regionBorderOpen: regions.borderOpen.slice(),
      smeRegion: smes.region.slice(0, n),
      smeAlive: smes.alive.slice(0, n),
      smeDigital: smes.digital.slice(0, n),
      smeInChain: smes.buyerPlant.slice(0, n),
      smeEmployees: smes.employees.slice(0, n),
    };
    return transfer(snapshot, [
      snapshot.regionFillRate.buffer,
      snapshot.regionUsage.buffer,
      snapshot.regionTrustFirms.buffer,
      snapshot.regionCapacityFactor.buffer,
      snapshot.regionBorderOpen.buffer,
      snapshot.smeRegion.buffer,
      snapshot.smeAlive.buffer,
      snapshot.smeDigital.buffer,
      snapshot.smeInChain.buffer,
      snapshot.smeEmployees.buffer,
    ]);
  },

  /** Indicator rows recorded since row `since` (at most `limit` of them). */
  indicators(since = 0, limit = 200_000): IndicatorBatch {
    const rows = current().recorder.view(since);
    const count = Math.min(limit, rows.length);
    const batch: IndicatorBatch = {
      from: since,
      next: since + count,
      week: rows.week.slice(0, count),
      scope: rows.scope.slice(0, count),
      group: rows.group.slice(0, count),
      indicator: rows.indicator.slice(0, count),
      value: rows.value.slice(0, count),
    };
    return transfer(batch, [batch.week.buffer, batch.scope.buffer, batch.group.buffer, batch.indicator.buffer, batch.value.buffer]);
  },

  /**
   * Forgets the indicator rows before row `upTo` (a client that streams rows to a file calls this
   * after each `indicators` batch, so the worker's memory stays flat with run length).
   */
  release(upTo: number): void {
    current().recorder.release(upTo);
  },

  /** Chosen fields of every live agent of a kind, now (a sweep's agents.parquet), transferred. */
  agents(kind: AgentKindName, fields: string[]): AgentSnapshot {
    const snapshot = readAgents(current().world, kind, fields);
    return transfer(snapshot, [snapshot.id.buffer, snapshot.values.buffer]);
  },

  /** Results of the probes named in the spec (plain data). */
  probes(): Record<string, unknown> {
    return current().probeResults();
  },

  /** The whole state as bytes (transferred). */
  checkpoint(): Uint8Array {
    const bytes = current().checkpoint();
    return transfer(bytes, [bytes.buffer]);
  },

  /** Everything the web app's map draws (region layers, agents, flows), transferred. */
  mapSnapshot(): MapSnapshot {
    const snapshot = mapSnapshot(current().world);
    return transfer(snapshot, snapshotBuffers(snapshot));
  },

  /** Every parameter's value in the running world (after defaults, scenario and overrides). */
  params(): Record<string, number | boolean | string> {
    return { ...current().world.params } as Record<string, number | boolean | string>;
  },

  /** Live: adds policy settings (scenario-file `policy` items); returns the region settings added. */
  addPolicy(items: unknown[]): number {
    return addPolicy(current(), items);
  },

  /** Live: adds shocks (scenario-file `shocks` items) to the shocked world; returns the region shocks added. */
  addShocks(items: unknown[]): number {
    return addShocks(current(), items);
  },

  /** A histogram of an agent attribute by group (counts of SMEs, or people in cells). */
  distribution(attribute: DistributionAttribute, grouping: DistributionGrouping, bins = 20): Distribution {
    const result = distribution(current().world, attribute, grouping, bins);
    return transfer(result, [result.counts.buffer]);
  },

  /** One region's or agent's state, for the app's inspector (null for an unknown id). */
  inspect(kind: AgentKind, id: number): Record<string, number | string> | null {
    return inspect(current().world, kind, id);
  },

  /**
   * How lead firms price the four strategies now (§7.1): for `firm`, its four strategies term by
   * term with their logit probabilities; without it, the means over living firms. Null for an unknown firm.
   */
  strategies(firm?: number): StrategyReport | null {
    const { world } = current();
    const override = world.params.strategyOverride === 'none' ? null : world.params.strategyOverride;
    if (firm === undefined) return { scope: 'all', override, ...explainStrategiesOverFirms(world) };
    if (!(firm >= 0 && firm < world.firms.count) || !world.firms.alive[firm]) return null;
    return { scope: 'firm', firm, override, rows: explainStrategies(world, firm) };
  },

  /** Replaces the run with one restored from `checkpoint()` bytes. */
  restore(bytes: Uint8Array): RunInfo {
    simulation = Simulation.restore(bytes, lookupWorld, PROBE_HOOKS);
    return info(simulation);
  },
};

export type Api = typeof api;
