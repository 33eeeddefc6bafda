/**
 * Applies what the server has to the calendar: fetched objects (SYNC-RULES rules 2, 6, 7) and
 * removals. Identity is the href, then the UID (a new href with a known UID is a move when the old
 * href is gone, a duplicate to set aside when it is still listed); never title or time.
 */
import { isAppError } from '../../../src/core/errors';
import { deleteEvent } from '../../../src/core/events/event-store';
import { parseCalendarObject } from '../../../src/core/ical/parse';
import type { EventRecord } from '../../../src/core/model/event';
import type { EventId } from '../../../src/core/model/ids';
import type { FetchedObject } from '../caldav/multiget';
import { setAsideId, storeServerVersion, tables } from './local-writes';
import { sameContent } from './normalise';
import type { SyncRun } from './sync-run';

export interface LocalIndex {
  readonly byHref: Map<string, EventRecord>;
  readonly byUid: Map<string, EventRecord>;
  /** Events with outbox entries still waiting (a failed push): the server does not overwrite them. */
  readonly pending: ReadonlySet<EventId>;
  /** UIDs taken by an object of this round, to catch two new hrefs with one UID. */
  readonly claimed: Map<string, string>;
}

async function fillIndex(run: SyncRun, index: LocalIndex): Promise<void> {
  index.byHref.clear();
  index.byUid.clear();
  await run.db.events
    .where('calendarId')
    .equals(run.calendar.id)
    .each((event) => {
      if (event.href !== null) index.byHref.set(event.href, event);
      index.byUid.set(event.uid, event);
    });
}

export async function loadLocalIndex(run: SyncRun, pending: ReadonlySet<EventId>): Promise<LocalIndex> {
  const index: LocalIndex = { byHref: new Map(), byUid: new Map(), pending, claimed: new Map() };
  await fillIndex(run, index);
  return index;
}

async function setAside(run: SyncRun, object: FetchedObject, reason: string): Promise<void> {
  await run.db.setAside.put({
    id: setAsideId(run.calendar.id, object.href),
    calendarId: run.calendar.id,
    href: object.href,
    etag: object.etag,
    reason,
    raw: object.ics,
    seenAt: run.core.now(),
  });
  run.report.setAside += 1;
  run.log('warn', `Set aside ${object.href}: ${reason}`);
}

async function store(
  run: SyncRun,
  index: LocalIndex,
  object: FetchedObject,
  id: EventId | undefined,
  oldHref: string | null,
): Promise<void> {
  const newId = await storeServerVersion(run, {
    ...(id !== undefined ? { id } : {}),
    ics: object.ics,
    href: object.href,
    etag: object.etag,
  });
  const row = await run.db.events.get(newId);
  if (oldHref !== null) index.byHref.delete(oldHref);
  if (row) {
    index.byHref.set(object.href, row);
    index.byUid.set(row.uid, row);
  }
  run.report.pulled += 1;
}

/**
 * A server-side move (rule 7) of an event with an edit still waiting: the event follows its new href
 * but keeps the user's text and its base. Its etag is forgotten, so the next push reads the server's
 * version first and merges (rule 3) instead of overwriting what the mover may have changed.
 */
async function followMove(run: SyncRun, index: LocalIndex, event: EventRecord, href: string): Promise<void> {
  await run.db.events.update(event.id, { href, etag: null });
  if (event.href !== null) index.byHref.delete(event.href);
  const moved = { ...event, href, etag: null };
  index.byHref.set(href, moved);
  index.byUid.set(moved.uid, moved);
  run.log('info', `${event.uid} moved on the server to ${href}; the edit waiting here follows it.`);
}

/**
 * A create still waiting whose UID the server already holds at another href: an earlier attempt
 * arrived (its answer lost) and was moved since. The event adopts that object (rule 7) with the text
 * that attempt sent as its base, so the push merges (rule 3) instead of failing on the UID forever.
 */
async function adoptCreate(
  run: SyncRun,
  index: LocalIndex,
  event: EventRecord,
  object: FetchedObject,
): Promise<void> {
  const create = await run.db.outbox
    .where('eventId')
    .equals(event.id)
    .filter((entry) => entry.op === 'create')
    .first();
  const sent = create?.sentIcs ?? null;
  if (sent !== null && sameContent(sent, event.ics)) {
    // Nothing typed here since that attempt: the server's version (moved, maybe edited) is taken.
    if (create?.seq !== undefined) await run.db.outbox.delete(create.seq);
    await store(run, index, object, event.id, null);
    return;
  }
  await run.db.events.update(event.id, { syncedIcs: sent });
  await followMove(run, index, { ...event, syncedIcs: sent }, object.href);
}

/** `isListed(href)`: the server still holds that href in this round's view of the collection. */
async function applyObject(
  run: SyncRun,
  index: LocalIndex,
  object: FetchedObject,
  isListed: (href: string) => boolean,
): Promise<void> {
  let uid: string;
  try {
    uid = parseCalendarObject(object.ics).uid;
  } catch (error) {
    await setAside(run, object, isAppError(error) ? error.message : String(error));
    return;
  }
  const claimedBy = index.claimed.get(uid);
  if (claimedBy !== undefined && claimedBy !== object.href) {
    await setAside(run, object, `Another object on the server (${claimedBy}) has the same UID ${uid}.`);
    return;
  }
  index.claimed.set(uid, object.href);
  const existing = index.byHref.get(object.href);
  if (existing) {
    if (index.pending.has(existing.id)) return;
    if (existing.uid === uid && sameContent(existing.syncedIcs ?? existing.ics, object.ics)) {
      // A rewritten etag over the same content is no change (rule 2): only the status moves on.
      await run.db.events.update(existing.id, { etag: object.etag });
      return;
    }
    await store(run, index, object, existing.id, null);
    return;
  }
  const sameUid = index.byUid.get(uid);
  if (sameUid && index.pending.has(sameUid.id)) {
    if (sameUid.href !== null && !isListed(sameUid.href)) await followMove(run, index, sameUid, object.href);
    else if (sameUid.href === null) await adoptCreate(run, index, sameUid, object);
    return;
  }
  if (sameUid && sameUid.href !== null && isListed(sameUid.href)) {
    await setAside(run, object, `Another object on the server (${sameUid.href}) has the same UID ${uid}.`);
    return;
  }
  // A known UID at a new href whose old href is gone: a move, the event keeps its identity (rule 7).
  await store(run, index, object, sameUid?.id, sameUid?.href ?? null);
}

export async function applyObjects(
  run: SyncRun,
  index: LocalIndex,
  objects: readonly FetchedObject[],
  isListed: (href: string) => boolean,
): Promise<void> {
  const before = { ...run.report };
  try {
    await run.db.transaction('rw', tables(run), async () => {
      for (const object of objects) await applyObject(run, index, object, isListed);
    });
    return;
  } catch (error) {
    run.log(
      'warn',
      `A batch failed (${error instanceof Error ? error.message : String(error)}): applying one by one.`,
    );
  }
  // The batch rolled back: redo it object by object, so one failing item rolls back only itself (rule 6).
  Object.assign(run.report, before);
  await fillIndex(run, index);
  for (const object of objects) {
    try {
      await run.db.transaction('rw', tables(run), () => applyObject(run, index, object, isListed));
    } catch (error) {
      await fillIndex(run, index);
      await setAside(run, object, error instanceof Error ? error.message : String(error));
    }
  }
}

/** Deletes local events whose hrefs the server no longer holds, except those with pending local edits. */
export async function applyRemovals(run: SyncRun, index: LocalIndex, hrefs: Iterable<string>): Promise<void> {
  await run.db.transaction('rw', tables(run), async () => {
    for (const href of hrefs) {
      await run.db.setAside.delete(setAsideId(run.calendar.id, href));
      const event = index.byHref.get(href);
      if (!event || index.pending.has(event.id)) continue;
      await deleteEvent(run.db, event.id);
      index.byHref.delete(href);
      if (index.byUid.get(event.uid)?.id === event.id) index.byUid.delete(event.uid);
      run.report.deletedLocally += 1;
    }
  });
}
