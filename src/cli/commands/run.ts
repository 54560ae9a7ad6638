import { join } from 'node:path';
import { spawnWorker } from '../../worker/spawn.ts';
import { rowsToCsv } from '../../model/observe/recorder.ts';
import type { IndicatorBatch, RunInfo } from '../../worker/api.ts';
import { AtomicFile, canonicalJson, sha256, writeFileAtomic } from '../atomic.ts';
import { progressBar } from '../progress.ts';
import { resolveRun, type RunRequest, type ResolvedRun } from '../run-inputs.ts';
import packageJson from '../../../package.json' with { type: 'json' };

/** Weeks simulated per worker call: small enough for a smooth progress bar. */
const STEP_CHUNK = 4;

export interface RunOutcome {
  directory: string;
  rows: number;
  indicatorsSha256: string;
  info: RunInfo;
}

/** The manifest's hash of everything that determines the outputs. */
export function inputsHash(resolved: ResolvedRun): string {
  return sha256(
    canonicalJson({
      glocal: packageJson.version,
      world: resolved.spec.world,
      worldOptions: resolved.spec.worldOptions ?? null,
      worldDefinition: sha256(canonicalJson(resolved.definition)),
      scenario: resolved.spec.scenario,
      parameters: resolved.params,
      seed: resolved.spec.seed,
      weeks: resolved.spec.weeks,
      paired: resolved.spec.paired,
    }),
  );
}

/**
 * `glocal run`: validates every input first (nothing is written on bad input), runs the model in
 * a worker thread, streams indicators.csv to a temp file and renames it into place, then writes
 * manifest.json the same way.
 */
export async function runCommand(request: RunRequest, outDirectory: string, quiet = false): Promise<RunOutcome> {
  const resolved = resolveRun(request);
  const { spec } = resolved;
  const worker = spawnWorker();
  let csv: AtomicFile | null = null;
  try {
    const info = await worker.api.init(spec);
    const bar = quiet ? { update() {}, stop() {} } : progressBar(spec.weeks, `${spec.world}/${spec.scenarioName}`);
    let week = 0;
    while (week < spec.weeks) {
      const result = await worker.api.step(Math.min(STEP_CHUNK, spec.weeks - week));
      week = result.week;
      bar.update(week, `${info.agents.toLocaleString('en')} agents`);
      if (result.done) break;
    }
    bar.stop();
    csv = new AtomicFile(join(outDirectory, 'indicators.csv'));
    let from = 0;
    let rows = 0;
    for (;;) {
      const batch: IndicatorBatch = await worker.api.indicators(from);
      if (batch.next === from) break;
      csv.write(rowsToCsv({ ...batch, length: batch.next - batch.from }, info.indicators, info.groups, from === 0));
      rows += batch.next - batch.from;
      from = batch.next;
    }
    if (rows === 0) csv.write('tick,scope,group,indicator,value\n');
    const bytes = csv.bytes;
    const indicatorsSha256 = csv.commit();
    csv = null;
    const manifest = {
      glocal: packageJson.version,
      world: spec.world,
      worldOptions: spec.worldOptions ?? null,
      scenario: { name: spec.scenarioName, source: resolved.scenarioSource, definition: spec.scenario },
      seed: spec.seed,
      weeks: spec.weeks,
      warmupWeeks: resolved.params.warmupWeeks,
      paired: spec.paired,
      parameters: resolved.params,
      overrides: spec.params,
      agents: info.agents,
      inputsSha256: inputsHash(resolved),
      outputs: {
        'indicators.csv': {
          sha256: indicatorsSha256,
          bytes,
          rows,
          columns: ['tick', 'scope', 'group', 'indicator', 'value'],
        },
      },
      indicators: info.indicators,
      dataCredit:
        spec.world === 'world-2019' ? 'Free data from Gapminder.org (CC-BY 4.0); country polygons: Natural Earth via world-atlas' : null,
      rerun: `glocal run --world ${spec.world}${spec.worldOptions?.startYear !== undefined ? ` --start-year ${spec.worldOptions.startYear}` : ''}${spec.worldOptions?.blocs !== undefined ? ` --blocs ${spec.worldOptions.blocs}` : ''} --scenario ${resolved.scenarioSource} --seed ${spec.seed} --weeks ${spec.weeks}${Object.entries(spec.params)
        .map(([k, v]) => ` --set ${k}=${v}`)
        .join('')}`,
      // Outside the hashed outputs: when and where it ran.
      createdAt: new Date().toISOString(),
      node: process.version,
    };
    writeFileAtomic(join(outDirectory, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return { directory: outDirectory, rows, indicatorsSha256, info };
  } catch (error) {
    csv?.abort();
    throw error;
  } finally {
    await worker.terminate();
  }
}
