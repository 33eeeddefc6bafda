import { utcToWallClock, wallClockToUtc } from '../../core/ical/intl-zone';
import {
  addDays as addWallDays,
  formatIsoDate,
  formatIsoLocal,
  numberToWall,
  parseIsoDate,
  parseIsoLocal,
  wallToNumber,
  weekdayIndex,
  type WallClock,
} from '../../core/ical/wall-clock';

/**
 * Wall-clock ↔ instant conversions in the viewer's zone, for the agenda's glue code, on the core's
 * Intl-based zone arithmetic (src/core/ical/intl-zone.ts: DST gaps move forward, overlaps take the
 * earlier instant), so nothing here depends on the machine's own zone. It replaced temporal-polyfill,
 * which was a third of the agenda chunk. Malformed input throws, as Temporal did.
 */

function dateOf(text: string): WallClock {
  const wall = parseIsoDate(text);
  if (!wall) throw new RangeError(`Not a date: ${text}`);
  return wall;
}

function wallOf(text: string): WallClock {
  const wall = text.includes('T') ? parseIsoLocal(text) : parseIsoDate(text);
  if (!wall) throw new RangeError(`Not a wall-clock time: ${text}`);
  return wall;
}

/** `YYYY-MM-DD` of the instant in `zone`. */
export function dateInZone(epochMs: number, zone: string): string {
  return formatIsoDate(utcToWallClock(zone, epochMs));
}

/** `YYYY-MM-DDTHH:mm` of the instant in `zone`. */
export function wallClockInZone(epochMs: number, zone: string): string {
  return formatIsoLocal(utcToWallClock(zone, epochMs));
}

/** The instant of a wall clock (`YYYY-MM-DD` = midnight, or `YYYY-MM-DDTHH:mm[:ss]`) in `zone`. */
export function epochOfWallClock(wallClock: string, zone: string): number {
  return wallClockToUtc(zone, wallOf(wallClock));
}

export function addDays(date: string, days: number): string {
  return formatIsoDate(addWallDays(dateOf(date), days));
}

export function addMinutes(wallClock: string, minutes: number): string {
  return formatIsoLocal(numberToWall(wallToNumber(wallOf(wallClock)) + minutes * 60_000));
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((wallToNumber(dateOf(b)) - wallToNumber(dateOf(a))) / 86_400_000);
}

/** Wall-clock minutes from `a` to `b` (`YYYY-MM-DDTHH:mm`), ignoring DST: what the user typed. */
export function minutesBetween(a: string, b: string): number {
  return Math.trunc((wallToNumber(wallOf(b)) - wallToNumber(wallOf(a))) / 60_000);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a `YYYY-MM-DD`. */
export function isoWeekday(date: string): number {
  return weekdayIndex(dateOf(date)) + 1;
}
