// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import {
  parseRetryAfter,
  RETRY_AFTER_DEFAULT_MS,
  RETRY_AFTER_MAX_MS,
  RETRY_AFTER_MIN_MS,
} from '../../../../../workers/sync/providers/caldav/retry-after';

const NOW = Date.UTC(2026, 2, 1, 12);

describe('Retry-After (rule 16)', () => {
  it('rule 16: seconds, clamped to [1 min, 2 h]', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('5', NOW)).toBe(RETRY_AFTER_MIN_MS);
    expect(parseRetryAfter('86400', NOW)).toBe(RETRY_AFTER_MAX_MS);
  });

  it('rule 16: an HTTP date, relative to now', () => {
    expect(parseRetryAfter(new Date(NOW + 10 * 60_000).toUTCString(), NOW)).toBe(10 * 60_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(RETRY_AFTER_MIN_MS);
  });

  it('rule 16: 15 minutes when absent or unreadable', () => {
    expect(parseRetryAfter(null, NOW)).toBe(RETRY_AFTER_DEFAULT_MS);
    expect(parseRetryAfter('', NOW)).toBe(RETRY_AFTER_DEFAULT_MS);
    expect(parseRetryAfter('soon', NOW)).toBe(RETRY_AFTER_DEFAULT_MS);
    expect(parseRetryAfter('-3', NOW)).toBe(RETRY_AFTER_DEFAULT_MS);
  });
});
