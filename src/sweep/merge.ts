import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { openLockedFolder } from '../output/index.ts';
import { readManifest } from './folder.ts';
import { buildManifest, newSession, writeManifest, type ManifestPlan, type SweepManifest } from './manifest.ts';
import { readAgentRuns, readResultRuns, type ReadRun } from './results-reader.ts';
import { shardFolder, shardRuns } from './shard.ts';
import { pointsOf } from './spec.ts';
import { SweepWriter, type WrittenFile } from './writers.ts';
import type { RunRows } from './run-rows.ts';

export interface MergeOutcome {
  directory: string;
  shards: number;
  runs: number;
  outputs: Record<string, WrittenFile>;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The shard folders of DIR (`shard-i-of-N`), checked: one N, every shard there, same sweep, complete. */
function shardManifests(directory: string): SweepManifest[] {
  if (!existsSync(directory)) throw new UserError(`glocal: no such folder ${directory}\nnothing was written.`);
  const names = readdirSync(directory).filter((name) => /^shard-\d+-of-\d+$/.test(name));
  if (names.length === 0) throw new UserError(`glocal: ${directory} holds no shard folders (shard-i-of-N); run glocal sweep --shard i/N --out ${directory} first\nnothing was written.`);
  const counts = new Set(names.map((name) => Number(name.split('-').pop())));
  if (counts.size > 1) throw new UserError(`glocal: ${directory} mixes shard counts (${[...counts].join(', ')}); keep the shards of one sweep only\nnothing was written.`);
  const count = [...counts][0];
  const problems: string[] = [];
  const manifests: SweepManifest[] = [];
  for (let index = 0; index < count; index++) {
    const folder = join(directory, shardFolder({ index, count }));
    const manifest = existsSync(folder) ? readManifest(folder) : null;
    if (!manifest) problems.push(`  ${folder}: missing (run glocal sweep SPEC --shard ${index}/${count} --out ${directory})`);
    else if (!manifest.complete) problems.push(`  ${folder}: unfinished (${manifest.finishedRuns.length} of ${manifest.runs.inThisFolder} runs); run its command again to resume it`);
    else if (manifests.length > 0 && manifest.specHash !== manifests[0].specHash) problems.push(`  ${folder}: a different sweep (spec hash ${manifest.specHash.slice(0, 12)}…)`);
    if (manifest) manifests.push(manifest);
  }
  if (problems.length > 0) throw new UserError(`glocal: cannot merge ${directory}\n${problems.join('\n')}\nnothing was written.`);
  return manifests;
}

/** Each run of a shard, in run order: its rows from the shard's Parquet file(s) (empty if it recorded none). */
async function* shardRunRows(folder: string, manifest: SweepManifest, runs: number[]): AsyncGenerator<RunRows> {
  const reader = readResultRuns(join(folder, 'results.parquet'), manifest.factors, manifest.metrics, manifest.runs.seeds.length);
  const fields = manifest.spec.agents?.fields;
  const agentReader = fields ? readAgentRuns(join(folder, 'agents.parquet'), fields) : null;
  let next: ReadRun | undefined = (await reader.next()).value ?? undefined;
  let nextAgents = agentReader ? ((await agentReader.next()).value ?? undefined) : undefined;
  for (const run of runs) {
    let rows: RunRows;
    if (next && next.rows.run === run) {
      rows = next.rows;
      next = (await reader.next()).value ?? undefined;
    } else {
      const seed = manifest.runs.seeds[run % manifest.runs.seeds.length];
      rows = { run, point: Math.floor(run / manifest.runs.seeds.length), seed, tick: new Int32Array(0), metric: new Uint16Array(0), value: new Float64Array(0) };
    }
    if (agentReader && fields) {
      if (nextAgents && nextAgents.run === run) {
        rows.agents = nextAgents.rows;
        nextAgents = (await agentReader.next()).value ?? undefined;
      } else {
        rows.agents = { tick: new Int32Array(0), id: new Int32Array(0), values: new Float64Array(0), fieldCount: fields.length };
      }
    }
    yield rows;
  }
  if (next) throw new Error(`${folder}: run ${next.rows.run} is not one of this shard's runs`);
  if (nextAgents) throw new Error(`${folder}: agents.parquet holds run ${nextAgents.run}, not one of this shard's runs`);
}

/**
 * `glocal merge DIR`: joins DIR/shard-i-of-N/ into DIR/results.parquet, runs.csv (and
 * results.csv with `csv`) and manifest.json, byte for byte what one machine would have written.
 */
export async function mergeShards(directory: string, csv: boolean): Promise<MergeOutcome> {
  const manifests = shardManifests(directory);
  const count = manifests.length;
  const first = manifests[0];
  for (const [index, manifest] of manifests.entries()) {
    const folder = join(directory, shardFolder({ index, count }));
    for (const name of manifest.spec.agents ? ['results.parquet', 'agents.parquet'] : ['results.parquet']) {
      const expected = manifest.outputs[name]?.sha256;
      if (!expected || (await fileSha256(join(folder, name))) !== expected) {
        throw new UserError(`glocal: ${folder}/${name} does not match its manifest (changed or damaged); run that shard again\nnothing was written.`);
      }
    }
  }
  const { names, points } = pointsOf(first.spec);
  const design = first.design ? { type: first.design.type, samples: first.design.samples, ranges: first.design.ranges, ...(first.design.levels !== undefined ? { levels: first.design.levels } : {}) } : null;
  const plan: ManifestPlan = {
    spec: first.spec,
    specHash: first.specHash,
    scenarioName: first.scenario.name,
    scenario: first.scenario.definition as ManifestPlan['scenario'],
    factorNames: names,
    points,
    seeds: first.runs.seeds,
    design,
    designSeed: first.design?.seed ?? 1,
    runCount: first.runs.total,
    metrics: first.metrics.map(({ indicator, scope, group }) => ({ indicator, scope, group })),
  };
  const folder = openLockedFolder(directory, `glocal merge ${directory}`, 'DIR');
  const writer = new SweepWriter(directory, { factorNames: names, points, metrics: plan.metrics, agentFields: first.spec.agents?.fields }, csv);
  try {
    for (const [index, manifest] of manifests.entries()) {
      const runs = shardRuns(plan.runCount, { index, count });
      for await (const rows of shardRunRows(join(directory, shardFolder({ index, count })), manifest, runs)) writer.add(rows);
    }
    const outputs = writer.finish();
    const sessions = [...manifests.flatMap((m) => m.provenance.sessions), { ...newSession(0, 'merged'), endedAt: new Date().toISOString() }];
    const all = Array.from({ length: plan.runCount }, (_, run) => run);
    writeManifest(directory, buildManifest(plan, null, plan.runCount, all, outputs, sessions));
    return { directory, shards: count, runs: plan.runCount, outputs };
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    folder.lock.release();
  }
}
