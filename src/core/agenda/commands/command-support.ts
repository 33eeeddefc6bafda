import type { AlmanacDb } from '../../db/almanac-db';
import { AppError, ErrorKind } from '../../errors';
import type { EventDraft } from '../../ical/event-draft';
import { validateDraft } from '../../ical/validate-draft';
import type { Calendar } from '../../model/calendar';
import type { EventRecord } from '../../model/event';
import { LOCAL_ACCOUNT_ID, type CalendarId, type EventId } from '../../model/ids';

/** Every table a command may touch; each command runs in one read-write transaction over them. */
export function commandTables(db: AlmanacDb) {
  return [db.events, db.occurrences, db.outbox, db.meta, db.calendars, db.accounts];
}

/** A fresh iCalendar UID for events created here. */
export function newUid(): string {
  return `${crypto.randomUUID()}@almanac`;
}

export function invalidInput(message: string, detail?: string): AppError {
  return new AppError({
    kind: ErrorKind.invalidInput,
    message,
    retryable: false,
    ...(detail !== undefined ? { detail } : {}),
  });
}

/** Throws AppError 'invalid-input' (detail: the DraftErrors as JSON) when the draft has errors. */
export function assertValidDraft(draft: EventDraft): void {
  const errors = validateDraft(draft);
  if (Object.keys(errors).length > 0) {
    throw invalidInput('The event has invalid fields.', JSON.stringify(errors));
  }
}

export async function loadEvent(db: AlmanacDb, id: EventId): Promise<EventRecord> {
  const event = await db.events.get(id);
  if (!event) {
    throw new AppError({ kind: ErrorKind.notFound, message: 'The event was not found.', retryable: false });
  }
  return event;
}

export interface CalendarAccess {
  readonly calendar: Calendar;
  /** Changes must reach a server: write an outbox entry with them. */
  readonly remote: boolean;
}

export async function calendarAccess(db: AlmanacDb, id: CalendarId): Promise<CalendarAccess> {
  const calendar = await db.calendars.get(id);
  if (!calendar) {
    throw new AppError({
      kind: ErrorKind.notFound,
      message: 'The calendar was not found.',
      retryable: false,
    });
  }
  const account = await db.accounts.get(calendar.accountId);
  const remote = account ? account.kind !== 'local' : calendar.accountId !== LOCAL_ACCOUNT_ID;
  return { calendar, remote };
}

/** Like calendarAccess, but refuses read-only calendars with AppError 'read-only'. */
export async function writableCalendar(db: AlmanacDb, id: CalendarId): Promise<CalendarAccess> {
  const access = await calendarAccess(db, id);
  if (access.calendar.readOnly) {
    throw new AppError({
      kind: ErrorKind.readOnly,
      message: `The calendar “${access.calendar.name}” is read-only.`,
      retryable: false,
    });
  }
  return access;
}
