/**
 * Graph's recurrence pattern as an RFC 5545 RRULE, so ical.js expands it (the client reads series the
 * same way). Per the recurrencePattern page: several `daysOfWeek` with an `index` mean "the first day
 * that satisfies the pattern" → BYDAY with BYSETPOS (one day: an ordinal BYDAY such as `2TH`); an
 * `endDate` range ends on that date inclusive.
 * Floating times: the series is expanded on its wall clock and placed in its zone afterwards.
 */
import type { DayOfWeek, PatternedRecurrence, WeekIndex } from './patterned-recurrence';

const BYDAY: Record<DayOfWeek, string> = {
  sunday: 'SU',
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
};
const SETPOS: Record<WeekIndex, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/**
 * "The second Thursday": `BYDAY=2TH`; "the last Tuesday or Wednesday": BYDAY with BYSETPOS. The
 * ordinal form is RFC 5545's own for one day, and ical.js expands it several times faster.
 */
function relativeDays(days: readonly DayOfWeek[], index: WeekIndex): string[] {
  const [only] = days;
  if (days.length === 1 && only) return [`BYDAY=${SETPOS[index]}${BYDAY[only]}`];
  return [`BYDAY=${days.map((day) => BYDAY[day]).join(',')}`, `BYSETPOS=${SETPOS[index]}`];
}

export function patternToRrule(recurrence: PatternedRecurrence, isAllDay: boolean): string {
  const { pattern, range } = recurrence;
  const parts: string[] = [];
  const days = pattern.daysOfWeek.map((day) => BYDAY[day]).join(',');
  switch (pattern.type) {
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekly':
      parts.push('FREQ=WEEKLY', `BYDAY=${days}`, `WKST=${BYDAY[pattern.firstDayOfWeek]}`);
      break;
    case 'absoluteMonthly':
      parts.push('FREQ=MONTHLY', `BYMONTHDAY=${pattern.dayOfMonth}`);
      break;
    case 'relativeMonthly':
      parts.push('FREQ=MONTHLY', ...relativeDays(pattern.daysOfWeek, pattern.index));
      break;
    case 'absoluteYearly':
      parts.push('FREQ=YEARLY', `BYMONTH=${pattern.month}`, `BYMONTHDAY=${pattern.dayOfMonth}`);
      break;
    case 'relativeYearly':
      parts.push(
        'FREQ=YEARLY',
        `BYMONTH=${pattern.month}`,
        ...relativeDays(pattern.daysOfWeek, pattern.index),
      );
      break;
  }
  parts.splice(1, 0, `INTERVAL=${pattern.interval}`);
  if (range.type === 'numbered') parts.push(`COUNT=${range.numberOfOccurrences}`);
  if (range.type === 'endDate') {
    const date = range.endDate.replace(/-/g, '');
    parts.push(`UNTIL=${isAllDay ? date : `${date}T235959`}`);
  }
  return parts.join(';');
}
