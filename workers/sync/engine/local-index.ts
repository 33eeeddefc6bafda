/**
 * What the pull knows of the calendar's local events, by href and by UID (docs/sync-rules.md rules 1, 7).
 * A complete listing needs every event (the removals are the hrefs it does not list); a delta names
 * its hrefs, so only those are read, and the UIDs of the fetched objects are looked up as each batch
 * is applied (indexes `href` and `[calendarId+uid]`): a delta of 20 changes does not read 5,000
 * events' text. Both answer every lookup the pull makes the same way.
 */
import type { EventRecord } from '../../../src/core/model/event';
import type { EventId } from '../../../src/core/model/ids';
import type { SyncRun } from './sync-run';

export interface LocalIndex {
  readonly byHref: Map<string, EventRecord>;
  readonly byUid: Map<string, EventRecord>;
  /** Events with outbox entries still waiting (a failed push): the server does not overwrite them. */
  readonly pending: ReadonlySet<EventId>;
  /** UIDs taken by an object of this round, to catch two new hrefs with one UID. */
  readonly claimed: Map<string, string>;
  /** Every event of the calendar, or (a delta) only these hrefs and UIDs, read so far. */
  readonly scope: { readonly kind: 'complete' } | PartialScope;
}

interface PartialScope {
  readonly kind: 'partial';
  readonly hrefs: Set<string>;
  readonly uids: Set<string>;
}

function emptyIndex(pending: ReadonlySet<EventId>, scope: LocalIndex['scope']): LocalIndex {
  return { byHref: new Map(), byUid: new Map(), pending, claimed: new Map(), scope };
}

async function fillComplete(run: SyncRun, index: LocalIndex): Promise<void> {
  await run.db.events
    .where('calendarId')
    .equals(run.calendar.id)
    .each((event) => {
      if (event.href !== null) index.byHref.set(event.href, event);
      index.byUid.set(event.uid, event);
    });
}

async function readHrefs(run: SyncRun, index: LocalIndex, hrefs: readonly string[]): Promise<void> {
  if (hrefs.length === 0) return;
  // The href index spans calendars (a collection added twice): only this calendar's events count.
  for (const event of await run.db.events.where('href').anyOf(hrefs).toArray()) {
    if (event.calendarId === run.calendar.id && event.href !== null) index.byHref.set(event.href, event);
  }
}

/**
 * Returns Dexie's own promise, not a native async function's: lookUpUids is awaited inside the
 * batch's transaction, and Dexie keeps its transaction zone across an await only of its promises.
 */
function readUids(run: SyncRun, index: LocalIndex, uids: readonly string[]): Promise<void> {
  const keys = uids.map((uid) => [run.calendar.id, uid]);
  // Ordered by key, then id: for a UID held twice the last one wins, as in the complete index.
  return run.db.events
    .where('[calendarId+uid]')
    .anyOf(keys)
    .toArray()
    .then((rows) => {
      for (const event of rows) {
        if (event.href !== null) index.byHref.set(event.href, event);
        index.byUid.set(event.uid, event);
      }
    });
}

/** Every event of the calendar (complete listings). */
export async function loadLocalIndex(run: SyncRun, pending: ReadonlySet<EventId>): Promise<LocalIndex> {
  const index = emptyIndex(pending, { kind: 'complete' });
  await fillComplete(run, index);
  return index;
}

/** Only the events at `hrefs` (a delta's changed and removed hrefs); UIDs come with lookUpUids. */
export async function loadIndexFor(
  run: SyncRun,
  pending: ReadonlySet<EventId>,
  hrefs: Iterable<string>,
): Promise<LocalIndex> {
  const scope: PartialScope = { kind: 'partial', hrefs: new Set(hrefs), uids: new Set() };
  const index = emptyIndex(pending, scope);
  await readHrefs(run, index, [...scope.hrefs]);
  return index;
}

/**
 * Makes `byUid` answer for these UIDs: a partial index reads those it has not read yet. Null when
 * there is nothing to read (nothing to await inside a transaction).
 */
export function lookUpUids(run: SyncRun, index: LocalIndex, uids: Iterable<string>): Promise<void> | null {
  const { scope } = index;
  if (scope.kind === 'complete') return null;
  const unread = [...new Set(uids)].filter((uid) => !scope.uids.has(uid));
  if (unread.length === 0) return null;
  for (const uid of unread) scope.uids.add(uid);
  return readUids(run, index, unread);
}

/** Reads again what the index holds (after a batch rolled back, its in-memory changes are void). */
export async function refillIndex(run: SyncRun, index: LocalIndex): Promise<void> {
  index.byHref.clear();
  index.byUid.clear();
  const { scope } = index;
  if (scope.kind === 'complete') {
    await fillComplete(run, index);
    return;
  }
  await readHrefs(run, index, [...scope.hrefs]);
  if (scope.uids.size > 0) await readUids(run, index, [...scope.uids]);
}
