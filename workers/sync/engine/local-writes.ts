/**
 * The engine's writes to IndexedDB. Each keeps the item's status (href, etag, last synced text) in the
 * same transaction as the change it belongs to (docs/sync-rules.md rule 1), and an outbox entry is cleared in
 * the transaction that records its result, so a crash in between loses and doubles nothing.
 */
import { putEvent, type EventInput } from '../../../src/core/events/event-store';
import type { EventRecord } from '../../../src/core/model/event';
import type { CalendarId, EventId } from '../../../src/core/model/ids';
import type { OutboxEntry } from '../../../src/core/model/outbox';
import type { SyncRun } from './sync-run';
import { readSyncState } from './sync-status';

export function tables(run: SyncRun) {
  const { db } = run;
  return [db.events, db.occurrences, db.meta, db.outbox, db.conflicts, db.setAside, db.calendars];
}

export function setAsideId(calendarId: CalendarId, href: string): string {
  return `${calendarId}|${href}`;
}

/** Stores a server version of an event (new or replacing) with its status. */
export async function storeServerVersion(
  run: SyncRun,
  input: { id?: EventId; ics: string; href: string; etag: string | null },
): Promise<EventId> {
  const event: EventInput = {
    ...(input.id !== undefined ? { id: input.id } : {}),
    calendarId: run.calendar.id,
    ics: input.ics,
    href: input.href,
    etag: input.etag,
    syncedIcs: input.ics,
  };
  const id = await putEvent(run.db, event, run.core);
  await run.db.setAside.delete(setAsideId(run.calendar.id, input.href));
  return id;
}

/**
 * Remembers hrefs this device came to hold (created, followed after a move, fetched by a delta not yet
 * fully applied) until a token covering them is stored (sync-status.ts, pull.ts): a server may leave
 * an object created and deleted since the token out of the delta (Xandikos does). Call it inside a
 * transaction that includes `syncState`, or alone.
 */
export async function noteHeldSinceToken(run: SyncRun, hrefs: readonly string[]): Promise<void> {
  const state = await readSyncState(run.db, run.calendar.id);
  const held = state.createdSinceToken ?? [];
  const added = hrefs.filter((href) => !held.includes(href));
  if (added.length > 0) await run.db.syncState.put({ ...state, createdSinceToken: [...held, ...added] });
}

/** An href this device created on the server (noteHeldSinceToken), also remembered for this run. */
export async function noteCreated(run: SyncRun, href: string): Promise<void> {
  await noteHeldSinceToken(run, [href]);
  run.createdRefs.add(href);
}

/**
 * Records that `sentIcs` reached the server at `href` and clears the outbox entry, in one transaction.
 * The ref is held since the stored cursor in every case (noteHeldSinceToken): should another client
 * delete it before the next cursor is stored, a cursor that comes back unchanged (Xandikos hashes the
 * contents) does not hide the deletion. `created`: the write was a create (a new event, or one
 * recreated where it had been deleted), so it also counts as this run's own for rule 5 (noteCreated);
 * found by `npm run soak`, seed 1006172816 (a recreate, then deleted on the server, stayed here).
 */
export async function commitPushed(
  run: SyncRun,
  entry: OutboxEntry,
  event: EventRecord,
  result: { href: string; etag: string | null; sentIcs: string; created: boolean },
): Promise<void> {
  await run.db.transaction('rw', [...tables(run), run.db.syncState], async () => {
    if (result.created || event.href === null) await noteCreated(run, result.href);
    else await noteHeldSinceToken(run, [result.href]);
    const current = await run.db.events.get(event.id);
    if (current) {
      // If the user edited again meanwhile, `ics` keeps the newer text (its own entry pushes it).
      const changes: Partial<EventRecord> = {
        href: result.href,
        etag: result.etag,
        syncedIcs: result.sentIcs,
      };
      await run.db.events.update(event.id, changes);
    }
    await dropEntry(run, entry);
  });
  run.report.pushed += 1;
}

export async function dropEntry(run: SyncRun, entry: OutboxEntry): Promise<void> {
  if (entry.seq !== undefined) await run.db.outbox.delete(entry.seq);
}

export async function noteFailedAttempt(run: SyncRun, entry: OutboxEntry): Promise<void> {
  if (entry.seq !== undefined) await run.db.outbox.update(entry.seq, { attempts: entry.attempts + 1 });
}
