/**
 * A throttling fault a test switches on: 429 or 503 with `Retry-After` ("Microsoft Graph throttling
 * guidance": both carry it) for the requests that match, a number of times, optionally after
 * letting some through.
 */
import type { GraphError } from '../graph-error';
import type { RequestKind } from '../http/request-kind';

export interface ThrottleRule {
  readonly status: 429 | 503;
  /** Seconds in `Retry-After`; 1 by default. */
  readonly retryAfterSeconds?: number;
  readonly kind?: RequestKind;
  readonly method?: string;
  /** A RegExp on the path (below /v1.0), or a substring of it. */
  readonly path?: RegExp | string;
  /** How many matching requests are refused; 1 by default, `Infinity` for all. */
  readonly times?: number;
  /** Matching requests let through before the first refusal; 0 by default. */
  readonly after?: number;
  readonly code?: string;
  readonly message?: string;
}

export interface ThrottleTarget {
  readonly kind: RequestKind;
  readonly method: string;
  readonly path: string;
}

export class ActiveRule {
  #seen = 0;
  #fired = 0;

  constructor(readonly rule: ThrottleRule) {}

  get spent(): boolean {
    return this.#fired >= (this.rule.times ?? 1);
  }

  #matches(target: ThrottleTarget): boolean {
    const { kind, method, path } = this.rule;
    if (kind !== undefined && kind !== target.kind) return false;
    if (method !== undefined && method.toUpperCase() !== target.method) return false;
    if (path instanceof RegExp) return path.test(target.path);
    return path === undefined || target.path.includes(path);
  }

  /** The refusal for this request, or null when the rule lets it through. */
  take(target: ThrottleTarget): GraphError | null {
    if (this.spent || !this.#matches(target)) return null;
    this.#seen += 1;
    if (this.#seen <= (this.rule.after ?? 0)) return null;
    this.#fired += 1;
    const refusal = throttleError(this.rule.status, this.rule.retryAfterSeconds ?? 1);
    return {
      ...refusal,
      code: this.rule.code ?? refusal.code,
      message: this.rule.message ?? refusal.message,
    };
  }
}

/** Graph's 429 `TooManyRequests` or 503 `serviceNotAvailable`, both with Retry-After in seconds. */
export function throttleError(status: 429 | 503, retryAfterSeconds: number): GraphError {
  return status === 429
    ? {
        status,
        code: 'TooManyRequests',
        message: 'Too many requests. Please retry again later.',
        headers: { 'Retry-After': String(retryAfterSeconds) },
      }
    : {
        status,
        code: 'serviceNotAvailable',
        message: 'The service is not available. Try the request again after a delay.',
        headers: { 'Retry-After': String(retryAfterSeconds) },
      };
}

/** The first refusal any active rule gives `target`; spent rules are dropped. */
export function takeThrottle(rules: ActiveRule[], target: ThrottleTarget): GraphError | null {
  let refusal: GraphError | null = null;
  for (const rule of rules) {
    refusal = rule.take(target);
    if (refusal) break;
  }
  for (let i = rules.length - 1; i >= 0; i -= 1) if (rules[i]?.spent === true) rules.splice(i, 1);
  return refusal;
}
