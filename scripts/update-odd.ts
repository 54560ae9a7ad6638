/** Regenerates the parameter and indicator tables of docs/ODD.md from the schema (`npm run docs`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { refreshOddTables } from '../src/model/docs-tables.ts';

const path = 'docs/ODD.md';
writeFileSync(path, refreshOddTables(readFileSync(path, 'utf8')));
process.stdout.write(`updated ${path}\n`);
