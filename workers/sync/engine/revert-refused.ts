/**
 * A change the server will never take as it is: the local event goes back to the server's version (or
 * away, when it was never there), the user's text is kept as a conflict copy that says why, and the
 * outbox entry is dropped, so the calendar's other changes sync on instead of waiting behind it
 * (docs/sync-rules.md rule 15). Two causes: a 403 (the calendar is read-only there; it is marked so
 * here too) and a repeat rule the server cannot store (Outlook: AppError kind `unsupported-recurrence`,
 * its reason kept as the copy's detail for the page to word).
 */
import type { AppError } from '../../../src/core/errors';
import { deleteEvent } from '../../../src/core/events/event-store';
import { ConflictReason } from '../../../src/core/model/conflict-copy';
import type { EventRecord } from '../../../src/core/model/event';
import type { OutboxEntry } from '../../../src/core/model/outbox';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import { storeServerVersion, tables } from './local-writes';
import type { SyncRun } from './sync-run';

interface Refusal {
  readonly reason: ConflictReason;
  readonly detail?: string;
  readonly markReadOnly: boolean;
}

async function revert(
  run: SyncRun,
  entry: OutboxEntry,
  event: EventRecord | null,
  refusal: Refusal,
): Promise<void> {
  const read = entry.href !== null ? await run.provider.readItem(run.remote, entry.href) : null;
  const server = read?.kind === 'found' ? read.item : null;
  await run.db.transaction('rw', tables(run), async () => {
    if (refusal.markReadOnly) await run.db.calendars.update(run.calendar.id, { readOnly: true });
    if (event) {
      await run.db.conflicts.put({
        id: `${event.id}|${run.core.now()}|${crypto.randomUUID()}`,
        calendarId: event.calendarId,
        eventId: event.id,
        uid: event.uid,
        localIcs: event.ics,
        serverIcs: server !== null ? server.ics : '',
        fields: [],
        createdAt: run.core.now(),
        reason: refusal.reason,
        ...(refusal.detail !== undefined ? { detail: refusal.detail } : {}),
      });
    }
    if (server !== null && entry.href !== null) {
      await storeServerVersion(run, {
        ...(event ? { id: event.id } : {}),
        ics: server.ics,
        href: entry.href,
        etag: server.version,
      });
    } else if (event) {
      await deleteEvent(run.db, event.id);
    }
    await run.db.outbox.where('eventId').equals(entry.eventId).delete();
  });
}

/** 403 on a write: the calendar is read-only. */
export async function revertForbidden(
  run: SyncRun,
  entry: OutboxEntry,
  event: EventRecord | null,
): Promise<void> {
  await revert(run, entry, event, { reason: ConflictReason.readOnly, markReadOnly: true });
  // Not the server's answer: a body may quote anything (the sync log keeps none).
  run.log(
    'warn',
    `The server refused a change to ${entry.uid} (403: the calendar is read-only there): the change was undone here and kept as a conflict copy.`,
    { code: SyncLogCode.reverted },
  );
}

/** The server cannot store the event's repeat rule (`error.detail`: why). */
export async function revertUnrepresentable(
  run: SyncRun,
  entry: OutboxEntry,
  event: EventRecord,
  error: AppError,
): Promise<void> {
  await revert(run, entry, event, {
    reason: ConflictReason.unsupportedRecurrence,
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    markReadOnly: false,
  });
  run.log(
    'warn',
    `${entry.uid} was not sent: ${error.message} The change was undone here and kept as a conflict copy.`,
    { code: SyncLogCode.reverted },
  );
}
