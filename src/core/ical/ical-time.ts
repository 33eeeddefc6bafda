/**
 * ical.js times ↔ epoch ms, wall clocks and RECURRENCE-ID text. Dates and floating times have no
 * instant of their own: they are placed in the zone given (the viewer's).
 */
import ICAL from 'ical.js';
import { utcToWallClock, wallClockToUtc } from './intl-zone';
import { IntlTimezone } from './time-zones';
import { formatIcalDate, formatIcalDateTime, numberToWall, type WallClock } from './wall-clock';

export function isFloatingTime(time: ICAL.Time): boolean {
  return !time.isDate && time.zone === ICAL.Timezone.localTimezone;
}

export function isUtcTime(time: ICAL.Time): boolean {
  return !time.isDate && time.zone === ICAL.Timezone.utcTimezone;
}

export function wallOf(time: ICAL.Time): WallClock {
  return {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
}

/** Epoch ms of a time; dates (midnight) and floating times are placed in `placeIn`. */
export function timeToMs(time: ICAL.Time, placeIn: string): number {
  if (time.isDate || isFloatingTime(time)) return wallClockToUtc(placeIn, wallOf(time));
  return time.toUnixTime() * 1000;
}

/**
 * The RECURRENCE-ID text of an occurrence: `20261124` for dates, `20261124T090000` for floating
 * times, and UTC (`20261124T080000Z`) for everything else, so zoned and UTC ids compare equal.
 */
export function recurrenceIdText(time: ICAL.Time): string {
  if (time.isDate) return formatIcalDate(wallOf(time));
  if (isFloatingTime(time)) return formatIcalDateTime(wallOf(time));
  return `${formatIcalDateTime(numberToWall(time.toUnixTime() * 1000))}Z`;
}

/** A new ical.js time for a wall clock in `zone` (floating when `zone` is the floating zone). */
export function timeFromWall(wall: WallClock, zone: ICAL.Timezone, isDate = false): ICAL.Time {
  return ICAL.Time.fromData(
    isDate ? { year: wall.year, month: wall.month, day: wall.day, isDate: true } : { ...wall, isDate: false },
    isDate ? undefined : zone,
  );
}

/** The wall clock of an instant in an ical.js zone (Intl for IANA zones, ical.js otherwise). */
export function wallInZone(utcMs: number, zone: ICAL.Timezone): WallClock {
  if (zone instanceof IntlTimezone) return utcToWallClock(zone.iana, utcMs);
  if (zone === ICAL.Timezone.utcTimezone || zone === ICAL.Timezone.localTimezone) return numberToWall(utcMs);
  const utc = ICAL.Time.fromData({
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    isDate: false,
  });
  utc.fromUnixTime(utcMs / 1000);
  return wallOf(utc.convertToZone(zone));
}

/** An instant as an ical.js time in `zone`. */
export function timeAtInstant(utcMs: number, zone: ICAL.Timezone): ICAL.Time {
  return timeFromWall(wallInZone(utcMs, zone), zone);
}

/** Parses a RECURRENCE-ID text back into its kind and wall clock (UTC for the `Z` form). */
export function parseRecurrenceIdText(
  text: string,
): { readonly kind: 'date' | 'floating' | 'utc'; readonly wall: WallClock } | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text);
  if (!match) return null;
  const wall: WallClock = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? '0'),
    minute: Number(match[5] ?? '0'),
    second: Number(match[6] ?? '0'),
  };
  if (match[4] === undefined) return { kind: 'date', wall };
  return { kind: match[7] === 'Z' ? 'utc' : 'floating', wall };
}
