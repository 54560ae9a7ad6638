import { parameterGroups } from '../../model/params/registry.ts';
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
}

export function paramRows(): ParamRow[] {
  const rows: ParamRow[] = [];
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
      });
    }
  }
  return rows;
}

/** `glocal params`: every parameter with unit, range, default and source. */
export function paramsCommand(format: 'text' | 'json' | 'markdown' | 'csv'): string {
  const rows = paramRows();
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'csv') {
    const keys = Object.keys(rows[0]) as (keyof ParamRow)[];
    const quote = (t: string) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    return [keys.join(','), ...rows.map((r) => keys.map((k) => quote(r[k])).join(','))].join('\n') + '\n';
  }
  if (format === 'markdown') {
    const lines = ['| parameter | default | unit | range | status | meaning | source |', '|---|---|---|---|---|---|---|'];
    for (const r of rows) {
      const cell = (t: string) => t.replace(/\|/g, '\\|');
      lines.push(`| \`${r.name}\` | ${cell(r.default)} | ${cell(r.unit)} | ${cell(r.range)} | ${r.status} | ${cell(r.description)} | ${cell(r.source)} |`);
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
    out.push(`  ${r.name} = ${r.default}${r.unit ? ` ${r.unit}` : ''}   range ${r.range}   [${r.status}, MODEL.md §${r.section}]`);
    out.push(`      ${r.description}`);
    out.push(`      source: ${r.source}`);
  }
  return out.join('\n').trimStart() + '\n';
}
