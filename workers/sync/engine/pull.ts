/**
 * Brings the server's changes in (after the push, docs/sync-rules.md rule 8): the changes since the
 * stored cursor when the server keeps one (rules 10, 28), otherwise or when the cursor is refused
 * a complete listing that reconciles (rule 11): changed items fetched in bounded batches
 * (rule 13), local deletions only once the whole listing is applied, and never from an empty
 * listing of a calendar that had items (rule 5: the user is asked, empty-guard.ts). Deletions a
 * delta lists explicitly (from a cursor the server accepted) are applied, even of the last item.
 */
import { AppError, ErrorKind } from '../../../src/core/errors';
import type { EventId } from '../../../src/core/model/ids';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { ChangesSince, ItemVersions, RemoteCalendarState } from '../providers/calendar-provider';
import { applyRemovals } from './apply-remote';
import { fetchChanged } from './fetch-changed';
import { loadIndexFor, loadLocalIndex, type LocalIndex } from './local-index';
import { askAboutEmptyListing, isSuspiciousListing, syncedBefore } from './empty-guard';
import { noteHeldSinceToken } from './local-writes';
import { readSyncState, saveSyncState, type StoredState } from './sync-status';
import { dropUnseen, loadTombstones } from './tombstones';
import type { SyncRun } from './sync-run';

/** The changes since a cursor the server accepted. */
type Delta = Extract<ChangesSince, { kind: 'changes' }>;

export interface PullResult {
  /** The cursor to store (`syncState.syncToken`). */
  readonly cursor: string | null;
  /** The listing was suspiciously empty: nothing applied, the user is asked (rule 5). */
  readonly awaitingDecision: boolean;
}

/** The complete listing: the changes from no cursor when the server keeps one, else every item's version. */
async function fullListing(
  run: SyncRun,
  state: RemoteCalendarState,
  stored: StoredState,
  pending: ReadonlySet<EventId>,
): Promise<PullResult> {
  let members: ItemVersions;
  // Only a listing from the cursor gives a cursor worth keeping: without one, the stamp tells changes.
  let cursor: string | null = null;
  if (state.supportsCursor) {
    const listing = await run.provider.listChanges(run.remote, null);
    if (listing.kind !== 'changes')
      throw new AppError({
        kind: ErrorKind.server,
        message: 'The server refused an initial sync.',
        retryable: true,
      });
    members = listing.changed;
    cursor = listing.cursor;
  } else {
    members = await run.provider.listItems(run.remote);
  }
  const index = await loadLocalIndex(run, pending);
  if (isSuspiciousListing(run, index, members)) {
    await askAboutEmptyListing(run, syncedBefore(run, index));
    return { cursor: stored.syncToken, awaitingDecision: true };
  }
  // Persisted before anything is applied: an interrupted listing restarts as a listing and deletes nothing early.
  await saveSyncState(run, { ...stored, initialSyncInProgress: true });
  const tombstones = await loadTombstones(run);
  const missing = await fetchChanged(run, index, members, (href) => members.has(href), tombstones);
  // Listed, then not found when fetched: deleted on the server meanwhile (rule 13), not held. A
  // listing that held nothing else is as empty as one that lists nothing: the user is asked (rule 5).
  const held = new Map([...members].filter(([href]) => !missing.has(href)));
  if (missing.size > 0 && isSuspiciousListing(run, index, held)) {
    await askAboutEmptyListing(run, syncedBefore(run, index));
    return { cursor: stored.syncToken, awaitingDecision: true };
  }
  const gone = [...index.byHref.keys()].filter((href) => !held.has(href));
  await applyRemovals(run, index, gone);
  await dropUnseen(run, tombstones);
  return { cursor, awaitingDecision: false };
}

/**
 * Items this device came to hold after the stored cursor (a sync that failed after its push or
 * during its pull) and the delta does not mention: a server may omit an item created and deleted
 * since the cursor (Xandikos does), so they are asked for; those not found are gone (fetched in
 * bounded batches, only in that case).
 */
async function heldButUnlisted(
  run: SyncRun,
  index: LocalIndex,
  delta: Delta,
  created: readonly string[],
): Promise<string[]> {
  const unlisted = created.filter(
    (ref) => index.byHref.has(ref) && !delta.changed.has(ref) && !delta.removed.has(ref),
  );
  const missing: string[] = [];
  for (let at = 0; at < unlisted.length; at += run.batchSize) {
    const batch = unlisted.slice(at, at + run.batchSize);
    missing.push(...(await run.provider.fetchItems(run.remote, batch)).missing);
  }
  return missing;
}

async function deltaSync(
  run: SyncRun,
  state: RemoteCalendarState,
  stored: StoredState,
  pending: ReadonlySet<EventId>,
): Promise<PullResult> {
  const cursor = stored.syncToken;
  const delta = cursor === null ? null : await run.provider.listChanges(run.remote, cursor);
  if (delta === null || delta.kind === 'cursor-refused') {
    run.log('info', 'The sync token was refused: re-listing the calendar to reconcile.', {
      code: SyncLogCode.tokenRefused,
    });
    return fullListing(run, state, { ...stored, syncToken: null }, pending);
  }
  const created = (await readSyncState(run.db, run.calendar.id)).createdSinceToken ?? [];
  // A delta names every ref it touches: only those events are read, not the whole calendar.
  const index = await loadIndexFor(run, pending, [...delta.changed.keys(), ...delta.removed, ...created]);
  for (const href of await heldButUnlisted(run, index, delta, created)) delta.removed.add(href);
  // New refs are held before they are applied: should this sync fail before its cursor is stored, the
  // next delta (from the same cursor) may leave out those deleted meanwhile; they are checked then.
  const arriving = [...delta.changed.keys()].filter((ref) => !index.byHref.has(ref));
  if (arriving.length > 0) await noteHeldSinceToken(run, arriving);
  // Each removal here is named explicitly by the server, from a cursor it accepted: the user (or
  // another client) deleted those items, even the last one. Not a rule-5 case: applied as listed.
  const tombstones = await loadTombstones(run);
  const missing = await fetchChanged(run, index, delta.changed, (ref) => !delta.removed.has(ref), tombstones);
  // Named as changed, then not found when fetched: deleted on the server since the delta was read
  // (rule 13; Graph: a series whose occurrences the delta removed, its master gone). Deleted here like
  // the removals the delta names; an edit waiting here is kept, and the push writes it back (rule 4).
  await applyRemovals(run, index, [...delta.removed, ...missing]);
  await dropUnseen(run, tombstones);
  return { cursor: delta.cursor, awaitingDecision: false };
}

export async function pull(
  run: SyncRun,
  state: RemoteCalendarState,
  stored: StoredState,
  pending: ReadonlySet<EventId>,
): Promise<PullResult> {
  const useDelta = state.supportsCursor && stored.syncToken !== null && !stored.initialSyncInProgress;
  return useDelta ? deltaSync(run, state, stored, pending) : fullListing(run, state, stored, pending);
}
