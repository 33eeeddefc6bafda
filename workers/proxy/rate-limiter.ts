/**
 * A token bucket per client key (the client's IP address). The clock is injected, so tests step
 * time instead of sleeping. Full buckets are forgotten on a sweep, so memory follows the number of
 * recently active clients, and the table is capped.
 */
import type { RateLimit } from './config';

export interface RateDecision {
  readonly allowed: boolean;
  /** Whole seconds until one token is back (for Retry-After), when refused. */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

const maxClients = 10_000;

export function createRateLimiter(limit: RateLimit, now: () => number): RateLimiter {
  const buckets = new Map<string, Bucket>();

  function refill(bucket: Bucket, t: number): void {
    const elapsed = Math.max(0, t - bucket.at) / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
    bucket.at = t;
  }

  function sweep(t: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= limit.burst) buckets.delete(key);
    }
    // Still too many active clients: forget the oldest (Map keeps insertion order).
    for (const key of buckets.keys()) {
      if (buckets.size < maxClients) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxClients) sweep(t);
        bucket = { tokens: limit.burst, at: t };
        buckets.set(key, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      const wait = limit.perSecond > 0 ? (1 - bucket.tokens) / limit.perSecond : 3600;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
    },
  };
}
