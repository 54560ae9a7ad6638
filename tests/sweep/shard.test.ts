import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseShard, shardFromSlurm, shardRuns } from '../../src/sweep/shard.ts';

describe('shards', () => {
  test.prop([fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 64 })], { numRuns: 200, seed: 10 })(
    'the N shards of a sweep are disjoint, in order, cover every run, and differ in size by at most one',
    (runCount, count) => {
      const slices = Array.from({ length: count }, (_, index) => shardRuns(runCount, { index, count }));
      expect(slices.flat()).toEqual(Array.from({ length: runCount }, (_, i) => i));
      const sizes = slices.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    },
  );

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 1000 }), fc.nat()], { numRuns: 100, seed: 11 })(
    'a Slurm array task maps to its shard whatever index the array starts at',
    (min, count, offset) => {
      const index = offset % count;
      const shard = shardFromSlurm({ SLURM_ARRAY_TASK_ID: String(min + index), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_COUNT: String(count) });
      expect(shard).toEqual({ index, count });
    },
  );

  test.prop([fc.string()], { numRuns: 200, seed: 12 })('--shard accepts exactly i/N with 0 ≤ i < N', (text) => {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const valid = match !== null && Number(match[2]) >= 1 && Number(match[1]) < Number(match[2]);
    if (valid) expect(parseShard(text)).toEqual({ index: Number(match[1]), count: Number(match[2]) });
    else expect(() => parseShard(text)).toThrow(/--shard expects i\/N/);
  });
});
