import { join } from 'node:path';
import { quote } from 'shell-quote';
import { rowsToCsv } from '../../model/observe/recorder.ts';
import type { RunInfo } from '../../worker/api.ts';
import { OutputTransaction, failpoint, type WrittenFile } from '../../output/index.ts';
import { resolveRun, type RunRequest } from '../run-inputs.ts';
import { streamRun } from '../stream-run.ts';
import { buildManifest } from '../manifest.ts';
import type { SummaryCollector } from '../summary.ts';

export { inputsHash } from '../manifest.ts';

export interface RunOptions {
  out: string;
  force?: boolean;
  quiet?: boolean;
  /** The command line as typed (recorded in the manifest and the lock). */
  argv?: string[];
}

export interface RunOutcome {
  /** The output folder, absolute. */
  directory: string;
  rows: number;
  indicatorsSha256: string;
  files: ReadonlyMap<string, WrittenFile>;
  info: RunInfo;
  summary: SummaryCollector;
  paired: boolean;
  warnings: string[];
}

const CSV_HEADER = 'tick,scope,group,indicator,value\n';

/**
 * `glocal run`: validates every input and the output folder before simulating (nothing is
 * written on bad input), locks the folder, streams indicators.csv into a temporary folder as
 * weeks complete, writes manifest.json last and renames the folder into place: the target holds
 * the whole result or nothing.
 */
export async function runCommand(request: RunRequest, options: RunOptions): Promise<RunOutcome> {
  const resolved = resolveRun(request);
  for (const warning of resolved.warnings) process.stderr.write(`${warning}\n`);
  const argv = options.argv ?? [];
  const tx = OutputTransaction.begin(options.out, { force: options.force, command: quote(['glocal', ...argv]) });
  failpoint('after-temp-created');
  try {
    const csv = tx.file('indicators.csv');
    csv.write(CSV_HEADER);
    let batches = 0;
    const streamed = await streamRun(resolved, {
      quiet: options.quiet,
      onRows(batch, info) {
        if (batch.next === batch.from) return;
        csv.write(rowsToCsv({ ...batch, length: batch.next - batch.from }, info.indicators, info.groups, false));
        if (++batches === 2) failpoint('mid-write');
      },
    });
    const written = csv.close();
    failpoint('before-manifest');
    const manifest = buildManifest({
      resolved,
      request,
      info: streamed.info,
      files: tx.files,
      rows: streamed.rows,
      summary: streamed.summary,
      out: tx.target,
      argv,
      options: { force: Boolean(options.force), quiet: Boolean(options.quiet) },
    });
    tx.writeFile('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
    tx.commit();
    return {
      directory: tx.target,
      rows: streamed.rows,
      indicatorsSha256: written.sha256,
      files: tx.files,
      info: streamed.info,
      summary: streamed.summary,
      paired: resolved.spec.paired,
      warnings: resolved.warnings,
    };
  } catch (error) {
    tx.abort();
    throw error;
  }
}

/** The text `glocal run` prints at the end: the summary table and where the files are. */
export function runReport(outcome: RunOutcome): string {
  const { info } = outcome;
  const csv = outcome.files.get('indicators.csv');
  return [
    `Glocal — ${info.world}, scenario "${info.scenario}", seed ${info.seed}, ${info.weeks} weeks, ${info.agents.toLocaleString('en')} agents`,
    '',
    ...outcome.summary.table(outcome.paired),
    '',
    `Files in ${outcome.directory}:`,
    `  indicators.csv  ${outcome.rows.toLocaleString('en')} rows, ${(csv?.bytes ?? 0).toLocaleString('en')} bytes, sha256 ${outcome.indicatorsSha256.slice(0, 12)}…`,
    `  manifest.json   inputs, every flag and the rerun line: ${quote(['glocal', 'rerun', join(outcome.directory, 'manifest.json')])}`,
    ...(info.world === 'world-2019' ? ['Country data: Free data from Gapminder.org (CC-BY 4.0).'] : []),
  ].join('\n');
}
