/**
 * RRULE iteration that drops dates a rule never asked for (RFC 5545 §3.3.10: "Recurrence rules may
 * generate recurrence instances with an invalid date (e.g., February 30) […]. Such recurrence
 * instances MUST be ignored and MUST NOT be counted as part of the recurrence set.").
 *
 * ical.js 2.2.1 (the latest release) rolls some invalid dates over to the next month instead: its
 * `RecurIterator` sets a day on an `ICAL.Time` that does not have it, and `Time` normalises it
 * (29 February → 1 March). Measured paths:
 * - `expand_year_days` with no BY part (FREQ=YEARLY from 29 February: 1 March in common years;
 *   kewisch/ical.js#91, closed though it still happens; a fix is proposed in the unmerged #1004),
 *   with BYMONTH only (the 31st of January in February → 2 or 3 March), with BYMONTHDAY only, and
 *   with BYMONTH + BYMONTHDAY (BYMONTH=2;BYMONTHDAY=30 → 1 or 2 March; BYMONTH=4;BYMONTHDAY=31 → 1 May);
 * - `next_month` with BYHOUR/BYMINUTE from the 31st (FREQ=MONTHLY;BYHOUR=9,10 → 1 February 10:00).
 * Plain MONTHLY from the 31st, BYMONTHDAY=-31 and BYYEARDAY=366 are skipped correctly by ical.js.
 * Its main branch (March 2026) has no change to `RecurIterator` since 2.2.1.
 *
 * What dropping cannot mend: ical.js also misses valid dates of YEARLY;BYMONTH=…;BYMONTHDAY=-31
 * after the first year (it reads the negative day against one month only, finds none and stops).
 *
 * So each RRULE runs through `ValidDatesIterator`: ical.js's own iterator without COUNT, whose dates
 * are checked against the rule's BY parts (and the day and month DTSTART gives when the rule names
 * none); a date that fails is dropped, and COUNT is counted here over the dates kept. This checks
 * dates, it does not compute them: every date still comes from ical.js.
 */
import ICAL from 'ical.js';
import { recurProperties } from './component-utils';

/**
 * ical.js dates dropped in a row before a rule is taken to have no valid date at all
 * (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 yields 1 or 2 March forever; 500 yearly steps of ical.js take
 * about 0.3 s). A leap-day rule drops 7 in a row around 2100, times its BYHOUR × BYMINUTE values;
 * MONTHLY;BYHOUR=0…23;BYMINUTE=0,30 from the 31st drops 47.
 */
export const MAX_DROPPED_IN_A_ROW = 500;

/** A BYMONTHDAY / BYYEARDAY value as a day number in a month or year of `length` days; null if none. */
function dayNumber(value: number, length: number): number | null {
  if (value > 0) return value <= length ? value : null;
  return value < 0 && -value <= length ? length + value + 1 : null;
}

/** What the rule allows a date to be, read once per iterator. */
interface DateCheck {
  readonly months: ReadonlySet<number> | null;
  readonly monthDays: readonly number[] | null;
  readonly yearDays: readonly number[] | null;
  readonly weekdays: ReadonlySet<number> | null;
  /** DTSTART's day of the month when the rule names no day (RFC 5545 §3.3.10: "derived from DTSTART"). */
  readonly impliedDay: number | null;
  /** DTSTART's month, for a YEARLY rule that names no month and no day. */
  readonly impliedMonth: number | null;
}

function dateCheckOf(rule: ICAL.Recur, dtstart: ICAL.Time): DateCheck {
  const { BYMONTH, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYDAY } = rule.parts;
  const monthOrYear = rule.freq === 'MONTHLY' || rule.freq === 'YEARLY';
  const namesDay = BYMONTHDAY !== undefined || BYYEARDAY !== undefined || BYWEEKNO !== undefined;
  const namesNoDay = !namesDay && BYDAY === undefined;
  return {
    months: BYMONTH ? new Set(BYMONTH) : null,
    monthDays: BYMONTHDAY ?? null,
    yearDays: BYYEARDAY ?? null,
    // "-1FR", "2MO", "TU": the weekday is the last two letters (Sunday is 1, as `Time.dayOfWeek`).
    weekdays: BYDAY ? new Set(BYDAY.map((day) => ICAL.Recur.icalDayToNumericDay(day.slice(-2)))) : null,
    impliedDay: monthOrYear && namesNoDay ? dtstart.day : null,
    impliedMonth: rule.freq === 'YEARLY' && namesNoDay && BYMONTH === undefined ? dtstart.month : null,
  };
}

/** True when `time` is a date the rule asks for; DTSTART's own date always is. */
function isAskedFor(check: DateCheck, time: ICAL.Time, dtstart: ICAL.Time): boolean {
  if (time.year === dtstart.year && time.month === dtstart.month && time.day === dtstart.day) return true;
  if (check.months !== null && !check.months.has(time.month)) return false;
  if (check.impliedMonth !== null && time.month !== check.impliedMonth) return false;
  if (check.impliedDay !== null && time.day !== check.impliedDay) return false;
  if (check.monthDays !== null) {
    const length = ICAL.Time.daysInMonth(time.month, time.year);
    if (!check.monthDays.some((value) => dayNumber(value, length) === time.day)) return false;
  }
  if (check.yearDays !== null) {
    const length = ICAL.Time.isLeapYear(time.year) ? 366 : 365;
    const day = time.dayOfYear();
    if (!check.yearDays.some((value) => dayNumber(value, length) === day)) return false;
  }
  return check.weekdays === null || check.weekdays.has(time.dayOfWeek());
}

/** The rule without COUNT (counted by `ValidDatesIterator`), its UNTIL kept as the same instant. */
function uncounted(rule: ICAL.Recur): ICAL.Recur {
  const copy = rule.clone();
  // `clone` goes through text, which drops UNTIL's zone (series.ts may have set one).
  copy.until = rule.until === null ? null : rule.until.clone();
  copy.count = null;
  return copy;
}

export class ValidDatesIterator extends ICAL.RecurIterator {
  readonly #count: number | null;
  readonly #check: DateCheck;
  readonly #onGiveUp: (() => void) | undefined;
  #kept = 0;

  constructor(rule: ICAL.Recur, dtstart: ICAL.Time, onGiveUp?: () => void) {
    super({ rule: uncounted(rule), dtstart });
    this.#count = rule.count;
    this.#check = dateCheckOf(rule, this.dtstart);
    this.#onGiveUp = onGiveUp;
  }

  /**
   * The next valid date; like ical.js, null (typed as Time by ical.js) once the rule is complete.
   * Every null returned is ical.js's own: `completed` is set, then ical.js is asked once more.
   */
  override next(again?: boolean): ICAL.Time {
    // ical.js calls next(true) on itself to step over a date it produced twice: that step is its own.
    if (again === true) return super.next(true);
    if (this.#count !== null && this.#kept >= this.#count) this.completed = true;
    for (let dropped = 0; ; dropped += 1) {
      if (dropped === MAX_DROPPED_IN_A_ROW) {
        this.completed = true;
        this.#onGiveUp?.();
      }
      const time = super.next();
      if (this.completed || (time as ICAL.Time | null) === null) return time;
      if (isAskedFor(this.#check, time, this.dtstart)) {
        this.#kept += 1;
        return time;
      }
    }
  }
}

/**
 * Makes every RRULE of `master` iterate through `ValidDatesIterator`, so that ical.js's
 * `RecurExpansion` (`Event.iterator()`, which calls each rule's `iterator`) merges only valid rule
 * dates with RDATE and EXDATE, and counts COUNT over them. Set on the parsed values, not on ical.js's
 * prototype; `onGiveUp` hears of a rule stopped for yielding no valid date.
 */
export function keepValidRuleDates(master: ICAL.Component, onGiveUp?: (rule: ICAL.Recur) => void): void {
  for (const rule of recurProperties(master)) {
    const giveUp =
      onGiveUp === undefined
        ? undefined
        : () => {
            onGiveUp(rule);
          };
    rule.iterator = (dtstart: ICAL.Time) => new ValidDatesIterator(rule, dtstart, giveUp);
  }
}
