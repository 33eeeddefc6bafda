/**
 * The content of an iCalendar object as sync compares it (docs/sync-rules.md rule 2): volatile properties
 * dropped, content lines unfolded, and the lines of each component and its sub-components sorted,
 * because servers re-serialise (Radicale through vobject) and rewrite etags without changes.
 */
import { lineName, unfoldLines } from '../../../src/core/ical/malformed';

export const VOLATILE_PROPERTIES: ReadonlySet<string> = new Set([
  'PRODID',
  'DTSTAMP',
  'LAST-MODIFIED',
  'CREATED',
  'X-WR-CALNAME',
  'X-RADICALE-NAME',
]);

/** Index of the colon that ends the name and parameters (not one inside a quoted parameter value). */
function valueStart(line: string): number {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return index;
  }
  return -1;
}

/**
 * One content line in a canonical spelling: name and parameter names upper-cased, parameters sorted,
 * RRULE parts sorted (Xandikos writes `BYDAY=…;BYMONTH=…` where we wrote the reverse).
 */
export function canonicalLine(line: string): string {
  const colon = valueStart(line);
  if (colon === -1) return line;
  const [name = '', ...params] = line.slice(0, colon).split(';');
  const upperName = name.toUpperCase();
  const sortedParams = params
    .map((param) => {
      const equals = param.indexOf('=');
      return equals === -1
        ? param.toUpperCase()
        : `${param.slice(0, equals).toUpperCase()}${param.slice(equals)}`;
    })
    .sort();
  let value = line.slice(colon + 1);
  if (upperName === 'RRULE' || upperName === 'EXRULE') value = value.split(';').sort().join(';');
  return [upperName, ...sortedParams].join(';') + ':' + value;
}

interface Block {
  readonly head: string;
  readonly lines: string[];
  readonly children: Block[];
}

function render(block: Block): string {
  const children = block.children.map(render).sort();
  return [block.head, ...[...block.lines].sort(), ...children, 'END'].join('\n');
}

export function normaliseIcs(ics: string): string {
  const root: Block = { head: '', lines: [], children: [] };
  const stack: Block[] = [root];
  for (const { text } of unfoldLines(ics)) {
    const line = text.trimEnd();
    const name = lineName(line);
    const top = stack[stack.length - 1] ?? root;
    if (name === 'BEGIN') {
      const child: Block = { head: line.toUpperCase(), lines: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      if (stack.length > 1) stack.pop();
    } else if (!VOLATILE_PROPERTIES.has(name) && line !== '') {
      top.lines.push(canonicalLine(line));
    }
  }
  return render(root);
}

/** cyrb53: a fast 53-bit string hash, enough to tell versions of one object apart. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The normalised content hash of an object (rule 1's status record holds the text it is computed from). */
export function contentHash(ics: string): string {
  return cyrb53(normaliseIcs(ics));
}

/** Equal once normalised: a rewritten etag over the same content is no change (rule 2). */
export function sameContent(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || normaliseIcs(a) === normaliseIcs(b);
}
