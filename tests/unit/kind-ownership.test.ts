import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Issue 11's structure rule: an agent kind writes only its own stores. Cross-kind effects go through
 * named buffers (`scratch.plantHubPayment`, `smeSupplyExposure`, plant job events, trust events) or
 * through functions the owning kind exports (`signContract`, `endContract`); the shared region store
 * is not checked here.
 */
const OWNED: Record<string, string[]> = {
  firm: ['firms', 'plants', 'plantHub'],
  sme: ['smes'],
  supplier: ['hubs'],
  community: ['cells'],
  policymaker: [],
};
const STORES = Object.values(OWNED).flat();

/** `store.field = …`, `store.field[i] += …`, `store.field[i]++`, `store.field.fill(…)` and the like, with or without `world.`. */
function writes(text: string, store: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const pattern = new RegExp(
    `\\b${store}\\.[A-Za-z]+(?:\\[[^\\]]*\\])?\\s*(?:[-+*/%]?=(?!=)|\\+\\+|--)|\\b${store}\\.[A-Za-z]+\\.(?:fill|set|copyWithin)\\(`,
    'g',
  );
  return [...code.matchAll(pattern)].map((m) => m[0]);
}

describe('each agent kind writes only its own stores', () => {
  it('the scanner sees a kind’s writes to its own store', () => {
    const supplier = readFileSync('agents/supplier/finance.ts', 'utf8');
    expect(writes(supplier, 'hubs')).toContain('hubs.cash[j] +=');
    expect(writes('plants.smeContracts.fill(0); x.plants.active[p]++; smes.alive[i] === 1;', 'plants')).toHaveLength(2);
  });

  for (const kind of Object.keys(OWNED)) {
    it(`agents/${kind}/ writes no store of another kind`, () => {
      const folder = join('agents', kind);
      const offenders: string[] = [];
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts'))) {
        const text = readFileSync(join(folder, name), 'utf8');
        for (const store of STORES.filter((s) => !OWNED[kind].includes(s))) {
          for (const write of writes(text, store)) offenders.push(`${folder}/${name}: ${write}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }
});
