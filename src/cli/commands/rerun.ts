import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { describeProblems, readJsonFile } from '../json-input.ts';
import { scenarioHash } from '../manifest.ts';
import { runCommand, type RunOutcome } from './run.ts';
import packageJson from '../../../package.json' with { type: 'json' };

/** The parts of a manifest a rerun needs (other fields are ignored). */
const manifestSchema = z.object({
  glocal: z.string(),
  world: z.string(),
  worldOptions: z.object({ startYear: z.number().int().optional(), blocs: z.string().optional() }).nullable(),
  scenario: z.object({ name: z.string(), source: z.string(), sha256: z.string(), definition: z.unknown() }),
  seed: z.number().int(),
  weeks: z.number().int(),
  paired: z.boolean(),
  overrides: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  outputs: z.record(z.string(), z.object({ sha256: z.string() })),
});

export interface RerunOutcome {
  run: RunOutcome;
  /** Files whose sha256 differs from the manifest's (empty: reproduced byte for byte). */
  differing: string[];
}

/**
 * `glocal rerun DIR/manifest.json`: runs again exactly what the manifest records — the scenario
 * embedded in it (not the file it came from), the seed, weeks, overrides, world options and
 * pairing — into a new folder (default DIR-rerun beside DIR), then checks every output's sha256
 * against the manifest's.
 */
export async function rerunCommand(manifestPath: string, options: { out?: string; force?: boolean; quiet?: boolean; argv?: string[] }): Promise<RerunOutcome> {
  const input = readJsonFile(manifestPath, 'manifest');
  const parsed = manifestSchema.safeParse(input.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message }));
    throw new UserError(describeProblems(input, 'manifest', problems));
  }
  const manifest = parsed.data;
  if (scenarioHash(manifest.scenario.definition) !== manifest.scenario.sha256) {
    throw new UserError(`glocal: manifest ${manifestPath}: the embedded scenario does not match its sha256 (was the manifest edited?)\nnothing was written.`);
  }
  if (manifest.glocal !== packageJson.version) {
    process.stderr.write(`glocal: warning: the manifest was written by glocal ${manifest.glocal}; this is ${packageJson.version}, so outputs may differ\n`);
  }
  const folder = dirname(resolve(manifestPath));
  const out = options.out ?? join(dirname(folder), `${basename(folder)}-rerun`);
  const run = await runCommand(
    {
      world: manifest.world,
      startYear: manifest.worldOptions?.startYear === undefined ? undefined : String(manifest.worldOptions.startYear),
      blocs: manifest.worldOptions?.blocs,
      seed: manifest.seed,
      weeks: manifest.weeks,
      set: Object.entries(manifest.overrides).map(([name, value]) => `${name}=${String(value)}`),
      flags: {},
      paired: manifest.paired,
      embeddedScenario: { name: manifest.scenario.name, source: manifest.scenario.source, value: manifest.scenario.definition },
    },
    { out, force: options.force, quiet: options.quiet, argv: options.argv },
  );
  const differing = Object.entries(manifest.outputs)
    .filter(([name, recorded]) => run.files.get(name)?.sha256 !== recorded.sha256)
    .map(([name]) => name);
  return { run, differing };
}
