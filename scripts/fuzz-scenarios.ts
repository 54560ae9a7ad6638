/**
 * `npm run fuzz [-- --runs N --seed S]`: the scenario-input fuzzer at full size (10⁵ documents by
 * default, a random seed unless given). Each generated document must be accepted or rejected
 * with a path-precise message (tests/property/scenario-documents.ts); a breach prints the seed
 * and the shrunk document and exits 1. `npm test` runs 10⁴ with a fixed seed.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { judgeDocument, scenarioDocument } from '../tests/property/scenario-documents.ts';
import { lookupWorld } from '../worlds/index.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const world = lookupWorld('two-hubs');
let accepted = 0;
let done = 0;
const started = performance.now();
const result = fc.check(
  fc.property(scenarioDocument, (doc) => {
    const judgement = judgeDocument(doc, world);
    if (judgement.accepted) accepted++;
    if (++done % 10_000 === 0) process.stderr.write(`  ${done.toLocaleString('en')} documents…\n`);
    if (judgement.problem) throw new Error(`${judgement.problem}\nfor ${doc.how}`);
  }),
  { seed, numRuns: runs },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.failed) {
  process.stderr.write(`${fc.defaultReportMessage(result) ?? 'failed'}\n`);
  process.stderr.write(`fuzz: FAILED (seed ${seed}); rerun with: npm run fuzz -- --seed ${seed} --runs ${runs}\n`);
  process.exit(1);
}
process.stdout.write(`fuzz: ${result.numRuns.toLocaleString('en')} scenario documents (seed ${seed}) in ${seconds} s: ${accepted.toLocaleString('en')} accepted, the rest rejected with path-precise messages; nothing else thrown.\n`);
