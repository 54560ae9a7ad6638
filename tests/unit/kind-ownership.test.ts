import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Issue 11's structure rule: an agent kind writes only its own stores. Cross-kind effects go through
 * named buffers (`scratch.plantHubPayment`, `smeSupplyExposure`, plant job events, trust events) or
 * through functions the owning kind exports (`signContract`, `endContract`). Each kind's per-region
 * state and tallies are in its own store (`finalMarket`, `smeRegions`, `rawSources`,
 * `communityRegions`); the shared region store is written by agents only in the fields listed in
 * `REGION_WRITES`.
 */
const OWNED: Record<string, string[]> = {
  firm: ['firms', 'plants', 'plantHub', 'finalMarket'],
  sme: ['smes', 'smeRegions', 'importers'],
  supplier: ['hubs', 'rawSources'],
  community: ['cells', 'communityRegions'],
  policymaker: ['policy'],
};
/**
 * What agents may write in the shared region store: the policymaker its policy settings; the firms
 * the region's demand noise (an AR(1) shock to final and local demand, drawn once a week when the
 * final market opens); the SMEs, at initialisation only, the base of entry and the local inputs'
 * price and imported share (§9.2).
 */
const REGION_WRITES: Record<string, string[]> = {
  firm: ['demandNoise'],
  sme: ['importedInputShare', 'localInputPrice', 'smeSlots'],
  supplier: [],
  community: [],
  policymaker: [
    'borderOpen', 'circularSubsidy', 'infrastructureSpend', 'localSourcingSubsidy', 'reshoringGrantShare', 'smeGrantSpend',
    'sourcingNode', 'tariff', 'trainingLinked', 'trainingSpend', 'transparency',
  ],
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

  for (const kind of Object.keys(REGION_WRITES)) {
    it(`agents/${kind}/ writes only its listed fields of the shared region store`, () => {
      const folder = join('agents', kind);
      const fields = new Set<string>();
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts'))) {
        for (const write of writes(readFileSync(join(folder, name), 'utf8'), 'regions')) fields.add(write.split(/[.[\s]/)[1]);
      }
      expect([...fields].sort()).toEqual([...REGION_WRITES[kind]].sort());
    });
  }
});
