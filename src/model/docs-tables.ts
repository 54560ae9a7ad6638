import { parameterGroups } from './params/registry.ts';
import type { ParamSpec } from '../sim/params/define.ts';
import { GLOBAL_INDICATORS, REGIONAL_INDICATORS } from './observe/indicators.ts';
import { LOSS_INDICATORS } from './observe/losses.ts';

/** Markdown tables for docs/ODD.md, generated from the parameter schema and the indicator table. */

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A default as the docs show it: numbers to 6 significant digits (0.12 / 0.55 reads 0.218182; the schema keeps the exact value). */
function shownDefault(spec: ParamSpec): string {
  return typeof spec.default === 'number' ? String(Number(spec.default.toPrecision(6))) : String(spec.default);
}

function range(spec: ParamSpec): string {
  if (spec.kind === 'number') return `${spec.min} – ${spec.max}`;
  if (spec.kind === 'boolean') return 'true, false';
  return spec.options.join(', ');
}

export function parameterTable(): string {
  const lines: string[] = [];
  for (const [group, table] of Object.entries(parameterGroups)) {
    lines.push('', `**${group}** (${group === 'engine' ? '`src/model/params/engine-params.ts`' : `\`agents/${group}/params.ts\``})`, '');
    lines.push('| parameter | default | unit | range | status | §  | meaning | source |', '|---|---|---|---|---|---|---|---|');
    for (const [name, spec] of Object.entries(table as Record<string, ParamSpec>)) {
      const unit = spec.kind === 'number' ? spec.unit : '';
      lines.push(`| \`${name}\` | ${cell(shownDefault(spec))} | ${cell(unit)} | ${cell(range(spec))} | ${spec.status} | ${spec.section} | ${cell(spec.doc)} | ${cell(spec.source)} |`);
    }
  }
  return lines.join('\n').trim();
}

export function assumedParameterList(): string {
  const lines: string[] = [];
  for (const table of Object.values(parameterGroups)) {
    for (const [name, spec] of Object.entries(table as Record<string, ParamSpec>)) {
      if (spec.status === 'assumption') lines.push(`- \`${name}\` = ${shownDefault(spec)}${spec.kind === 'number' && spec.unit ? ` ${spec.unit}` : ''} — ${spec.source}`);
    }
  }
  return lines.join('\n');
}

export function indicatorTable(): string {
  const lines = ['| indicator | unit | scopes | definition |', '|---|---|---|---|'];
  for (const i of REGIONAL_INDICATORS) {
    const scopes = `global, bloc, income group${i.headline ? ', region' : ''}${i.recordedIf ? ' (runs with a smart sourcing node)' : ''}`;
    const aggregation = i.kind === 'sum' ? 'sum over regions' : 'Σ numerator / Σ denominator over regions';
    lines.push(`| \`${i.name}\` | ${cell(i.unit)} | ${scopes} | ${cell(i.doc)} (${aggregation}) |`);
  }
  for (const i of GLOBAL_INDICATORS) lines.push(`| \`${i.name}\` | ${cell(i.unit)} | global | ${cell(i.doc)} |`);
  for (const i of LOSS_INDICATORS) {
    lines.push(`| \`${i.name}\` | ${cell(i.unit)} | ${i.name === 'lostDeliveriesShare' ? 'region' : 'global'} (paired runs) | ${cell(i.doc)} |`);
  }
  return lines.join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = document.indexOf(start);
  const b = document.indexOf(end);
  if (a < 0 || b < a) throw new Error(`markers for ${name} not found`);
  return `${document.slice(0, a + start.length)}\n${content}\n${document.slice(b)}`;
}

export function refreshOddTables(document: string): string {
  let text = replaceSection(document, 'parameters', parameterTable());
  text = replaceSection(text, 'assumed-parameters', assumedParameterList());
  text = replaceSection(text, 'indicators', indicatorTable());
  return text;
}
