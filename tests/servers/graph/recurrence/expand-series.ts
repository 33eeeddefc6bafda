/**
 * The occurrences of a series: its RRULE (pattern-to-rrule.ts) expanded by ical.js on the series'
 * wall clock from its first occurrence (on or after `range.startDate`) at the master's time of day, each occurrence then placed in the
 * series' zone (so 09:00 stays 09:00 across DST) and given the master's duration.
 */
import ICAL from 'ical.js';
import { addDays, parseWall, wallToNumber, type Wall } from '../time/wall-clock';
import { wallToUtc } from '../time/zones';
import { patternToRrule } from './pattern-to-rrule';
import type { PatternedRecurrence } from './patterned-recurrence';

export interface SeriesTiming {
  readonly recurrence: PatternedRecurrence;
  /** The master's start on its wall clock (only the time of day is used). */
  readonly startWall: Wall;
  readonly isAllDay: boolean;
  readonly iana: string;
  /** Timed series: the duration in ms; all-day series: in whole days × 86,400,000. */
  readonly durationMs: number;
}

export interface Occurrence {
  readonly originalStartMs: number;
  readonly startWall: Wall;
  readonly startMs: number;
  readonly endMs: number;
}

/** Far more than any window needs; a guard against a rule that never reaches the window's end. */
const MAX_STEPS = 200_000;
const MAX_OFFSET_MS = 14 * 3_600_000;
const DAY_MS = 86_400_000;

function timeOn(timing: SeriesTiming, year: number, month: number, day: number): ICAL.Time {
  const { hour, minute, second } = timing.startWall;
  return timing.isAllDay
    ? ICAL.Time.fromData({ year, month, day, isDate: true })
    : ICAL.Time.fromData({ year, month, day, hour, minute, second });
}

/**
 * The series' first occurrence (the DTSTART the expansion starts from), on or after
 * `range.startDate`. ical.js begins a MONTHLY rule with BYDAY and BYSETPOS on the month's first
 * matching weekday whatever BYSETPOS says (only that first instance is off), so for such a rule
 * (relativeMonthly on several days) the search starts one interval earlier and drops that first
 * instance; every month has the weekdays it asks for, so what follows is the rule's own answer.
 */
function firstStart(timing: SeriesTiming): ICAL.Time | null {
  const { pattern, range } = timing.recurrence;
  const first = parseWall(range.startDate);
  if (!first) throw new RangeError(`Bad startDate ${range.startDate}`);
  const start = timeOn(timing, first.year, first.month, first.day);
  const bounded = ICAL.Recur.fromString(patternToRrule(timing.recurrence, timing.isAllDay));
  const withSetPos = pattern.type === 'relativeMonthly' && pattern.daysOfWeek.length > 1;
  if (!withSetPos) return bounded.iterator(start).next();
  const months = first.year * 12 + (first.month - 1) - pattern.interval;
  const earlier = timeOn(timing, Math.floor(months / 12), (months % 12) + 1, 1);
  const open = { ...timing.recurrence, range: { ...range, type: 'noEnd' as const } };
  const iterator = ICAL.Recur.fromString(patternToRrule(open, timing.isAllDay)).iterator(earlier);
  iterator.next();
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const next = iterator.next() as ICAL.Time | null;
    if (!next) return null;
    if (next.compare(start) >= 0) {
      const kept = bounded.iterator(next).next() as ICAL.Time | null;
      return kept && kept.compare(next) === 0 ? next : null;
    }
  }
  return null;
}

function place(timing: SeriesTiming, time: ICAL.Time): Occurrence {
  const startWall: Wall = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: timing.isAllDay ? 0 : time.hour,
    minute: timing.isAllDay ? 0 : time.minute,
    second: timing.isAllDay ? 0 : time.second,
  };
  const startMs = wallToUtc(startWall, timing.iana);
  const endMs = timing.isAllDay
    ? wallToUtc(addDays(startWall, Math.round(timing.durationMs / DAY_MS)), timing.iana)
    : startMs + timing.durationMs;
  return { originalStartMs: startMs, startWall, startMs, endMs };
}

/**
 * Occurrences overlapping [fromMs, toMs) in order, or the first `limit` occurrences of the series
 * when `limit` is given (for "the n-th occurrence").
 */
export function expandSeries(
  timing: SeriesTiming,
  fromMs: number,
  toMs: number,
  limit = Number.POSITIVE_INFINITY,
): Occurrence[] {
  const dtstart = firstStart(timing);
  if (!dtstart) return [];
  const rule = ICAL.Recur.fromString(patternToRrule(timing.recurrence, timing.isAllDay));
  const iterator = rule.iterator(dtstart);
  const found: Occurrence[] = [];
  for (let step = 0; step < MAX_STEPS && found.length < limit; step += 1) {
    const next = iterator.next() as ICAL.Time | null;
    if (!next) break;
    const occurrence = place(timing, next);
    if (wallToNumber(occurrence.startWall) - MAX_OFFSET_MS >= toMs) break;
    const overlaps =
      occurrence.startMs < toMs &&
      (occurrence.endMs > fromMs ||
        (occurrence.endMs === occurrence.startMs && occurrence.startMs >= fromMs));
    if (overlaps) found.push(occurrence);
  }
  return found;
}

/** The first `count` occurrences from the series' start. */
export function firstOccurrences(timing: SeriesTiming, count: number): Occurrence[] {
  return expandSeries(timing, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, count);
}
