/**
 * Regenerates worlds/world-2019/data/world-2019.generated.json from the CSVs next to it and the
 * world-atlas countries-50m topology:
 *
 *   node bin/run-ts.mjs worlds/world-2019/scripts/build-data.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorld2019Data, serializeWorld2019Data } from './build-data-lib.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const dataDir = join(here, '..', 'data');

const data = buildWorld2019Data({
  countriesCsv: readFileSync(join(dataDir, 'countries.csv'), 'utf8'),
  timeseriesCsv: readFileSync(join(dataDir, 'internet_users_timeseries.csv'), 'utf8'),
  topology: JSON.parse(readFileSync(join(root, 'node_modules', 'world-atlas', 'countries-50m.json'), 'utf8')),
});
const text = serializeWorld2019Data(data);
const out = join(dataDir, 'world-2019.generated.json');
writeFileSync(out, text);
console.log(
  `wrote ${out}: ${data.countries.length} countries, ${Object.values(data.internet_series).reduce((n, s) => n + Object.keys(s).length, 0)} series points, ` +
    `${(text.length / 1024).toFixed(0)} KB; dropped ${data.dropped.length}: ${data.dropped.join('; ')}`,
);
