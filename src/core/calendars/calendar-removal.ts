/**
 * Everything the database keeps under one calendar: its occurrences, events, outbox rows, conflict
 * copies, set-aside objects, sync state and sync log lines, then the calendar row itself. Used when
 * the user deletes a calendar (calendar-repo.ts) and for each calendar of a removed account
 * (accounts/account-removal.ts), so the two can never disagree on what "nothing left behind" means.
 *
 * Runs inside the caller's transaction, which must include `CALENDAR_TABLES` of the same db.
 */
import type { AlmanacDb } from '../db/almanac-db';
import type { CalendarId } from '../model/ids';
import { removeSyncLogLines } from '../sync/sync-log';

/** The tables `removeCalendarRows` writes; a transaction around it must include them. */
export function calendarTables(db: AlmanacDb) {
  return [
    db.calendars,
    db.events,
    db.occurrences,
    db.outbox,
    db.syncState,
    db.conflicts,
    db.setAside,
    db.syncLog,
  ] as const;
}

export async function removeCalendarRows(db: AlmanacDb, calendarId: CalendarId): Promise<void> {
  await db.occurrences
    .where('[calendarId+start]')
    .between([calendarId, -Infinity], [calendarId, Infinity], true, true)
    .delete();
  await db.events.where('calendarId').equals(calendarId).delete();
  await db.outbox.where('calendarId').equals(calendarId).delete();
  await db.conflicts.where('calendarId').equals(calendarId).delete();
  await db.setAside.where('calendarId').equals(calendarId).delete();
  await db.syncState.delete(calendarId);
  await removeSyncLogLines(db, [calendarId]);
  await db.calendars.delete(calendarId);
}
