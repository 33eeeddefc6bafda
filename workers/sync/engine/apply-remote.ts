/**
 * Applies what the server has to the calendar: fetched objects and removals. Each batch of fetched
 * objects is parsed once, decided in memory (plan-remote.ts) and written with bulk operations in one
 * transaction; if that transaction fails it is redone object by object, so one failing item rolls
 * back only itself (docs/sync-rules.md rule 6).
 */
import { deleteEvents } from '../../../src/core/events/event-store';
import type { EventRecord } from '../../../src/core/model/event';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { TimeRange } from '../../../src/core/occurrences/time-range';
import type { FetchedItem } from '../providers/calendar-provider';
import { asideRecord, logSetAside, openBatch, setAside, store, writeBatch, type Batch } from './batch-writes';
import { setAsideId, tables } from './local-writes';
import { lookUpUids, refillIndex, type LocalIndex } from './local-index';
import { decide, parseObject, type Decision, type ParsedObject } from './plan-remote';
import { sameContent } from './normalise';
import type { SyncRun } from './sync-run';
import { textsMayHaveArrived } from './tracked-write';

/*
 * Inside the batch's transaction only Dexie's own promises are awaited: Dexie follows its transaction
 * across an `await` of its promises, not reliably across a native async function's, and work that
 * falls out of the transaction would be written by transactions of its own (and the batch rejected
 * as committed too early). The two writes made at once below are therefore Dexie promise chains.
 */

/**
 * A server-side move (rule 7) of an event with an edit still waiting: the event follows its new href
 * but keeps the user's text and its base. Its etag is forgotten, so the next push reads the server's
 * version first and merges (rule 3) instead of overwriting what the mover may have changed.
 */
function followMove(batch: Batch, event: EventRecord, href: string): Promise<void> {
  const { run, index } = batch;
  return run.db.events.update(event.id, { href, etag: null }).then(() => {
    if (event.href !== null) index.byHref.delete(event.href);
    const moved = { ...event, href, etag: null };
    index.byHref.set(href, moved);
    index.byUid.set(moved.uid, moved);
    run.log('info', `${event.uid} moved on the server to ${href}; the edit waiting here follows it.`, {
      code: SyncLogCode.moved,
    });
  });
}

/**
 * A create still waiting whose UID the server already holds at another href: an earlier attempt
 * arrived (its answer lost) and was moved since (rule 7). Its base is the attempt's text the server's
 * copy equals, else the last text both sides agreed on (an event re-queued by a rule-5 answer), else
 * the one text that may have arrived (tracked-write.ts), else none. Nothing typed
 * here since that base (or the copy equal to the text here) → the server's version is taken.
 * Otherwise the event follows it with that base, so the push merges (rule 3): only what was typed here
 * since is uploaded, and with no base what differs becomes a conflict copy: nothing is lost.
 */
function adoptCreate(batch: Batch, event: EventRecord, parsed: ParsedObject): Promise<void> {
  const { run } = batch;
  const server = parsed.object.ics;
  return run.db.outbox
    .where('eventId')
    .equals(event.id)
    .toArray()
    .then((entries) => {
      const writes = entries.filter((entry) => entry.op !== 'delete');
      const arrived = [...new Set(writes.flatMap(textsMayHaveArrived))];
      const base =
        arrived.find((text) => sameContent(text, server)) ??
        // An event the server held before (re-queued as a create by a rule-5 answer): the server's copy
        // may derive from that last agreed text rather than from an attempt, which may never have
        // arrived; merging against it keeps what was typed here either way.
        event.syncedIcs ??
        (arrived.length === 1 ? arrived[0] : undefined) ??
        null;
      if (sameContent(server, event.ics) || (base !== null && sameContent(base, event.ics))) {
        // Nothing typed here since the attempt that arrived: the server's version (moved, maybe edited) is taken.
        store(batch, parsed, event, null);
        return run.db.outbox.bulkDelete(
          writes.flatMap((entry) => (entry.seq === undefined ? [] : [entry.seq])),
        );
      }
      return run.db.events
        .update(event.id, { syncedIcs: base })
        .then(() => followMove(batch, { ...event, syncedIcs: base }, parsed.object.ref));
    });
}

/** The decisions that write at once (rare: moves meeting a waiting edit); the others are batched. */
type Immediate = Extract<Decision, { kind: 'follow-move' | 'adopt-create' }>;

function isImmediate(decision: Decision): decision is Immediate {
  return decision.kind === 'follow-move' || decision.kind === 'adopt-create';
}

function carryOut(batch: Batch, parsed: ParsedObject, decision: Exclude<Decision, Immediate>): void {
  switch (decision.kind) {
    case 'set-aside':
      setAside(batch, parsed.object, decision.reason);
      return;
    case 'keep':
      return;
    case 'etag-only':
      batch.writes.etags.push({ key: decision.event.id, changes: { etag: parsed.object.version } });
      return;
    case 'store':
      store(batch, parsed, decision.existing, decision.oldHref);
  }
}

/**
 * Decides on and writes parsed objects; to be called inside one transaction over `tables(run)`.
 * `onIssued`: the writes are on their way (the caller may use the time IndexedDB takes for them).
 */
async function applyParsed(
  run: SyncRun,
  index: LocalIndex,
  items: readonly ParsedObject[],
  isListed: (href: string) => boolean,
  onIssued?: () => void,
): Promise<void> {
  // Only Dexie's promises are awaited in here (see above), the writes' last.
  const lookUp = lookUpUids(
    run,
    index,
    items.flatMap((item) => (item.prepared ? [item.prepared.meta.uid] : [])),
  );
  if (lookUp !== null) await lookUp;
  const batch = await openBatch(run, index);
  for (const item of items) {
    if (item.prepared === null) {
      setAside(batch, item.object, item.reason);
      continue;
    }
    const decision = decide(index, item.object, item.prepared.meta.uid, isListed);
    if (!isImmediate(decision)) carryOut(batch, item, decision);
    else if (decision.kind === 'follow-move') await followMove(batch, decision.event, item.object.ref);
    else await adoptCreate(batch, decision.event, item);
  }
  const written = writeBatch(batch);
  onIssued?.();
  await written;
}

/**
 * Parses and expands a batch of fetched objects over `window` (materialisationWindow, read before
 * the batches: a read here would wait for the batch being written), outside any transaction: the
 * CPU-heavy part, done while the previous batch is written. If the window has grown meanwhile, the
 * batch's transaction expands its series again (buildEvent).
 */
export function prepareObjects(
  run: SyncRun,
  objects: readonly FetchedItem[],
  window: TimeRange,
): ParsedObject[] {
  return objects.map((object) => parseObject(run, object, window));
}

/**
 * Applies a prepared batch in one transaction; if it fails, object by object (rule 6). `onIssued` is
 * called once: when the batch's writes are issued, or when it falls back to one by one.
 * 'rw!': always a transaction of its own, whatever zone the pipeline's continuation runs in.
 */
export async function applyPrepared(
  run: SyncRun,
  index: LocalIndex,
  items: readonly ParsedObject[],
  isListed: (href: string) => boolean,
  onIssued: () => void = () => undefined,
): Promise<void> {
  const before = { ...run.report };
  try {
    await run.db.transaction('rw!', tables(run), () => applyParsed(run, index, items, isListed, onIssued));
    return;
  } catch (error) {
    onIssued();
    run.log(
      'warn',
      `A batch failed to save (${error instanceof Error ? error.name : 'unknown error'}): applying its objects one by one.`,
    );
  }
  // The batch rolled back: redo it object by object, so one failing item rolls back only itself (rule 6).
  Object.assign(run.report, before);
  await refillIndex(run, index);
  for (const item of items) {
    const one = { ...run.report };
    try {
      await run.db.transaction('rw!', tables(run), () => applyParsed(run, index, [item], isListed));
    } catch (error) {
      Object.assign(run.report, one);
      await refillIndex(run, index);
      const reason = error instanceof Error ? error.message : String(error);
      await run.db.setAside.put(asideRecord(run, item.object, reason));
      run.report.setAside += 1;
      logSetAside(run, item.object.ref);
    }
  }
}

/** Deletes local events whose hrefs the server no longer holds, except those with pending local edits. */
export async function applyRemovals(run: SyncRun, index: LocalIndex, hrefs: Iterable<string>): Promise<void> {
  const gone: EventRecord[] = [];
  const asides: string[] = [];
  for (const href of hrefs) {
    asides.push(setAsideId(run.calendar.id, href));
    const event = index.byHref.get(href);
    if (event && !index.pending.has(event.id)) gone.push(event);
  }
  await run.db.transaction('rw', tables(run), async () => {
    await run.db.setAside.bulkDelete(asides);
    await deleteEvents(
      run.db,
      gone.map((event) => event.id),
    );
  });
  for (const event of gone) {
    if (event.href !== null) index.byHref.delete(event.href);
    if (index.byUid.get(event.uid)?.id === event.id) index.byUid.delete(event.uid);
  }
  run.report.deletedLocally += gone.length;
}
