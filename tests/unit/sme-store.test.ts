import { describe, expect, it } from 'vitest';
import { allocateSme, createSmeStore, growSmeStore, NO_BUYER, DOMESTIC_SOURCE, pipelineIndex } from '../../agents/sme/schema.ts';
import { PIPELINE_WEEKS } from '../../src/model/geography.ts';

describe('SME store', () => {
  it('a reused slot is cleared in every per-slot field', () => {
    const store = createSmeStore(16);
    const id = allocateSme(store);
    for (const value of Object.values(store)) {
      if (ArrayBuffer.isView(value)) (value as Float64Array).fill(7);
    }
    store.freeSlots.release([id]);
    const again = allocateSme(store);
    expect(again).toBe(id);
    for (const [name, value] of Object.entries(store)) {
      if (!ArrayBuffer.isView(value)) continue;
      const array = value as Float64Array;
      if (name === 'rawPipeline') {
        for (let s = 0; s < PIPELINE_WEEKS; s++) expect(array[pipelineIndex(store, id, s)], `${name}[${s}]`).toBe(0);
      } else {
        const expected = name === 'buyerPlant' ? NO_BUYER : name === 'rawSource' ? DOMESTIC_SOURCE : name === 'hubReliability' ? 1 : 0;
        expect(array[id], name).toBe(expected);
      }
    }
  });

  it('ids are stable when the store grows, and freed slots are reused lowest first', () => {
    const store = createSmeStore(16);
    const ids = Array.from({ length: 40 }, () => allocateSme(store));
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => i));
    store.employees[5] = 42;
    store.rawPipeline[pipelineIndex(store, 5, 3)] = 9;
    growSmeStore(store, 1000);
    expect(store.employees[5]).toBe(42);
    expect(store.rawPipeline[pipelineIndex(store, 5, 3)]).toBe(9);
    store.freeSlots.release([30, 7, 12]);
    expect([allocateSme(store), allocateSme(store), allocateSme(store), allocateSme(store)]).toEqual([7, 12, 30, 40]);
  });
});
