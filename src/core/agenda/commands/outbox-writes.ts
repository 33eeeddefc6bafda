import type { AlmanacDb } from '../../db/almanac-db';
import { deleteEvent } from '../../events/event-store';
import type { EventRecord } from '../../model/event';
import type { EventId } from '../../model/ids';
import type { OutboxEntry, OutboxOp } from '../../model/outbox';

type EventRef = Pick<EventRecord, 'id' | 'calendarId' | 'uid' | 'href' | 'etag'> &
  Partial<Pick<EventRecord, 'syncedIcs'>>;

function entry(event: EventRef, op: OutboxOp, now: number): OutboxEntry {
  return {
    eventId: event.id,
    calendarId: event.calendarId,
    op,
    uid: event.uid,
    href: op === 'create' ? null : event.href,
    etag: op === 'create' ? null : event.etag,
    createdAt: now,
    attempts: 0,
    notBefore: 0,
  };
}

/** Queues the create of a stored event (its uid and calendar as stored). */
export async function queueCreate(db: AlmanacDb, id: EventId, now: number): Promise<void> {
  const event = await db.events.get(id);
  if (event) await db.outbox.add(entry(event, 'create', now));
}

/**
 * Queues an update based on the event's href/etag. An event whose create is still pending needs no
 * update: the create pushes the current text.
 */
export async function queueUpdate(db: AlmanacDb, event: EventRef, now: number): Promise<void> {
  if (event.href === null) {
    const pending = await db.outbox.where('eventId').equals(event.id).toArray();
    if (pending.some((e) => e.op === 'create')) return;
  }
  await db.outbox.add(entry(event, 'update', now));
}

/**
 * Removes an event with its occurrences. In a synced calendar, its pending entries go and a delete is
 * queued. An event not confirmed by the server (no href) whose create was pending gets a delete by UID
 * (href null): the create may have arrived with its answer lost, and sync removes it if it did.
 */
export async function removeEventWithOutbox(
  db: AlmanacDb,
  event: EventRef,
  remote: boolean,
  now: number,
): Promise<void> {
  await deleteEvent(db, event.id);
  if (!remote) return;
  const pending = await db.outbox.where('eventId').equals(event.id).toArray();
  await db.outbox.where('eventId').equals(event.id).delete();
  const sent = pending.filter((queued) => queued.sentIcs != null).at(-1)?.sentIcs ?? null;
  // The delete carries the versions the server may hold from this device (synced, and sent with the
  // answer lost), so sync can tell a server edit made since (docs/sync-rules.md rule 4) from a move (rule 7).
  if (event.href !== null || pending.some((queued) => queued.op === 'create'))
    await db.outbox.add({
      ...entry(event, 'delete', now),
      baseIcs: event.syncedIcs ?? null,
      sentIcs: sent,
      mayHaveArrived: pending.flatMap((queued) => queued.mayHaveArrived ?? []),
    });
}
