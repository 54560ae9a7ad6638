import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../cli/errors.ts';
import { describeProblems, readJsonFile, type JsonInput } from '../cli/json-input.ts';
import type { Scenario } from '../model/scenario.ts';
import type { WorldDefinition } from '../model/world-definition.ts';
import { checkScheme, type SchemeContent } from './scheme-check.ts';

export { SCHEME_FIELDS, mergeScheme } from './scheme-check.ts';

/**
 * Scheme files (docs/compare.md): a policy timeline, and optionally parameter settings, laid
 * over any scenario. The items are exactly a scenario's `policy` items; the scheme's policy is
 * appended to the scenario's and its params override the scenario's. The checks themselves are
 * in scheme-check.ts (no files, no Node), which the web app runs too.
 */
export interface Scheme extends SchemeContent {
  /** Where it came from (worlds/<w>/schemes/<name>.json or the user's path). */
  source: string;
  input: JsonInput;
}

/** The repository root (this file is src/compare/scheme.ts). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder of a world's scheme library. */
export function schemeLibrary(world: string): string {
  return join(ROOT, 'worlds', world, 'schemes');
}

/** A library name (`worlds/<world>/schemes/<name>.json`) or a path to a scheme file. */
export function schemePath(world: string, argument: string): { path: string; name: string } {
  const inLibrary = join(schemeLibrary(world), `${argument}.json`);
  if (/^[a-z0-9][a-z0-9-]*$/i.test(argument) && existsSync(inLibrary)) return { path: inLibrary, name: argument };
  if (argument.endsWith('.json') || argument.includes('/') || existsSync(argument)) {
    const base = argument.split('/').pop() ?? argument;
    return { path: resolve(argument), name: base.replace(/\.json$/, '') };
  }
  const library = existsSync(schemeLibrary(world)) ? readdirSync(schemeLibrary(world)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).sort() : [];
  const names = library.length > 0 ? `one of ${library.join(', ')} (worlds/${world}/schemes)` : `a scheme of worlds/${world}/schemes`;
  throw new UserError(`glocal: unknown scheme "${argument}" for world ${world}; expected ${names}, or a path to a scheme .json file\nnothing was written.`);
}

/**
 * Reads a scheme file and checks it against a (valid) scenario and the world (checkScheme);
 * every problem is reported at its line in the file.
 */
export function loadScheme(argument: string, world: WorldDefinition, scenario: Scenario, overrides: Record<string, unknown> = {}): Scheme {
  const { path, name } = schemePath(world.name, argument);
  const input = readJsonFile(path, 'scheme');
  const check = checkScheme(input.value, name, world, scenario, overrides);
  if (!check.ok) throw new UserError(describeProblems(input, 'scheme', check.problems));
  return { ...check.scheme, source: path, input };
}
