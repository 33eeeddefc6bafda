/**
 * One proxied exchange: check, resolve, send to the checked address, and follow redirects here
 * (at most `maxRedirects`), each Location re-checked by every rule as if the client had asked for
 * it. Following here, rather than handing a 3xx to the browser, keeps a redirect from ever being
 * followed without the checks and lets fetch's default `redirect: 'follow'` work through the proxy.
 * Redirect semantics follow the Fetch standard: 303 (and 301/302 after POST) become GET without a
 * body; Authorization is dropped when the redirect leaves the origin.
 */
import type { ProxyConfig } from './config';
import { isRefusal, refuse, type Refusal } from './refusal.ts';
import { resolveTarget } from './resolve-target.ts';
import { checkTargetUrl, type CheckedTarget, type TargetPolicy } from './target-url.ts';
import { UpstreamFailure, type LookupFn, type UpstreamFetch, type UpstreamResponse } from './upstream.ts';

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

/** `target` is the first request's URL, already checked by checkTargetUrl. */
export async function forward(
  first: OutgoingRequest,
  target: CheckedTarget,
  config: ProxyConfig,
  policy: TargetPolicy,
  deps: ForwardDeps,
): Promise<Forwarded | Refusal> {
  let request = first;
  let checked = target;
  for (let hop = 0; ; hop++) {
    const address = await resolveTarget(checked, deps.lookup);
    if (isRefusal(address)) return hop === 0 ? address : redirectRefusal(address);
    const response = await send(request, address, checked.port, config, deps.upstream);
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
    const nextChecked = checkTargetUrl(next, policy, { text: location, base: request.url });
    if (isRefusal(nextChecked)) return redirectRefusal(nextChecked);
    checked = nextChecked;
    request = redirected(request, response.status, next);
  }
}

/** A redirect's target refused by any rule: the refusal's words and details, with its kind as the cause. */
function redirectRefusal(refusal: Refusal): Refusal {
  return refuse('redirect-not-allowed', `The server redirected to a refused target: ${refusal.reason}`, {
    details: { ...refusal.details, cause: refusal.kind },
  });
}

async function send(
  request: OutgoingRequest,
  target: { address: string; family: 4 | 6 },
  port: number,
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
    const details = { host: request.url.hostname, port };
    if (kind === 'timeout') {
      return refuse(
        'upstream-timeout',
        `${host} did not answer within ${config.upstreamTimeoutMs / 1000} s (ALMANAC_PROXY_TIMEOUT_MS).`,
        { details },
      );
    }
    if (kind === 'too-large') {
      return refuse(
        'response-too-large',
        `The answer from ${host} is larger than ${config.maxResponseBytes} bytes (ALMANAC_PROXY_MAX_RESPONSE_BYTES).`,
        { details },
      );
    }
    return refuse('upstream-unreachable', `${host} could not be reached.`, { details });
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
