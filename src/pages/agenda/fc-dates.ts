import { addDays, epochOfWallClock } from './zoned-time';

/** FullCalendar's ISO strings for a span: timed ones carry the calendar zone's offset, all-day ones are dates. */
export interface FcSpan {
  readonly startStr: string;
  /** Empty when FullCalendar dropped the end (e.g. a timed event dragged into the all-day row). */
  readonly endStr: string;
  readonly allDay: boolean;
}

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** The instant of a FullCalendar date string; wall clocks without an offset are read in `zone`. */
export function instantOfFcString(value: string, zone: string): number {
  if (value.includes('T') && HAS_OFFSET.test(value)) return Date.parse(value);
  return epochOfWallClock(value.slice(0, value.includes('T') ? 19 : 10), zone);
}

export const DEFAULT_TIMED_MINUTES = 60;

/**
 * A dropped or resized event as moveOccurrence's times: epoch ms, end exclusive. An all-day span runs
 * from midnight to midnight in the viewer's zone; a missing end means one day (all-day) or one hour.
 */
export function moveTimesFromSpan(
  span: FcSpan,
  zone: string,
): { start: number; end: number; allDay: boolean } {
  if (span.allDay) {
    const startDate = span.startStr.slice(0, 10);
    const endDate = span.endStr === '' ? addDays(startDate, 1) : span.endStr.slice(0, 10);
    return {
      start: epochOfWallClock(startDate, zone),
      end: epochOfWallClock(endDate > startDate ? endDate : addDays(startDate, 1), zone),
      allDay: true,
    };
  }
  const start = instantOfFcString(span.startStr, zone);
  const end =
    span.endStr === '' ? start + DEFAULT_TIMED_MINUTES * 60_000 : instantOfFcString(span.endStr, zone);
  return { start, end: Math.max(end, start), allDay: false };
}
