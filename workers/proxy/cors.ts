/**
 * CORS for the configured app origins only: the allowed Origin is echoed (never `*`), credentials
 * are never allowed (the app sends Authorization itself; the proxy has no cookies to share), and the
 * DAV response headers the app needs are exposed.
 */
import { forwardedRequestHeaders } from './header-policy.ts';
import { allowHeaderValue } from './method-policy.ts';

export const exposedHeaders = [
  'DAV',
  'ETag',
  'Location',
  'Retry-After',
  'Last-Modified',
  'Preference-Applied',
  'Schedule-Tag',
  'Allow',
  'X-Proxy-Error',
  'X-Proxy-Final-Url',
] as const;

export const preflightMaxAgeSeconds = 600;

export function isOriginAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.includes(origin);
}

/** Headers every response to an allowed origin carries. */
export function corsHeaders(origin: string | null, allowedOrigins: readonly string[]): Headers {
  const headers = new Headers({ Vary: 'Origin' });
  if (origin !== null && isOriginAllowed(origin, allowedOrigins)) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', exposedHeaders.join(', '));
  }
  return headers;
}

/** A preflight is an OPTIONS carrying Access-Control-Request-Method; a DAV OPTIONS is not. */
export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

export function preflightHeaders(base: Headers): Headers {
  const headers = new Headers(base);
  headers.set('Access-Control-Allow-Methods', allowHeaderValue);
  headers.set('Access-Control-Allow-Headers', forwardedRequestHeaders.join(', '));
  headers.set('Access-Control-Max-Age', String(preflightMaxAgeSeconds));
  return headers;
}
