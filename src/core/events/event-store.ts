import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, isAppError } from '../errors';
import { parseCalendarObject } from '../ical/parse';
import type { EventRecord } from '../model/event';
import { newEventId, type CalendarId, type EventId } from '../model/ids';
import type { OccurrenceRecord } from '../model/occurrence';
import { materialisationWindow } from '../occurrences/window';
import { materializeEvent } from './materialize';

export interface EventInput {
  /** Replaces this event when given; a new id otherwise. */
  readonly id?: EventId;
  readonly calendarId: CalendarId;
  readonly ics: string;
  /** Server identity; when omitted, an existing event keeps its own (null for a new one). */
  readonly href?: string | null;
  readonly etag?: string | null;
  readonly remoteId?: string | null;
  readonly syncedIcs?: string | null;
}

type Parsed = ReturnType<typeof parseCalendarObject>;

function buildRecord(
  input: EventInput,
  parsed: Parsed,
  id: EventId,
  existing: EventRecord | undefined,
  now: number,
): EventRecord {
  return {
    id,
    calendarId: input.calendarId,
    uid: parsed.uid,
    ics: input.ics,
    summary: parsed.summary,
    recurring: parsed.recurring,
    href: input.href !== undefined ? input.href : (existing?.href ?? null),
    etag: input.etag !== undefined ? input.etag : (existing?.etag ?? null),
    remoteId: input.remoteId !== undefined ? input.remoteId : (existing?.remoteId ?? null),
    syncedIcs: input.syncedIcs !== undefined ? input.syncedIcs : (existing?.syncedIcs ?? null),
    updatedAt: now,
  };
}

function parseAt(ics: string, index: number | null): Parsed {
  try {
    return parseCalendarObject(ics);
  } catch (error) {
    if (index === null || !isAppError(error)) throw error;
    throw new AppError(
      { kind: error.kind, message: error.message, retryable: error.retryable, detail: `event #${index}` },
      { cause: error },
    );
  }
}

/**
 * Writes one event and replaces its occurrences, expanded over the materialised window, in one
 * transaction. A malformed object throws AppError 'malformed-ics' before anything is written.
 */
export async function putEvent(db: AlmanacDb, input: EventInput, ctx: CoreContext): Promise<EventId> {
  const parsed = parseAt(input.ics, null);
  return db.transaction('rw', db.events, db.occurrences, db.meta, async () => {
    const window = await materialisationWindow(db, ctx);
    const id = input.id ?? newEventId();
    const existing = input.id !== undefined ? await db.events.get(input.id) : undefined;
    const record = buildRecord(input, parsed, id, existing, ctx.now());
    const occurrences = materializeEvent(record, window, ctx.viewerZone);
    await db.events.put(record);
    await db.occurrences.where('eventId').equals(id).delete();
    await db.occurrences.bulkPut(occurrences);
    return id;
  });
}

/**
 * The bulk path (imports, benchmark seeding): all inputs in one transaction with bulk writes.
 * All or nothing: one malformed object rejects the batch (detail names its index).
 */
export async function putEvents(
  db: AlmanacDb,
  inputs: readonly EventInput[],
  ctx: CoreContext,
): Promise<EventId[]> {
  const parsed = inputs.map((input, index) => parseAt(input.ics, index));
  return db.transaction('rw', db.events, db.occurrences, db.meta, async () => {
    const window = await materialisationWindow(db, ctx);
    const replacedIds = inputs.flatMap((input) => (input.id !== undefined ? [input.id] : []));
    const existing = new Map<EventId, EventRecord>();
    for (const row of await db.events.bulkGet(replacedIds)) if (row) existing.set(row.id, row);
    const now = ctx.now();
    const records: EventRecord[] = [];
    const occurrences: OccurrenceRecord[] = [];
    inputs.forEach((input, index) => {
      const meta = parsed[index];
      if (!meta) return;
      const id = input.id ?? newEventId();
      const record = buildRecord(input, meta, id, existing.get(id), now);
      records.push(record);
      for (const row of materializeEvent(record, window, ctx.viewerZone)) occurrences.push(row);
    });
    if (replacedIds.length > 0) await db.occurrences.where('eventId').anyOf(replacedIds).delete();
    await db.events.bulkPut(records);
    await db.occurrences.bulkPut(occurrences);
    return records.map((record) => record.id);
  });
}

/** Removes an event and its occurrences (outbox bookkeeping is the commands' job). */
export async function deleteEvent(db: AlmanacDb, id: EventId): Promise<void> {
  await db.transaction('rw', db.events, db.occurrences, async () => {
    await db.occurrences.where('eventId').equals(id).delete();
    await db.events.delete(id);
  });
}

export async function getEvent(db: AlmanacDb, id: EventId): Promise<EventRecord | undefined> {
  return db.events.get(id);
}

export async function findEventByUid(
  db: AlmanacDb,
  calendarId: CalendarId,
  uid: string,
): Promise<EventRecord | undefined> {
  return db.events.where('[calendarId+uid]').equals([calendarId, uid]).first();
}
