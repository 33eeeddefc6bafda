/**
 * What the event editor edits: the user-facing fields of one event (or one occurrence of a series).
 * Plain data, no ical.js types, so the UI, the commands and the tests share it.
 */
export const Weekday = { MO: 'MO', TU: 'TU', WE: 'WE', TH: 'TH', FR: 'FR', SA: 'SA', SU: 'SU' } as const;
export type Weekday = (typeof Weekday)[keyof typeof Weekday];
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export const RepeatFrequency = {
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  yearly: 'yearly',
} as const;
export type RepeatFrequency = (typeof RepeatFrequency)[keyof typeof RepeatFrequency];

export type RepeatEnd =
  | { readonly kind: 'never' }
  | { readonly kind: 'count'; readonly count: number }
  /** Last day on which an occurrence may start, `YYYY-MM-DD`, inclusive. */
  | { readonly kind: 'until'; readonly date: string };

export interface RepeatRule {
  readonly frequency: RepeatFrequency;
  /** Every `interval` days/weeks/months/years; 1 or more. */
  readonly interval: number;
  /** Weekly only: the days it falls on; empty means the weekday of the start. */
  readonly byDay: readonly Weekday[];
  readonly end: RepeatEnd;
}

export type EventTiming =
  | {
      readonly allDay: true;
      /** `YYYY-MM-DD` */
      readonly startDate: string;
      /** `YYYY-MM-DD`, the last day, inclusive (as the user sees it; DTEND is the day after). */
      readonly endDate: string;
    }
  | {
      readonly allDay: false;
      /** Wall-clock `YYYY-MM-DDTHH:mm` in `timeZone`. */
      readonly start: string;
      readonly end: string;
      /** IANA zone the wall-clock times are in, or `FLOATING` to keep them floating. */
      readonly timeZone: string;
    };

export interface EventDraft {
  readonly title: string;
  readonly location: string;
  readonly description: string;
  readonly timing: EventTiming;
  readonly repeat: RepeatRule | null;
  /** Minutes before the start (0 = at it), null = none; absent = leave the alarms as they are. */
  readonly reminder?: number | null;
}

/** Which part of a recurring series an edit, move or delete applies to. */
export const EditScope = { this: 'this', following: 'following', all: 'all' } as const;
export type EditScope = (typeof EditScope)[keyof typeof EditScope];

/** Fields of the editor a validation error is shown next to. */
export type DraftField = 'title' | 'start' | 'end' | 'repeatInterval' | 'repeatEnd' | 'repeatDays';

/** Error codes, translated by the UI. */
export const DraftErrorCode = {
  invalidDate: 'invalid-date',
  endBeforeStart: 'end-before-start',
  intervalNotPositive: 'interval-not-positive',
  countNotPositive: 'count-not-positive',
  repeatEndsBeforeStart: 'repeat-ends-before-start',
  unknownTimeZone: 'unknown-time-zone',
} as const;
export type DraftErrorCode = (typeof DraftErrorCode)[keyof typeof DraftErrorCode];

export type DraftErrors = Partial<Record<DraftField, DraftErrorCode>>;

/** `EventTiming.timeZone` value for floating times (no zone; shown as the same wall clock everywhere). */
export const FLOATING = 'floating';
