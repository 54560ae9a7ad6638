/** One row of a long-format indicators CSV (`tick,scope,group,indicator,value`). */
export interface IndicatorRow {
  tick: number;
  scope: string;
  group: string;
  indicator: string;
  value: number;
}

/** Parses an indicators CSV; lines starting with `#` (notes such as "exploratory") are skipped. */
export function parseIndicatorsCsv(text: string): IndicatorRow[] {
  const lines = text.split('\n').filter((line) => line.length > 0 && !line.startsWith('#'));
  const header = lines.shift();
  if (header !== 'tick,scope,group,indicator,value') throw new Error(`unexpected CSV header: ${header}`);
  return lines.map((line) => {
    const [tick, scope, group, indicator, value] = line.split(',');
    return { tick: Number(tick), scope, group, indicator, value: Number(value) };
  });
}

/** The value of one indicator at one tick for one group; throws when the CSV lacks it. */
export function valueAt(rows: readonly IndicatorRow[], key: Omit<IndicatorRow, 'value'>): number {
  const row = rows.find((r) => r.tick === key.tick && r.scope === key.scope && r.group === key.group && r.indicator === key.indicator);
  if (!row) throw new Error(`no row ${JSON.stringify(key)} in the CSV (${rows.length} rows)`);
  return row.value;
}

/** Weeks recorded in a CSV (its last tick + 1). */
export function recordedWeeks(rows: readonly IndicatorRow[]): number {
  return rows.reduce((max, r) => Math.max(max, r.tick), -1) + 1;
}
