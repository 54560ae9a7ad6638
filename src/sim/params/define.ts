/**
 * One declaration per parameter: type, unit, range, default, description and source.
 * UI controls, CLI flags, scenario/sweep validation, `glocal params` and docs/ODD.md are all
 * generated from these declarations.
 */

/**
 * Where a default comes from: `cited` — a publication gives it (the source names author, year and
 * table or figure); `assumption` — our choice, with its reason; `calibrated` — fitted on data by a
 * script in the repo; `setting` — a knob of the run or an experiment (scale, warm-up, an override
 * or ablation switch), not a claim about the world.
 */
export type ParamStatus = 'cited' | 'assumption' | 'calibrated' | 'setting';

export const PARAM_STATUSES: readonly ParamStatus[] = ['cited', 'assumption', 'calibrated', 'setting'];

interface ParamBase {
  /** What the parameter means, in one sentence a user can act on. */
  doc: string;
  /** Citation for the default, or the reason for an assumed value. */
  source: string;
  /** Required: every declaration says where its default comes from. */
  status: ParamStatus;
  /** MODEL.md section it belongs to, e.g. "7.6". */
  section: string;
}

export interface NumberParam extends ParamBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  unit: string;
  integer: boolean;
}

export interface BooleanParam extends ParamBase {
  kind: 'boolean';
  default: boolean;
}

export interface ChoiceParam<T extends string = string> extends ParamBase {
  kind: 'choice';
  default: T;
  options: readonly T[];
}

export type ParamSpec = NumberParam | BooleanParam | ChoiceParam;

type Common = ParamBase;

export function num(spec: Common & { default: number; min: number; max: number; unit: string }): NumberParam {
  return { kind: 'number', integer: false, ...spec };
}

export function int(spec: Common & { default: number; min: number; max: number; unit: string }): NumberParam {
  return { kind: 'number', ...spec, integer: true };
}

export function bool(spec: Common & { default: boolean }): BooleanParam {
  return { kind: 'boolean', ...spec };
}

export function choice<const T extends string>(
  spec: Common & { default: NoInfer<T>; options: readonly T[] },
): ChoiceParam<T> {
  return { kind: 'choice', ...spec };
}

/** The value type a declaration stands for. */
export type ValueOf<P> = P extends NumberParam
  ? number
  : P extends BooleanParam
    ? boolean
    : P extends ChoiceParam<infer T>
      ? T
      : never;

export type ValuesOf<Table extends Record<string, ParamSpec>> = {
  -readonly [K in keyof Table]: ValueOf<Table[K]>;
};

/** Checks one value against its declaration; returns an error text or null. */
export function checkParamValue(spec: ParamSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number, got ${describe(value)}`;
      if (spec.integer && !Number.isInteger(value)) return `expected an integer, got ${value}`;
      if (value < spec.min || value > spec.max) {
        return `expected a number in [${spec.min}, ${spec.max}]${spec.unit ? ` (${spec.unit})` : ''}, got ${value}`;
      }
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, got ${describe(value)}`;
    case 'choice':
      return typeof value === 'string' && (spec.options as readonly string[]).includes(value)
        ? null
        : `expected one of ${spec.options.join(', ')}, got ${describe(value)}`;
  }
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
