/**
 * Tells discovery's failures apart (issue 3): wrong password, app password needed, server not found,
 * not a CalDAV server, host refused by the proxy. Pure: it reads one observed HTTP answer. Details
 * name the host and status only — never the user name, the password or the body.
 */
import { AppError, ErrorKind } from '../errors';

/** What discovery keeps of an HTTP answer to explain a failure. */
export interface ObservedReply {
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly wwwAuthenticate: string | null;
  /** `X-Proxy-Error`, or the `error` of the proxy's refusal JSON (workers/proxy/README.md). */
  readonly proxyError: string | null;
  /** The start of the body, for app-password hints and the proxy's JSON. */
  readonly bodyStart: string;
}

const HOST_REFUSALS = new Set([
  'host-not-allowed',
  'address-not-allowed',
  'port-not-allowed',
  'redirect-not-allowed',
]);
const UNREACHABLE = new Set(['dns-failed', 'upstream-unreachable']);
const PROXY_KINDS = new Set([
  ...HOST_REFUSALS,
  ...UNREACHABLE,
  'missing-url',
  'invalid-url',
  'scheme-not-allowed',
  'credentials-in-url',
  'method-not-allowed',
  'origin-not-allowed',
  'body-too-large',
  'rate-limited',
  'too-many-redirects',
  'response-too-large',
  'upstream-timeout',
  'internal',
]);

/** Servers say it in their challenge or their error page: iCloud, Fastmail, Infomaniak with 2FA. */
const APP_PASSWORD_HINT = /app(?:lication)?[\s_-]*(?:specific[\s_-]*)?password|two[\s-]*(?:factor|step)|2fa/i;

/** The proxy's refusal kind from its header or its JSON body (`{"error": kind, "reason": …}`). */
export function proxyRefusal(header: string | null, contentType: string | null, body: string): string | null {
  if (header !== null && header !== '') return header;
  if (contentType === null || !contentType.toLowerCase().includes('json')) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || !('error' in parsed) || !('reason' in parsed))
      return null;
    const kind = parsed.error;
    return typeof kind === 'string' && PROXY_KINDS.has(kind) ? kind : null;
  } catch {
    return null;
  }
}

function where(reply: ObservedReply): string {
  let host = reply.url;
  try {
    host = new URL(reply.url).host;
  } catch {
    // keep what we have: it came from our own request
  }
  return `${host}: HTTP ${reply.status}`;
}

function error(kind: AppError['kind'], message: string, detail: string, retryable = false): AppError {
  return new AppError({ kind, message, retryable, detail });
}

function fromProxy(kind: string, reply: ObservedReply): AppError {
  const detail = `proxy: ${kind}`;
  if (HOST_REFUSALS.has(kind)) {
    return error(ErrorKind.hostNotAllowed, 'The proxy is not allowed to reach this server.', detail);
  }
  if (UNREACHABLE.has(kind))
    return error(ErrorKind.serverNotFound, 'No server answers at this address.', detail);
  if (kind === 'upstream-timeout' || kind === 'rate-limited') {
    return error(ErrorKind.network, 'The server did not answer in time.', detail, true);
  }
  if (kind === 'too-many-redirects')
    return error(ErrorKind.notCalDav, 'The server keeps redirecting.', detail);
  if (kind === 'invalid-url' || kind === 'scheme-not-allowed' || kind === 'credentials-in-url') {
    return error(ErrorKind.invalidInput, 'The server URL cannot be used.', detail);
  }
  return error(ErrorKind.server, `The proxy refused the request (${reply.status}).`, detail);
}

function hintsAppPassword(reply: ObservedReply): boolean {
  return APP_PASSWORD_HINT.test(reply.wwwAuthenticate ?? '') || APP_PASSWORD_HINT.test(reply.bodyStart);
}

/**
 * An answer that ends discovery whatever tsdav would do next: a proxy refusal, a refused sign-in,
 * a server error. Null for answers discovery may step past (a missing well-known, a 404 to retry).
 */
export function decisiveFailure(
  reply: ObservedReply,
  options: { requiresAppPassword: boolean },
): AppError | null {
  if (reply.proxyError !== null) return fromProxy(reply.proxyError, reply);
  const detail = where(reply);
  if (reply.status === 401 || reply.status === 403) {
    if (options.requiresAppPassword || hintsAppPassword(reply)) {
      return error(ErrorKind.appPasswordNeeded, 'The server wants an app password.', detail);
    }
    if (reply.status === 401) return error(ErrorKind.auth, 'Wrong username or password.', detail);
    return error(ErrorKind.auth, 'The server refused access with this username and password.', detail);
  }
  if (reply.status === 429 || reply.status >= 500) {
    return error(ErrorKind.server, `The server reported a problem (${reply.status}).`, detail, true);
  }
  return null;
}

/** Discovery found no principal, calendar home or calendars: what the last answer says about why. */
export function notCalDavFailure(reply: ObservedReply | null, step: string): AppError {
  const detail = reply ? `${where(reply)} (${step})` : step;
  return error(ErrorKind.notCalDav, 'This address does not offer CalDAV calendars.', detail);
}

/** The request never got an answer (DNS, refused connection, TLS). */
export function unreachableFailure(url: string): AppError {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  return error(ErrorKind.serverNotFound, 'No server answers at this address.', host);
}
