/**
 * A WebDAV multistatus (RFC 4918 §13, RFC 6578 §6) read into responses. Only the response-level
 * status says a member is gone; a 404 inside a propstat is a missing property (docs/sync-rules.md rule 12).
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { NS, childNamed, childrenNamed, parseXml, textOf, type XmlNode } from './xml';

export interface DavResponse {
  /** The href exactly as sent (not yet normalised). */
  readonly href: string;
  /** Response-level status, or null when the response carries propstats instead. */
  readonly status: number | null;
  /** Properties from propstats with a 2xx status. */
  readonly props: readonly XmlNode[];
}

export interface Multistatus {
  readonly responses: readonly DavResponse[];
  /** The multistatus-level DAV:sync-token (sync-collection reports), as text. */
  readonly syncToken: string | null;
}

/** `HTTP/1.1 404 Not Found` → 404. */
export function statusCode(line: string | null): number | null {
  if (line === null) return null;
  const parts = line.trim().split(/\s+/);
  const code = Number(parts[1]);
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : null;
}

function readResponse(node: XmlNode): DavResponse {
  const props: XmlNode[] = [];
  for (const propstat of childrenNamed(node, NS.dav, 'propstat')) {
    const status = statusCode(textOf(childNamed(propstat, NS.dav, 'status')));
    if (status === null || status < 200 || status > 299) continue;
    for (const prop of childrenNamed(propstat, NS.dav, 'prop')) props.push(...prop.children);
  }
  return {
    href: textOf(childNamed(node, NS.dav, 'href')) ?? '',
    status: statusCode(textOf(childNamed(node, NS.dav, 'status'))),
    props,
  };
}

/** Parses a 207 body; anything but a DAV:multistatus (an HTML page, a login form) is an error. */
export function readMultistatus(text: string): Multistatus {
  const root = parseXml(text);
  if (root.ns !== NS.dav || root.local !== 'multistatus') {
    throw new AppError({
      kind: ErrorKind.server,
      message: `The server answered with <${root.local}> instead of a multistatus.`,
      retryable: true,
    });
  }
  return {
    responses: childrenNamed(root, NS.dav, 'response').map(readResponse),
    syncToken: textOf(childNamed(root, NS.dav, 'sync-token')),
  };
}

/** A property that came back with a 2xx status, or null (absent or 404 in its propstat). */
export function findProp(response: DavResponse, ns: string, local: string): XmlNode | null {
  return response.props.find((prop) => prop.ns === ns && prop.local === local) ?? null;
}

export function propText(response: DavResponse, ns: string, local: string): string | null {
  const prop = findProp(response, ns, local);
  return prop === null ? null : prop.text.trim();
}
