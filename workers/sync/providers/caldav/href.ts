/**
 * Hrefs are compared after normalising (docs/sync-rules.md rule 13; tsdav compares by substring, rule 30):
 * absolute against the collection URL, percent-encoding made canonical per path segment
 * (`%7e` → `~`, `@` and `%40` alike, lower/upper-case escapes alike), no fragment.
 */

/** Characters a path segment may hold unescaped (RFC 3986 pchar minus pct-encoded). */
const SEGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;

function canonicalSegment(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Not valid percent-encoding: keep it, only upper-casing escapes so equal spellings compare equal.
    return segment.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  }
  let out = '';
  for (const char of decoded) {
    out += SEGMENT_SAFE.test(char) ? char : encodeURIComponent(char);
  }
  return out;
}

/** The canonical absolute form of `href` (absolute or path) relative to `base`. */
export function normaliseHref(href: string, base: string): string {
  const url = new URL(href.trim(), base);
  url.hash = '';
  const path = url.pathname.split('/').map(canonicalSegment).join('/');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

/** The same URL with a trailing slash, the form collection URLs are compared in. */
export function collectionKey(url: string, base: string = url): string {
  const normal = normaliseHref(url, base);
  return normal.endsWith('/') ? normal : `${normal}/`;
}

/** The path (and query) of an absolute href, as sent inside request bodies. */
export function hrefPath(href: string): string {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
}

/**
 * The resource name for a new object: derived from the UID so a retried create lands on the same
 * href (If-None-Match then tells us it already arrived); UIDs with unsafe characters are hashed.
 */
export function objectHrefFor(collectionUrl: string, uid: string, hash: (text: string) => string): string {
  const base = collectionKey(collectionUrl);
  const name = /^[A-Za-z0-9@._-]{1,120}$/.test(uid) && !uid.startsWith('.') ? uid : hash(uid);
  return normaliseHref(`${encodeURIComponent(name)}.ics`, base);
}
