/**
 * CORS for the configured app origins only, as the proxy does it (workers/proxy/cors.ts): the allowed
 * Origin echoed, never `*`, never credentials; a request without Origin is refused unless the
 * operator allows it or the browser says it is a same-origin fetch (Sec-Fetch-Site, which a page
 * cannot set, and not a navigation).
 */
import { isOriginAllowed } from '../proxy/cors.ts';

export const preflightMaxAgeSeconds = 600;
export const exposedHeaders = ['X-Mail-Bridge-Error', 'Retry-After', 'Content-Length'] as const;

export function corsHeaders(origin: string | null, allowedOrigins: readonly string[]): Headers {
  const headers = new Headers({ Vary: 'Origin' });
  if (origin !== null && isOriginAllowed(origin, allowedOrigins)) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', exposedHeaders.join(', '));
  }
  return headers;
}

export function preflightHeaders(base: Headers): Headers {
  const headers = new Headers(base);
  headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  headers.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  headers.set('Access-Control-Max-Age', String(preflightMaxAgeSeconds));
  return headers;
}

export function originAllowed(
  request: Request,
  allowedOrigins: readonly string[],
  allowMissing: boolean,
): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return isOriginAllowed(origin, allowedOrigins);
  if (allowMissing) return true;
  return (
    request.headers.get('sec-fetch-site') === 'same-origin' &&
    request.headers.get('sec-fetch-mode') !== 'navigate'
  );
}
