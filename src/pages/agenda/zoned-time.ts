import { Temporal } from 'temporal-polyfill';

/**
 * Wall-clock ↔ instant conversions in the viewer's zone, for the agenda's glue code. Temporal handles
 * DST gaps and overlaps (gaps move forward, overlaps take the earlier instant), so nothing here
 * depends on the machine's own zone.
 */

/** `YYYY-MM-DD` of the instant in `zone`. */
export function dateInZone(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** `YYYY-MM-DDTHH:mm` of the instant in `zone`. */
export function wallClockInZone(epochMs: number, zone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  return zoned.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The instant of a wall clock (`YYYY-MM-DD` = midnight, or `YYYY-MM-DDTHH:mm[:ss]`) in `zone`. */
export function epochOfWallClock(wallClock: string, zone: string): number {
  const plain = wallClock.includes('T')
    ? Temporal.PlainDateTime.from(wallClock)
    : Temporal.PlainDate.from(wallClock).toPlainDateTime();
  return plain.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function addMinutes(wallClock: string, minutes: number): string {
  return Temporal.PlainDateTime.from(wallClock).add({ minutes }).toString({ smallestUnit: 'minute' });
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'day' }).days;
}

/** Wall-clock minutes from `a` to `b` (`YYYY-MM-DDTHH:mm`), ignoring DST: what the user typed. */
export function minutesBetween(a: string, b: string): number {
  return Temporal.PlainDateTime.from(a).until(Temporal.PlainDateTime.from(b), { largestUnit: 'minute' })
    .minutes;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a `YYYY-MM-DD`. */
export function isoWeekday(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}
