/**
 * The proxy as a plain fetch-style handler: `Request` in, `Response` out, no state but the rate
 * limiter's buckets, and the outside world (DNS, the upstream connection, the clock, the log)
 * injected. It runs inside node-server.ts and could run on an edge runtime given a `lookup` and an
 * `upstream` that connects to the checked address.
 *
 *   GET /health, /proxy/health  → 200 {"ok":true}
 *   OPTIONS /proxy (preflight)  → 204 with the CORS allowlists
 *   <DAV method> /proxy?url=…   → the server's answer, filtered both ways
 */
import type { ProxyConfig } from './config';
import { corsHeaders, isOriginAllowed, isPreflight, preflightHeaders } from './cors.ts';
import { forward, type Forwarded } from './forward.ts';
import { clientResponseHeaders, upstreamRequestHeaders } from './header-policy.ts';
import type { ProxyLogger } from './logger';
import { allowHeaderValue, isForwardedMethod, methodHasBody } from './method-policy.ts';
import { parseAllowlist } from './host-allowlist.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { readLimitedBody } from './body-limit.ts';
import { isRefusal, refuse, refusalResponse, type Refusal } from './refusal.ts';
import { checkTargetUrl, parseTargetUrl, type TargetPolicy } from './target-url.ts';
import type { LookupFn, UpstreamFetch } from './upstream';

export interface ProxyDeps {
  readonly lookup: LookupFn;
  readonly upstream: UpstreamFetch;
  /** Milliseconds since the epoch; drives the rate limiter and the logged duration. */
  readonly now: () => number;
  readonly logger: ProxyLogger;
}

/** What the server around the handler knows about the connection. */
export interface ClientInfo {
  readonly clientIp?: string;
}

export type ProxyHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

export const proxyPath = '/proxy';

/** Throws when an `allowedHosts` entry is not one (env-config.ts checks them first for the CLI). */
export function createProxyHandler(config: ProxyConfig, deps: ProxyDeps): ProxyHandler {
  const limiter = createRateLimiter(config.rateLimit, deps.now);
  const policy: TargetPolicy = {
    allowlist: parseAllowlist(config.allowedHosts, 'allowedHosts'),
    allowPrivate: config.allowPrivate,
  };

  return async (request, client) => {
    const started = deps.now();
    const origin = request.headers.get('origin');
    const cors = corsHeaders(origin, config.allowedOrigins);
    const clientIp = client?.clientIp ?? 'unknown';
    const log: Record<string, string | number | boolean> = { client: clientIp, method: request.method };
    let response: Response;
    try {
      const outcome = await handle(request, origin, clientIp, log);
      response = isRefusal(outcome) ? refusalResponse(outcome, cors) : outcome;
      if (isRefusal(outcome)) log.refusal = outcome.kind;
    } catch {
      response = refusalResponse(refuse('internal', 'The proxy failed unexpectedly.'), cors);
      log.refusal = 'internal';
    }
    log.status = response.status;
    log.ms = deps.now() - started;
    if (response.status >= 400) deps.logger.warn('proxy', log);
    else deps.logger.info('proxy', log);
    return response;
  };

  /**
   * Browsers send no Origin on a same-origin GET (the app's feed subscriptions, served with the proxy
   * on its own origin). Sec-Fetch-* cannot be set by a page: `same-origin` from a fetch (not a
   * navigation, so a link to /proxy?url=… still loads nothing) stands for the app's own origin.
   */
  function missingOriginAllowed(request: Request): boolean {
    if (config.allowMissingOrigin) return true;
    return (
      request.headers.get('sec-fetch-site') === 'same-origin' &&
      request.headers.get('sec-fetch-mode') !== 'navigate' &&
      request.headers.get('sec-fetch-mode') !== null
    );
  }

  async function handle(
    request: Request,
    origin: string | null,
    clientIp: string,
    log: Record<string, string | number | boolean>,
  ): Promise<Response | Refusal> {
    const { pathname, searchParams } = new URL(request.url);
    // `/health` where the proxy stands alone, `/proxy/health` beside the app (npm start, preview).
    if ((pathname === '/health' || pathname === `${proxyPath}/health`) && request.method === 'GET') {
      return Response.json({ ok: true }, { headers: corsHeaders(origin, config.allowedOrigins) });
    }
    if (pathname !== proxyPath) return refuse('not-found', `Only ${proxyPath}?url=… is served here.`);

    const rate = limiter.take(clientIp);
    if (!rate.allowed) {
      return refuse('rate-limited', `Too many requests; try again in ${rate.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(rate.retryAfterSeconds) },
      });
    }
    if (origin === null ? !missingOriginAllowed(request) : !isOriginAllowed(origin, config.allowedOrigins)) {
      return refuse(
        'origin-not-allowed',
        origin === null
          ? 'A request without Origin may not use this proxy.'
          : `The origin ${origin} may not use this proxy: add it to ALMANAC_PROXY_ORIGINS.`,
        origin === null ? {} : { details: { origin } },
      );
    }
    if (isPreflight(request)) return preflight(request);
    if (!isForwardedMethod(request.method)) {
      return refuse('method-not-allowed', `The method ${request.method} is not forwarded.`, {
        headers: { Allow: allowHeaderValue },
      });
    }

    const urls = searchParams.getAll('url');
    const [raw] = urls;
    if (raw === undefined || raw === '')
      return refuse('missing-url', 'Add the target as /proxy?url=<absolute URL>.');
    if (urls.length > 1) return refuse('invalid-url', 'Give exactly one url parameter.');
    const url = parseTargetUrl(raw);
    if (isRefusal(url)) return url;
    log.host = url.host;
    log.path = url.pathname;
    const target = checkTargetUrl(url, policy, { text: raw });
    if (isRefusal(target)) return target;

    const body = methodHasBody(request.method)
      ? await readLimitedBody(request, config.maxRequestBytes)
      : null;
    if (body && !body.ok) {
      return refuse(
        'body-too-large',
        `The request body is larger than ${config.maxRequestBytes} bytes (ALMANAC_PROXY_MAX_REQUEST_BYTES).`,
      );
    }
    const outgoing = {
      url,
      method: request.method.toUpperCase(),
      headers: upstreamRequestHeaders(request.headers, config.userAgent),
      body: body?.bytes ?? null,
    };
    const forwarded = await forward(outgoing, target, config, policy, deps);
    if (isRefusal(forwarded)) return forwarded;
    if (forwarded.response.status < 200 || forwarded.response.status > 599) {
      return refuse('upstream-unreachable', `${url.host} answered with an invalid status.`);
    }
    return clientResponse(forwarded, url, outgoing.method, origin);
  }

  function preflight(request: Request): Response | Refusal {
    const wanted = request.headers.get('access-control-request-method') ?? '';
    if (!isForwardedMethod(wanted)) {
      return refuse('method-not-allowed', `The method ${wanted} is not forwarded.`, {
        headers: { Allow: allowHeaderValue },
      });
    }
    const headers = preflightHeaders(corsHeaders(request.headers.get('origin'), config.allowedOrigins));
    return new Response(null, { status: 204, headers });
  }

  function clientResponse(
    forwarded: Forwarded,
    requested: URL,
    method: string,
    origin: string | null,
  ): Response {
    const { response, url } = forwarded;
    const headers = clientResponseHeaders(response.headers, url);
    corsHeaders(origin, config.allowedOrigins).forEach((value, name) => {
      headers.set(name, value);
    });
    if (url.href !== requested.href) headers.set('X-Proxy-Final-Url', url.href);
    // The proxied body is the server's, served from the proxy's origin: never let it run as a page.
    headers.set('Content-Security-Policy', "sandbox; default-src 'none'");
    headers.set('X-Content-Type-Options', 'nosniff');
    const noBody = method === 'HEAD' || [101, 204, 205, 304].includes(response.status);
    return new Response(noBody ? null : response.body, { status: response.status, headers });
  }
}
