import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/index.ts';
import { metricKey, type MetricRef, type SampledDesignSpec } from './contracts.ts';
import type { SweepSpec } from './spec-schema.ts';
import type { SweepPlan } from './spec.ts';
import type { Shard } from './shard.ts';
import type { WrittenFile } from './writers.ts';
import { RESULT_COLUMNS, runsColumns } from './writers.ts';
import { agentColumns } from './agent-writer.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** One session of work on a sweep folder (the first run, each resume, a merge). */
export interface SweepSession {
  startedAt: string;
  endedAt: string | null;
  host: string;
  node: string;
  workers: number;
  runsDone: number;
  outcome: 'running' | 'complete' | 'interrupted' | 'merged';
}

/**
 * manifest.json of a sweep folder. Everything outside `provenance` depends only on the spec,
 * the shard and which runs are finished, so an unbroken and a resumed sweep write the same.
 */
export interface SweepManifest {
  kind: 'glocal-sweep';
  glocal: string;
  specHash: string;
  spec: SweepSpec;
  scenario: { name: string; definition: unknown };
  shard: Shard | null;
  runs: { total: number; points: number; seeds: number[]; inThisFolder: number; numbering: string };
  factors: string[];
  design: (SampledDesignSpec & { seed: number }) | null;
  metrics: (MetricRef & { key: string })[];
  columns: { results: string[]; runs: string[]; agents?: string[] };
  complete: boolean;
  finishedRuns: number[];
  outputs: Record<string, WrittenFile>;
  dataCredit: string | null;
  provenance: { sessions: SweepSession[] };
}

export function newSession(workers: number, outcome: SweepSession['outcome'] = 'running'): SweepSession {
  return { startedAt: new Date().toISOString(), endedAt: null, host: hostname(), node: process.version, workers, runsDone: 0, outcome };
}

/** What a manifest needs of a sweep plan (a merge rebuilds this from the shards' manifests). */
export type ManifestPlan = Pick<SweepPlan, 'spec' | 'specHash' | 'scenarioName' | 'scenario' | 'factorNames' | 'points' | 'seeds' | 'design' | 'designSeed' | 'runCount' | 'metrics'>;

/** The manifest of a sweep folder, from its plan, the finished runs and the written outputs. */
export function buildManifest(
  plan: ManifestPlan,
  shard: Shard | null,
  inThisFolder: number,
  finished: Iterable<number>,
  outputs: Record<string, WrittenFile> | null,
  sessions: SweepSession[],
): SweepManifest {
  const layout = { factorNames: plan.factorNames, points: plan.points, metrics: plan.metrics };
  return {
    kind: 'glocal-sweep',
    glocal: packageJson.version,
    specHash: plan.specHash,
    spec: plan.spec,
    scenario: { name: plan.scenarioName, definition: plan.scenario },
    shard,
    runs: { total: plan.runCount, points: plan.points.length, seeds: plan.seeds, inThisFolder, numbering: 'run = point × seedCount + seedIndex' },
    factors: plan.factorNames,
    design: plan.design ? { ...plan.design, seed: plan.designSeed } : null,
    metrics: plan.metrics.map((m) => ({ ...m, key: metricKey(m) })),
    columns: {
      results: ['run', 'seed', ...plan.factorNames, ...RESULT_COLUMNS],
      runs: runsColumns(layout),
      ...(plan.spec.agents ? { agents: agentColumns(plan.factorNames, plan.spec.agents.fields) } : {}),
    },
    complete: outputs !== null,
    finishedRuns: [...finished].sort((a, b) => a - b),
    outputs: outputs ?? {},
    dataCredit: plan.spec.world === 'world-2019' ? 'Free data from Gapminder.org (CC-BY 4.0); country polygons: Natural Earth via world-atlas' : null,
    provenance: { sessions },
  };
}

export function writeManifest(directory: string, manifest: SweepManifest): void {
  writeFileAtomic(join(directory, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
