/**
 * Why Outlook cannot store an event's repeat rule (Graph's patternedRecurrence has six pattern types
 * and no times of day, extra dates or exclusion rules): one list that the Graph provider throws with
 * (AppError kind `unsupported-recurrence`, the reason as its `detail`) and the page words in each
 * language (src/lib/unsupported-recurrence-words.ts).
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

const REASONS: ReadonlySet<string> = new Set(Object.values(UnsupportedRecurrenceReason));

/** Validates a reason read back from storage or across the worker boundary (an error's `detail`). */
export function isUnsupportedRecurrenceReason(value: unknown): value is UnsupportedRecurrenceReason {
  return typeof value === 'string' && REASONS.has(value);
}
