/**
 * What the Graph provider's tests share: a Graph test server, a client talking to it with a token
 * source that counts what it was asked, and sleeps that are recorded instead of waited (no test
 * waits for a Retry-After).
 */
import {
  createGraphClient,
  type GraphClient,
  type RetryPolicy,
} from '../../../../workers/sync/providers/graph/graph-client';
import type { RequestLimiter } from '../../../../workers/sync/providers/graph/request-limiter';
import type { GraphServer } from '../../../servers/graph/index';

export interface TokenSource {
  readonly token: (refused?: string) => Promise<string>;
  /** Each call's `refused` argument, in order. */
  readonly asked: (string | undefined)[];
}

/** Hands out `tokens` in order (the last one again once they run out). */
export function tokenSource(tokens: readonly string[]): TokenSource {
  const asked: (string | undefined)[] = [];
  return {
    asked,
    token: (refused?: string) => {
      asked.push(refused);
      const value = tokens[Math.min(asked.length - 1, tokens.length - 1)];
      return value === undefined ? Promise.reject(new Error('no token')) : Promise.resolve(value);
    },
  };
}

export interface Sleeps {
  readonly sleep: (ms: number) => Promise<void>;
  readonly waited: number[];
  /** Runs once per sleep, before it resolves (a test releases a held gate here). */
  onSleep: (() => void) | null;
}

export function recordedSleeps(): Sleeps {
  const sleeps: Sleeps = {
    waited: [],
    onSleep: null,
    sleep: (ms: number) => {
      sleeps.waited.push(ms);
      sleeps.onSleep?.();
      return Promise.resolve();
    },
  };
  return sleeps;
}

/** A browser calling Graph cross-origin cannot read Retry-After: this fetch hides it likewise. */
export function withoutRetryAfter(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const headers = new Headers(response.headers);
    headers.delete('retry-after');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

export interface ClientOptions {
  readonly tokens?: TokenSource;
  readonly sleeps?: Sleeps;
  readonly fetch?: typeof fetch;
  readonly limiter?: RequestLimiter;
  readonly retry?: Partial<RetryPolicy>;
}

export function graphClientFor(server: GraphServer, options: ClientOptions = {}): GraphClient {
  return createGraphClient({
    fetch: options.fetch ?? fetch,
    baseUrl: server.baseUrl,
    token: (options.tokens ?? tokenSource([server.token])).token,
    sleep: (options.sleeps ?? recordedSleeps()).sleep,
    now: () => Date.now(),
    random: () => 0.5,
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
}
