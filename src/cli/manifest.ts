import { quote } from 'shell-quote';
import { canonicalJson, sha256, type WrittenFile } from '../output/index.ts';
import type { RunInfo } from '../worker/api.ts';
import type { ResolvedRun, RunRequest } from './run-inputs.ts';
import type { SummaryCollector } from './summary.ts';
import packageJson from '../../package.json' with { type: 'json' };

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

/** sha256 of a scenario as run (validated, defaults filled in), keys sorted. */
export function scenarioHash(scenario: unknown): string {
  return sha256(canonicalJson(scenario));
}

/**
 * The `glocal run` command line that reproduces a run, every argument explicit (absolute paths,
 * --paired or --no-paired) and quoted for a POSIX shell.
 */
export function rerunLine(resolved: ResolvedRun, out: string): string {
  const { spec } = resolved;
  const args = ['glocal', 'run', '--world', spec.world];
  if (spec.worldOptions?.startYear !== undefined) args.push('--start-year', String(spec.worldOptions.startYear));
  if (spec.worldOptions?.blocs !== undefined) args.push('--blocs', spec.worldOptions.blocs);
  args.push('--scenario', resolved.scenarioArgument, '--seed', String(spec.seed), '--weeks', String(spec.weeks));
  for (const [name, value] of Object.entries(spec.params)) args.push('--set', `${name}=${String(value)}`);
  args.push(spec.paired ? '--paired' : '--no-paired', '--out', out);
  return quote(args);
}

export interface ManifestContext {
  resolved: ResolvedRun;
  request: RunRequest;
  info: RunInfo;
  files: ReadonlyMap<string, WrittenFile>;
  rows: number;
  summary: SummaryCollector;
  /** Absolute output folder. */
  out: string;
  argv: string[];
  options: { force: boolean; quiet: boolean };
}

/** manifest.json: what ran (every flag, the scenario itself and its hash), what came out, how to rerun. */
export function buildManifest(context: ManifestContext): Record<string, unknown> {
  const { resolved, request, info, files, out } = context;
  const { spec } = resolved;
  const csv = files.get('indicators.csv');
  return {
    glocal: packageJson.version,
    world: spec.world,
    worldOptions: spec.worldOptions ?? null,
    scenario: { name: spec.scenarioName, source: resolved.scenarioSource, sha256: scenarioHash(spec.scenario), definition: spec.scenario },
    seed: spec.seed,
    weeks: spec.weeks,
    warmupWeeks: resolved.params.warmupWeeks,
    paired: spec.paired,
    parameters: resolved.params,
    overrides: spec.params,
    agents: info.agents,
    inputsSha256: inputsHash(resolved),
    outputs: {
      'indicators.csv': { sha256: csv?.sha256, bytes: csv?.bytes, rows: context.rows, columns: ['tick', 'scope', 'group', 'indicator', 'value'] },
    },
    summary: context.summary.toJson(),
    indicators: info.indicators,
    dataCredit: spec.world === 'world-2019' ? 'Free data from Gapminder.org (CC-BY 4.0); country polygons: Natural Earth via world-atlas' : null,
    rerun: rerunLine(resolved, out),
    flags: {
      world: request.world,
      scenario: request.scenario ?? null,
      startYear: request.startYear ?? null,
      blocs: request.blocs ?? null,
      seed: String(request.seed),
      weeks: request.weeks === undefined ? null : String(request.weeks),
      set: request.set,
      parameterFlags: request.flags,
      paired: request.paired ?? null,
      out,
      force: context.options.force,
      quiet: context.options.quiet,
    },
    // Outside the hashed outputs: when, where and how it ran.
    command: { argv: context.argv, cwd: process.cwd() },
    createdAt: new Date().toISOString(),
    node: process.version,
  };
}
