/**
 * XML read with a real parser (sax, the streaming parser that tsdav's xml-js runs underneath, so it
 * adds nothing to the app) into a small namespace-resolved tree, built in one pass from the parser's
 * events. We do not use tsdav's own parsing: it turns numeric-looking text into numbers (sync tokens,
 * ctags: docs/sync-rules.md rule 30) and drops namespaces.
 */
import sax from 'sax';
import { AppError, ErrorKind } from '../../../../src/core/errors';

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

/** An element while its content is still being read. */
interface OpenNode {
  ns: string;
  local: string;
  children: OpenNode[];
  text: string;
}

/** Prefix → namespace; '' is the default namespace. */
type Scope = ReadonlyMap<string, string>;

const ROOT_SCOPE: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

/**
 * The parser's own account of what is wrong with a document, with line and column: the fast pass
 * runs without position tracking (a third of sax's time), so a rejected document is read again.
 */
function parserError(text: string, fallback: unknown): unknown {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  parser.onerror = (error) => {
    throw error;
  };
  try {
    parser.write(text).close();
  } catch (error) {
    return error;
  }
  return fallback;
}

function unreadable(text: string, fallback: unknown): AppError {
  return new AppError(
    { kind: ErrorKind.server, message: 'The server sent XML that cannot be read.', retryable: true },
    { cause: parserError(text, fallback) },
  );
}

/**
 * Parses a document and returns its root element; throws AppError 'server' when it is not XML,
 * including a document cut off before its root element closes.
 */
export function parseXml(text: string): XmlNode {
  // Namespaces are resolved here rather than with sax's `xmlns` option: that option costs an object
  // per attribute and a prototype chain per element, and it rejects unbound prefixes, which we read
  // as the empty namespace. Text is kept exactly as sent (no trim, no number conversion).
  const parser = sax.parser(true, { trim: false, normalize: false, position: false });
  const nodes: OpenNode[] = [];
  const scopes: Scope[] = [];
  // Set by the callbacks below: the cast keeps TypeScript from narrowing it to null for good.
  let root = null as OpenNode | null;
  let top: OpenNode | null = null;
  /** Bindings declared by the tag being opened (its attributes arrive before the tag itself). */
  let declared: Map<string, string> | null = null;

  parser.onerror = (error) => {
    throw error;
  };
  parser.onattribute = ({ name, value }) => {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) return;
    declared ??= new Map(scopes[scopes.length - 1] ?? ROOT_SCOPE);
    declared.set(name === 'xmlns' ? '' : name.slice('xmlns:'.length), value);
  };
  parser.onopentag = ({ name }) => {
    const scope = declared ?? scopes[scopes.length - 1] ?? ROOT_SCOPE;
    declared = null;
    const colon = name.indexOf(':');
    const node: OpenNode = {
      ns: scope.get(colon === -1 ? '' : name.slice(0, colon)) ?? '',
      local: colon === -1 ? name : name.slice(colon + 1),
      children: [],
      text: '',
    };
    if (top !== null) top.children.push(node);
    else root ??= node; // Anything after the first root element is read but not kept.
    nodes.push(node);
    scopes.push(scope);
    top = node;
  };
  parser.onclosetag = () => {
    nodes.pop();
    scopes.pop();
    top = nodes[nodes.length - 1] ?? null;
  };
  parser.ontext = (chunk) => {
    // Whitespace-only runs (indentation between elements) are not content.
    if (top !== null && chunk.trim() !== '') top.text += chunk;
  };
  parser.oncdata = (chunk) => {
    if (top !== null) top.text += chunk;
  };

  try {
    parser.write(text).close();
  } catch (error) {
    throw unreadable(text, error);
  }
  if (root === null) {
    throw new AppError({
      kind: ErrorKind.server,
      message: 'The server sent an empty XML answer.',
      retryable: true,
    });
  }
  return root;
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
