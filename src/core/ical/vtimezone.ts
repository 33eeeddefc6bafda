/**
 * VTIMEZONE blocks for IANA zones we write into objects. They come from `timezones-ical-library`
 * (tzdb's current rules in the vzic form Thunderbird and Apple use), so every client can read our
 * TZIDs even without a tz database of its own.
 */
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { isKnownZone } from './intl-zone';
import { tzidOf } from './time-zones';

const cache = new Map<string, string | null>();

/** The library rebuilds its whole table on each call: remember each zone's block. */
function vtimezoneText(iana: string): string | null {
  let text = cache.get(iana);
  if (text === undefined) {
    text = buildVtimezoneText(iana);
    cache.set(iana, text);
  }
  return text;
}

function buildVtimezoneText(iana: string): string | null {
  if (!isKnownZone(iana)) return null;
  const candidates = [iana, new Intl.DateTimeFormat('en-US', { timeZone: iana }).resolvedOptions().timeZone];
  for (const name of candidates) {
    const block = tzlib_get_ical_block(name);
    if (Array.isArray(block) && typeof block[0] === 'string' && block[0].length > 0) {
      // The library names the zone by its canonical name; we reference it by the name we were given.
      return name === iana ? block[0] : block[0].replace(/^TZID:.*$/m, `TZID:${iana}`);
    }
  }
  return null;
}

/** Adds a VTIMEZONE for `iana` (before the events) unless the object already has one with that TZID. */
export function ensureVtimezone(vcalendar: ICAL.Component, iana: string): void {
  const present = vcalendar
    .getAllSubcomponents('vtimezone')
    .some((component) => component.getFirstPropertyValue('tzid') === iana);
  if (present) return;
  const text = vtimezoneText(iana);
  if (text === null) return;
  const vtimezone = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = vcalendar.getAllSubcomponents('vevent');
  for (const event of events) vcalendar.removeSubcomponent(event);
  vcalendar.addSubcomponent(vtimezone);
  for (const event of events) vcalendar.addSubcomponent(event);
}

function collectTzids(component: ICAL.Component, into: Set<string>): void {
  for (const property of component.getAllProperties()) {
    const tzid = tzidOf(property);
    if (tzid !== null) into.add(tzid);
  }
  for (const child of component.getAllSubcomponents()) {
    if (child.name !== 'vtimezone') collectTzids(child, into);
  }
}

/** Drops VTIMEZONEs no property of the object refers to any more (after an edit changed zones). */
export function pruneVtimezones(vcalendar: ICAL.Component): void {
  const used = new Set<string>();
  collectTzids(vcalendar, used);
  for (const vtimezone of vcalendar.getAllSubcomponents('vtimezone')) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !used.has(tzid)) vcalendar.removeSubcomponent(vtimezone);
  }
}
