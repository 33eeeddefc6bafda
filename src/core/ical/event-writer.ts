/**
 * Writes the editor's fields onto a VEVENT component in place, touching only the properties the app
 * edits (summary, location, description, DTSTART/DTEND or DURATION, RRULE) and the revision stamps.
 * Everything else on the component (alarms, attendees, X- properties, unknown parameters) stays.
 */
import ICAL from 'ical.js';
import { FLOATING, type EventDraft, type EventTiming } from './event-draft';
import { timeFromWall, wallInZone } from './ical-time';
import { isKnownZone, wallClockToUtc } from './intl-zone';
import { intlTimezone } from './time-zones';
import {
  addDays,
  numberToWall,
  parseIsoDate,
  parseIsoLocal,
  wallToNumber,
  type WallClock,
} from './wall-clock';
import { AppError, ErrorKind } from '../errors';
import { writeReminder } from './reminder-alarm';

/** Where the times of an event are written. */
export type Placement =
  | { readonly kind: 'date' }
  | { readonly kind: 'floating' }
  | { readonly kind: 'utc' }
  | {
      readonly kind: 'zoned';
      readonly tzid: string;
      readonly zone: ICAL.Timezone;
      readonly iana: string | null;
    };

function invalidDraft(message: string): AppError {
  return new AppError({ kind: ErrorKind.invalidInput, message, retryable: false });
}

export function placementOfDraft(timing: EventTiming): Placement {
  if (timing.allDay) return { kind: 'date' };
  if (timing.timeZone === FLOATING) return { kind: 'floating' };
  if (timing.timeZone === 'UTC' || timing.timeZone === 'Etc/UTC') return { kind: 'utc' };
  if (!isKnownZone(timing.timeZone)) throw invalidDraft(`Unknown time zone: ${timing.timeZone}`);
  return { kind: 'zoned', tzid: timing.timeZone, zone: intlTimezone(timing.timeZone), iana: timing.timeZone };
}

/** The draft's start and end as times in `placement` (all-day end made exclusive). */
export function draftTimes(timing: EventTiming, placement: Placement): { start: ICAL.Time; end: ICAL.Time } {
  if (timing.allDay) {
    const start = parseIsoDate(timing.startDate);
    const last = parseIsoDate(timing.endDate);
    if (!start || !last) throw invalidDraft('Invalid all-day dates');
    const local = ICAL.Timezone.localTimezone;
    return { start: timeFromWall(start, local, true), end: timeFromWall(addDays(last, 1), local, true) };
  }
  const start = parseIsoLocal(timing.start);
  const end = parseIsoLocal(timing.end);
  if (!start || !end) throw invalidDraft('Invalid start or end time');
  const place = (wall: WallClock): ICAL.Time => {
    if (timing.timeZone === FLOATING || placement.kind === 'floating') {
      return timeFromWall(wall, ICAL.Timezone.localTimezone);
    }
    const instant = wallClockToUtc(timing.timeZone, wall);
    if (placement.kind === 'zoned') return timeFromWall(wallInZone(instant, placement.zone), placement.zone);
    return timeFromWall(numberToWall(instant), ICAL.Timezone.utcTimezone);
  };
  return { start: place(start), end: place(end) };
}

/** Sets a DATE / DATE-TIME property, reusing the existing one so its other parameters survive. */
export function setTimeProperty(
  component: ICAL.Component,
  name: string,
  time: ICAL.Time,
  placement: Placement,
): void {
  writeTimeValue(
    component.getFirstProperty(name) ?? component.addProperty(new ICAL.Property(name)),
    time,
    placement,
  );
}

/** One DATE / DATE-TIME value with the TZID parameter its placement needs. */
export function writeTimeValue(property: ICAL.Property, time: ICAL.Time, placement: Placement): void {
  property.resetType(time.isDate ? 'date' : 'date-time');
  property.setValue(time);
  if (placement.kind === 'zoned' && !time.isDate) property.setParameter('tzid', placement.tzid);
  else property.removeParameter('tzid');
}

export function setText(component: ICAL.Component, name: string, value: string): void {
  if (value.length > 0) component.updatePropertyWithValue(name, value);
  else component.removeAllProperties(name);
}

/** Title, location and description (and the editor's reminder, when the draft carries one). */
export function writeTexts(component: ICAL.Component, draft: EventDraft): void {
  setText(component, 'summary', draft.title);
  setText(component, 'location', draft.location);
  setText(component, 'description', draft.description);
  if (draft.reminder !== undefined) writeReminder(component, draft.reminder);
}

/** DTSTART plus DTEND, or DURATION when the component already used one. */
export function writeSpan(
  component: ICAL.Component,
  start: ICAL.Time,
  end: ICAL.Time,
  placement: Placement,
): void {
  setTimeProperty(component, 'dtstart', start, placement);
  if (component.hasProperty('duration') && !component.hasProperty('dtend')) {
    const seconds = start.isDate
      ? (wallToNumber(end) - wallToNumber(start)) / 1000
      : Math.max(0, end.toUnixTime() - start.toUnixTime());
    component.updatePropertyWithValue('duration', ICAL.Duration.fromSeconds(seconds));
    return;
  }
  setTimeProperty(component, 'dtend', end, placement);
}

export function utcTime(ms: number): ICAL.Time {
  return timeFromWall(numberToWall(ms), ICAL.Timezone.utcTimezone);
}

/** DTSTAMP and LAST-MODIFIED to `now`; SEQUENCE raised by one (docs/sync-rules.md rule 14) unless `sequence` is given. */
export function stamp(component: ICAL.Component, now: number, sequence?: number): void {
  component.updatePropertyWithValue('dtstamp', utcTime(now));
  component.updatePropertyWithValue('last-modified', utcTime(now));
  const current: unknown = component.getFirstPropertyValue('sequence');
  const next = sequence ?? (typeof current === 'number' ? current + 1 : 1);
  component.updatePropertyWithValue('sequence', next);
}
