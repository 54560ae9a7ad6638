import { firmParams } from '../../../agents/firm/index.ts';
import { supplierParams } from '../../../agents/supplier/index.ts';
import { smeParams } from '../../../agents/sme/index.ts';
import { communityParams } from '../../../agents/community/index.ts';
import { policyParams } from '../../../agents/policymaker/index.ts';
import { engineParams } from './engine-params.ts';
import { checkParamValue, type ParamSpec, type ValuesOf } from '../../sim/params/define.ts';

/** Every parameter of the model, by group (the group names the folder it lives in). */
export const parameterGroups = {
  engine: engineParams,
  firm: firmParams,
  supplier: supplierParams,
  sme: smeParams,
  community: communityParams,
  policymaker: policyParams,
} as const;

export const allParams = {
  ...engineParams,
  ...firmParams,
  ...supplierParams,
  ...smeParams,
  ...communityParams,
  ...policyParams,
} as const;

export type ParamName = keyof typeof allParams;
export type Params = ValuesOf<typeof allParams>;

export const PARAM_NAMES = Object.keys(allParams) as ParamName[];

export function paramSpec(name: string): ParamSpec | undefined {
  return (allParams as Record<string, ParamSpec>)[name];
}

export function defaultParams(): Params {
  const values: Record<string, unknown> = {};
  for (const name of PARAM_NAMES) values[name] = allParams[name].default;
  return values as Params;
}

export class ParamError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `at ${p.path}: ${p.message}`).join('\n'));
    this.name = 'ParamError';
  }
}

/**
 * Defaults, then the world's defaults, then the overrides, each checked against the schema.
 * Unknown names and out-of-range values are errors that name the parameter.
 */
export function resolveParams(
  overrides: Record<string, unknown> = {},
  worldDefaults: Record<string, unknown> = {},
  pathPrefix = 'params',
): Params {
  const values = defaultParams() as Record<string, unknown>;
  const problems: { path: string; message: string }[] = [];
  for (const [layerName, layer] of [['world defaults', worldDefaults], [pathPrefix, overrides]] as const) {
    for (const [name, value] of Object.entries(layer)) {
      const path = layerName === pathPrefix ? `${pathPrefix}.${name}` : `${layerName}.${name}`;
      const spec = paramSpec(name);
      if (!spec) {
        problems.push({ path, message: `unknown parameter "${name}"${suggest(name)}` });
        continue;
      }
      const error = checkParamValue(spec, value);
      if (error) problems.push({ path, message: error });
      else values[name] = value;
    }
  }
  if (problems.length > 0) throw new ParamError(problems);
  return values as Params;
}

/** "did you mean …" for a misspelt parameter name. */
export function suggest(name: string): string {
  const lower = name.toLowerCase();
  let best = '';
  let bestScore = Infinity;
  for (const candidate of PARAM_NAMES) {
    const score = editDistance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 4)) ? `; did you mean "${best}"?` : '';
}

function editDistance(a: string, b: string): number {
  const row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
