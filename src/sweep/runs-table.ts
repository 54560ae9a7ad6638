import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { parseCsv } from '../../worlds/world-2019/scripts/build-data-lib.ts';
import { paramSpec } from '../model/params/registry.ts';
import type { RunSummary, SampledDesignSpec, SweepResultsForAnalysis } from './contracts.ts';
import { readManifest } from './folder.ts';

const STATS = ['final', 'mean', 'min', 'max'] as const;

function factorValue(name: string, text: string): number | string | boolean {
  const kind = paramSpec(name)?.kind;
  if (kind === 'boolean') return text === 'true';
  if (kind === 'choice') return text;
  return Number(text);
}

/**
 * A finished sweep folder (one machine's, or merged shards) as `glocal analyze` needs it: the
 * design from manifest.json and one RunSummary per row of runs.csv. An empty field (a metric
 * never recorded) reads as NaN.
 */
export function readSweepForAnalysis(directory: string): SweepResultsForAnalysis {
  const manifest = readManifest(directory);
  if (!manifest) {
    const sharded = existsSync(directory) && readdirSync(directory).some((name) => /^shard-\d+-of-\d+$/.test(name));
    throw new UserError(`glocal: ${directory} holds no finished sweep (no manifest.json from glocal sweep or glocal merge)${sharded ? '; if it holds shard folders, run glocal merge on it first' : ''}`);
  }
  if (!manifest.complete || !existsSync(join(directory, 'runs.csv'))) {
    throw new UserError(
      `glocal: the sweep in ${directory} is unfinished (${manifest.finishedRuns.length} of ${manifest.runs.inThisFolder} runs); run its glocal sweep command again to finish it`,
    );
  }
  const [header, ...lines] = parseCsv(readFileSync(join(directory, 'runs.csv'), 'utf8')).filter((row) => row.length > 1 || row[0] !== '');
  const column = new Map(header.map((name, i) => [name, i]));
  const at = (row: string[], name: string) => row[column.get(name) ?? -1] ?? '';
  const number = (text: string) => (text === '' ? NaN : Number(text));
  const runs: RunSummary[] = lines.map((row) => ({
    run: Number(at(row, 'run')),
    point: Number(at(row, 'point')),
    seed: Number(at(row, 'seed')),
    factors: Object.fromEntries(manifest.factors.map((name) => [name, factorValue(name, at(row, name))])),
    metrics: Object.fromEntries(
      manifest.metrics.map((m) => [m.key, Object.fromEntries(STATS.map((s) => [s, number(at(row, `${m.key}_${s}`))])) as RunSummary['metrics'][string]]),
    ),
  }));
  const design: SampledDesignSpec | null = manifest.design
    ? { type: manifest.design.type, samples: manifest.design.samples, ranges: manifest.design.ranges, ...(manifest.design.levels !== undefined ? { levels: manifest.design.levels } : {}) }
    : null;
  return { design, designSeed: manifest.design?.seed ?? 1, seedCount: manifest.runs.seeds.length, runs };
}
