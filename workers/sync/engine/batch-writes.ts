/**
 * The writes of one batch of fetched objects (apply-remote.ts), collected in memory as its decisions
 * are made and issued together at its end, inside the batch's transaction: the events with their
 * status (docs/sync-rules.md rule 1) and occurrences, set-aside objects (rule 6) and etag-only updates (rule 2).
 */
import { buildEvent, writeBuiltEvents, type BuiltEvent } from '../../../src/core/events/event-store';
import type { EventRecord } from '../../../src/core/model/event';
import type { SetAsideObject } from '../../../src/core/model/set-aside-object';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { TimeRange } from '../../../src/core/occurrences/time-range';
import { materialisationWindow } from '../../../src/core/occurrences/window';
import type { FetchedItem } from '../providers/calendar-provider';
import type { LocalIndex } from './local-index';
import { setAsideId } from './local-writes';
import type { ParsedObject } from './plan-remote';
import type { SyncRun } from './sync-run';

/** The writes of one batch, made together at its end. */
export interface BatchWrites {
  readonly events: BuiltEvent[];
  /** Hrefs stored: a set-aside object of theirs is settled. */
  readonly settled: string[];
  /** Ids of the calendar's set-aside objects when the batch began (usually none: nothing to delete). */
  readonly asideBefore: ReadonlySet<string>;
  readonly setAside: SetAsideObject[];
  readonly etags: { key: EventRecord['id']; changes: Partial<EventRecord> }[];
}

export interface Batch {
  readonly run: SyncRun;
  readonly index: LocalIndex;
  readonly window: TimeRange;
  readonly writes: BatchWrites;
}

export function setAside(batch: Batch, object: FetchedItem, reason: string): void {
  const { run } = batch;
  batch.writes.setAside.push(asideRecord(run, object, reason));
  run.report.setAside += 1;
  logSetAside(run, object.ref);
}

/** Not the reason: a parser's message may quote the object's text (it is kept with the object). */
export function logSetAside(run: SyncRun, href: string): void {
  run.log(
    'warn',
    `Set aside ${href}: the object could not be used (why is under “Objects set aside”); the rest of the calendar syncs.`,
    { code: SyncLogCode.setAside },
  );
}

export function asideRecord(run: SyncRun, object: FetchedItem, reason: string): SetAsideObject {
  return {
    id: setAsideId(run.calendar.id, object.ref),
    calendarId: run.calendar.id,
    href: object.ref,
    etag: object.version,
    reason,
    raw: object.ics,
    seenAt: run.core.now(),
  };
}

/** Stores the server's version (its status with it, rule 1); an object that cannot be expanded is set aside. */
export function store(
  batch: Batch,
  parsed: ParsedObject,
  existing: EventRecord | undefined,
  oldHref: string | null,
) {
  const { run, index } = batch;
  if (parsed.prepared === null) return;
  const { object } = parsed;
  let built: BuiltEvent;
  try {
    const input = { ...parsed.prepared.input, ...(existing ? { id: existing.id } : {}) };
    built = buildEvent({ ...parsed.prepared, input }, existing, batch.window, run.core);
  } catch (error) {
    setAside(batch, object, error instanceof Error ? error.message : String(error));
    return;
  }
  batch.writes.events.push(built);
  batch.writes.settled.push(object.ref);
  if (oldHref !== null) index.byHref.delete(oldHref);
  index.byHref.set(object.ref, built.record);
  index.byUid.set(built.record.uid, built.record);
  run.report.pulled += 1;
}

/**
 * A batch's state, opened inside its transaction (Dexie's promise, see apply-remote.ts): the
 * materialised window and the calendar's set-aside objects as they are now.
 */
export function openBatch(run: SyncRun, index: LocalIndex): Promise<Batch> {
  const { db } = run;
  return db.setAside
    .where('calendarId')
    .equals(run.calendar.id)
    .primaryKeys()
    .then((aside) =>
      materialisationWindow(db, run.core).then((window) => ({
        run,
        index,
        window,
        writes: { events: [], settled: [], asideBefore: new Set(aside), setAside: [], etags: [] },
      })),
    );
}

/** Issues every write of the batch at once (IndexedDB runs them in order); resolves when all are done. */
export function writeBatch(batch: Batch): Promise<unknown> {
  const { run, writes } = batch;
  const { db } = run;
  const issued: Promise<unknown>[] = [];
  const settled = writes.settled
    .map((href) => setAsideId(run.calendar.id, href))
    .filter((id) => writes.asideBefore.has(id));
  if (settled.length > 0) issued.push(db.setAside.bulkDelete(settled));
  if (writes.setAside.length > 0) issued.push(db.setAside.bulkPut(writes.setAside));
  if (writes.etags.length > 0) issued.push(db.events.bulkUpdate(writes.etags));
  if (writes.events.length > 0) issued.push(writeBuiltEvents(db, writes.events));
  return Promise.all(issued);
}
