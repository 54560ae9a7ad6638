/**
 * `npm run validate`: every pattern P1–P12 at full settings (and its ablations), plus the
 * world-2019 backcast, written to docs/VALIDATION.md by one generator.
 *
 * `npm run validate -- P1 P2` runs only those patterns. Each result is saved to
 * reports/validation/<id>.json with the model's commit (the last commit that touched agents/,
 * src/model/, src/sim/, src/validation/ or worlds/: the model and the patterns' arms); patterns
 * already saved at that commit are not rerun, so a validation can be split over several processes
 * and resumed. docs/VALIDATION.md is written when every pattern
 * has a result from the current model commit; `npm run validate -- --partial` writes it from the
 * patterns saved so far (running none), naming those missing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { PATTERNS, evaluatePattern } from '../../src/validation/index.ts';
import { FULL_SETTINGS } from '../../src/validation/types.ts';
import { validationMarkdown } from '../../src/validation/report.ts';
import { fromSaved, toSaved, type SavedResult } from '../../src/validation/saved.ts';
import { backcastMarkdown, runBackcast } from '../../src/calibration/backcast.ts';

const DIR = 'reports/validation';
const only = process.argv.slice(2).filter((a) => /^P\d+$/.test(a));
let commit = 'unknown';
try {
  commit = execFileSync('git', ['log', '-1', '--format=%h', '--', 'agents', 'src/sim', 'src/model', 'src/validation', 'worlds'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
mkdirSync(DIR, { recursive: true });
const savedPath = (id: string) => `${DIR}/${id}.json`;
function saved(id: string): SavedResult | null {
  if (!existsSync(savedPath(id))) return null;
  const result = JSON.parse(readFileSync(savedPath(id), 'utf8')) as SavedResult;
  return result.commit === commit ? result : null;
}

const partial = process.argv.includes('--partial');
for (const pattern of PATTERNS) {
  if (partial || (only.length > 0 && !only.includes(pattern.id))) continue;
  if (saved(pattern.id)) {
    process.stderr.write(`${pattern.id} already saved at ${commit}\n`);
    continue;
  }
  const t0 = performance.now();
  process.stderr.write(`${pattern.id} ${pattern.title} … `);
  const result = await evaluatePattern(pattern, FULL_SETTINGS);
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(savedPath(pattern.id), JSON.stringify(toSaved(result, commit, seconds)));
  process.stderr.write(`${result.pass ? 'pass' : 'FAIL'} (${result.origin ?? 'no origin label'}) in ${seconds.toFixed(0)} s\n`);
}

const all = PATTERNS.map((p) => saved(p.id));
const missing = PATTERNS.filter((_, i) => all[i] === null).map((p) => p.id);
if (missing.length > 0 && !partial) {
  process.stderr.write(`not yet saved at ${commit}: ${missing.join(', ')}; docs/VALIDATION.md is written once all are (or with --partial)\n`);
} else {
  const results = all.filter((r): r is SavedResult => r !== null).map(fromSaved);
  const seconds = all.reduce((sum, r) => sum + (r?.seconds ?? 0), 0);
  writeFileSync('docs/VALIDATION.md', validationMarkdown(results, backcastSection(missing.length > 0), { date: new Date().toISOString().slice(0, 10), commit, seconds, missing }));
  process.stderr.write(`wrote docs/VALIDATION.md${missing.length > 0 ? ` (partial: ${missing.join(', ')} not run at this commit)` : ''}\n`);
}

/** The backcast, run now; or, for a partial report, the section of the last full report, so marked. */
function backcastSection(reuse: boolean): string {
  const previous = existsSync('docs/VALIDATION.md') ? readFileSync('docs/VALIDATION.md', 'utf8').split('## Backcast: internet use 2010 → 2019 (world-2019)')[1] : undefined;
  if (reuse && previous) {
    return `*From the last full report (not rerun for this partial one).*\n\n${previous.replace(/^\s*\*From the last full report[^\n]*\n\n/, '').trim()}`;
  }
  process.stderr.write('backcast 2010 → 2019 … ');
  const text = backcastMarkdown(runBackcast({ seeds: 20, scale: 1 }));
  process.stderr.write('done\n');
  return text;
}
