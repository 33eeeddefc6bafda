/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date. docs/sync-rules.md rule 16: clamp to
 * [1 min, 2 h]; 15 min when absent or unreadable.
 */
export const RETRY_AFTER_MIN_MS = 60_000;
export const RETRY_AFTER_MAX_MS = 2 * 60 * 60_000;
export const RETRY_AFTER_DEFAULT_MS = 15 * 60_000;

function clamp(ms: number): number {
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, ms));
}

export function parseRetryAfter(value: string | null, now: number): number {
  const text = value?.trim() ?? '';
  if (text === '') return RETRY_AFTER_DEFAULT_MS;
  if (/^\d+$/.test(text)) return clamp(Number(text) * 1000);
  // An HTTP date names its day and month ("Sun, 01 Mar 2026 11:00:00 GMT"); "-3" is not one.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return RETRY_AFTER_DEFAULT_MS;
  return clamp(at - now);
}
