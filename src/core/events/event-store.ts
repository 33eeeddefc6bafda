import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, isAppError } from '../errors';
import { loadCalendarObject, type CalendarObject } from '../ical/calendar-object';
import type { ExpandedInstance } from '../ical/expand';
import { describeCalendarObject, type ParsedCalendarObject } from '../ical/parse';
import type { EventRecord } from '../model/event';
import { newEventId, type CalendarId, type EventId } from '../model/ids';
import type { OccurrenceRecord } from '../model/occurrence';
import type { TimeRange } from '../occurrences/time-range';
import { materialisationWindow } from '../occurrences/window';
import { expandForStorage, occurrenceRows } from './materialize';

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

/** An input parsed once: what the store needs to build its record and occurrences without parsing again. */
export interface PreparedEvent {
  readonly input: EventInput;
  readonly object: CalendarObject;
  readonly meta: ParsedCalendarObject;
  /** Instances expanded ahead (expandAhead), reused by buildEvent over the same window. */
  readonly expanded?: { readonly window: TimeRange; readonly instances: readonly ExpandedInstance[] };
}

/** What one event becomes in the database: its record and its expanded occurrences. */
export interface BuiltEvent {
  readonly record: EventRecord;
  readonly occurrences: OccurrenceRecord[];
  /** The input named an id: the event's old occurrences are replaced. */
  readonly replaces: boolean;
}

function buildRecord(
  input: EventInput,
  parsed: ParsedCalendarObject,
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

/**
 * Parses an input once. Throws AppError 'malformed-ics'; with an `index`, its detail names the
 * input (`event #index`) so a batch can say which one failed.
 */
export function prepareEvent(input: EventInput, index: number | null = null): PreparedEvent {
  try {
    const object = loadCalendarObject(input.ics);
    return { input, object, meta: describeCalendarObject(object) };
  } catch (error) {
    if (index === null || !isAppError(error)) throw error;
    throw new AppError(
      { kind: error.kind, message: error.message, retryable: error.retryable, detail: `event #${index}` },
      { cause: error },
    );
  }
}

/**
 * Expands a prepared event over `window` ahead of writing it, outside any transaction, so a writer
 * holds the database only for the writes. Throws AppError 'malformed-ics'.
 */
export function expandAhead(prepared: PreparedEvent, window: TimeRange, ctx: CoreContext): PreparedEvent {
  const instances = expandForStorage(
    { ics: prepared.input.ics, recurring: prepared.meta.recurring },
    window,
    ctx.viewerZone,
    prepared.object,
  );
  return { ...prepared, expanded: { window, instances } };
}

function instancesFor(prepared: PreparedEvent, window: TimeRange, ctx: CoreContext) {
  const ahead = prepared.expanded;
  // A single event is expanded whatever the window; a series only over the same window.
  if (
    ahead &&
    (!prepared.meta.recurring || (ahead.window.from === window.from && ahead.window.to === window.to))
  )
    return ahead.instances;
  const event = { ics: prepared.input.ics, recurring: prepared.meta.recurring };
  return expandForStorage(event, window, ctx.viewerZone, prepared.object);
}

/**
 * The record (fields the input omits kept from `existing`, a new id unless the input names one) and
 * the occurrences over `window` of a prepared event. No I/O; throws AppError 'malformed-ics' when
 * the object cannot be expanded.
 */
export function buildEvent(
  prepared: PreparedEvent,
  existing: EventRecord | undefined,
  window: TimeRange,
  ctx: CoreContext,
): BuiltEvent {
  const { input } = prepared;
  const record = buildRecord(input, prepared.meta, input.id ?? newEventId(), existing, ctx.now());
  const occurrences = occurrenceRows(record, instancesFor(prepared, window, ctx));
  return { record, occurrences, replaces: input.id !== undefined };
}

/**
 * Writes built events with bulk operations (inside the caller's transaction when there is one, which
 * must include events and occurrences): the old occurrences of replaced events go first.
 */
export async function writeBuiltEvents(db: AlmanacDb, built: readonly BuiltEvent[]): Promise<void> {
  const replacedIds = built.filter((event) => event.replaces).map((event) => event.record.id);
  if (replacedIds.length > 0) await db.occurrences.where('eventId').anyOf(replacedIds).delete();
  // Both issued at once (IndexedDB runs them in order): no round trip to the page between them.
  await Promise.all([
    db.events.bulkPut(built.map((event) => event.record)),
    db.occurrences.bulkPut(built.flatMap((event) => event.occurrences)),
  ]);
}

async function storePrepared(
  db: AlmanacDb,
  prepared: readonly PreparedEvent[],
  ctx: CoreContext,
): Promise<EventId[]> {
  return db.transaction('rw', db.events, db.occurrences, db.meta, async () => {
    const window = await materialisationWindow(db, ctx);
    const replacedIds = prepared.flatMap(({ input }) => (input.id !== undefined ? [input.id] : []));
    const existing = new Map<EventId, EventRecord>();
    for (const row of await db.events.bulkGet(replacedIds)) if (row) existing.set(row.id, row);
    const built = prepared.map((event) =>
      buildEvent(event, event.input.id === undefined ? undefined : existing.get(event.input.id), window, ctx),
    );
    await writeBuiltEvents(db, built);
    return built.map((event) => event.record.id);
  });
}

/**
 * Writes one event and replaces its occurrences, expanded over the materialised window, in one
 * transaction. A malformed object throws AppError 'malformed-ics' before anything is written.
 */
export async function putEvent(db: AlmanacDb, input: EventInput, ctx: CoreContext): Promise<EventId> {
  const [id] = await storePrepared(db, [prepareEvent(input)], ctx);
  if (id === undefined) throw new Error('putEvent stored nothing.');
  return id;
}

/**
 * The bulk path (imports, feeds): all inputs in one transaction with bulk writes, each object parsed
 * once. All or nothing: one malformed object rejects the batch (detail names its index).
 */
export async function putEvents(
  db: AlmanacDb,
  inputs: readonly EventInput[],
  ctx: CoreContext,
): Promise<EventId[]> {
  return storePrepared(
    db,
    inputs.map((input, index) => prepareEvent(input, index)),
    ctx,
  );
}

/** Removes an event and its occurrences (outbox bookkeeping is the commands' job). */
export async function deleteEvent(db: AlmanacDb, id: EventId): Promise<void> {
  await db.transaction('rw', db.events, db.occurrences, async () => {
    await db.occurrences.where('eventId').equals(id).delete();
    await db.events.delete(id);
  });
}

/** Removes several events and their occurrences (inside the caller's transaction when there is one). */
export async function deleteEvents(db: AlmanacDb, ids: readonly EventId[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.events, db.occurrences, async () => {
    await db.occurrences.where('eventId').anyOf(ids).delete();
    await db.events.bulkDelete([...ids]);
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
