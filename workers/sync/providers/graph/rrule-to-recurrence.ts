/**
 * An event's RRULE → Graph's patternedRecurrence (the reverse of recurrence-to-rrule.ts, for creates
 * and edits). DAILY; DAILY on some weekdays every day → weekly; WEEKLY with BYDAY and WKST →
 * firstDayOfWeek; MONTHLY / YEARLY with one BYMONTHDAY → absolute, with an ordinal BYDAY (1–4, -1) or
 * BYDAY plus BYSETPOS → relative; missing parts come from DTSTART as RFC 5545 §3.3.10 says. UNTIL →
 * an inclusive endDate in the series' zone (the day before UNTIL's when that day's occurrence would
 * start after it, as with the UNTIL "this and following" writes), COUNT → numbered. Anything else throws
 * UnsupportedRecurrenceError: Outlook cannot repeat an event that way.
 */
import ICAL from 'ical.js';
import { wallOf } from '../../../../src/core/ical/ical-time';
import { utcToWallClock } from '../../../../src/core/ical/intl-zone';
import { addDays, formatIsoDate, weekdayIndex, type WallClock } from '../../../../src/core/ical/wall-clock';
import {
  DayOfWeek,
  PatternType,
  RangeType,
  WeekIndex,
  type PatternedRecurrence,
  type RecurrencePattern,
  type RecurrenceRange,
} from './graph-types';
import { graphZoneName } from './graph-time';
import { ICAL_DAY, WEEK_ORDINAL } from './recurrence-to-rrule';
import { UnsupportedRecurrenceError, UnsupportedRecurrenceReason as Reason } from './unsupported-recurrence';

const NO_DATE = '0001-01-01';
const DAY_BY_ICAL = new Map(Object.entries(ICAL_DAY).map(([day, code]) => [code, day as DayOfWeek]));
const INDEX_BY_ORDINAL = new Map(Object.entries(WEEK_ORDINAL).map(([index, n]) => [n, index as WeekIndex]));
/** Monday first, as weekdayIndex counts. */
const WEEKDAYS: readonly DayOfWeek[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const ICAL_WEEKDAY_NUMBER: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

interface ByDay {
  readonly ordinal: number | null;
  readonly day: DayOfWeek;
}

function readByDay(values: readonly unknown[], rule: string): ByDay[] {
  return values.map((value) => {
    const match = typeof value === 'string' ? /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(value) : null;
    const day = match?.[2] !== undefined ? DAY_BY_ICAL.get(match[2]) : undefined;
    if (!match || day === undefined) throw new UnsupportedRecurrenceError(Reason.weekdayPosition, rule);
    return { ordinal: match[1] !== undefined ? Number(match[1]) : null, day };
  });
}

function numbers(values: readonly unknown[] | undefined): number[] {
  return (values ?? []).map(Number);
}

/** The series' place in time: DTSTART's wall clock and the zone UNTIL is read in. */
export interface RuleStart {
  readonly dtstart: ICAL.Time;
  /** The IANA zone of DTSTART; null for dates and floating times. */
  readonly zone: string | null;
}

function indexOf(ordinal: number, rule: string): WeekIndex {
  const index = INDEX_BY_ORDINAL.get(ordinal);
  if (index === undefined) throw new UnsupportedRecurrenceError(Reason.weekdayPosition, rule);
  return index;
}

/** "The nth of these weekdays" from an ordinal BYDAY or BYDAY with BYSETPOS. */
function relative(
  days: readonly ByDay[],
  setPos: readonly number[],
  rule: string,
): Pick<RecurrencePattern, 'daysOfWeek' | 'index'> {
  const [only] = days;
  if (days.length === 1 && only !== undefined && only.ordinal !== null && setPos.length === 0) {
    return { daysOfWeek: [only.day], index: indexOf(only.ordinal, rule) };
  }
  if (days.some((day) => day.ordinal !== null))
    throw new UnsupportedRecurrenceError(Reason.weekdayPosition, rule);
  const [position] = setPos;
  if (setPos.length !== 1 || position === undefined)
    throw new UnsupportedRecurrenceError(Reason.weekdaysInPeriod, rule);
  return { daysOfWeek: days.map((day) => day.day), index: indexOf(position, rule) };
}

function singleMonthDay(monthDays: readonly number[], start: WallClock, rule: string): number {
  const [only] = monthDays;
  if (monthDays.length === 0) return start.day;
  if (monthDays.length > 1 || only === undefined || only < 1)
    throw new UnsupportedRecurrenceError(Reason.monthDays, rule);
  return only;
}

function patternOf(recur: ICAL.Recur, start: WallClock, rule: string): RecurrencePattern {
  const parts = recur.parts as Record<string, readonly unknown[] | undefined>;
  for (const name of Object.keys(parts)) {
    if (name === 'BYHOUR' || name === 'BYMINUTE' || name === 'BYSECOND')
      throw new UnsupportedRecurrenceError(Reason.timeOfDay, rule);
    if (name === 'BYWEEKNO' || name === 'BYYEARDAY')
      throw new UnsupportedRecurrenceError(Reason.weekOrYearDays, rule);
  }
  const days = readByDay(parts['BYDAY'] ?? [], rule);
  const monthDays = numbers(parts['BYMONTHDAY']);
  const months = numbers(parts['BYMONTH']);
  const setPos = numbers(parts['BYSETPOS']);
  const firstDayOfWeek = ICAL_WEEKDAY_NUMBER[recur.wkst - 1] ?? DayOfWeek.monday;
  const base = {
    interval: recur.interval,
    month: 0,
    dayOfMonth: 0,
    daysOfWeek: [] as DayOfWeek[],
    firstDayOfWeek,
    index: WeekIndex.first,
  };
  const startDay = WEEKDAYS[weekdayIndex(start)] ?? DayOfWeek.monday;
  const plainDays = (): DayOfWeek[] => {
    if (days.some((day) => day.ordinal !== null))
      throw new UnsupportedRecurrenceError(Reason.weekdayPosition, rule);
    return days.length > 0 ? days.map((day) => day.day) : [startDay];
  };
  const onlyMonth = (): number => {
    const [only] = months;
    if (months.length === 0) return start.month;
    if (months.length > 1 || only === undefined)
      throw new UnsupportedRecurrenceError(Reason.severalMonths, rule);
    return only;
  };
  switch (recur.freq) {
    case 'DAILY': {
      if (monthDays.length > 0 || months.length > 0 || setPos.length > 0)
        throw new UnsupportedRecurrenceError(Reason.monthDays, rule);
      if (days.length === 0) return { ...base, type: PatternType.daily };
      if (recur.interval !== 1) throw new UnsupportedRecurrenceError(Reason.dailyOnWeekdays, rule);
      return { ...base, type: PatternType.weekly, daysOfWeek: plainDays() };
    }
    case 'WEEKLY':
      if (monthDays.length > 0 || setPos.length > 0)
        throw new UnsupportedRecurrenceError(Reason.monthDays, rule);
      if (months.length > 0) throw new UnsupportedRecurrenceError(Reason.severalMonths, rule);
      return { ...base, type: PatternType.weekly, daysOfWeek: plainDays() };
    case 'MONTHLY':
      if (months.length > 0) throw new UnsupportedRecurrenceError(Reason.severalMonths, rule);
      if (days.length > 0) {
        if (monthDays.length > 0) throw new UnsupportedRecurrenceError(Reason.unboundedMonthDays, rule);
        return { ...base, type: PatternType.relativeMonthly, ...relative(days, setPos, rule) };
      }
      if (setPos.length > 0) throw new UnsupportedRecurrenceError(Reason.monthDays, rule);
      return {
        ...base,
        type: PatternType.absoluteMonthly,
        dayOfMonth: singleMonthDay(monthDays, start, rule),
      };
    case 'YEARLY': {
      const month = onlyMonth();
      if (days.length > 0) {
        if (monthDays.length > 0) throw new UnsupportedRecurrenceError(Reason.unboundedMonthDays, rule);
        return { ...base, type: PatternType.relativeYearly, month, ...relative(days, setPos, rule) };
      }
      if (setPos.length > 0) throw new UnsupportedRecurrenceError(Reason.monthDays, rule);
      return {
        ...base,
        type: PatternType.absoluteYearly,
        month,
        dayOfMonth: singleMonthDay(monthDays, start, rule),
      };
    }
    default:
      throw new UnsupportedRecurrenceError(Reason.frequency, rule);
  }
}

function rangeOf(recur: ICAL.Recur, start: RuleStart): RecurrenceRange {
  const startWall = wallOf(start.dtstart);
  const base = {
    startDate: formatIsoDate(startWall),
    endDate: NO_DATE,
    recurrenceTimeZone: start.zone !== null ? graphZoneName(start.zone) : 'UTC',
    numberOfOccurrences: 0,
  };
  if (recur.count !== null && recur.count > 0)
    return { ...base, type: RangeType.numbered, numberOfOccurrences: recur.count };
  const until = recur.until;
  if (until === null) return { ...base, type: RangeType.noEnd };
  const inZone =
    !until.isDate && until.zone === ICAL.Timezone.utcTimezone && start.zone !== null
      ? utcToWallClock(start.zone, until.toUnixTime() * 1000)
      : wallOf(until);
  // Graph's endDate takes in the whole day: a day whose occurrence starts after UNTIL is not the last.
  const secondOfDay = (wall: WallClock) => wall.hour * 3600 + wall.minute * 60 + wall.second;
  const lastDay =
    !until.isDate && !start.dtstart.isDate && secondOfDay(inZone) < secondOfDay(startWall)
      ? addDays(inZone, -1)
      : inZone;
  return { ...base, type: RangeType.endDate, endDate: formatIsoDate(lastDay) };
}

/**
 * The patternedRecurrence of a master VEVENT, or null when it does not repeat. Throws
 * UnsupportedRecurrenceError for what Outlook cannot store: RDATE, EXRULE, several RRULEs and rules
 * outside Graph's six pattern types.
 */
export function recurrenceOfComponent(vevent: ICAL.Component, start: RuleStart): PatternedRecurrence | null {
  const rules = vevent.getAllProperties('rrule');
  const [first] = rules;
  const ruleText = rules.map((property) => property.toICALString()).join(' ');
  if (vevent.hasProperty('rdate'))
    throw new UnsupportedRecurrenceError(Reason.extraDates, ruleText || 'RDATE');
  if (vevent.hasProperty('exrule'))
    throw new UnsupportedRecurrenceError(Reason.exclusionRule, ruleText || 'EXRULE');
  if (first === undefined) return null;
  if (rules.length > 1) throw new UnsupportedRecurrenceError(Reason.severalRules, ruleText);
  const recur = first.getFirstValue() as ICAL.Recur;
  return rruleToRecurrence(recur, start);
}

export function rruleToRecurrence(recur: ICAL.Recur, start: RuleStart): PatternedRecurrence {
  const rule = recur.toString();
  return { pattern: patternOf(recur, wallOf(start.dtstart), rule), range: rangeOf(recur, start) };
}
