/**
 * A file may hold the same event twice (two VEVENTs with one UID and no RECURRENCE-ID, or the same
 * override twice), e.g. after concatenating two exports. One object must have one master: the last
 * copy wins (files are usually appended to), and the caller is told how many copies were dropped.
 */
import ICAL from 'ical.js';
import { parseVCalendar } from '../ical/calendar-object';

function instanceKey(vevent: ICAL.Component): string {
  const recurrenceId = vevent.getFirstProperty('recurrence-id');
  return recurrenceId === null ? 'master' : String(recurrenceId.getFirstValue());
}

/** The object with one VEVENT per instance key, and how many copies were removed. */
export function dedupeComponents(ics: string): { ics: string; dropped: number } {
  const vcalendar = parseVCalendar(ics);
  const last = new Map<string, ICAL.Component>();
  const vevents = vcalendar.getAllSubcomponents('vevent');
  for (const vevent of vevents) last.set(instanceKey(vevent), vevent);
  if (last.size === vevents.length) return { ics, dropped: 0 };
  for (const vevent of vevents) {
    if (last.get(instanceKey(vevent)) !== vevent) vcalendar.removeSubcomponent(vevent);
  }
  return { ics: vcalendar.toString(), dropped: vevents.length - last.size };
}
