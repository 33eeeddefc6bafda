/**
 * An iCalendar object → what Graph is sent to create or edit it (docs/sync-rules.md rules 42 and 45),
 * the reverse of graph-to-ical.ts: the master (or single event) as GraphEventWrite, each RECURRENCE-ID
 * override as an exception by its original start, and each EXDATE (or cancelled override) as an
 * occurrence to delete. Times go out on their own zone's wall clock with its Windows name (Graph
 * documents Windows names for every method, IANA ones only in part: graph-time.ts); all-day times as
 * dates at midnight. `changedFields` gives only what changed, for Graph's PATCH.
 */
import type ICAL from 'ical.js';
import { loadCalendarObject, type CalendarObject } from '../../../../src/core/ical/calendar-object';
import { timeProperty, timeValues } from '../../../../src/core/ical/component-utils';
import { wallOf } from '../../../../src/core/ical/ical-time';
import { malformedIcs } from '../../../../src/core/ical/malformed';
import { tzidOf } from '../../../../src/core/ical/time-zones';
import { addDays, wallToNumber } from '../../../../src/core/ical/wall-clock';
import type { DateTimeTimeZone, GraphEventWrite } from './graph-types';
import { icalDate, toGraphTime } from './graph-time';
import { isCancelledComponent, readGraphContent } from './ical-content-to-graph';
import { recurrenceOfComponent } from './rrule-to-recurrence';

/**
 * An occurrence's original start, in epoch ms: the instant for timed series, midnight UTC of the
 * date for all-day ones (match those by date: Graph's `originalStart` of an all-day occurrence is a
 * midnight whose zone it does not say).
 */
export type OriginalStart = number;

export interface GraphOverride {
  readonly originalStart: OriginalStart;
  readonly event: GraphEventWrite;
}

export interface IcalAsGraph {
  readonly event: GraphEventWrite;
  readonly overrides: readonly GraphOverride[];
  readonly cancelled: readonly OriginalStart[];
}

/** The IANA zone of a property's TZID, null for dates, UTC and floating times. */
function zoneOf(object: CalendarObject, vevent: ICAL.Component, name: string): string | null {
  const property = vevent.getFirstProperty(name);
  const tzid = property ? tzidOf(property) : null;
  return tzid !== null ? object.resolveZone(tzid).iana : null;
}

function originalStartOf(time: ICAL.Time): OriginalStart {
  return time.isDate ? wallToNumber(wallOf(time)) : time.toUnixTime() * 1000;
}

interface Times {
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
  readonly isAllDay: boolean;
  readonly dtstart: ICAL.Time;
  readonly zone: string | null;
}

function timesOf(object: CalendarObject, vevent: ICAL.Component): Times {
  const dtstart = timeProperty(vevent, 'dtstart');
  if (!dtstart) throw malformedIcs(`VEVENT "${object.uid}" has no DTSTART`);
  const zone = zoneOf(object, vevent, 'dtstart');
  let dtend = timeProperty(vevent, 'dtend');
  const endZone = dtend ? zoneOf(object, vevent, 'dtend') : zone;
  if (!dtend) {
    const duration: unknown = vevent.getFirstPropertyValue('duration');
    dtend = dtstart.clone();
    if (duration !== null && typeof duration === 'object' && 'toSeconds' in duration) {
      dtend.addDuration(duration as ICAL.Duration);
    } else if (dtstart.isDate) {
      // RFC 5545 §3.6.1: a date without DTEND or DURATION lasts one day.
      dtend = icalDate(addDays(wallOf(dtstart), 1));
    }
  }
  return {
    start: toGraphTime(dtstart, zone),
    end: toGraphTime(dtend, endZone),
    isAllDay: dtstart.isDate,
    dtstart,
    zone,
  };
}

function eventOf(object: CalendarObject, vevent: ICAL.Component, withRule: boolean): GraphEventWrite {
  const times = timesOf(object, vevent);
  return {
    ...readGraphContent(vevent),
    start: times.start,
    end: times.end,
    isAllDay: times.isAllDay,
    recurrence: withRule ? recurrenceOfComponent(vevent, { dtstart: times.dtstart, zone: times.zone }) : null,
  };
}

/**
 * Throws `malformed-ics` (src/core/ical/malformed.ts) for text that is not one event, and
 * UnsupportedRecurrenceError for a repeat Outlook cannot store.
 */
export function icalToGraph(ics: string): IcalAsGraph {
  const object = loadCalendarObject(ics);
  const master = object.master;
  if (!master) throw malformedIcs(`"${object.uid}" has only changed occurrences and no event to send`);
  const event = eventOf(object, master, true);
  const cancelled = timeValues(master, 'exdate').map(originalStartOf);
  const overrides: GraphOverride[] = [];
  for (const override of object.overrides) {
    const recurrenceId = timeProperty(override, 'recurrence-id');
    if (!recurrenceId) continue;
    const originalStart = originalStartOf(recurrenceId);
    if (isCancelledComponent(override)) cancelled.push(originalStart);
    else overrides.push({ originalStart, event: eventOf(object, override, false) });
  }
  return { event, overrides, cancelled: [...new Set(cancelled)].sort((a, b) => a - b) };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `next` that differ from `base`, for a PATCH. Start, end and isAllDay go together when
 * any of them changed (Graph checks the pair). Graph replaces `locations` with the one `location`
 * when only `location` is sent ("event resource type", `locations`): that is what a changed
 * LOCATION means, so `locations` is sent only when it changed itself, and then with `location`.
 */
export function changedFields(base: GraphEventWrite, next: GraphEventWrite): Partial<GraphEventWrite> {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof GraphEventWrite)[]) {
    if (!same(base[key], next[key])) changed[key] = next[key];
  }
  if ('start' in changed || 'end' in changed || 'isAllDay' in changed) {
    changed['start'] = next.start;
    changed['end'] = next.end;
    changed['isAllDay'] = next.isAllDay;
  }
  if ('locations' in changed) changed['location'] = next.location;
  // Built from GraphEventWrite's own keys and values above.
  return changed;
}
