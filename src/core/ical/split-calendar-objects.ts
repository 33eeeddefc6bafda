/**
 * Splits a multi-event .ics file (an import, a subscription) into one VCALENDAR per UID: the master,
 * its overrides and the VTIMEZONEs they use. The file is cut into components on its text first, so a
 * broken entry becomes one error and every other entry still comes out.
 */
import ICAL from 'ical.js';
import { ErrorKind, type AppErrorData } from '../errors';
import { checkEventValues } from './calendar-object';
import { cloneComponent } from './component-utils';
import { lineName, unfoldLines, type ContentLine } from './malformed';
import { tzidOf } from './time-zones';

interface Block {
  readonly kind: string;
  readonly lines: ContentLine[];
}

const HEADER_PROPERTIES = new Set(['PRODID', 'CALSCALE']);

function error(message: string, detail?: string): AppErrorData {
  return {
    kind: ErrorKind.malformedIcs,
    message,
    retryable: false,
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** Cuts the file into top-level components (VEVENT, VTIMEZONE, …) and VCALENDAR header lines. */
function cutBlocks(ics: string, errors: AppErrorData[]): { blocks: Block[]; header: ContentLine[] } {
  const blocks: Block[] = [];
  const header: ContentLine[] = [];
  let block: { kind: string; lines: ContentLine[] } | null = null;
  let depth = 0;
  const broken = (open: Block, at: ContentLine): void => {
    const start = open.lines[0]?.lineNumber ?? at.lineNumber;
    errors.push(error(`Line ${start}: ${open.kind} has no END:${open.kind} (line ${at.lineNumber})`));
  };
  for (const line of unfoldLines(ics)) {
    const upper = line.text.toUpperCase();
    const isBegin = upper.startsWith('BEGIN:');
    const isEnd = upper.startsWith('END:');
    const name = isBegin || isEnd ? upper.slice(upper.indexOf(':') + 1).trim() : '';
    if (block) {
      if (isBegin && name === block.kind && depth === 0) {
        broken(block, line);
        block = { kind: name, lines: [line] };
      } else if (isEnd && depth === 0 && name !== block.kind) {
        broken(block, line);
        block = null;
      } else {
        block.lines.push(line);
        if (isBegin) depth += 1;
        else if (isEnd && depth > 0) depth -= 1;
        else if (isEnd) {
          blocks.push(block);
          block = null;
        }
      }
    } else if (isBegin && name !== 'VCALENDAR') {
      block = { kind: name, lines: [line] };
      depth = 0;
    } else if (!isBegin && !isEnd) {
      header.push(line);
    }
  }
  if (block) {
    const last = block.lines[block.lines.length - 1];
    if (last) broken(block, last);
  }
  return { blocks, header };
}

function parseBlock(block: Block): ICAL.Component {
  try {
    return new ICAL.Component(ICAL.parse(block.lines.map((line) => line.text).join('\r\n')) as unknown[]);
  } catch (cause) {
    const raw = cause instanceof Error ? cause.message : String(cause);
    const quoted = /"([^"]*)"\s*$/.exec(raw)?.[1];
    const at = block.lines.find((line) => line.text === quoted) ?? block.lines[0];
    throw new Error(`Line ${at?.lineNumber ?? 0}: ${raw}`, { cause });
  }
}

/** FNV-1a: a stable UID for events that arrive without one, so a re-import finds the same event. */
function stableUid(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `import-${hash.toString(16).padStart(8, '0')}@almanac`;
}

function referencedTzids(vevent: ICAL.Component, into: Set<string>): void {
  for (const property of vevent.getAllProperties()) {
    const tzid = tzidOf(property);
    if (tzid !== null) into.add(tzid);
  }
  for (const child of vevent.getAllSubcomponents()) referencedTzids(child, into);
}

export function splitCalendarObjects(ics: string): { objects: string[]; errors: AppErrorData[] } {
  const errors: AppErrorData[] = [];
  const { blocks, header } = cutBlocks(ics, errors);
  const zones = new Map<string, ICAL.Component>();
  const groups = new Map<string, ICAL.Component[]>();
  for (const block of blocks) {
    if (block.kind !== 'VEVENT' && block.kind !== 'VTIMEZONE') continue;
    try {
      const component = parseBlock(block);
      if (block.kind === 'VTIMEZONE') {
        const tzid = component.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string') zones.set(tzid, component);
        continue;
      }
      let uid = component.getFirstPropertyValue('uid');
      if (typeof uid !== 'string' || uid.trim() === '') {
        uid = stableUid(block.lines.map((line) => line.text).join('\n'));
        component.updatePropertyWithValue('uid', uid);
      }
      checkEventValues(block.lines, component, uid);
      groups.set(uid, [...(groups.get(uid) ?? []), component]);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      errors.push(error(message, block.lines.find((line) => lineName(line.text) === 'SUMMARY')?.text));
    }
  }
  if (blocks.length === 0 && errors.length === 0) errors.push(error('No VEVENT in the file'));
  const headerLines = header.filter((line) => HEADER_PROPERTIES.has(lineName(line.text)));
  const objects: string[] = [];
  for (const vevents of groups.values()) {
    const vcalendar = new ICAL.Component('vcalendar');
    vcalendar.addPropertyWithValue('version', '2.0');
    for (const line of headerLines) vcalendar.addProperty(ICAL.Property.fromString(line.text));
    if (!vcalendar.hasProperty('prodid')) vcalendar.addPropertyWithValue('prodid', '-//Almanac//EN');
    const tzids = new Set<string>();
    for (const vevent of vevents) referencedTzids(vevent, tzids);
    for (const tzid of tzids) {
      const zone = zones.get(tzid);
      if (zone) vcalendar.addSubcomponent(cloneComponent(zone));
    }
    for (const vevent of vevents) vcalendar.addSubcomponent(vevent);
    objects.push(vcalendar.toString());
  }
  return { objects, errors };
}
