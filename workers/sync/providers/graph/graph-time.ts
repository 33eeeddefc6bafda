/**
 * Graph's times ⇄ ical.js times (docs/sync-rules.md rule 45). Graph sends `dateTimeTimeZone` values
 * in UTC (no `Prefer: outlook.timezone`), names the zone the event was made in by its Windows name in
 * `originalStartTimeZone` / `originalEndTimeZone`, and gives all-day events as dates at midnight.
 * We place each time in that zone (Windows → IANA through CLDR, rule 24) so a weekly 09:00 stays 09:00
 * across DST, and write Windows names back: Graph documents Windows names for every method and only a
 * subset of IANA names ("dateTimeTimeZone resource type": create and update "might not support all").
 */
import ICAL from 'ical.js';
import { timeFromWall, wallOf } from '../../../../src/core/ical/ical-time';
import { utcToWallClock, wallClockToUtc } from '../../../../src/core/ical/intl-zone';
import { intlTimezone, resolveIanaZone } from '../../../../src/core/ical/time-zones';
import { ianaToWindowsZone } from '../../../../src/core/ical/windows-zones';
import { formatIsoDate, numberToWall, type WallClock } from '../../../../src/core/ical/wall-clock';
import { GraphShapeError } from './graph-json';
import type { DateTimeTimeZone, GraphEvent } from './graph-types';

export const UTC = 'UTC';
const GRAPH_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The wall clock of a Graph `dateTime` (`2025-03-03T09:00:00.0000000`). */
export function graphWall(dateTime: string, property = 'dateTime'): WallClock {
  const match = GRAPH_DATE_TIME.exec(dateTime);
  if (!match) throw new GraphShapeError(property, `is not a date and time: ${JSON.stringify(dateTime)}`);
  return {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? '0'),
  };
}

/** The IANA zone of a Graph zone name (Windows, IANA or UTC); throws when nobody knows it. */
export function graphZoneToIana(timeZone: string, property = 'timeZone'): string {
  const iana = resolveIanaZone(timeZone);
  if (iana === null)
    throw new GraphShapeError(property, `is not a time zone we know: ${JSON.stringify(timeZone)}`);
  return iana;
}

/** The instant of a `dateTimeTimeZone`, in epoch ms. */
export function graphInstant(value: DateTimeTimeZone, property = 'start'): number {
  const wall = graphWall(value.dateTime, `${property}.dateTime`);
  return wallClockToUtc(graphZoneToIana(value.timeZone, `${property}.timeZone`), wall);
}

/** The instant of an ISO timestamp such as `originalStart` (`2025-01-13T08:00:00Z`); no offset = UTC. */
export function timestampInstant(value: string, property: string): number {
  const match = TIMESTAMP.exec(value);
  if (!match) throw new GraphShapeError(property, `is not a timestamp: ${JSON.stringify(value)}`);
  const wall = graphWall(value.replace(/(Z|[+-]\d{2}:\d{2})$/, ''), property);
  const offset = match[7];
  if (offset === undefined || offset === 'Z') return wallClockToUtc(UTC, wall);
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
  return wallClockToUtc(UTC, wall) - sign * minutes * 60_000;
}

/**
 * The IANA zone an event's start (or end) is shown in: `originalStartTimeZone` / `originalEndTimeZone`
 * when known (a legacy `tzone://Microsoft/Custom` zone is not), else the series' recurrence zone, else
 * the zone the time came in (UTC without `Prefer: outlook.timezone`).
 */
export function eventZone(event: GraphEvent, which: 'start' | 'end'): string {
  const named =
    which === 'start'
      ? event.originalStartTimeZone
      : (event.originalEndTimeZone ?? event.originalStartTimeZone);
  const candidates = [named, event.recurrence?.range.recurrenceTimeZone, event[which].timeZone];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue;
    const iana = resolveIanaZone(candidate);
    if (iana !== null) return iana;
  }
  return UTC;
}

/** The ical.js zone for an IANA name. */
export function icalZone(iana: string): ICAL.Timezone {
  return iana === UTC ? ICAL.Timezone.utcTimezone : intlTimezone(iana);
}

/** An instant as an ical.js date-time on the wall clock of `iana`. */
export function icalTimeAt(ms: number, iana: string): ICAL.Time {
  return timeFromWall(utcToWallClock(iana, ms), icalZone(iana));
}

/** A date (all-day) as an ical.js DATE. */
export function icalDate(wall: WallClock): ICAL.Time {
  return timeFromWall(wall, ICAL.Timezone.localTimezone, true);
}

/** The date of a Graph all-day time (a date at midnight, never converted). */
export function graphDate(value: DateTimeTimeZone, property: string): WallClock {
  const wall = graphWall(value.dateTime, `${property}.dateTime`);
  return { year: wall.year, month: wall.month, day: wall.day, hour: 0, minute: 0, second: 0 };
}

/** Graph's name for a zone we write: Windows when CLDR has one, else the IANA name. */
export function graphZoneName(iana: string): string {
  return ianaToWindowsZone(iana) ?? iana;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2025-03-03T09:00:00`: Graph's `dateTime` form of a wall clock. */
export function formatGraphDateTime(wall: WallClock): string {
  return `${formatIsoDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** `2025-03-03T08:00:00Z`: an instant as Graph writes `originalStart`. */
export function formatTimestamp(ms: number): string {
  return `${formatGraphDateTime(numberToWall(ms))}Z`;
}

/**
 * An ical.js time as Graph's `dateTimeTimeZone`: the wall clock in its own zone with that zone's
 * Windows name; a date at midnight in UTC (Graph's form of an all-day time); a floating time on its
 * wall clock in UTC (Graph has no floating times).
 */
export function toGraphTime(time: ICAL.Time, iana: string | null): DateTimeTimeZone {
  if (time.isDate) return { dateTime: formatGraphDateTime(wallOf(time)), timeZone: UTC };
  if (time.zone === ICAL.Timezone.utcTimezone) {
    return { dateTime: formatGraphDateTime(numberToWall(time.toUnixTime() * 1000)), timeZone: UTC };
  }
  if (iana === null || time.zone === ICAL.Timezone.localTimezone) {
    return { dateTime: formatGraphDateTime(wallOf(time)), timeZone: UTC };
  }
  const ms = time.toUnixTime() * 1000;
  return { dateTime: formatGraphDateTime(utcToWallClock(iana, ms)), timeZone: graphZoneName(iana) };
}
