import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Everything in the deterministic core: the kernel, the model layer, the agents and the worlds. */
const CORE_FOLDERS = ['src/sim', 'src/model', 'agents', 'worlds'];
const FORBIDDEN = ['Math.random', 'Date.now', 'new Date', 'performance.now', 'process.hrtime', 'crypto.getRandomValues'];

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      // Offline data-preparation scripts are not part of the run-time core.
      if (name !== 'scripts') out.push(...filesUnder(path));
    } else if (/\.(ts|js|mjs)$/.test(name)) {
      out.push(path);
    }
  }
  return out;
}

describe('the deterministic core', () => {
  const files = CORE_FOLDERS.flatMap(filesUnder);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN)('never uses %s', (token) => {
    const offenders = files.filter((file) => readFileSync(file, 'utf8').includes(token));
    expect(offenders).toEqual([]);
  });

  // V8 versions differ in the last bit of these (Node 20 and Chromium disagree in about one result
  // in ten), so the core takes them from src/sim/math.ts; only +, −, ×, ÷ and sqrt are exact everywhere.
  it('calls no transcendental Math function (they differ between browser and Node)', () => {
    const call = /Math\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\s*\(/;
    const offenders = files.filter((file) => call.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
