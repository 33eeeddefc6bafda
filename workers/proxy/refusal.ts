/**
 * Every refusal the proxy answers: a kind the app can branch on, an HTTP status, plain words and the
 * details the app needs to name the setting to change. The kinds and the JSON shape are the app's and
 * the proxy's one contract, src/core/proxy-refusal.ts. The body is
 * `{ "error": kind, "reason": words, …details }`; the kind is also sent in `X-Proxy-Error` so the app
 * can tell a proxy refusal from a CalDAV server's own 403 or 502.
 */
import { ProxyRefusalKind as RefusalKind, type ProxyRefusalDetails } from '../../src/core/proxy-refusal.ts';

export { RefusalKind };
export type RefusalDetails = ProxyRefusalDetails;

const statusOf: Record<RefusalKind, number> = {
  'not-found': 404,
  'missing-url': 400,
  'invalid-url': 400,
  'scheme-not-allowed': 400,
  'credentials-in-url': 400,
  'port-not-allowed': 403,
  'host-not-allowed': 403,
  'private-address-not-allowed': 403,
  'address-not-allowed': 403,
  'address-spelling-not-allowed': 400,
  'dns-failed': 502,
  'method-not-allowed': 405,
  'origin-not-allowed': 403,
  'body-too-large': 413,
  'rate-limited': 429,
  'redirect-not-allowed': 502,
  'too-many-redirects': 502,
  'response-too-large': 502,
  'upstream-unreachable': 502,
  'upstream-timeout': 504,
  internal: 500,
};

export interface Refusal {
  readonly kind: RefusalKind;
  readonly status: number;
  readonly reason: string;
  readonly details?: RefusalDetails;
  /** Extra response headers (Allow, Retry-After). */
  readonly headers?: Readonly<Record<string, string>>;
}

export function refuse(
  kind: RefusalKind,
  reason: string,
  extra: { details?: RefusalDetails; headers?: Record<string, string> } = {},
): Refusal {
  return {
    kind,
    status: statusOf[kind],
    reason,
    ...(extra.details ? { details: extra.details } : {}),
    ...(extra.headers ? { headers: extra.headers } : {}),
  };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'kind' in value && 'reason' in value;
}

export function refusalResponse(refusal: Refusal, extraHeaders: Headers): Response {
  const headers = new Headers(extraHeaders);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Proxy-Error', refusal.kind);
  for (const [name, value] of Object.entries(refusal.headers ?? {})) headers.set(name, value);
  const body = JSON.stringify({ error: refusal.kind, reason: refusal.reason, ...refusal.details });
  return new Response(body, { status: refusal.status, headers });
}
