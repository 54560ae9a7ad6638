import { spawnWorker } from '../../worker/spawn.ts';
import { resolveRun } from '../run-inputs.ts';
import { progressBar } from '../progress.ts';

const SUMMARY: [string, string, (v: number) => string][] = [
  ['fillRate', 'Fill rate (final goods delivered / demand)', pct],
  ['unitCost', 'Unit cost of a final good ($)', (v) => v.toFixed(0)],
  ['localSourcingShare', 'Components from the plant’s own region', pct],
  ['regionalSourcingShare', 'Components from the plant’s own bloc', pct],
  ['strategyShareGlobal', 'Lead firms sourcing GLOBAL', pct],
  ['smeCount', 'SMEs', (v) => v.toFixed(0)],
  ['smeAdoption', 'SMEs digitally adopted', pct],
  ['smeChainShare', 'SMEs in a global value chain', pct],
  ['digitalUsage', 'People using the internet (a·l)', pct],
  ['usageGapQuartiles', 'Digital divide: top − bottom income quartile', pp],
  ['trustFirms', 'Trust in firms', pct],
  ['trustGovernment', 'Trust in government', pct],
  ['unemployment', 'Unemployment', pct],
];

function pct(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}
function pp(v: number): string {
  return `${(100 * v).toFixed(1)} pp`;
}

/**
 * `npm start` until the web app lands: runs the default world's default scenario headless and
 * prints a summary table (world at week 0 and at the end, and each bloc at the end).
 */
export async function startCommand(world = 'two-hubs', scenario?: string): Promise<string> {
  const resolved = resolveRun({ world, scenario, seed: 1, set: [], flags: {} });
  const { spec } = resolved;
  const worker = spawnWorker();
  try {
    const info = await worker.api.init(spec);
    const bar = progressBar(spec.weeks, `${spec.world}/${spec.scenarioName}`);
    let done = false;
    while (!done) {
      const result = await worker.api.step(13);
      bar.update(result.week);
      done = result.done;
    }
    bar.stop();
    const values = new Map<string, number>();
    let from = 0;
    for (;;) {
      const batch = await worker.api.indicators(from);
      if (batch.next === from) break;
      for (let i = 0; i < batch.next - batch.from; i++) {
        const name = info.indicators[batch.indicator[i]].name;
        const group = info.groups[batch.scope[i]][batch.group[i]];
        const key = `${name}|${batch.scope[i]}|${group}|${batch.week[i] === 0 ? 'start' : 'last'}`;
        values.set(key, batch.value[i]);
      }
      from = batch.next;
    }
    const columns = ['world, week 0', `world, week ${spec.weeks - 1}`, ...info.blocs.map((b) => `${b}, end`)];
    const table = SUMMARY.map(([name, label, format]) => {
      const cell = (scope: number, group: string, when: string) => {
        const v = values.get(`${name}|${scope}|${group}|${when}`);
        return v === undefined ? '–' : format(v);
      };
      return [label, cell(0, 'world', 'start'), cell(0, 'world', 'last'), ...info.blocs.map((b) => cell(1, b, 'last'))];
    });
    const widths = [Math.max(...table.map((r) => r[0].length)), ...columns.map((c, k) => Math.max(c.length, ...table.map((r) => r[k + 1].length)))];
    const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[0]) : c.padStart(widths[k]))).join('   ');
    return [
      `Glocal — ${spec.world}, scenario "${spec.scenarioName}", seed ${spec.seed}, ${spec.weeks} weeks, ${info.agents.toLocaleString('en')} agents`,
      '',
      line(['', ...columns]),
      line(widths.map((w) => '─'.repeat(w))),
      ...table.map(line),
      '',
      'Run a scenario and keep the results:  npx glocal run --world two-hubs --scenario hub-lockdown --seed 1 --out results/',
      'Every parameter, with units and sources: npx glocal params',
      ...(spec.world === 'world-2019' ? ['Country data: Free data from Gapminder.org (CC-BY 4.0).'] : []),
    ].join('\n');
  } finally {
    await worker.terminate();
  }
}
