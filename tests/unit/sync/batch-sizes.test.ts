/** The pull's multiget batches (fetch-changed.ts): bounded (docs/sync-rules.md rule 13), small at the edges. */
import { describe, expect, it } from 'vitest';
import { batchSizes } from '../../../workers/sync/engine/fetch-changed';

const sum = (sizes: readonly number[]) => sizes.reduce((total, size) => total + size, 0);

describe('batchSizes', () => {
  it('rule 13: covers every object once, no batch over the size', () => {
    for (const [total, size] of [
      [5000, 500],
      [501, 500],
      [560, 500],
      [1049, 500],
      [5, 2],
      [97, 10],
      [12, 1],
    ] as const) {
      const sizes = batchSizes(total, size);
      expect(sum(sizes)).toBe(total);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(size);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
    }
  });

  it('what fits in one batch is one request (20 changes: one multiget)', () => {
    expect(batchSizes(20, 500)).toEqual([20]);
    expect(batchSizes(500, 500)).toEqual([500]);
    expect(batchSizes(0, 500)).toEqual([]);
  });

  it('a long fetch starts and ends with small batches, full ones between', () => {
    expect(batchSizes(5000, 500)).toEqual([50, ...Array<number>(9).fill(500), 400, 50]);
  });
});
