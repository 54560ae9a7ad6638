/**
 * Fits the disruption hazards and the expected depth of a disruption (MODEL.md §9.1) to McKinsey
 * Global Institute 2020 and writes them to src/model/params/hazard-fit.ts (the defaults of
 * hazardPerRegionYear, hubHazardPerYear and disruptionLossDepth). Procedure: docs/CALIBRATION.md.
 *
 *   npm run calibrate:hazard [-- --dry-run]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { calibrateHazard } from '../src/calibration/hazard.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const fit = calibrateHazard();
console.log(`hazard per region and per hub: ${fit.regionHazardPerYear} / year`);
console.log(`single-hub chain: one ≥ 1-month disruption every ${(1 / fit.chainRatePerYear).toFixed(2)} years (independent draws)`);
console.log(`disruptionLossDepth: ${fit.disruptionLossDepth} → GLOBAL E[loss] per decade = ${(100 * fit.lossSharePerDecade).toFixed(1)}% of a year's profit`);
if (!values['dry-run']) {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'model', 'params', 'hazard-fit.ts');
  writeFileSync(
    file,
    `/**
 * Written by \`npm run calibrate:hazard\` (scripts/calibrate-hazard.ts; docs/CALIBRATION.md): the
 * hazard rates and the expected depth of a disruption fitted to McKinsey Global Institute 2020.
 * Do not edit by hand; rerun the script.
 */
export const HAZARD_FIT = {
  regionHazardPerYear: ${fit.regionHazardPerYear},
  hubHazardPerYear: ${fit.hubHazardPerYear},
  disruptionLossDepth: ${fit.disruptionLossDepth},
} as const;
`,
  );
  console.log(`wrote ${file}`);
}
