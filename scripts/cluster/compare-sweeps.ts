/**
 * Checks that a merged cluster sweep equals a local sweep of the same spec: every file of the
 * local folder is in the merged folder with the same bytes, and the two manifests are equal
 * outside their `provenance` blocks (times, hosts, sessions). Prints what differs; exit 1 if
 * anything does.
 *
 *   node bin/run-ts.mjs scripts/cluster/compare-sweeps.ts LOCAL_DIR MERGED_DIR
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function withoutProvenance(path: string): unknown {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete manifest.provenance;
  return manifest;
}

/** Paths (a.b[2].c) where two JSON values differ. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a === b) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => {
      const child = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      return differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], child);
    });
  }
  return [`${path || '(root)'}: local ${JSON.stringify(a)?.slice(0, 120)}, merged ${JSON.stringify(b)?.slice(0, 120)}`];
}

function compare(local: string, merged: string): string[] {
  const problems: string[] = [];
  const files = readdirSync(local).filter((name) => statSync(join(local, name)).isFile() && name !== 'manifest.json');
  if (files.length === 0) problems.push(`the local sweep ${local} has no result files`);
  for (const name of files) {
    const other = join(merged, name);
    if (!existsSync(other)) problems.push(`${name}: missing from the merge`);
    else if (sha256(join(local, name)) !== sha256(other)) problems.push(`${name}: bytes differ (sha256 ${sha256(join(local, name)).slice(0, 12)}… local, ${sha256(other).slice(0, 12)}… merged)`);
    else console.log(`  ${name}: identical (${statSync(other).size} bytes, sha256 ${sha256(other).slice(0, 12)}…)`);
  }
  if (!existsSync(join(merged, 'manifest.json'))) problems.push('manifest.json: missing from the merge');
  else {
    const diff = differences(withoutProvenance(join(local, 'manifest.json')), withoutProvenance(join(merged, 'manifest.json')));
    if (diff.length > 0) problems.push(`manifest.json differs outside provenance:\n    ${diff.slice(0, 20).join('\n    ')}`);
    else console.log('  manifest.json: identical outside provenance');
  }
  return problems;
}

const [local, merged] = process.argv.slice(2);
if (!local || !merged) {
  console.error('usage: compare-sweeps.ts LOCAL_DIR MERGED_DIR');
  process.exit(2);
}
const problems = compare(local, merged);
if (problems.length > 0) {
  console.error(`the merged sweep ${merged} differs from the local sweep ${local}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
