import type { Remote } from 'comlink';
import type { Api, IndicatorBatch, RunInfo } from '../worker/api.ts';
import { rowsToCsv } from '../model/observe/recorder.ts';

/** Triggers a browser download of `data` through an <a download> link. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * indicators.csv exactly as `glocal run` writes it (src/cli/commands/run.ts): the worker's rows
 * in batches through `rowsToCsv`, the header with the first batch, a bare header when empty.
 */
export async function indicatorsCsv(api: Remote<Api>, info: RunInfo): Promise<string> {
  const parts: string[] = [];
  let from = 0;
  let rows = 0;
  for (;;) {
    const batch: IndicatorBatch = await api.indicators(from);
    if (batch.next === from) break;
    parts.push(rowsToCsv({ ...batch, length: batch.next - batch.from }, info.indicators, info.groups, from === 0));
    rows += batch.next - batch.from;
    from = batch.next;
  }
  if (rows === 0) parts.push('tick,scope,group,indicator,value\n');
  return parts.join('');
}

/** File names say what the run was; an exploratory run (live changes) says so in its name. */
export function exportName(info: RunInfo, week: number, extension: string, exploratory = false): string {
  const scenario = info.scenario.replace(/[^A-Za-z0-9_.+-]+/g, '_');
  return `glocal-${info.world}-${scenario}-seed${info.seed}-week${week}${exploratory ? '-exploratory' : ''}.${extension}`;
}

export async function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map could not be saved as PNG'))), 'image/png'));
}
