/**
 * Reads a WebDAV multistatus the way tests need it: per response, its href, its response-level status
 * and the text of each property that came back 200. Namespace prefixes are ignored (servers choose
 * their own); property names are local names. Not a general XML parser: enough for the bodies that
 * Radicale and Xandikos send.
 */
export interface DavResponse {
  readonly href: string;
  /** Response-level status code (e.g. 404 for a member removed since the sync token), or null. */
  readonly status: number | null;
  /** Local property name → text content, for properties in a 200 propstat. */
  readonly props: ReadonlyMap<string, string>;
}

export interface Multistatus {
  readonly responses: DavResponse[];
  readonly syncToken: string | null;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(text);
  if (cdata) return cdata[1] ?? '';
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function elements(xml: string, localName: string): string[] {
  const pattern = new RegExp(
    `<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}\\s*>)`,
    'g',
  );
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

function statusCode(text: string | undefined): number | null {
  const match = text === undefined ? null : /HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function ownStatus(response: string): number | null {
  // The response-level <status> is the one outside every <propstat>.
  const outside = response.replace(/<(?:[\w.-]+:)?propstat[\s>][\s\S]*?<\/(?:[\w.-]+:)?propstat\s*>/g, '');
  return statusCode(elements(outside, 'status')[0]);
}

function props(response: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const propstat of elements(response, 'propstat')) {
    if (statusCode(elements(propstat, 'status')[0]) !== 200) continue;
    const prop = elements(propstat, 'prop')[0] ?? '';
    for (const match of prop.matchAll(
      /<(?:[\w.-]+:)?([\w.-]+)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?\1\s*>)/g,
    )) {
      const name = match[1];
      if (name !== undefined) found.set(name, decodeXmlText(match[2] ?? '').trim());
    }
  }
  return found;
}

export function parseMultistatus(xml: string): Multistatus {
  const responses = elements(xml, 'response').map((response) => ({
    href: decodeXmlText(elements(response, 'href')[0] ?? '').trim(),
    status: ownStatus(response),
    props: props(response),
  }));
  const withoutResponses = xml.replace(
    /<(?:[\w.-]+:)?response[\s>][\s\S]*?<\/(?:[\w.-]+:)?response\s*>/g,
    '',
  );
  const token = elements(withoutResponses, 'sync-token')[0];
  return { responses, syncToken: token === undefined ? null : decodeXmlText(token).trim() };
}
