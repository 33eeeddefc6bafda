/**
 * Local deletes whose href the server no longer holds (404 on DELETE). The object may have moved to a
 * new href with the same UID (docs/sync-rules.md rule 7: a move, not a delete), so the delete is kept as a tombstone —
 * its outbox entry with href null — until the pull shows where that UID is: there it is deleted too
 * (If-Match), unless it changed since (delete-base.ts). A pull that completes without the UID drops
 * the tombstone: the object is really gone.
 * Kept in the outbox, so a sync interrupted between the push and the pull loses nothing.
 */
import { parseCalendarObject } from '../../../src/core/ical/parse';
import type { OutboxEntry } from '../../../src/core/model/outbox';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { FetchedItem } from '../providers/calendar-provider';
import { isUsersVersion } from './delete-base';
import { deleteUndecided, deleteUsersVersion } from './delete-users-version';
import { dropEntry } from './local-writes';
import type { SyncRun } from './sync-run';

/** UID → its tombstone entry. */
export type Tombstones = Map<string, OutboxEntry>;

export function isTombstone(entry: OutboxEntry): boolean {
  return entry.op === 'delete' && entry.href === null;
}

export async function markTombstone(run: SyncRun, entry: OutboxEntry): Promise<void> {
  if (entry.seq !== undefined) await run.db.outbox.update(entry.seq, { href: null, etag: null });
  run.log('debug', `${entry.uid} was not at its href any more: its delete waits for the pull (a move?).`);
}

export async function loadTombstones(run: SyncRun): Promise<Tombstones> {
  const entries = await run.db.outbox.where('calendarId').equals(run.calendar.id).toArray();
  return new Map(entries.filter(isTombstone).map((entry) => [entry.uid, entry]));
}

function uidOf(object: FetchedItem): string | null {
  try {
    return parseCalendarObject(object.ics).uid;
  } catch {
    return null;
  }
}

/** Deletes the moved object unless it was edited after the user's delete (rule 4: the edit wins). */
async function deleteMoved(run: SyncRun, entry: OutboxEntry, object: FetchedItem): Promise<boolean> {
  if (isUsersVersion(entry, object.ics, (sent, held) => run.provider.holdsSent(sent, held)) === false)
    return false; // edited since the user saw it
  const result = await deleteUsersVersion(run, entry, object.ref, object.version);
  if (result.kind === 'undecided') throw deleteUndecided(entry.uid);
  return result.kind === 'deleted' || result.kind === 'gone';
}

/** Settles the tombstones these fetched objects match; returns the objects still to apply. */
export async function settleTombstones(
  run: SyncRun,
  tombstones: Tombstones,
  objects: readonly FetchedItem[],
): Promise<FetchedItem[]> {
  if (tombstones.size === 0) return [...objects];
  const keep: FetchedItem[] = [];
  for (const object of objects) {
    const uid = uidOf(object);
    const entry = uid === null ? undefined : tombstones.get(uid);
    if (uid === null || entry === undefined) {
      keep.push(object);
      continue;
    }
    const deleted = await deleteMoved(run, entry, object);
    await dropEntry(run, entry);
    tombstones.delete(uid);
    if (deleted) {
      run.report.pushed += 1;
      run.log('info', `${uid} had moved on the server to ${object.ref}; deleted there too.`, {
        code: SyncLogCode.moved,
      });
    } else {
      keep.push(object);
      run.log('info', `${uid} was edited on the server after you deleted it: the edit was kept.`, {
        code: SyncLogCode.serverEditKept,
      });
    }
  }
  return keep;
}

/** After a complete pull: tombstones whose UID the server did not show are settled (nothing to delete). */
export async function dropUnseen(run: SyncRun, tombstones: Tombstones): Promise<void> {
  for (const entry of tombstones.values()) await dropEntry(run, entry);
  tombstones.clear();
}
