/**
 * Allowlists of headers, both ways. Anything not listed is dropped: cookies, hop-by-hop headers,
 * X-Forwarded-*, the browser's Origin and Referer, the server's Set-Cookie. WWW-Authenticate is
 * dropped too: a `Basic` challenge reaching the browser opens its login dialog over the app.
 */
export const forwardedRequestHeaders = [
  'accept',
  'accept-language',
  'authorization',
  'brief',
  'content-type',
  'depth',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-schedule-tag-match',
  'prefer',
] as const;

export const returnedResponseHeaders = [
  'allow',
  'content-language',
  'content-type',
  'dav',
  'etag',
  'last-modified',
  'location',
  'preference-applied',
  'retry-after',
  'schedule-tag',
] as const;

const requestSet = new Set<string>(forwardedRequestHeaders);
const responseSet = new Set<string>(returnedResponseHeaders);

/** The headers sent upstream: the allowed ones from the client plus our own User-Agent. */
export function upstreamRequestHeaders(incoming: Headers, userAgent: string): Headers {
  const out = new Headers();
  incoming.forEach((value, name) => {
    if (requestSet.has(name)) out.set(name, value);
  });
  out.set('user-agent', userAgent);
  return out;
}

/**
 * The headers returned to the client. Location is made absolute against the URL that produced
 * it, so the app always holds server URLs (which it wraps in proxy URLs itself).
 */
export function clientResponseHeaders(upstream: Headers, upstreamUrl: URL): Headers {
  const out = new Headers();
  upstream.forEach((value, name) => {
    if (!responseSet.has(name)) return;
    if (name === 'location') {
      const absolute = absoluteLocation(value, upstreamUrl);
      if (absolute) out.set(name, absolute);
      return;
    }
    out.set(name, value);
  });
  return out;
}

function absoluteLocation(value: string, base: URL): string | null {
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}
