/**
 * One proxied exchange: check, resolve, send to the checked address, and follow redirects here
 * (at most `maxRedirects`), each Location re-checked by every rule as if the client had asked for
 * it. Following here, rather than handing a 3xx to the browser, keeps a redirect from ever being
 * followed without the checks and lets fetch's default `redirect: 'follow'` work through the proxy.
 * Redirect semantics follow the Fetch standard: 303 (and 301/302 after POST) become GET without a
 * body; Authorization is dropped when the redirect leaves the origin.
 */
import type { ProxyConfig } from './config';
import { isRefusal, refuse, type Refusal } from './refusal';
import { resolveTarget } from './resolve-target';
import { checkTargetUrl } from './target-url';
import { UpstreamFailure, type LookupFn, type UpstreamFetch, type UpstreamResponse } from './upstream';

export interface ForwardDeps {
  readonly lookup: LookupFn;
  readonly upstream: UpstreamFetch;
}

export interface OutgoingRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: Uint8Array | null;
}

export interface Forwarded {
  readonly response: UpstreamResponse;
  /** The URL that produced the response (differs from the request's after a redirect). */
  readonly url: URL;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export async function forward(
  first: OutgoingRequest,
  config: ProxyConfig,
  deps: ForwardDeps,
): Promise<Forwarded | Refusal> {
  let request = first;
  for (let hop = 0; ; hop++) {
    const checked = await checkAndResolve(request.url, config, deps, hop > 0);
    if (isRefusal(checked)) return checked;
    const response = await send(request, checked, config, deps.upstream);
    if (isRefusal(response)) return response;
    const location = response.headers.get('location');
    if (!redirectStatuses.has(response.status) || location === null) return { response, url: request.url };
    if (hop >= config.maxRedirects) {
      return refuse('too-many-redirects', `The server redirected more than ${config.maxRedirects} times.`);
    }
    let next: URL;
    try {
      next = new URL(location, request.url);
    } catch {
      return refuse('redirect-not-allowed', 'The server redirected to an invalid URL.');
    }
    request = redirected(request, response.status, next);
  }
}

async function checkAndResolve(url: URL, config: ProxyConfig, deps: ForwardDeps, isRedirect: boolean) {
  const refusal = checkTargetUrl(url, config);
  const resolved = refusal ?? (await resolveTarget(url, config, deps.lookup));
  if (!isRedirect || !isRefusal(resolved)) return resolved;
  return refuse('redirect-not-allowed', `The server redirected to a refused target: ${resolved.reason}`);
}

async function send(
  request: OutgoingRequest,
  target: { address: string; family: 4 | 6 },
  config: ProxyConfig,
  upstream: UpstreamFetch,
): Promise<UpstreamResponse | Refusal> {
  try {
    return await upstream({
      ...request,
      address: target.address,
      family: target.family,
      timeoutMs: config.upstreamTimeoutMs,
      maxResponseBytes: config.maxResponseBytes,
    });
  } catch (error) {
    const kind = error instanceof UpstreamFailure ? error.kind : 'unreachable';
    const host = request.url.host;
    if (kind === 'timeout') {
      return refuse(
        'upstream-timeout',
        `${host} did not answer within ${config.upstreamTimeoutMs / 1000} s.`,
      );
    }
    if (kind === 'too-large') {
      return refuse(
        'response-too-large',
        `The answer from ${host} is larger than ${config.maxResponseBytes} bytes.`,
      );
    }
    return refuse('upstream-unreachable', `${host} could not be reached.`);
  }
}

function redirected(request: OutgoingRequest, status: number, next: URL): OutgoingRequest {
  const headers = new Headers(request.headers);
  if (next.origin !== request.url.origin) headers.delete('authorization');
  const toGet =
    (status === 303 && request.method !== 'HEAD') ||
    ((status === 301 || status === 302) && request.method === 'POST');
  if (!toGet) return { ...request, url: next, headers };
  headers.delete('content-type');
  return { url: next, method: 'GET', headers, body: null };
}
