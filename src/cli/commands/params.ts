import { parameterGroups } from '../../model/params/registry.ts';
import { WORLDS } from '../../../worlds/index.ts';
import type { ParamSpec } from '../../sim/params/define.ts';

function range(spec: ParamSpec): string {
  if (spec.kind === 'number') return `${spec.min} – ${spec.max}`;
  if (spec.kind === 'boolean') return 'true | false';
  return spec.options.join(' | ');
}

export function defaultText(spec: ParamSpec): string {
  return String(spec.default);
}

export interface ParamRow {
  name: string;
  group: string;
  kind: string;
  default: string;
  unit: string;
  range: string;
  status: string;
  section: string;
  description: string;
  source: string;
  /** Defaults a world sets instead of `default` (world name → value), e.g. world-2019's scale 160. */
  worldDefaults: Record<string, string>;
}

/** Parameter defaults each world sets over the schema's (its parameterDefaults), by parameter. */
export function worldDefaults(): Map<string, Record<string, string>> {
  const byParameter = new Map<string, Record<string, string>>();
  for (const [world, entry] of Object.entries(WORLDS)) {
    for (const [name, value] of Object.entries(entry.definition().parameterDefaults ?? {})) {
      byParameter.set(name, { ...(byParameter.get(name) ?? {}), [world]: String(value) });
    }
  }
  return byParameter;
}

export function paramRows(): ParamRow[] {
  const rows: ParamRow[] = [];
  const perWorld = worldDefaults();
  for (const [group, table] of Object.entries(parameterGroups)) {
    for (const [name, spec] of Object.entries(table as Record<string, ParamSpec>)) {
      rows.push({
        name,
        group,
        kind: spec.kind === 'number' && spec.integer ? 'integer' : spec.kind,
        default: defaultText(spec),
        unit: spec.kind === 'number' ? spec.unit : '',
        range: range(spec),
        status: spec.status,
        section: spec.section,
        description: spec.doc,
        source: spec.source,
        worldDefaults: perWorld.get(name) ?? {},
      });
    }
  }
  return rows;
}

/** `glocal params`: every parameter with unit, range, default and source. */
export function paramsCommand(format: 'text' | 'json' | 'markdown' | 'csv'): string {
  const rows = paramRows();
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const worldText = (r: ParamRow) => Object.entries(r.worldDefaults).map(([world, value]) => `${world}: ${value}`).join('; ');
  if (format === 'csv') {
    const keys = Object.keys(rows[0]).filter((k) => k !== 'worldDefaults') as Exclude<keyof ParamRow, 'worldDefaults'>[];
    const quote = (t: string) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    return [[...keys, 'worldDefaults'].join(','), ...rows.map((r) => [...keys.map((k) => quote(r[k])), quote(worldText(r))].join(','))].join('\n') + '\n';
  }
  if (format === 'markdown') {
    const lines = ['| parameter | default | unit | range | status | meaning | source |', '|---|---|---|---|---|---|---|'];
    for (const r of rows) {
      const cell = (t: string) => t.replace(/\|/g, '\\|');
      const shown = worldText(r) ? `${r.default} (${worldText(r)})` : r.default;
      lines.push(`| \`${r.name}\` | ${cell(shown)} | ${cell(r.unit)} | ${cell(r.range)} | ${r.status} | ${cell(r.description)} | ${cell(r.source)} |`);
    }
    return lines.join('\n') + '\n';
  }
  const out: string[] = [];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      out.push('', `${group.toUpperCase()} (${group === 'engine' ? 'src/model/params/engine-params.ts' : `agents/${group}/params.ts`})`);
    }
    const perWorldText = worldText(r) ? `   (world defaults: ${worldText(r)})` : '';
    out.push(`  ${r.name} = ${r.default}${r.unit ? ` ${r.unit}` : ''}${perWorldText}   range ${r.range}   [${r.status}, docs/ODD.md §${r.section}]`);
    out.push(`      ${r.description}`);
    out.push(`      source: ${r.source}`);
  }
  const header = [
    'Every model parameter: set one with --set name=value (glocal run, glocal summary) or in a scenario\'s "params".',
    'Worlds may set their own defaults (shown as "world defaults"): world-2019 runs at scale 160.',
  ];
  return [...header, ...out].join('\n') + '\n';
}
