/**
 * Rewrites the "Imputations" section of worlds/world-2019/README.md from the computed lists:
 *
 *   node bin/run-ts.mjs worlds/world-2019/scripts/write-readme-imputations.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceImputationsSection } from './readme-imputations-lib.ts';
import { world2019Imputations, world2019Imputations2010 } from '../world.ts';

const readmePath = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = replaceImputationsSection(before);
writeFileSync(readmePath, after);
console.log(
  `${readmePath}: ${world2019Imputations.length} imputations (2019) + ${world2019Imputations2010.length} (2010 internet use)` +
    (before === after ? ', unchanged' : ', updated'),
);
