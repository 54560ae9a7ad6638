/**
 * Calibrates p (accessInnovation), ρ_a (accessDiffusionRate) and λ0 (literacyBaseRate) of MODEL.md §7.7, §9.6 on the
 * internet-use series up to 2010 only, and prints the result and the values to put in
 * agents/community/params.ts. It never writes a parameter.
 *
 *   node bin/run-ts.mjs scripts/calibrate-diffusion.ts [--start-year 2000] [--scale 0.02] [--seed 1] [--json FILE] [--quiet]
 *
 * The procedure and the result are in docs/CALIBRATION.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { INCOME_GROUPS } from '../src/model/world-definition.ts';
import {
  calibrateDiffusion,
  CALIBRATION_CUTOFF_YEAR,
  CALIBRATION_SCALE,
  CALIBRATION_START_YEAR,
  type SearchLogEntry,
} from '../src/calibration/diffusion.ts';
import { INCOME_GROUP_LABELS, observationsUpTo, parseInternetSeriesCsv } from '../src/calibration/series.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = join(root, 'worlds', 'world-2019', 'data', 'internet_users_timeseries.csv');

const { values } = parseArgs({
  options: {
    'start-year': { type: 'string', default: String(CALIBRATION_START_YEAR) },
    scale: { type: 'string', default: String(CALIBRATION_SCALE) },
    seed: { type: 'string', default: '1' },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const all = parseInternetSeriesCsv(readFileSync(csvPath, 'utf8'));
// The cut: nothing after 2010 is passed on (calibrateDiffusion rejects later rows).
const series = observationsUpTo(all, CALIBRATION_CUTOFF_YEAR);
console.log(
  `data: ${csvPath.slice(root.length + 1)}, ${all.length} rows; ${series.length} rows of ${Math.min(...series.map((r) => r.year))}–${CALIBRATION_CUTOFF_YEAR} used, ${all.length - series.length} later rows left out`,
);

const pct = (x: number) => x.toFixed(2).padStart(6);
const started = performance.now();
let count = 0;
const result = calibrateDiffusion({
  series,
  startYear: Number(values['start-year']),
  scale: Number(values.scale),
  seed: Number(values.seed),
  onEvaluation: (e: SearchLogEntry) => {
    count++;
    if (!values.quiet) {
      console.log(
        `${String(count).padStart(4)} ${e.phase.padEnd(6)} ${e.step === null ? '      ' : e.step.toFixed(3).padStart(6)}  p ${e.point.accessInnovation.toFixed(4)}  ρ_a ${e.point.accessDiffusionRate.toFixed(3)}  λ0 ${e.point.literacyBaseRate.toFixed(3)}  ` +
          `${INCOME_GROUPS.map((g) => pct(e.simulated[g])).join(' ')}  rmse ${e.rmsePp.toFixed(3)} pp`,
      );
    }
  },
});
const seconds = (performance.now() - started) / 1000;

console.log('');
console.log(`Calibration of p, ρ_a and λ0 on internet use ≤ ${CALIBRATION_CUTOFF_YEAR} (MODEL.md §7.7, §8)`);
console.log(`runs: world-2019 from ${result.startYear} to ${result.targetYear} (${(result.targetYear - result.startYear) * 52} weeks, no warm-up), baseline-2019, scale ${result.scale}, seed ${result.seed}`);
console.log(`search: ${result.log.filter((e) => e.phase === 'grid').length} grid points + ${result.log.filter((e) => e.phase === 'refine').length} refinement evaluations = ${result.evaluations} runs in ${seconds.toFixed(1)} s`);
console.log('');
console.log(`best: p = ${result.best.accessInnovation}  ρ_a = ${result.best.accessDiffusionRate}  λ0 = ${result.best.literacyBaseRate}`);
for (const name of ['accessInnovation', 'accessDiffusionRate', 'literacyBaseRate'] as const) {
  if (result.atBound[name]) console.log(`  note: ${name} is at the ${result.atBound[name]} of its schema range [${result.bounds[name].min}, ${result.bounds[name].max}]`);
}
console.log(`fit: SSE ${result.sse.toFixed(3)} pp², RMSE ${result.rmsePp.toFixed(3)} pp over the four income groups`);
console.log('');
console.log('| income group | observed ' + result.startYear + ' | observed ' + result.targetYear + ' | simulated ' + result.targetYear + ' | error (pp) |');
console.log('|---|---:|---:|---:|---:|');
for (const f of result.fit) {
  console.log(`| ${INCOME_GROUP_LABELS[f.incomeGroup]} | ${f.observedStart.toFixed(2)}% | ${f.observed.toFixed(2)}% | ${f.simulated.toFixed(2)}% | ${f.errorPp >= 0 ? '+' : '−'}${Math.abs(f.errorPp).toFixed(2)} |`);
}
console.log('');
console.log('simulated trajectory at the best values (% by year end):');
console.log(`year  ${INCOME_GROUPS.map((g) => g.padStart(20)).join('')}`);
result.trajectory.years.forEach((y, k) => console.log(`${y}  ${INCOME_GROUPS.map((g) => result.trajectory.byGroup[g][k].toFixed(2).padStart(20)).join('')}`));
console.log('');
console.log('Values for agents/community/params.ts (status stays "calibrated"):');
console.log(`  accessInnovation: default: ${result.best.accessInnovation},`);
console.log(`  accessDiffusionRate: default: ${result.best.accessDiffusionRate},`);
console.log(`  literacyBaseRate: default: ${result.best.literacyBaseRate},`);
console.log(`  source: 'Calibrated on internet use ${result.startYear}–${result.targetYear}, population-weighted by income group (scripts/calibrate-diffusion.ts); see docs/CALIBRATION.md'`);

if (values.json) {
  writeFileSync(values.json, JSON.stringify({ ...result, seconds }, null, 2) + '\n');
  console.log(`\nwrote ${values.json}`);
}
