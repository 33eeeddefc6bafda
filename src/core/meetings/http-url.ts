/**
 * The http(s) URL a text is, or null: what may become a "Join" link. Parsed by the WHATWG URL parser
 * (no URL.canParse: Safari has it only since 17). Kept apart from meeting-link.ts so the page can check
 * a link without loading ical.js.
 */
export function httpUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}
