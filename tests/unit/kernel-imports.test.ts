import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The kernel runs whatever phase table it is given: it must not know the model or its agents. */
const KERNEL = 'src/sim';
const FORBIDDEN_ROOTS = ['agents', 'src/model', 'worlds'];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier of a file: static and dynamic imports and re-exports. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) found.push(match[1]);
  return found;
}

describe('the kernel (src/sim)', () => {
  const files = filesUnder(KERNEL);

  it('has files, and the import scanner sees their imports', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(specifiers(readFileSync(join(KERNEL, 'checkpoint.ts'), 'utf8'))).toContain('./utf8.ts');
  });

  it('imports nothing from agents/, src/model/ or worlds/', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const target = spec.startsWith('.') ? relative('.', resolve(dirname(file), spec)) : spec;
        if (FORBIDDEN_ROOTS.some((root) => target === root || target.startsWith(`${root}/`) || /(^|\/)(agents|model)\//.test(spec))) {
          offenders.push(`${file} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
