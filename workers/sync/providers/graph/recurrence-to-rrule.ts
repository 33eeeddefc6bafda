/**
 * Graph's patternedRecurrence → an RRULE (docs/sync-rules.md rule 42), built by ical.js:
 * daily; weekly with its days (`firstDayOfWeek` is WKST on every rule); absoluteMonthly (BYMONTHDAY);
 * relativeMonthly (one day: an ordinal BYDAY such as `2TH`, several: BYDAY with BYSETPOS, "the first
 * day that satisfies the pattern" per the recurrencePattern page); absoluteYearly (BYMONTH and
 * BYMONTHDAY); relativeYearly (BYMONTH and the relative days). The range: `endDate` (inclusive, a
 * date in the series' zone) → UNTIL at the end of that day, in UTC for timed series (RFC 5545
 * §3.3.10) and as a DATE for all-day ones; `numbered` → COUNT; `noEnd` → neither.
 */
import ICAL from 'ical.js';
import { wallClockToUtc } from '../../../../src/core/ical/intl-zone';
import { numberToWall, parseIsoDate, type WallClock } from '../../../../src/core/ical/wall-clock';
import { timeFromWall } from '../../../../src/core/ical/ical-time';
import { GraphShapeError } from './graph-json';
import type { DayOfWeek, PatternedRecurrence, WeekIndex } from './graph-types';
import { icalDate, icalZone } from './graph-time';

export const ICAL_DAY: Readonly<Record<DayOfWeek, string>> = {
  sunday: 'SU',
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
};

export const WEEK_ORDINAL: Readonly<Record<WeekIndex, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: -1,
};

/** How a series is placed: all-day or timed, and the IANA zone of its wall clock. */
export interface SeriesClock {
  readonly isAllDay: boolean;
  readonly zone: string;
}

function rangeDate(value: string, property: string): WallClock {
  const wall = parseIsoDate(value);
  if (!wall) throw new GraphShapeError(property, `is not a date: ${JSON.stringify(value)}`);
  return wall;
}

/** "The second Thursday" → `2TH`; "the last Tuesday or Wednesday" → `TU,WE` with BYSETPOS -1. */
function relativeDays(days: readonly DayOfWeek[], index: WeekIndex): Record<string, unknown> {
  const [only] = days;
  const ordinal = WEEK_ORDINAL[index];
  if (days.length === 1 && only !== undefined) return { byday: [`${ordinal}${ICAL_DAY[only]}`] };
  return { byday: days.map((day) => ICAL_DAY[day]), bysetpos: [ordinal] };
}

function ruleParts(recurrence: PatternedRecurrence): Record<string, unknown> {
  const { pattern } = recurrence;
  switch (pattern.type) {
    case 'daily':
      return { freq: 'DAILY' };
    case 'weekly':
      return { freq: 'WEEKLY', byday: pattern.daysOfWeek.map((day) => ICAL_DAY[day]) };
    case 'absoluteMonthly':
      return { freq: 'MONTHLY', bymonthday: [pattern.dayOfMonth] };
    case 'relativeMonthly':
      return { freq: 'MONTHLY', ...relativeDays(pattern.daysOfWeek, pattern.index) };
    case 'absoluteYearly':
      return { freq: 'YEARLY', bymonth: [pattern.month], bymonthday: [pattern.dayOfMonth] };
    case 'relativeYearly':
      return { freq: 'YEARLY', bymonth: [pattern.month], ...relativeDays(pattern.daysOfWeek, pattern.index) };
  }
}

/** The end of the range's last day: a DATE for all-day series, else 23:59:59 there in UTC. */
function untilOf(recurrence: PatternedRecurrence, clock: SeriesClock): ICAL.Time {
  const last = rangeDate(recurrence.range.endDate, 'recurrence.range.endDate');
  if (clock.isAllDay) return icalDate(last);
  const ms = wallClockToUtc(clock.zone, { ...last, hour: 23, minute: 59, second: 59 });
  return timeFromWall(numberToWall(ms), ICAL.Timezone.utcTimezone);
}

export function recurrenceToRecur(recurrence: PatternedRecurrence, clock: SeriesClock): ICAL.Recur {
  const { range, pattern } = recurrence;
  // WKST on every rule, though only weekly ones use it, so firstDayOfWeek comes back as it was.
  const data: Record<string, unknown> = {
    ...ruleParts(recurrence),
    interval: pattern.interval,
    wkst: ICAL_DAY[pattern.firstDayOfWeek],
  };
  if (range.type === 'numbered') data['count'] = range.numberOfOccurrences;
  if (range.type === 'endDate') data['until'] = untilOf(recurrence, clock);
  // ical.js reads its own part names (freq, interval, byday, …) from this object.
  return ICAL.Recur.fromData(data);
}

/** Far more steps than a search for a first occurrence needs. */
const MAX_STEPS = 10_000;

function startOn(wall: WallClock, clock: SeriesClock, timeOfDay: WallClock): ICAL.Time {
  if (clock.isAllDay) return icalDate(wall);
  const { hour, minute, second } = timeOfDay;
  return timeFromWall({ ...wall, hour, minute, second }, icalZone(clock.zone));
}

/**
 * The series' first occurrence (its DTSTART) on or after `range.startDate`, at the master's time of
 * day, or null when the rule has none. RFC 5545 counts DTSTART as an occurrence whatever the rule
 * says, so DTSTART must be the first day that matches; ical.js's iterator moves a start that does
 * not match to the first day that does, except for a MONTHLY rule with BYSETPOS, which it begins on
 * the month's first matching weekday whatever BYSETPOS says (only that first instance is off). Such a
 * rule is searched from one interval earlier and that first instance dropped.
 */
export function firstOccurrence(
  recurrence: PatternedRecurrence,
  clock: SeriesClock,
  timeOfDay: WallClock,
): ICAL.Time | null {
  const first = rangeDate(recurrence.range.startDate, 'recurrence.range.startDate');
  const start = startOn(first, clock, timeOfDay);
  const bounded = recurrenceToRecur(recurrence, clock);
  const withSetPos =
    recurrence.pattern.type === 'relativeMonthly' && recurrence.pattern.daysOfWeek.length > 1;
  if (!withSetPos) return bounded.iterator(start).next();
  const months = first.year * 12 + (first.month - 1) - recurrence.pattern.interval;
  const earlier = {
    year: Math.floor(months / 12),
    month: (months % 12) + 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
  };
  const open = recurrenceToRecur({ ...recurrence, range: { ...recurrence.range, type: 'noEnd' } }, clock);
  const iterator = open.iterator(startOn(earlier, clock, timeOfDay));
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
