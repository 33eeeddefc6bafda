/**
 * Every request the Graph provider sends (docs/sync-rules.md rules 20, 21 and 47):
 * - `Authorization: Bearer` with a token asked of the page; a 401 asks once more, passing the refused
 *   token, and a second 401 is AppError kind auth (the scheduler stops until the user signs in again);
 * - `Prefer: IdType="ImmutableId"` on every request, merged with the caller's preferences;
 * - at most 4 requests in flight for the mailbox (`request-limiter.ts`);
 * - 429 / 503 wait as Retry-After says when it can be read, else an exponential backoff with jitter,
 *   a bounded number of times, then AppError kind server (retryable, with `retryAfterMs`). Graph does
 *   not list Retry-After in `Access-Control-Expose-Headers`, so a page or a worker calling it
 *   cross-origin cannot read it (microsoftgraph/microsoft-graph-docs-contrib#2011; the CORS row of
 *   tests/servers/graph/README.md): in the browser the backoff is what runs;
 * - a 429 for MailboxConcurrency (another tab or app of ours using the mailbox's slots) is retried
 *   and never surfaced;
 * - a connection that drops before the answer is tried once more for an idempotent request (a kept-alive
 *   connection the server closed as it was reused: RFC 9112 §9.3.1), then AppError kind network; an
 *   answer that is not JSON is a clear server error.
 * Other statuses are answers: the caller decides what a 404, 410 or 412 means.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { createRequestLimiter, type RequestLimiter } from './request-limiter';
import { readRetryAfter } from './retry-after';

export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';

export interface RetryPolicy {
  /** Retries of a throttled (429 / 503) request before giving up. */
  readonly throttledRetries: number;
  /** Retries of a MailboxConcurrency refusal (never surfaced in practice). */
  readonly concurrencyRetries: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** A Retry-After longer than this is not waited for here: the scheduler waits instead. */
  readonly maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  throttledRetries: 4,
  concurrencyRetries: 20,
  backoffBaseMs: 1_000,
  backoffMaxMs: 32_000,
  maxWaitMs: 60_000,
};

export interface GraphClientDeps {
  readonly fetch: typeof fetch;
  /** `https://graph.microsoft.com/v1.0` (no trailing slash). */
  readonly baseUrl: string;
  /** A fresh token; `refused` is the one the server just refused (401). */
  readonly token: (refused?: string) => Promise<string>;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** [0, 1), for the backoff's jitter. */
  readonly random: () => number;
  readonly limiter?: RequestLimiter;
  readonly retry?: Partial<RetryPolicy>;
}

export interface GraphRequest {
  readonly method?: string;
  /** Below the base URL (`/me/calendars`) or an absolute link Graph handed out (nextLink, deltaLink). */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** More `Prefer` values (`odata.maxpagesize=100`); the immutable-id one is always sent. */
  readonly prefer?: readonly string[];
  /** Safe to send again when the connection drops before an answer (default: GET only). */
  readonly idempotent?: boolean;
}

export interface GraphAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body; null when there is none (204). */
  readonly body: unknown;
}

export interface GraphClient {
  readonly baseUrl: string;
  send(request: GraphRequest): Promise<GraphAnswer>;
  readonly retryPolicy: RetryPolicy;
  /** How long to wait before the retry after `attempt` earlier ones (0 = first): Retry-After when
   *  known, else the backoff with jitter. */
  delayFor(attempt: number, retryAfterMs: number | null): number;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** HTTP requests sent so far, retries included. */
  requestCount(): number;
}

/** `{"error":{"code","message"}}` of an answer, or empty strings. */
export function graphErrorOf(answer: GraphAnswer): { code: string; message: string } {
  const error = isRecord(answer.body) ? answer.body['error'] : undefined;
  if (!isRecord(error)) return { code: '', message: '' };
  const code = typeof error['code'] === 'string' ? error['code'] : '';
  const message = typeof error['message'] === 'string' ? error['message'] : '';
  return { code, message };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An answer the caller did not expect, as an AppError naming what was asked. */
export function unexpectedAnswer(answer: GraphAnswer, what: string): AppError {
  const { code, message } = graphErrorOf(answer);
  const retryable = answer.status >= 500;
  return new AppError({
    kind: answer.status === 404 ? ErrorKind.notFound : ErrorKind.server,
    message: `Microsoft 365 answered ${answer.status} to ${what}${code ? ` (${code})` : ''}.`,
    retryable,
    ...(message ? { detail: message } : {}),
  });
}

function isMailboxConcurrency(status: number, body: unknown): boolean {
  if (status !== 429 || !isRecord(body) || !isRecord(body['error'])) return false;
  const message = body['error']['message'];
  return typeof message === 'string' && /MailboxConcurrency/i.test(message);
}

async function readBody(response: Response, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new AppError(
      { kind: ErrorKind.network, message: `The answer to ${what} was cut off.`, retryable: true },
      { cause },
    );
  }
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new AppError(
      {
        kind: ErrorKind.server,
        message: `Microsoft 365 answered ${what} with something that is not JSON (status ${response.status}).`,
        retryable: true,
        detail: text.slice(0, 200),
      },
      { cause },
    );
  }
}

export function createGraphClient(deps: GraphClientDeps): GraphClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
  const limiter = deps.limiter ?? createRequestLimiter();
  let count = 0;
  let token: Promise<string> | null = null;
  let tokenValue: string | null = null;

  const currentToken = (): Promise<string> => {
    token ??= deps.token().then((value) => {
      tokenValue = value;
      return value;
    });
    return token;
  };
  // Concurrent 401s with one token ask the page once.
  const renewToken = (refused: string): Promise<string> => {
    if (tokenValue !== refused && token) return token;
    tokenValue = null;
    token = deps.token(refused).then((value) => {
      tokenValue = value;
      return value;
    });
    return token;
  };

  const backoff = (attempt: number): number => {
    const step = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.min(attempt, 30));
    return Math.round(step / 2 + (step / 2) * deps.random());
  };

  const url = (path: string) => (/^https?:\/\//i.test(path) ? path : `${deps.baseUrl}${path}`);

  async function once(request: GraphRequest, bearer: string): Promise<GraphAnswer> {
    const method = request.method ?? 'GET';
    const what = `${method} ${request.path.replace(/\?.*$/, '')}`;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...request.headers,
      Authorization: `Bearer ${bearer}`,
      Prefer: [IMMUTABLE_ID_PREFERENCE, ...(request.prefer ?? [])].join(', '),
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    return limiter.run(async () => {
      count += 1;
      let response: Response;
      try {
        response = await deps.fetch(url(request.path), {
          method,
          headers,
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        });
      } catch (cause) {
        throw new AppError(
          {
            kind: ErrorKind.network,
            message: `Microsoft 365 could not be reached (${what}).`,
            retryable: true,
          },
          { cause },
        );
      }
      const body = await readBody(response, what);
      return { status: response.status, headers: response.headers, body };
    });
  }

  async function send(request: GraphRequest): Promise<GraphAnswer> {
    let bearer = await currentToken();
    let renewed = false;
    let throttled = 0;
    let concurrency = 0;
    let dropped = false;
    const idempotent = request.idempotent ?? (request.method ?? 'GET') === 'GET';
    for (;;) {
      let answer: GraphAnswer;
      try {
        answer = await once(request, bearer);
      } catch (error) {
        if (dropped || !idempotent || !(error instanceof AppError) || error.kind !== ErrorKind.network)
          throw error;
        dropped = true;
        continue;
      }
      if (answer.status === 401) {
        if (renewed) {
          throw new AppError({
            kind: ErrorKind.auth,
            message: 'Microsoft 365 refused the sign-in: sign in again.',
            retryable: false,
          });
        }
        renewed = true;
        bearer = await renewToken(bearer);
        continue;
      }
      if (answer.status !== 429 && answer.status !== 503) return answer;
      const retryAfterMs = readRetryAfter(answer.headers.get('retry-after'), deps.now());
      if (isMailboxConcurrency(answer.status, answer.body) && concurrency < policy.concurrencyRetries) {
        concurrency += 1;
        await deps.sleep(retryAfterMs ?? backoff(concurrency - 1));
        continue;
      }
      const wait = retryAfterMs ?? backoff(throttled);
      if (throttled >= policy.throttledRetries || wait > policy.maxWaitMs) {
        const { code } = graphErrorOf(answer);
        throw new AppError({
          kind: ErrorKind.server,
          message: `Microsoft 365 is busy (${answer.status}${code ? ` ${code}` : ''}); the sync will try again later.`,
          retryable: true,
          retryAfterMs: wait,
        });
      }
      throttled += 1;
      await deps.sleep(wait);
    }
  }

  return {
    baseUrl: deps.baseUrl,
    send,
    retryPolicy: policy,
    delayFor: (attempt, retryAfterMs) => retryAfterMs ?? backoff(attempt),
    sleep: deps.sleep,
    now: deps.now,
    requestCount: () => count,
  };
}
