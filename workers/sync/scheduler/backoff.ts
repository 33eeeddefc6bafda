import type { AppErrorData } from '../../../src/core/errors';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** docs/sync-rules.md rule 16: a server's Retry-After is honoured, but never sooner than 1 min nor later than 2 h. */
export const RETRY_AFTER_MIN_MS = MINUTE_MS;
export const RETRY_AFTER_MAX_MS = 2 * HOUR_MS;

/** Exponential backoff without a Retry-After: 30 s, 1 min, 2 min, … capped at 2 h, then jittered. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 2 * HOUR_MS;

export function clampRetryAfter(ms: number): number {
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, ms));
}

/**
 * How long to wait before retrying after the `failures`-th failure in a row (1 = first).
 * A Retry-After wins (clamped, not jittered: the server named the time). Otherwise "equal jitter":
 * half the exponential step fixed, half random, so tabs and devices that failed together spread out.
 * `random` is injected (Math.random in the shells) and returns [0, 1).
 */
export function retryDelay(failures: number, error: AppErrorData, random: () => number): number {
  if (error.retryAfterMs !== undefined) return clampRetryAfter(error.retryAfterMs);
  const exponent = Math.max(0, failures - 1);
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 30));
  return Math.round(step / 2 + (step / 2) * random());
}
