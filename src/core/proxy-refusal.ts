/**
 * The refusals of the app's CORS proxy (workers/proxy): the one list of kinds that the proxy, the page
 * and the sync worker all import, and the JSON answer they share. A refusal is
 * `{ "error": kind, "reason": words, …details }` with the kind also in `X-Proxy-Error`, so the app
 * tells a proxy refusal from a CalDAV server's own 403 or 502. The details carry what the app needs to
 * name the exact setting to change (src/lib/proxy-refusal-words.ts).
 */
export const ProxyRefusalKind = {
  notFound: 'not-found',
  missingUrl: 'missing-url',
  invalidUrl: 'invalid-url',
  schemeNotAllowed: 'scheme-not-allowed',
  credentialsInUrl: 'credentials-in-url',
  /** The host is on the allowlist, but not with this port. */
  portNotAllowed: 'port-not-allowed',
  /** The host is not on the allowlist. */
  hostNotAllowed: 'host-not-allowed',
  /** A loopback or private address the operator has not opened for this `host:port`. */
  privateAddressNotAllowed: 'private-address-not-allowed',
  /** An address no setting opens: metadata, unspecified, link-local, multicast, reserved. */
  addressNotAllowed: 'address-not-allowed',
  /** An IP address written in another form than its usual one (`127.1`, `0x7f000001`, `[::ffff:…]`). */
  addressSpellingNotAllowed: 'address-spelling-not-allowed',
  dnsFailed: 'dns-failed',
  methodNotAllowed: 'method-not-allowed',
  originNotAllowed: 'origin-not-allowed',
  bodyTooLarge: 'body-too-large',
  rateLimited: 'rate-limited',
  redirectNotAllowed: 'redirect-not-allowed',
  tooManyRedirects: 'too-many-redirects',
  responseTooLarge: 'response-too-large',
  upstreamUnreachable: 'upstream-unreachable',
  upstreamTimeout: 'upstream-timeout',
  internal: 'internal',
} as const;
export type ProxyRefusalKind = (typeof ProxyRefusalKind)[keyof typeof ProxyRefusalKind];

const kinds: ReadonlySet<string> = new Set(Object.values(ProxyRefusalKind));

export function isProxyRefusalKind(value: unknown): value is ProxyRefusalKind {
  return typeof value === 'string' && kinds.has(value);
}

/** Refusals of where the request goes (the operator's allowlist and address rules), redirects included. */
export const targetRefusalKinds: ReadonlySet<ProxyRefusalKind> = new Set([
  ProxyRefusalKind.hostNotAllowed,
  ProxyRefusalKind.portNotAllowed,
  ProxyRefusalKind.privateAddressNotAllowed,
  ProxyRefusalKind.addressNotAllowed,
  ProxyRefusalKind.addressSpellingNotAllowed,
  ProxyRefusalKind.redirectNotAllowed,
]);

/** The proxy could not reach the target: a network failure one hop further, worth retrying. */
export const unreachableRefusalKinds: ReadonlySet<ProxyRefusalKind> = new Set([
  ProxyRefusalKind.dnsFailed,
  ProxyRefusalKind.upstreamUnreachable,
]);

/** What a refusal says beyond its kind; each field only where it applies. */
export interface ProxyRefusalDetails {
  /** The refused target's host as its URL gives it (an IPv6 address in brackets). */
  readonly host?: string;
  /** The refused target's port (the scheme's default when the URL gives none). */
  readonly port?: number;
  /** The `ALMANAC_PROXY_ALLOWED_HOSTS` entry that would let this target through. */
  readonly entry?: string;
  /** The address the refusal is about: the one the host resolved to, or a literal's usual spelling. */
  readonly address?: string;
  /** For `redirect-not-allowed`: why the redirect's target was refused. */
  readonly cause?: ProxyRefusalKind;
  /** For `origin-not-allowed`: the refused Origin. */
  readonly origin?: string;
}

export interface ProxyRefusal extends ProxyRefusalDetails {
  readonly kind: ProxyRefusalKind;
  /** The proxy's plain English words (empty when only the header was seen). */
  readonly reason: string;
}

const maxText = 300;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= maxText ? value : undefined;
}

function port(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 65_535
    ? value
    : undefined;
}

/** The valid details of a parsed JSON body; anything else in it is dropped. */
function details(body: Readonly<Record<string, unknown>>): ProxyRefusalDetails {
  const found: { -readonly [K in keyof ProxyRefusalDetails]: ProxyRefusalDetails[K] } = {};
  const host = text(body['host']);
  const entry = text(body['entry']);
  const address = text(body['address']);
  const origin = text(body['origin']);
  const portValue = port(body['port']);
  const cause = body['cause'];
  if (host !== undefined) found.host = host;
  if (portValue !== undefined) found.port = portValue;
  if (entry !== undefined) found.entry = entry;
  if (address !== undefined) found.address = address;
  if (isProxyRefusalKind(cause)) found.cause = cause;
  if (origin !== undefined) found.origin = origin;
  return found;
}

function parseBody(contentType: string | null, body: string): Readonly<Record<string, unknown>> | null {
  if (contentType === null || !contentType.toLowerCase().includes('json')) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Readonly<Record<string, unknown>>)
      : null;
  } catch {
    return null;
  }
}

/**
 * The proxy's refusal in an answer, from its `X-Proxy-Error` header and its JSON body, or null when
 * the answer is not one (a server's own error, even a JSON one with an `error` field, or an unknown
 * kind). A header without a readable body (a HEAD) still gives the kind.
 */
export function readProxyRefusal(
  header: string | null,
  contentType: string | null,
  body: string,
): ProxyRefusal | null {
  const json = parseBody(contentType, body);
  const bodyKind = json?.['error'];
  const reason = text(json?.['reason']);
  const fromBody = isProxyRefusalKind(bodyKind) && reason !== undefined;
  const kind = header !== null && header !== '' ? header : fromBody ? bodyKind : null;
  if (!isProxyRefusalKind(kind)) return null;
  if (!fromBody || json === null || bodyKind !== kind) return { kind, reason: '' };
  return { kind, reason, ...details(json) };
}
