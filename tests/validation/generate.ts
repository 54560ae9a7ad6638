/**
 * `npm run validate`: every pattern P1–P11 at full settings (and its ablation), plus the
 * world-2019 backcast, written to docs/VALIDATION.md by one generator.
 */
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { PATTERNS, evaluatePattern } from '../../src/validation/index.ts';
import { FULL_SETTINGS } from '../../src/validation/types.ts';
import { validationMarkdown } from '../../src/validation/report.ts';
import { backcastMarkdown, runBackcast } from '../../src/calibration/backcast.ts';
import type { PatternResult } from '../../src/validation/types.ts';

const only = process.argv.slice(2).filter((a) => /^P\d+$/.test(a));
const started = performance.now();
const results: PatternResult[] = [];
for (const pattern of PATTERNS) {
  if (only.length > 0 && !only.includes(pattern.id)) continue;
  const t0 = performance.now();
  process.stderr.write(`${pattern.id} ${pattern.title} … `);
  const result = await evaluatePattern(pattern, FULL_SETTINGS);
  results.push(result);
  process.stderr.write(`${result.pass ? 'pass' : 'FAIL'} (${result.origin ?? 'no origin label'}) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
process.stderr.write('backcast 2010 → 2019 … ');
const backcast = backcastMarkdown(runBackcast({ seeds: 20, scale: 1 }));
process.stderr.write('done\n');
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const markdown = validationMarkdown(results, backcast, {
  date: new Date().toISOString().slice(0, 10),
  commit,
  seconds: (performance.now() - started) / 1000,
});
if (only.length === 0) {
  writeFileSync('docs/VALIDATION.md', markdown);
  process.stderr.write('wrote docs/VALIDATION.md\n');
} else {
  process.stdout.write(markdown);
}
