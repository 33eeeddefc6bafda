/**
 * XML read with a real parser (xml-js, the one tsdav itself bundles, so it adds nothing to the app)
 * into a small namespace-resolved tree. We do not use tsdav's own parsing: it turns numeric-looking
 * text into numbers (sync tokens, ctags: SYNC-RULES rule 30) and drops namespaces.
 */
import { xml2js, type Element } from 'xml-js';
import { AppError, ErrorKind } from '../../../src/core/errors';

export const NS = {
  dav: 'DAV:',
  caldav: 'urn:ietf:params:xml:ns:caldav',
  calendarServer: 'http://calendarserver.org/ns/',
} as const;

export interface XmlNode {
  readonly ns: string;
  readonly local: string;
  readonly children: readonly XmlNode[];
  /** Concatenated text and CDATA directly inside this element. */
  readonly text: string;
}

type Scope = ReadonlyMap<string, string>;

function scopeOf(element: Element, parent: Scope): Scope {
  const attributes = element.attributes ?? {};
  let scope: Map<string, string> | null = null;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice('xmlns:'.length), String(value ?? ''));
  }
  return scope ?? parent;
}

function toNode(element: Element, parentScope: Scope): XmlNode {
  const scope = scopeOf(element, parentScope);
  const name = element.name ?? '';
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const children: XmlNode[] = [];
  let text = '';
  for (const child of element.elements ?? []) {
    if (child.type === 'element') children.push(toNode(child, scope));
    else if (child.type === 'text') text += String(child.text ?? '');
    else if (child.type === 'cdata') text += child.cdata ?? '';
  }
  return { ns: scope.get(prefix) ?? '', local: colon === -1 ? name : name.slice(colon + 1), children, text };
}

/** Parses a document and returns its root element; throws AppError 'server' when it is not XML. */
export function parseXml(text: string): XmlNode {
  let document: Element;
  try {
    // nativeType stays off: every value is kept as the exact text the server sent.
    document = xml2js(text, { compact: false, nativeType: false, trim: false }) as Element;
  } catch (error) {
    throw new AppError(
      { kind: ErrorKind.server, message: 'The server sent XML that cannot be read.', retryable: true },
      { cause: error },
    );
  }
  const root = (document.elements ?? []).find((element) => element.type === 'element');
  if (!root) {
    throw new AppError({
      kind: ErrorKind.server,
      message: 'The server sent an empty XML answer.',
      retryable: true,
    });
  }
  return toNode(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

export function childrenNamed(node: XmlNode, ns: string, local: string): XmlNode[] {
  return node.children.filter((child) => child.ns === ns && child.local === local);
}

export function childNamed(node: XmlNode, ns: string, local: string): XmlNode | null {
  return node.children.find((child) => child.ns === ns && child.local === local) ?? null;
}

/** Text of an element with the surrounding whitespace removed. */
export function textOf(node: XmlNode | null): string | null {
  return node === null ? null : node.text.trim();
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
