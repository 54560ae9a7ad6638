import { availableParallelism } from 'node:os';
import { UserError } from './errors.ts';

/** The most worker threads a command accepts. */
export const MAX_WORKERS = 1024;

/** `raw` as a whole number in [min, max] (digits only, spaces around them allowed), else undefined. */
export function readWholeNumber(raw: string | number, min: number, max: number): number | undefined {
  const value = /^\s*\d+\s*$/.test(String(raw)) ? Number(raw) : NaN;
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** The message every command gives for a flag that is not a whole number in its range. */
export function wholeNumberProblem(flag: string, raw: string | number, min: number, max: number): string {
  return `${flag} expects a whole number in [${min}, ${max}], got "${raw}"`;
}

/**
 * For commands that report every bad flag at once: the value, or NaN with the problem added to
 * `problems` (indented, one line each).
 */
export function collectWholeNumber(raw: string, flag: string, min: number, max: number, problems: string[]): number {
  const value = readWholeNumber(raw, min, max);
  if (value === undefined) problems.push(`  ${wholeNumberProblem(flag, raw, min, max)}`);
  return value ?? NaN;
}

/**
 * A whole-number flag (`flag` with its dashes, e.g. '--seeds'): `fallback` when it was not given,
 * else its value, or a UserError that names the flag, the range and what was given.
 */
export function wholeNumberFlag(raw: string | number | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = readWholeNumber(raw, min, max);
  if (value === undefined) throw new UserError(`glocal: ${wholeNumberProblem(flag, raw, min, max)}\nnothing was written.`);
  return value;
}

/** `--workers`: a whole number from 1 to MAX_WORKERS, by default one per core. */
export function workersFlag(raw: string | undefined): number {
  return wholeNumberFlag(raw, '--workers', 1, MAX_WORKERS, availableParallelism());
}
