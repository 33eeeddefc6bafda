/** Branded string ids: a CalendarId can never be passed where an EventId is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type AccountId = Brand<string, 'AccountId'>;
export type CalendarId = Brand<string, 'CalendarId'>;
export type EventId = Brand<string, 'EventId'>;
export type OccurrenceId = Brand<string, 'OccurrenceId'>;

/** The account that owns calendars living only on this device. */
export const LOCAL_ACCOUNT_ID = 'local' as AccountId;

export const newAccountId = (): AccountId => crypto.randomUUID() as AccountId;
export const newCalendarId = (): CalendarId => crypto.randomUUID() as CalendarId;
export const newEventId = (): EventId => crypto.randomUUID() as EventId;
