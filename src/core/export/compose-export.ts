/**
 * Many stored events → one .ics file. Each event's raw iCalendar is kept as it is (every property,
 * every override), so importing the file gives the same objects back. The VTIMEZONEs come from the
 * events themselves, one per TZID; a TZID with none (events written by servers that rely on IANA
 * names) gets one from the bundled zone data when it is an IANA zone.
 */
import ICAL from 'ical.js';
import { parseVCalendar } from '../ical/calendar-object';
import { cloneComponent } from '../ical/component-utils';
import { PRODID } from '../ical/compose';
import { resolveIanaZone, tzidOf } from '../ical/time-zones';
import { ensureVtimezone } from '../ical/vtimezone';

function collectTzids(component: ICAL.Component, into: Set<string>): void {
  for (const property of component.getAllProperties()) {
    const tzid = tzidOf(property);
    if (tzid !== null) into.add(tzid);
  }
  for (const child of component.getAllSubcomponents()) collectTzids(child, into);
}

export interface ExportOptions {
  /** Written as X-WR-CALNAME, which other apps show as the calendar's name. */
  readonly calendarName?: string;
}

export function composeExport(objects: readonly string[], options: ExportOptions = {}): string {
  const out = new ICAL.Component('vcalendar');
  out.addPropertyWithValue('version', '2.0');
  out.addPropertyWithValue('prodid', PRODID);
  out.addPropertyWithValue('calscale', 'GREGORIAN');
  if (options.calendarName !== undefined) out.addPropertyWithValue('x-wr-calname', options.calendarName);
  const zones = new Map<string, ICAL.Component>();
  const vevents: ICAL.Component[] = [];
  const used = new Set<string>();
  for (const ics of objects) {
    const vcalendar = parseVCalendar(ics);
    for (const zone of vcalendar.getAllSubcomponents('vtimezone')) {
      const tzid = zone.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string' && !zones.has(tzid)) zones.set(tzid, cloneComponent(zone));
    }
    for (const vevent of vcalendar.getAllSubcomponents('vevent')) {
      collectTzids(vevent, used);
      vevents.push(cloneComponent(vevent));
    }
  }
  for (const tzid of used) {
    const zone = zones.get(tzid);
    if (zone) out.addSubcomponent(zone);
  }
  for (const tzid of used) {
    if (zones.has(tzid)) continue;
    const iana = resolveIanaZone(tzid);
    if (iana === tzid) ensureVtimezone(out, iana);
  }
  for (const vevent of vevents) out.addSubcomponent(vevent);
  return out.toString();
}

/** A file name safe on every system: `Work calendar.ics`, `Almanac 2026-11-01 to 2026-11-30.ics`. */
export function exportFileName(base: string): string {
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${cleaned === '' ? 'calendar' : cleaned}.ics`;
}
