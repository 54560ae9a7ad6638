import { Command } from 'commander';
import { mergeShards } from '../../sweep/merge.ts';

/** `glocal merge DIR [--csv]`: joins the shard folders of a sweep into one result. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .exitOverride()
    .description('Join the shards of a sweep (DIR/shard-i-of-N/, from glocal sweep --shard) into DIR/results.parquet, runs.csv and manifest.json, the same bytes one machine writes.')
    .argument('<dir>', 'the --out folder the shards were written to')
    .option('--csv', 'also write results.csv')
    .action(async (directory: string, options: { csv?: boolean }) => {
      const outcome = await mergeShards(directory, Boolean(options.csv));
      const files = Object.entries(outcome.outputs).map(([name, file]) => `  ${directory}/${name}  (${file.bytes.toLocaleString('en')} bytes, sha256 ${file.sha256.slice(0, 12)}…)`);
      process.stdout.write(`merged ${outcome.shards} shards: ${outcome.runs} runs\n${files.join('\n')}\n  ${directory}/manifest.json\n`);
    });
}
