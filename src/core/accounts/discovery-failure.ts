/**
 * Tells discovery's failures apart (issue 3): wrong password, app password needed, server not found,
 * not a CalDAV server, target refused by the proxy (the refusal travels with the error, so the words
 * name the setting to change). Pure: it reads one observed HTTP answer. Details name the host and
 * status only — never the user name, the password or the body.
 */
import { AppError, ErrorKind } from '../errors';
import { ProxyRefusalKind, targetRefusalKinds, type ProxyRefusal } from '../proxy-refusal';

/** What discovery keeps of an HTTP answer to explain a failure. */
export interface ObservedReply {
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly wwwAuthenticate: string | null;
  /** The proxy's refusal, from `X-Proxy-Error` and its JSON (src/core/proxy-refusal.ts `readProxyRefusal`). */
  readonly proxyRefusal: ProxyRefusal | null;
  /** The start of the body, for app-password hints and the proxy's JSON. */
  readonly bodyStart: string;
}

/** Servers say it in their challenge or their error page: iCloud, Fastmail, Infomaniak with 2FA. */
const APP_PASSWORD_HINT = /app(?:lication)?[\s_-]*(?:specific[\s_-]*)?password|two[\s-]*(?:factor|step)|2fa/i;

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

/** The refusal's kind for the AppError; its words, host, port and entry travel with it for the UI. */
function fromProxy(refusal: ProxyRefusal, reply: ObservedReply): AppError {
  const { kind } = refusal;
  const detail = `proxy: ${kind}`;
  const make = (errorKind: AppError['kind'], message: string, retryable = false) =>
    new AppError({
      kind: errorKind,
      message: refusal.reason || message,
      retryable,
      detail,
      proxyRefusal: refusal,
    });
  if (targetRefusalKinds.has(kind))
    return make(ErrorKind.hostNotAllowed, 'The proxy is not allowed to reach this server.');
  if (kind === ProxyRefusalKind.dnsFailed || kind === ProxyRefusalKind.upstreamUnreachable) {
    return make(ErrorKind.serverNotFound, 'No server answers at this address.');
  }
  if (kind === ProxyRefusalKind.upstreamTimeout || kind === ProxyRefusalKind.rateLimited) {
    return make(ErrorKind.network, 'The server did not answer in time.', true);
  }
  if (kind === ProxyRefusalKind.tooManyRedirects)
    return make(ErrorKind.notCalDav, 'The server keeps redirecting.');
  if (
    kind === ProxyRefusalKind.invalidUrl ||
    kind === ProxyRefusalKind.schemeNotAllowed ||
    kind === ProxyRefusalKind.credentialsInUrl
  ) {
    return make(ErrorKind.invalidInput, 'The server URL cannot be used.');
  }
  return make(ErrorKind.server, `The proxy refused the request (${reply.status}).`);
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
  if (reply.proxyRefusal !== null) return fromProxy(reply.proxyRefusal, reply);
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
