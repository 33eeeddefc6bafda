// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../src/core/errors';
import {
  BACKOFF_MAX_MS,
  clampRetryAfter,
  HOUR_MS,
  MINUTE_MS,
  retryDelay,
} from '../../../workers/sync/scheduler/backoff';

const failure: AppErrorData = { kind: 'server', message: 'failed', retryable: true };

describe('retryDelay (rule 16)', () => {
  it('grows exponentially: 30 s, 1 min, 2 min, 4 min … before jitter', () => {
    const top = (n: number) => retryDelay(n, failure, () => 0.999_999);
    expect([1, 2, 3, 4].map(top)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('jitters between half and the whole step', () => {
    expect(retryDelay(3, failure, () => 0)).toBe(60_000);
    expect(retryDelay(3, failure, () => 0.5)).toBe(90_000);
  });

  it('never waits longer than 2 h, however many failures', () => {
    expect(retryDelay(40, failure, () => 0)).toBe(HOUR_MS);
    expect(retryDelay(40, failure, () => 0.999_999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(retryDelay(1_000, failure, () => 0.999_999)).toBeGreaterThan(2 * HOUR_MS - 10);
  });

  it('honours Retry-After without jitter, clamped to [1 min, 2 h]', () => {
    const after = (ms: number) => retryDelay(1, { ...failure, retryAfterMs: ms }, () => 0.3);
    expect(after(5 * MINUTE_MS)).toBe(5 * MINUTE_MS);
    expect(after(10_000)).toBe(MINUTE_MS);
    expect(after(5 * HOUR_MS)).toBe(2 * HOUR_MS);
    expect(clampRetryAfter(0)).toBe(MINUTE_MS);
  });
});
