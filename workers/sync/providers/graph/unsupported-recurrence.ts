/**
 * A repeat rule Outlook cannot store: an AppError of kind `unsupported-recurrence` whose `detail` is
 * the reason (src/core/sync/unsupported-recurrence.ts), so it reaches the page as data and the page
 * says why and what to change in the user's language (src/lib/unsupported-recurrence-words.ts); the
 * English message is for diagnostics. Thrown by rrule-to-recurrence.ts; graph-writes.ts lets it through
 * as it is, and the engine undoes that one change and keeps it as a conflict copy with the reason
 * (workers/sync/engine/revert-refused.ts) while the rest of the calendar syncs on.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { UnsupportedRecurrenceReason } from '../../../../src/core/sync/unsupported-recurrence';

export { UnsupportedRecurrenceReason };

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

export class UnsupportedRecurrenceError extends AppError {
  readonly reason: UnsupportedRecurrenceReason;
  /** The rule as it stands, for the sync log. */
  readonly rule: string;

  constructor(reason: UnsupportedRecurrenceReason, rule: string) {
    super({
      kind: ErrorKind.unsupportedRecurrence,
      message:
        `Outlook cannot repeat an event this way: ${WHY[reason]}. Change the repeat to daily, weekly, ` +
        'monthly or yearly in the event, or keep it in a calendar that is not on Microsoft 365.',
      retryable: false,
      detail: reason,
    });
    this.name = 'UnsupportedRecurrenceError';
    this.reason = reason;
    this.rule = rule;
  }
}

export function isUnsupportedRecurrenceError(value: unknown): value is UnsupportedRecurrenceError {
  return value instanceof UnsupportedRecurrenceError;
}
