import { WORLDS } from '../../worlds/index.ts';
import { checkScenario, formatPath } from '../model/validate.ts';
import { checkScheme, mergeScheme, type SchemeContent } from '../compare/scheme-check.ts';
import { emptyScenario, type Scenario } from '../model/scenario.ts';

/**
 * The scheme library of `glocal compare` (worlds/<world>/schemes/*.json), bundled from the very
 * same files: Vite inlines them at build time, so the app offers what the CLI reads.
 */
const FILES = import.meta.glob<unknown>('/worlds/*/schemes/*.json', { eager: true, import: 'default' });

/** A library entry as the picker shows it. */
export interface LibraryEntry {
  /** The file name without .json: what `glocal compare --scheme NAME` takes. */
  name: string;
  description: string;
}

const LIBRARY: Record<string, Record<string, unknown>> = {};
for (const [path, json] of Object.entries(FILES)) {
  const match = /^\/worlds\/([^/]+)\/schemes\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  (LIBRARY[match[1]] ??= {})[match[2]] = json;
}

/** The world's library schemes, by name. */
export function librarySchemes(world: string): LibraryEntry[] {
  return Object.keys(LIBRARY[world] ?? {})
    .sort()
    .map((name) => {
      const json = LIBRARY[world][name] as { description?: unknown };
      return { name, description: typeof json.description === 'string' ? json.description : '' };
    });
}

export function isLibraryScheme(world: string, name: string): boolean {
  return Object.hasOwn(LIBRARY[world] ?? {}, name);
}

/**
 * The library scheme checked as the CLI checks it (src/compare/scheme-check.ts) against the
 * scenario it is laid over and the app's parameter overrides; throws the problems in words.
 */
export function checkedLibraryScheme(world: string, name: string, scenario: unknown, overrides: Record<string, unknown>): SchemeContent {
  if (!isLibraryScheme(world, name)) throw new Error(`scheme: unknown scheme "${name}" for world ${world}`);
  const definition = WORLDS[world].definition();
  const base = checkScenario(scenario, definition);
  // A scenario with problems is reported by the run itself: check the scheme on its own then.
  const over: Scenario = base.ok ? base.scenario : emptyScenario();
  const check = checkScheme(LIBRARY[world][name], name, definition, over, overrides);
  if (!check.ok) throw new Error(check.problems.map((p) => `scheme ${name}: ${formatPath(p.path) || '(whole file)'}: ${p.message}`).join('; '));
  return check.scheme;
}

/**
 * A raw scenario (a scenario file's JSON) with the scheme laid over it exactly as `glocal
 * compare` does (mergeScheme): the scheme's policy after the scenario's, its params over them.
 */
export function withScheme(scenario: Record<string, unknown>, scheme: SchemeContent): Record<string, unknown> {
  const raw = { ...scenario, shocks: scenario.shocks ?? [], policy: scenario.policy ?? [] } as unknown as Scenario;
  return mergeScheme(raw, scheme) as unknown as Record<string, unknown>;
}
