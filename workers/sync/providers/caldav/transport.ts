/**
 * Every HTTP request of a calendar's sync goes through here: Basic auth, a request count, automatic
 * retries of idempotent requests only (docs/sync-rules.md rule 16), and the statuses every caller treats the
 * same (401 → auth, 429/503 → server with Retry-After, other 5xx → server, proxy refusals).
 * Everything else comes back to the caller, which checks it (rule 27: never trust "no error").
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { decodeIcalBytes } from '../../../../src/core/ical/decode-ical-bytes';
import {
  readProxyRefusal,
  targetRefusalKinds,
  unreachableRefusalKinds,
} from '../../../../src/core/proxy-refusal';
import { parseRetryAfter } from './retry-after';

export type DavMethod = 'GET' | 'PUT' | 'DELETE' | 'PROPFIND' | 'REPORT';

export interface DavRequest {
  readonly method: DavMethod;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Statuses the caller handles itself (no retry, no error), e.g. 500 for a refused sync token. */
  readonly passStatuses?: readonly number[];
}

export interface DavReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface DavTransport {
  request(request: DavRequest): Promise<DavReply>;
  /** HTTP requests sent so far, retries included. */
  requestCount(): number;
}

export interface TransportDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly username: string;
  readonly password: string;
  /** Attempts for GET / PROPFIND / REPORT (PUT and DELETE are sent once). */
  readonly idempotentAttempts?: number;
}

const IDEMPOTENT: ReadonlySet<DavMethod> = new Set(['GET', 'PROPFIND', 'REPORT']);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of UTF-8 bytes (no btoa: it rejects non-Latin-1 user names). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(triple >> 18) & 63] ?? '';
    out += B64[(triple >> 12) & 63] ?? '';
    out += b === undefined ? '=' : (B64[(triple >> 6) & 63] ?? '');
    out += c === undefined ? '=' : (B64[triple & 63] ?? '');
  }
  return out;
}

function failureFor(reply: DavReply, request: DavRequest, now: number): AppError | null {
  const where = `${request.method} ${request.url}`;
  const proxyRefusal = readProxyRefusal(
    reply.headers.get('x-proxy-error'),
    reply.headers.get('content-type'),
    reply.text,
  );
  if (proxyRefusal !== null && targetRefusalKinds.has(proxyRefusal.kind)) {
    return new AppError({
      kind: ErrorKind.hostNotAllowed,
      message: proxyRefusal.reason || 'The proxy does not allow this server.',
      retryable: false,
      detail: proxyRefusal.kind,
      proxyRefusal,
    });
  }
  if (proxyRefusal !== null && unreachableRefusalKinds.has(proxyRefusal.kind)) {
    // Not "the server reported a problem": it was never reached. Retried as a network failure is.
    return new AppError({
      kind: ErrorKind.network,
      message: proxyRefusal.reason || 'The proxy could not reach the server.',
      retryable: true,
      detail: where,
      proxyRefusal,
    });
  }
  if (reply.status === 401) {
    return new AppError({
      kind: ErrorKind.auth,
      message: 'The server refused the user name or password.',
      retryable: false,
    });
  }
  if (reply.status === 429 || reply.status === 503) {
    return new AppError({
      kind: ErrorKind.server,
      message: `The server is busy (${reply.status}).`,
      retryable: true,
      retryAfterMs: parseRetryAfter(reply.headers.get('retry-after'), now),
      detail: where,
    });
  }
  if (reply.status >= 500) {
    return new AppError({
      kind: ErrorKind.server,
      message: `The server failed (${reply.status}).`,
      retryable: true,
      detail: where,
    });
  }
  return null;
}

export function createTransport(deps: TransportDeps): DavTransport {
  let count = 0;
  const authorization = `Basic ${base64Utf8(`${deps.username}:${deps.password}`)}`;
  const attemptsFor = (method: DavMethod) => (IDEMPOTENT.has(method) ? (deps.idempotentAttempts ?? 3) : 1);

  async function once(request: DavRequest): Promise<DavReply> {
    count += 1;
    const headers: Record<string, string> = { Authorization: authorization, ...request.headers };
    if (request.body !== undefined && headers['Content-Type'] === undefined) {
      headers['Content-Type'] = 'application/xml; charset=utf-8';
    }
    let response: Response;
    let text: string;
    try {
      response = await deps.fetch(request.url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      // The whole body, as bytes: a calendar-data (or a GET's object) may fold a line inside a UTF-8
      // character, which only the bytes can mend. Unfolding every fold of an XML body would not be
      // safe: elsewhere in it a newline and one space may separate attributes, or sit in a
      // displayname, a calendar-description or an error text, and calendar-data's CRs may be written
      // `&#13;`. decodeIcalBytes joins only a fold between an unfinished UTF-8 sequence and a
      // continuation byte: those bytes are invalid UTF-8 wherever they stand, so no other part of a
      // well-formed answer holds them, and ical.js unfolds the rest once the XML is read.
      text = decodeIcalBytes(new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      throw new AppError(
        {
          kind: ErrorKind.network,
          message: 'The server could not be reached.',
          retryable: true,
          detail: `${request.method} ${request.url}`,
        },
        { cause: error },
      );
    }
    return { status: response.status, headers: response.headers, text };
  }

  return {
    requestCount: () => count,
    async request(request) {
      const attempts = attemptsFor(request.method);
      let lastError: AppError | null = null;
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        try {
          const reply = await once(request);
          if (request.passStatuses?.includes(reply.status) === true) return reply;
          const failure = failureFor(reply, request, deps.now());
          if (failure === null) return reply;
          // Busy servers asked us to wait; auth and proxy refusals will not change on a retry.
          if (failure.kind !== ErrorKind.server || failure.retryAfterMs !== undefined) throw failure;
          lastError = failure;
        } catch (error) {
          if (!(error instanceof AppError) || error.kind !== ErrorKind.network) throw error;
          lastError = error;
        }
      }
      throw (
        lastError ??
        new AppError({ kind: ErrorKind.network, message: 'The request failed.', retryable: true })
      );
    },
  };
}
