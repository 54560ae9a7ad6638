import type { IndicatorBatch, RunInfo } from '../worker/api.ts';

/** Headline indicators of a summary: name, label, how to format a value. */
const HEADLINES: [string, string, (v: number) => string][] = [
  ['fillRate', 'Fill rate (delivered / demand)', pct],
  ['unitCost', 'Unit cost of a final good ($)', (v) => v.toFixed(0)],
  ['localSourcingShare', 'Components from the plant’s own region', pct],
  ['regionalSourcingShare', 'Components from the plant’s own bloc', pct],
  ['strategyShareGlobal', 'Lead firms sourcing GLOBAL', pct],
  ['smeCount', 'SMEs', (v) => v.toFixed(0)],
  ['smeAdoption', 'SMEs digitally adopted', pct],
  ['smeChainShare', 'SMEs in a global value chain', pct],
  ['digitalUsage', 'People using the internet (a·l)', pct],
  ['usageGapQuartiles', 'Digital divide: top − bottom quartile', pp],
  ['trustFirms', 'Trust in firms', pct],
  ['trustGovernment', 'Trust in government', pct],
  ['unemployment', 'Unemployment', pct],
];

/** Cumulative losses against the same-seed run without shocks (paired runs only). */
const LOSSES: [string, string, (v: number) => string][] = [
  ['gvaLossGrossDirect', 'Value added lost in the shocked regions', money],
  ['gvaLossGrossIndirect', 'Value added lost elsewhere (ripple effects)', money],
  ['lostFinalDeliveries', 'Final deliveries lost', (v) => `${Math.round(v).toLocaleString('en')} units`],
  ['recoveryWeeks', 'Weeks until deliveries were back to 95%', (v) => `${v.toFixed(0)} weeks`],
];

function pct(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}
function pp(v: number): string {
  return `${(100 * v).toFixed(1)} pp`;
}
function money(v: number): string {
  return `$${Math.round(v).toLocaleString('en')}`;
}

/** First, lowest, highest and last value of one world-level indicator, with their weeks. */
interface Extremes {
  first: number;
  firstWeek: number;
  min: number;
  minWeek: number;
  max: number;
  maxWeek: number;
  last: number;
  lastWeek: number;
}

/**
 * Follows the world-level (global scope) rows of a run as they stream past and keeps each
 * indicator's first, lowest, highest and last value (O(indicators) memory), so a shock in the
 * middle of a run shows in the summary even when the run ends recovered.
 */
export class SummaryCollector {
  private readonly byIndicator = new Map<number, Extremes>();

  constructor(private readonly info: RunInfo) {}

  add(batch: IndicatorBatch): void {
    for (let i = 0; i < batch.value.length; i++) {
      if (batch.scope[i] !== 0) continue;
      const k = batch.indicator[i];
      const value = batch.value[i];
      const week = batch.week[i];
      const e = this.byIndicator.get(k);
      if (!e) {
        this.byIndicator.set(k, { first: value, firstWeek: week, min: value, minWeek: week, max: value, maxWeek: week, last: value, lastWeek: week });
        continue;
      }
      if (value < e.min) [e.min, e.minWeek] = [value, week];
      if (value > e.max) [e.max, e.maxWeek] = [value, week];
      [e.last, e.lastWeek] = [value, week];
    }
  }

  /** The recorded extremes of an indicator by name (undefined if it was not recorded). */
  extremes(name: string): Extremes | undefined {
    const k = this.info.indicators.findIndex((i) => i.name === name);
    return k < 0 ? undefined : this.byIndicator.get(k);
  }

  /** Plain data for a manifest: headline and loss indicators with their extremes. */
  toJson(): Record<string, Extremes> {
    const out: Record<string, Extremes> = {};
    for (const [name] of [...HEADLINES, ...LOSSES]) {
      const e = this.extremes(name);
      if (e) out[name] = { ...e };
    }
    return out;
  }

  /** The text table: one line per headline indicator, then the losses. */
  table(paired: boolean): string[] {
    const rows = HEADLINES.flatMap(([name, label, format]) => {
      const e = this.extremes(name);
      if (!e) return [];
      return [[label, format(e.first), `${format(e.min)} (wk ${e.minWeek})`, `${format(e.max)} (wk ${e.maxWeek})`, format(e.last)]];
    });
    const header = ['', `week ${this.firstWeek()}`, 'lowest', 'highest', `week ${this.lastWeek()}`];
    const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
    const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[0]) : c.padStart(widths[k]))).join('   ');
    const lines = [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line), ''];
    if (!paired) {
      lines.push('Losses: not measured (no same-seed reference run: the scenario has no shocks, or --no-paired).');
      return lines;
    }
    lines.push('Losses against the same-seed run without shocks (cumulative, at the end):');
    for (const [name, label, format] of LOSSES) {
      const e = this.extremes(name);
      if (e) lines.push(`  ${label}: ${format(e.last)}`);
    }
    return lines;
  }

  private firstWeek(): number {
    return this.extremes('fillRate')?.firstWeek ?? 0;
  }

  private lastWeek(): number {
    return this.extremes('fillRate')?.lastWeek ?? 0;
  }
}
