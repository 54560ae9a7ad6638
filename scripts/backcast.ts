/**
 * Backcast 2010 → 2019 (MODEL.md §7.7, §8): world-2019 from the internet use of 2010, baseline-2019
 * for 468 weeks, the model's internet use by income group against the observed 2019 values.
 * Prints the Markdown table that the validation generator writes into docs/VALIDATION.md.
 *
 *   node bin/run-ts.mjs scripts/backcast.ts [--seeds 20] [--scale 1] [--set accessInnovation=0.008 --set accessDiffusionRate=0.34] [--calibrated] [--json FILE]
 *
 * `--calibrated` runs with the values of `CALIBRATED_DIFFUSION` (src/calibration/diffusion.ts),
 * which are also the defaults of agents/community/params.ts.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backcastMarkdown, runBackcast } from '../src/calibration/backcast.ts';
import { CALIBRATED_DIFFUSION } from '../src/calibration/diffusion.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '20' },
    scale: { type: 'string', default: '1' },
    set: { type: 'string', multiple: true, default: [] },
    calibrated: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const params: Record<string, number | boolean | string> = values.calibrated ? { ...CALIBRATED_DIFFUSION } : {};
for (const item of values.set ?? []) {
  const eq = item.indexOf('=');
  if (eq < 1) throw new Error(`--set expects name=value, got "${item}"`);
  const raw = item.slice(eq + 1);
  params[item.slice(0, eq)] = raw === 'true' ? true : raw === 'false' ? false : Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

const started = performance.now();
const table = runBackcast({ seeds: Number(values.seeds), scale: Number(values.scale), params });
const seconds = (performance.now() - started) / 1000;
console.log(backcastMarkdown(table));
console.error(`\n(${table.seeds.length} runs of ${table.weeks} weeks at scale ${table.scale} in ${seconds.toFixed(1)} s)`);
if (values.json) writeFileSync(values.json, JSON.stringify({ ...table, seconds }, null, 2) + '\n');
