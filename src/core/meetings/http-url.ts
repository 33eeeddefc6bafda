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

/** An http(s) link found in free text: where it sits in the text and the URL it parses to. */
export interface LinkInText {
  readonly index: number;
  /** The characters of the text that make the link (trailing sentence punctuation left out). */
  readonly text: string;
  readonly url: URL;
}

// Up to the first space, quote or angle bracket; trailing punctuation of the sentence is cut after.
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * The http(s) links written in plain text, in order: what a meeting link is looked for in, and what
 * the event details card makes clickable. Only what the URL parser accepts as http(s) counts.
 */
export function linksInText(text: string): LinkInText[] {
  const links: LinkInText[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const written = match[0].replace(TRAILING, '');
    const url = httpUrl(written);
    if (url) links.push({ index: match.index, text: written, url });
  }
  return links;
}
