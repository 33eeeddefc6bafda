import ICAL from 'ical.js';
import { commandTables, writableCalendar } from '../agenda/commands/command-support';
import { queueCreate, queueUpdate } from '../agenda/commands/outbox-writes';
import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import { parseVCalendar } from '../ical/calendar-object';
import { stamp } from '../ical/event-writer';
import { putEvent } from '../events/event-store';
import type { EventId } from '../model/ids';

function sequences(vcalendar: ICAL.Component): number[] {
  return vcalendar.getAllSubcomponents('vevent').map((vevent) => {
    const value: unknown = vevent.getFirstPropertyValue('sequence');
    return typeof value === 'number' ? value : 0;
  });
}

/**
 * The user's version made current again: every VEVENT gets a SEQUENCE above both versions' (docs/sync-rules.md rule 14,
 * so calendar clients see it as the newer one) and fresh DTSTAMP / LAST-MODIFIED; all else as typed.
 */
export function restoredIcs(localIcs: string, serverIcs: string, now: number): string {
  const local = parseVCalendar(localIcs);
  let server: number[] = [];
  try {
    server = sequences(parseVCalendar(serverIcs));
  } catch {
    // The server's copy is only used for its SEQUENCE; an unreadable one sets no floor.
  }
  const next = Math.max(0, ...server, ...sequences(local)) + 1;
  for (const vevent of local.getAllSubcomponents('vevent')) stamp(vevent, now, next);
  return local.toString();
}

/**
 * "Restore my version": writes the conflict copy's text over the event through the normal write path
 * (event, occurrences and an outbox entry in one transaction), so the next sync pushes it with
 * If-Match on the server's etag; the copy goes. If the event was deleted meanwhile it is created anew.
 * Returns the event's id.
 */
export async function restoreConflictCopy(db: AlmanacDb, copyId: string, ctx: CoreContext): Promise<EventId> {
  return db.transaction('rw', [...commandTables(db), db.conflicts], async () => {
    const copy = await db.conflicts.get(copyId);
    if (!copy) {
      throw new AppError({
        kind: ErrorKind.notFound,
        message: 'This conflict copy no longer exists.',
        retryable: false,
      });
    }
    const access = await writableCalendar(db, copy.calendarId);
    const now = ctx.now();
    const ics = restoredIcs(copy.localIcs, copy.serverIcs, now);
    const event = await db.events.get(copy.eventId);
    let id: EventId;
    if (event) {
      id = await putEvent(db, { id: event.id, calendarId: event.calendarId, ics }, ctx);
      if (access.remote) await queueUpdate(db, event, now);
    } else {
      id = await putEvent(
        db,
        { calendarId: copy.calendarId, ics, href: null, etag: null, syncedIcs: null },
        ctx,
      );
      if (access.remote) await queueCreate(db, id, now);
    }
    await db.conflicts.delete(copyId);
    return id;
  });
}

/** "Discard": the server's version (already in the event) stays; the user's copy goes. */
export async function discardConflictCopy(db: AlmanacDb, copyId: string): Promise<void> {
  await db.conflicts.delete(copyId);
}
