import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from './errors.ts';
import { wholeNumberFlag } from './whole-number.ts';
import { decodeInput, describeProblems, lineColumn, lineOf, parseJsonText, readJsonFile, type JsonInput } from './json-input.ts';
import { WORLDS, WORLD_NAMES, type WorldOptions } from '../../worlds/index.ts';
import { checkScenario, scenarioWarnings, formatPath, type InputProblem } from '../model/validate.ts';
import { paramSpec, resolveParams, ParamError, suggest, type Params } from '../model/params/registry.ts';
import { leadTimeLimitMessage } from '../model/lead-times.ts';
import type { RunSpec } from '../model/simulation.ts';
import { MAX_WEEKS, type Scenario } from '../model/scenario.ts';
import type { WorldDefinition } from '../model/world-definition.ts';

export interface RunRequest {
  world: string;
  /** World options from the command line (raw text). */
  startYear?: string;
  blocs?: string;
  scenario?: string;
  seed: string | number;
  weeks?: string | number;
  set: string[];
  /** Values from the schema-generated flags, by parameter name. */
  flags: Record<string, string>;
  paired?: boolean;
  /** A scenario given as a value instead of `scenario` (rerun: the one embedded in a manifest). */
  embeddedScenario?: { name: string; source: string; value: unknown };
}

export interface ResolvedRun {
  spec: RunSpec;
  definition: WorldDefinition;
  params: Params;
  /** Where the scenario came from (built-in path, or the user's file as an absolute path). */
  scenarioSource: string;
  /** The scenario argument to give `glocal run` to get this scenario again (a name or an absolute path). */
  scenarioArgument: string;
  /** Things that do nothing or conflict, one line each, for stderr (the run goes ahead). */
  warnings: string[];
}

/** A scenario that passed validation, with what it does nothing about. */
export interface LoadedScenario {
  name: string;
  scenario: Scenario;
  source: string;
  argument: string;
  input: JsonInput;
}

export function resolveWorld(
  name: string,
  options?: WorldOptions,
): { definition: WorldDefinition; entry: (typeof WORLDS)[string] } {
  const entry = WORLDS[name];
  if (!entry) {
    throw new UserError(`glocal: unknown world "${name}"; expected one of ${WORLD_NAMES.join(', ')}\nnothing was written.`);
  }
  for (const key of Object.keys(options ?? {}) as (keyof WorldOptions)[]) {
    if (options?.[key] !== undefined && !entry.options[key]) {
      throw new UserError(`glocal: world ${name} has no option --${kebab(key)}\nnothing was written.`);
    }
  }
  try {
    return { definition: entry.definition(options), entry };
  } catch (error) {
    throw new UserError(`glocal: world ${name}: ${(error as Error).message}\nnothing was written.`);
  }
}

function worldOptionsFrom(request: RunRequest): WorldOptions | undefined {
  const options: WorldOptions = {};
  if (request.startYear !== undefined) {
    const year = Number(request.startYear);
    if (!Number.isInteger(year)) throw new UserError(`glocal: --start-year expects a year, got "${request.startYear}"\nnothing was written.`);
    options.startYear = year;
  }
  if (request.blocs !== undefined) options.blocs = request.blocs;
  return Object.keys(options).length > 0 ? options : undefined;
}

/**
 * A scenario argument is a built-in scenario name of the world or a path to a JSON file; either
 * way it is validated against the world and the parameter schema.
 */
export function loadScenario(
  worldName: string,
  argument: string | undefined,
  worldOptions?: WorldOptions,
  embedded?: RunRequest['embeddedScenario'],
): LoadedScenario {
  const { definition, entry } = resolveWorld(worldName, worldOptions);
  const name = argument ?? entry.defaultScenario;
  let input: JsonInput;
  let source: string;
  let scenarioName: string;
  if (embedded) {
    input = parseJsonText(JSON.stringify(embedded.value, null, 2), `embedded in ${embedded.source}`, 'scenario');
    source = embedded.source;
    scenarioName = embedded.name;
  } else if (Object.hasOwn(entry.scenarios, name)) {
    source = `worlds/${worldName}/scenarios/${name}.json`;
    input = parseJsonText(JSON.stringify(entry.scenarios[name], null, 2), source, 'scenario');
    scenarioName = name;
  } else if (name.endsWith('.json') || name.includes('/') || existsSync(name)) {
    source = resolve(name);
    input = readJsonFile(name, 'scenario');
    scenarioName = `file:${source}`;
  } else {
    throw new UserError(
      `glocal: unknown scenario "${name}" for world ${worldName}; expected one of ${Object.keys(entry.scenarios).join(', ')} or a path to a .json file\nnothing was written.`,
    );
  }
  const check = checkScenario(input.value, definition);
  if (!check.ok) throw new UserError(describeProblems(input, 'scenario', check.problems));
  const rerunArgument = Object.hasOwn(entry.scenarios, name) && !embedded ? name : source;
  return { name: scenarioName, scenario: check.scenario, source, argument: rerunArgument, input };
}

/** Warning lines (stderr) for input problems that are not errors: path, line and what is wrong. */
export function describeWarnings(input: JsonInput, problems: InputProblem[]): string[] {
  return problems.map((p) => {
    const line = p.offset !== undefined ? lineColumn(input.text, p.offset).line : lineOf(input, p.path);
    return `glocal: warning: scenario ${input.label} at ${formatPath(p.path)}${line !== null ? ` (line ${line})` : ''}: ${p.message}`;
  });
}

/** Parses `--set name=value` and schema flags into typed overrides, with errors naming the parameter. */
export function parseOverrides(set: string[], flags: Record<string, string>): Record<string, number | boolean | string> {
  const overrides: Record<string, number | boolean | string> = {};
  const problems: string[] = [];
  const entries: [string, string, string][] = [];
  for (const item of set) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      problems.push(`  --set ${item}: expected name=value, e.g. --set scale=10`);
      continue;
    }
    entries.push([item.slice(0, eq).trim(), item.slice(eq + 1).trim(), `--set ${item}`]);
  }
  for (const [name, value] of Object.entries(flags)) entries.push([name, value, `--${kebab(name)} ${value}`]);
  for (const [name, raw, origin] of entries) {
    const spec = paramSpec(name);
    if (!spec) {
      problems.push(`  ${origin}: unknown parameter "${name}"${suggest(name)} (see glocal params)`);
      continue;
    }
    if (spec.kind === 'number') {
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) problems.push(`  ${origin}: expected a number for ${name}, got "${raw}"`);
      else overrides[name] = value;
    } else if (spec.kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') problems.push(`  ${origin}: expected true or false for ${name}, got "${raw}"`);
      else overrides[name] = raw === 'true';
    } else {
      overrides[name] = raw;
    }
  }
  if (problems.length > 0) throw new UserError(`glocal: invalid parameter override\n${problems.join('\n')}\nnothing was written.`);
  return overrides;
}

export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}


/** Everything `glocal run` needs, validated before any file is touched. */
export function resolveRun(request: RunRequest): ResolvedRun {
  const worldOptions = worldOptionsFrom(request);
  const { definition } = resolveWorld(request.world, worldOptions);
  const loaded = loadScenario(request.world, request.scenario, worldOptions, request.embeddedScenario);
  const { name, scenario, source } = loaded;
  const seed = wholeNumberFlag(request.seed, '--seed', 0, 2 ** 32 - 1, 1);
  const weeks = wholeNumberFlag(request.weeks ?? scenario.weeks ?? 520, '--weeks', 1, MAX_WEEKS, 520);
  const overrides = parseOverrides(request.set, request.flags);
  let params: Params;
  try {
    params = resolveParams({ ...(scenario.params ?? {}), ...overrides }, definition.parameterDefaults ?? {}, 'parameters');
  } catch (error) {
    if (error instanceof ParamError) {
      throw new UserError(
        `glocal: invalid parameters\n${error.problems.map((p) => `  at ${p.path}: ${p.message}`).join('\n')}\nnothing was written.`,
      );
    }
    throw error;
  }
  const leadTimeLimit = leadTimeLimitMessage(definition, params, scenario);
  if (leadTimeLimit) throw new UserError(`glocal: invalid parameters and scenario: ${leadTimeLimit}\nnothing was written.`);
  const paired = request.paired ?? scenario.shocks.length > 0;
  return {
    spec: { world: request.world, worldOptions, scenarioName: name, scenario, seed, weeks, params: overrides, paired },
    definition,
    params,
    scenarioSource: source,
    scenarioArgument: loaded.argument,
    warnings: describeWarnings(loaded.input, [...loaded.input.warnings, ...scenarioWarnings(scenario, definition, weeks)]),
  };
}

/**
 * A scenario file's bytes checked in-process, as `glocal run` checks them (decoding, JSON,
 * structure, the world, then warnings for a run of `weeks`): the scenario and its warning lines,
 * or a UserError with a path-precise message. Used by the fuzzer.
 */
export function checkScenarioDocument(bytes: Uint8Array, label: string, world: WorldDefinition, weeks = 520): { scenario: Scenario; warnings: string[] } {
  const input = parseJsonText(decodeInput(bytes, label, 'scenario'), label, 'scenario');
  const check = checkScenario(input.value, world);
  if (!check.ok) throw new UserError(describeProblems(input, 'scenario', check.problems));
  return { scenario: check.scenario, warnings: describeWarnings(input, [...input.warnings, ...scenarioWarnings(check.scenario, world, weeks)]) };
}
