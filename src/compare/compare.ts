import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { checkOutputPath, openLockedFolder, writeFileAtomic, type WrittenFile } from '../output/index.ts';
import { ATOMIC_TEMP_PATTERN } from '../output/output-file.ts';
import { runSweep } from '../sweep/sweep.ts';
import { sweepProgress } from '../sweep/progress.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { compareArms, readArm, type Comparison } from './analysis.ts';
import { armSpec, type ComparePlan } from './plan.ts';
import { comparisonCsv } from './tables.ts';
import { reportMarkdown } from './report.ts';
import { reportHtml } from './report-html.ts';

export interface CompareOptions {
  out: string;
  workers: number;
  csv: boolean;
  quiet: boolean;
  /** The command that resumes this comparison (printed on interrupt). */
  resumeCommand: string;
}

export interface CompareOutcome {
  comparison: Comparison;
  outputs: Record<string, WrittenFile & { path: string }>;
  runsThisSession: number;
}

/** What a compare folder may hold besides hidden temporary and lock files. */
const COMPARE_FILES = new Set(['compare.json', 'arms', 'comparison.csv', 'report.md', 'report.html']);

interface CompareManifest {
  kind: 'glocal-compare';
  glocal: string;
  runsHash: string;
  complete: boolean;
  [key: string]: unknown;
}

/** A fresh folder, or one holding this same comparison (resume, or a new discount rate); anything else is refused. */
function checkFolder(out: string, plan: ComparePlan): void {
  checkOutputPath(out, { allowExisting: true });
  if (!existsSync(out)) return;
  const entries = readdirSync(out).filter((name) => !name.startsWith('.') || !(ATOMIC_TEMP_PATTERN.test(name) || name.endsWith('.glocal-lock')));
  if (entries.length === 0) return;
  const manifestPath = join(out, 'compare.json');
  let manifest: CompareManifest | null = null;
  try {
    manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as CompareManifest) : null;
  } catch {
    manifest = null;
  }
  if (!manifest || manifest.kind !== 'glocal-compare') throw new UserError(`glocal: ${out} is not empty and holds no comparison (compare.json); choose an empty or new --out folder\nnothing was written.`);
  const foreign = entries.filter((name) => !COMPARE_FILES.has(name));
  if (foreign.length > 0) throw new UserError(`glocal: ${out} holds files that are not a comparison's (${foreign.slice(0, 3).join(', ')}); choose another --out folder\nnothing was written.`);
  if (manifest.runsHash !== plan.runsHash) {
    throw new UserError(`glocal: ${out} holds a different comparison (other world, scenario, schemes, seeds, weeks or parameters); choose another --out folder\nnothing was written.`);
  }
}

function manifestOf(plan: ComparePlan, outputs: Record<string, WrittenFile> | null): CompareManifest {
  return {
    kind: 'glocal-compare',
    glocal: packageJson.version,
    runsHash: plan.runsHash,
    complete: outputs !== null,
    world: plan.world,
    scenario: plan.scenarioName,
    arms: plan.arms.map((a) => ({ name: a.name, folder: `arms/${a.name}`, source: a.scheme?.source ?? null, description: a.scheme?.description ?? 'the scenario alone' })),
    seeds: plan.seeds,
    weeks: plan.weeks,
    params: plan.params,
    discount: plan.discount,
    indicators: plan.indicators.map((i) => i.name),
    outputs: outputs ?? {},
  };
}

function writeJson(path: string, value: unknown): WrittenFile {
  const text = JSON.stringify(value, null, 2) + '\n';
  return { sha256: writeFileAtomic(path, text), bytes: Buffer.byteLength(text) };
}

/** Runs every arm as a sweep (pool, progress bar, atomic parts, resume) into DIR/arms/<name>. */
async function runArms(plan: ComparePlan, options: CompareOptions): Promise<number> {
  const armsDirectory = join(options.out, 'arms');
  mkdirSync(armsDirectory, { recursive: true });
  let ran = 0;
  for (const arm of plan.arms) {
    writeJson(join(armsDirectory, `${arm.name}.scenario.json`), arm.scenario);
    const specPath = join(armsDirectory, `${arm.name}.spec.json`);
    writeJson(specPath, armSpec(plan, arm));
    const progress = sweepProgress(`compare ${arm.name}`, options.quiet);
    try {
      const outcome = await runSweep({
        specPath,
        out: join(armsDirectory, arm.name),
        workers: options.workers,
        csv: options.csv,
        shard: null,
        resumeCommand: options.resumeCommand,
        onStart: ({ total, alreadyDone }) => progress.start(total, alreadyDone),
        onRun: (done) => progress.update(done),
      });
      ran += outcome.runsThisSession;
    } finally {
      progress.stop();
    }
  }
  return ran;
}

/**
 * `glocal compare`: the baseline and each scheme run as sweeps with the same seeds, then the
 * paired analysis writes comparison.csv, report.md and report.html (each atomically) and
 * compare.json last. Bad input and a foreign folder are refused before anything is written.
 */
export async function runCompare(plan: ComparePlan, options: CompareOptions): Promise<CompareOutcome> {
  checkFolder(options.out, plan);
  const folder = openLockedFolder(options.out, options.resumeCommand);
  try {
    writeJson(join(folder.path, 'compare.json'), manifestOf(plan, null));
    const runsThisSession = await runArms(plan, options);
    const arms = [];
    for (const arm of plan.arms) arms.push(await readArm(join(folder.path, 'arms', arm.name), arm.name, plan.weeks));
    const comparison = compareArms(plan, arms);
    const outputs: CompareOutcome['outputs'] = {};
    const files: [string, string][] = [['comparison.csv', comparisonCsv(comparison)], ['report.md', reportMarkdown(comparison)], ['report.html', reportHtml(comparison)]];
    for (const [name, text] of files) {
      const path = join(folder.path, name);
      outputs[name] = { path, sha256: writeFileAtomic(path, text), bytes: Buffer.byteLength(text) };
    }
    const recorded = Object.fromEntries(Object.entries(outputs).map(([name, o]) => [name, { sha256: o.sha256, bytes: o.bytes }]));
    writeJson(join(folder.path, 'compare.json'), manifestOf(plan, recorded));
    return { comparison, outputs, runsThisSession };
  } finally {
    folder.lock.release();
  }
}
