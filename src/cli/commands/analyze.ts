import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { UserError } from '../errors.ts';
import { collectWholeNumber } from '../whole-number.ts';
import { checkOutputPath, writeFileAtomic } from '../../output/index.ts';
import { readSweepForAnalysis } from '../../sweep/runs-table.ts';
import type { SweepResultsForAnalysis } from '../../sweep/contracts.ts';
import { pointOutputs, type SummaryStat } from '../../sweep/analysis/point-values.ts';
import { morrisIndices } from '../../sweep/analysis/morris.ts';
import { sobolIndices } from '../../sweep/analysis/sobol.ts';
import { sensitivityCsv, sensitivityHtml, type SensitivityReport } from '../../sweep/analysis/report.ts';
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from '../../sweep/analysis/bootstrap.ts';
import { paramSpec } from '../../model/params/registry.ts';
import { GLOBAL_INDICATORS, REGIONAL_INDICATORS } from '../../model/observe/indicators.ts';
import { LOSS_INDICATORS } from '../../model/observe/losses.ts';
import packageJson from '../../../package.json' with { type: 'json' };

export interface AnalyzeFlags {
  metric: string;
  stat: SummaryStat;
  resamples: string;
  confidence: string;
  seed: string;
  out?: string;
}

/** Unit of a metric key such as `fillRate` or `fillRate@region:CHN` ('' when unknown). */
function metricUnit(metric: string): string {
  const indicator = metric.split('@')[0];
  const all = [...REGIONAL_INDICATORS, ...GLOBAL_INDICATORS, ...LOSS_INDICATORS];
  return all.find((i) => i.name === indicator)?.unit ?? '';
}

function factorUnits(factors: string[]): Record<string, string> {
  return Object.fromEntries(factors.map((name) => {
    const spec = paramSpec(name);
    return [name, spec?.kind === 'number' ? spec.unit : ''];
  }));
}

function bootstrapOptions(flags: AnalyzeFlags): BootstrapOptions {
  const problems: string[] = [];
  const resamples = collectWholeNumber(flags.resamples, '--resamples', 100, 100_000, problems);
  const confidence = Number(flags.confidence);
  if (!(confidence > 0 && confidence < 1)) problems.push(`  --confidence: expected a level between 0 and 1 such as 0.95, got "${flags.confidence}"`);
  const seed = collectWholeNumber(flags.seed, '--seed', 0, 2 ** 32 - 1, problems);
  if (problems.length > 0) throw new UserError(`glocal analyze: invalid options\n${problems.join('\n')}\nnothing was written.`);
  return { resamples, confidence, seed };
}

/** The sensitivity report of one metric of a finished Morris or Sobol sweep. */
export function analyzeResults(sweep: string, results: SweepResultsForAnalysis, flags: AnalyzeFlags): SensitivityReport {
  const bootstrap = bootstrapOptions(flags);
  const outputs = pointOutputs(results, flags.metric, flags.stat);
  if ('problem' in outputs) throw new UserError(`glocal analyze: ${sweep}: ${outputs.problem}\nnothing was written.`);
  const design = results.design!; // pointOutputs refuses a sweep without a Morris or Sobol design
  const factors = Object.keys(design.ranges);
  const result =
    design.type === 'morris'
      ? { method: 'morris' as const, analysis: morrisIndices(design, results.designSeed, outputs.values, bootstrap) }
      : { method: 'sobol' as const, analysis: sobolIndices(outputs.values, factors, bootstrap) };
  if (result.method === 'sobol' && !(result.analysis.variance > 0)) {
    throw new UserError(`glocal analyze: ${sweep}: ${flags.metric} (${flags.stat}) is the same at every design point, so there is no variance to apportion; pick a metric that varies\nnothing was written.`);
  }
  return {
    sweep,
    design,
    seedCount: results.seedCount,
    metric: flags.metric,
    metricUnit: metricUnit(flags.metric),
    stat: flags.stat,
    factorUnits: factorUnits(factors),
    bootstrap,
    generator: `glocal analyze (glocal ${packageJson.version})`,
    result,
  };
}

function analyzeAction(dir: string, flags: AnalyzeFlags): void {
  const out = checkOutputPath(flags.out ?? dir, { allowExisting: true }).target;
  const report = analyzeResults(dir, readSweepForAnalysis(dir), flags);
  mkdirSync(out, { recursive: true });
  writeFileAtomic(join(out, 'sensitivity.csv'), sensitivityCsv(report));
  writeFileAtomic(join(out, 'sensitivity.html'), sensitivityHtml(report));
  const ranked =
    report.result.method === 'morris'
      ? [...report.result.analysis.indices].sort((p, q) => q.muStar.value - p.muStar.value).map((i) => `${i.factor} (μ* ${i.muStar.value.toPrecision(3)})`)
      : [...report.result.analysis.indices].sort((p, q) => q.total.value - p.total.value).map((i) => `${i.factor} (ST ${i.total.value.toFixed(3)}, S1 ${i.firstOrder.value.toFixed(3)})`);
  process.stdout.write(`${report.result.method === 'morris' ? 'Morris' : 'Sobol'} sensitivity of ${flags.metric} (${flags.stat}), most influential first:\n  ${ranked.join('\n  ')}\nwrote ${join(out, 'sensitivity.csv')} and ${join(out, 'sensitivity.html')}\n`);
}

/** `glocal analyze DIR --metric X --stat final|mean`. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .exitOverride()
    .description('Sensitivity analysis of a finished Morris or Sobol sweep: writes DIR/sensitivity.csv and DIR/sensitivity.html.')
    .argument('<dir>', 'the sweep’s output folder (after glocal merge, for a cluster sweep)')
    .requiredOption('--metric <name>', 'a metric column stem of runs.csv, e.g. smeChainShare or fillRate@region:CHN')
    .addOption(new Option('--stat <stat>', 'which summary of each run: its final value or its mean over the recorded weeks').choices(['final', 'mean']).default('final'))
    .option('--resamples <n>', 'bootstrap resamples for the confidence intervals', String(DEFAULT_BOOTSTRAP.resamples))
    .option('--confidence <level>', 'confidence level of the intervals', String(DEFAULT_BOOTSTRAP.confidence))
    .option('--seed <n>', 'seed of the bootstrap resampling', String(DEFAULT_BOOTSTRAP.seed))
    .option('--out <dir>', 'write the two files here instead of DIR')
    .addHelpText('after', '\nExample:\n  glocal sweep worlds/two-hubs/sweeps/sme-chain-sobol.json --out sweeps/sme-sobol\n  glocal analyze sweeps/sme-sobol --metric smeChainShare --stat mean\n')
    .action(analyzeAction);
}
