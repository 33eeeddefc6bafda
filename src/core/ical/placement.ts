/**
 * Where an existing event's times live (date, floating, UTC or a TZID) and how times move between
 * placements. Edits keep the event's own zone: the editor shows zoned times in the viewer's zone, and
 * rewriting a Zurich series in New York time would shift it across the two DST calendars.
 */
import ICAL from 'ical.js';
import type { CalendarObject } from './calendar-object';
import { timeProperty } from './component-utils';
import { FLOATING, type EventTiming } from './event-draft';
import { placementOfDraft, type Placement } from './event-writer';
import { isFloatingTime, isUtcTime, timeFromWall, wallInZone, wallOf } from './ical-time';
import { tzidOf } from './time-zones';
import { numberToWall, startOfDay, wallToNumber, type WallClock } from './wall-clock';

export const DAY_MS = 86_400_000;

/** The placement of a component's DTSTART (a TZID nobody knows stays a TZID with floating times). */
export function placementOf(object: CalendarObject, component: ICAL.Component): Placement {
  const start = timeProperty(component, 'dtstart');
  if (!start || start.isDate) return { kind: 'date' };
  if (isUtcTime(start)) return { kind: 'utc' };
  const tzid = component.getFirstProperty('dtstart');
  const name = tzid ? tzidOf(tzid) : null;
  if (name === null) return { kind: 'floating' };
  const resolved = object.resolveZone(name);
  return { kind: 'zoned', tzid: name, zone: resolved.zone, iana: resolved.iana };
}

const unknownZone = (placement: Placement): boolean =>
  placement.kind === 'zoned' && placement.zone === ICAL.Timezone.localTimezone;

/** Where the edited times go: the event's own placement when the draft fits it, else the draft's. */
export function choosePlacement(current: Placement, timing: EventTiming): Placement {
  if (timing.allDay) return { kind: 'date' };
  if (current.kind === 'date') return placementOfDraft(timing);
  if (timing.timeZone === FLOATING)
    return current.kind === 'floating' || unknownZone(current) ? current : { kind: 'floating' };
  if (current.kind === 'floating' || unknownZone(current)) return placementOfDraft(timing);
  return current;
}

/** The wall clock of an existing time as written in `placement`. */
export function wallIn(placement: Placement, time: ICAL.Time): WallClock {
  if (placement.kind === 'date') return startOfDay(wallOf(time));
  if (placement.kind === 'floating' || unknownZone(placement) || time.isDate || isFloatingTime(time)) {
    return wallOf(time);
  }
  const zone = placement.kind === 'utc' ? ICAL.Timezone.utcTimezone : placement.zone;
  return wallInZone(time.toUnixTime() * 1000, zone);
}

export function timeIn(placement: Placement, wall: WallClock): ICAL.Time {
  switch (placement.kind) {
    case 'date':
      return timeFromWall(wall, ICAL.Timezone.localTimezone, true);
    case 'floating':
      return timeFromWall(wall, ICAL.Timezone.localTimezone);
    case 'utc':
      return timeFromWall(wall, ICAL.Timezone.utcTimezone);
    case 'zoned':
      return timeFromWall(wall, placement.zone);
  }
}

/** Moves an existing time into `placement` and by `deltaMs` of wall clock. */
export function shiftTime(time: ICAL.Time, placement: Placement, deltaMs: number): ICAL.Time {
  return timeIn(placement, numberToWall(wallToNumber(wallIn(placement, time)) + deltaMs));
}

/** Wall-clock distance from `from` to `to`, both read in `placement` (whole days for dates). */
export function wallDelta(placement: Placement, from: ICAL.Time, to: ICAL.Time): number {
  const delta = wallToNumber(wallIn(placement, to)) - wallToNumber(wallIn(placement, from));
  return placement.kind === 'date' ? Math.round(delta / DAY_MS) * DAY_MS : delta;
}

/** Rewrites every value of a multi-valued time property (EXDATE, RDATE) into `placement`, shifted. */
export function shiftProperty(property: ICAL.Property, placement: Placement, deltaMs: number): void {
  const values = property.getValues() as unknown[];
  if (values.some((value) => !(value instanceof ICAL.Time))) return;
  const shifted = (values as ICAL.Time[]).map((time) => shiftTime(time, placement, deltaMs));
  property.resetType(placement.kind === 'date' ? 'date' : 'date-time');
  property.setValues(shifted);
  if (placement.kind === 'zoned') property.setParameter('tzid', placement.tzid);
  else property.removeParameter('tzid');
}

export function samePlacement(a: Placement, b: Placement): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'zoned' || (b.kind === 'zoned' && a.tzid === b.tzid);
}
