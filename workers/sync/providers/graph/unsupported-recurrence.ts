/**
 * A repeat rule Outlook cannot store (Graph's patternedRecurrence has six pattern types and no times
 * of day, extra dates or exclusion rules): the reason as data, and words a user understands saying
 * what to change. Thrown by rrule-to-recurrence.ts; the provider sets the edit aside with it.
 */
export const UnsupportedRecurrenceReason = {
  frequency: 'frequency',
  timeOfDay: 'time-of-day',
  weekOrYearDays: 'week-or-year-days',
  severalMonths: 'several-months',
  monthDays: 'month-days',
  weekdayPosition: 'weekday-position',
  weekdaysInPeriod: 'weekdays-in-period',
  dailyOnWeekdays: 'daily-on-weekdays',
  extraDates: 'extra-dates',
  exclusionRule: 'exclusion-rule',
  severalRules: 'several-rules',
  unboundedMonthDays: 'unbounded-month-days',
} as const;
export type UnsupportedRecurrenceReason =
  (typeof UnsupportedRecurrenceReason)[keyof typeof UnsupportedRecurrenceReason];

const WHY: Readonly<Record<UnsupportedRecurrenceReason, string>> = {
  frequency: 'it repeats more often than once a day',
  'time-of-day': 'it repeats at several times of the day',
  'week-or-year-days': 'it repeats on numbered weeks or days of the year',
  'several-months': 'it repeats in several months of the year',
  'month-days': 'it repeats on several days of the month, or on days counted from the end of the month',
  'weekday-position': 'it repeats on a weekday counted past the fourth or from the end other than the last',
  'weekdays-in-period': 'it repeats on every such weekday of the month or year rather than one of them',
  'daily-on-weekdays': 'it repeats every few days but only on some weekdays',
  'extra-dates': 'it has extra dates added to the series',
  'exclusion-rule': 'it has a rule that removes dates',
  'several-rules': 'it has more than one repeat rule',
  'unbounded-month-days': 'it combines days of the month with weekdays',
};

export class UnsupportedRecurrenceError extends Error {
  readonly kind = 'unsupported-recurrence' as const;
  readonly reason: UnsupportedRecurrenceReason;
  /** The rule as it stands, for the sync log. */
  readonly rule: string;

  constructor(reason: UnsupportedRecurrenceReason, rule: string) {
    super(
      `Outlook cannot repeat an event this way: ${WHY[reason]}. Change the repeat to daily, weekly, ` +
        'monthly or yearly in the event, or keep it in a calendar that is not on Microsoft 365.',
    );
    this.name = 'UnsupportedRecurrenceError';
    this.reason = reason;
    this.rule = rule;
  }
}

export function isUnsupportedRecurrenceError(value: unknown): value is UnsupportedRecurrenceError {
  return value instanceof UnsupportedRecurrenceError;
}
