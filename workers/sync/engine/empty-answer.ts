/**
 * The user's answer to the rule-5 question (empty-guard.ts), applied in one transaction with the
 * question cleared, so a crash leaves either the question or its whole effect (docs/sync-rules.md rule 1).
 *
 * - "Empty it here too": the calendar's synced events go. Events not yet on the server (pending
 *   creates) stay, and so does a synced event with an edit not yet sent: deleted on one side, edited
 *   on the other, the edit wins and is written back (rule 4), as a create.
 * - "Put my events back on the server": every event becomes a create again, pushed by the next sync
 *   only if absent (rule 14), so an object the server holds after all meets a conflict and is merged.
 *
 * Either way queued deletes stay: the server may hold what the sync that asked pushed itself, and the
 * user deleted it here since (found by `npm run soak`, tests/integration/sync/empty-on-server.test.ts);
 * a delete of an object the server no longer holds meets 404 and its tombstone is dropped by the
 * complete listing that follows (tombstones.ts). The stored token and ctag are forgotten: the next
 * sync pushes, then lists the calendar completely and carries on normally.
 */
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import { deleteEvent } from '../../../src/core/events/event-store';
import type { EventRecord } from '../../../src/core/model/event';
import type { CalendarId, EventId } from '../../../src/core/model/ids';
import type { OutboxEntry } from '../../../src/core/model/outbox';
import { EmptyOnServerAnswer } from '../../../src/core/sync/sync-api';
import { readSyncState } from './sync-status';

export interface AnswerOutcome {
  /** False when no question was pending (already answered, e.g. in another tab). */
  readonly applied: boolean;
  readonly deleted: number;
  readonly queued: number;
}

function createEntry(event: EventRecord, now: number): OutboxEntry {
  return {
    eventId: event.id,
    calendarId: event.calendarId,
    op: 'create',
    uid: event.uid,
    href: null,
    etag: null,
    createdAt: now,
    attempts: 0,
    notBefore: 0,
  };
}

function byEvent(entries: readonly OutboxEntry[]): Map<EventId, OutboxEntry[]> {
  const map = new Map<EventId, OutboxEntry[]>();
  for (const entry of entries) map.set(entry.eventId, [...(map.get(entry.eventId) ?? []), entry]);
  return map;
}

export async function answerEmptyOnServer(
  db: AlmanacDb,
  calendarId: CalendarId,
  answer: EmptyOnServerAnswer,
  now: number,
): Promise<AnswerOutcome> {
  const tables = [db.events, db.occurrences, db.outbox, db.syncState];
  return db.transaction('rw', tables, async () => {
    const state = await readSyncState(db, calendarId);
    if (!state.emptyOnServer) return { applied: false, deleted: 0, queued: 0 };
    const entries = await db.outbox.where('calendarId').equals(calendarId).toArray();
    const pending = byEvent(entries);
    let deleted = 0;
    let queued = 0;
    for (const event of await db.events.where('calendarId').equals(calendarId).toArray()) {
      if (event.href === null) continue; // not on the server yet: its create is pending as it is
      const own = pending.get(event.id) ?? [];
      const edited = own.some((entry) => entry.op !== 'delete');
      await db.outbox.bulkDelete(own.flatMap((entry) => (entry.seq !== undefined ? [entry.seq] : [])));
      if (answer === EmptyOnServerAnswer.emptyHere && !edited) {
        await deleteEvent(db, event.id);
        deleted += 1;
        continue;
      }
      // Its last synced text stays its base: should the server turn out to hold it after all (moved,
      // or it reappears), the create merges against what both sides last agreed on.
      await db.events.update(event.id, { href: null, etag: null });
      await db.outbox.add(createEntry(event, now));
      queued += 1;
    }
    await db.syncState.put({
      ...state,
      emptyOnServer: null,
      syncToken: null,
      ctag: null,
      initialSyncInProgress: false,
    });
    return { applied: true, deleted, queued };
  });
}
