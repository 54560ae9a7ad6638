/**
 * Fits `entrantMinCapabilityShare` (MODEL.md §9.6) so that SMEs of the calm two-hubs baseline exit
 * at 9% a year (OECD SDBS business demography, enterprise death rates 8–10%), writes it to
 * src/model/params/exits-fit.ts (the parameter's default) and the result table of
 * docs/CALIBRATION.md ("SME exits"), and reports world-2019's calm baseline at the fitted value
 * (not fitted). Procedure: docs/CALIBRATION.md.
 *
 *   npm run calibrate:exits [-- --dry-run] [-- --no-world]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  calibrateExits,
  calmRuns,
  CALIBRATED_PARAM,
  EXIT_CALIBRATION_SETTINGS,
  EXIT_RATE_TARGET,
  summariseRuns,
  type ExitEvaluation,
} from '../src/calibration/exits.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, 'no-world': { type: 'boolean', default: false } } });
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const settings = EXIT_CALIBRATION_SETTINGS;

console.log(`SME exits (MODEL.md §9.6): two-hubs calm baseline, seeds 1–${settings.seeds}, scale ${settings.twoHubsScale}, years 2–10; target ${pct(EXIT_RATE_TARGET)} a year`);
const rows: string[] = [];
const fit = await calibrateExits(settings, (e: ExitEvaluation) => {
  const line = `| ${e.phase} | ${e.value} | ${pct(e.exitRate)} | ${pct(e.entryRate)} |`;
  rows.push(line);
  console.log(line);
});
console.log('');
console.log(`${CALIBRATED_PARAM} = ${fit.fitted}`);
console.log(`two-hubs: exits ${pct(fit.exitRate)} a year [${pct(fit.interval.low)}, ${pct(fit.interval.high)}], entries ${pct(fit.entryRate)} a year`);

let world = '';
if (!values['no-world']) {
  const worldSettings = { ...settings, worldScale: settings.twoHubsScale };
  const w = summariseRuns(await calmRuns(worldSettings, { [CALIBRATED_PARAM]: fit.fitted }, 'world-2019'));
  world = `| world-2019 \`baseline-2019\` (reported, not fitted) | ${settings.seeds} seeds, scale ${worldSettings.worldScale} | ${pct(w.exitRate)} [${pct(w.interval.low)}, ${pct(w.interval.high)}] | ${pct(w.entryRate)} |`;
  console.log(`world-2019: exits ${pct(w.exitRate)} a year [${pct(w.interval.low)}, ${pct(w.interval.high)}], entries ${pct(w.entryRate)} a year (not fitted)`);
}

if (!values['dry-run']) {
  const fitFile = join(root, 'src', 'model', 'params', 'exits-fit.ts');
  writeFileSync(
    fitFile,
    `/**
 * Written by \`npm run calibrate:exits\` (scripts/calibrate-exits.ts; docs/CALIBRATION.md, "SME
 * exits"): the entry threshold fitted to OECD business demography death rates (MODEL.md §9.6).
 * Do not edit by hand; rerun the script.
 */
export const EXITS_FIT = {
  ${CALIBRATED_PARAM}: ${fit.fitted},
} as const;
`,
  );
  console.log(`wrote ${fitFile}`);
  const docFile = join(root, 'docs', 'CALIBRATION.md');
  const begin = '<!-- calibrate:exits result -->';
  const end = '<!-- /calibrate:exits result -->';
  const doc = readFileSync(docFile, 'utf8');
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${docFile}: markers ${begin} … ${end} not found`);
  const table = [
    begin,
    `**\`${CALIBRATED_PARAM}\` = ${fit.fitted}** (bracket [${fit.bracket[0]}, ${fit.bracket[1]}], ${fit.evaluations.length} evaluations of ${settings.seeds} runs).`,
    '',
    '| calm baseline | runs | SME exits a year (mean [90% interval]) | SME entries a year |',
    '|---|---|---:|---:|',
    `| two-hubs \`baseline\` (fitted) | ${settings.seeds} seeds, scale ${settings.twoHubsScale} | ${pct(fit.exitRate)} [${pct(fit.interval.low)}, ${pct(fit.interval.high)}] | ${pct(fit.entryRate)} |`,
    ...(world ? [world] : []),
    '',
    'Search log (two-hubs, mean over the seeds):',
    '',
    `| phase | \`${CALIBRATED_PARAM}\` | exits a year | entries a year |`,
    '|---|---:|---:|---:|',
    ...rows,
    end,
  ].join('\n');
  writeFileSync(docFile, doc.slice(0, from) + table + doc.slice(to + end.length));
  console.log(`wrote ${docFile}`);
}
