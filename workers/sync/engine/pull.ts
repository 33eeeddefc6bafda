/**
 * Brings the server's changes in (after the push, docs/sync-rules.md rule 8): a sync-collection delta from
 * the stored token when the server supports it (rules 10, 28), otherwise or when the token is refused
 * a complete listing that reconciles (rule 11): changed bodies fetched by multiget in bounded batches
 * (rule 13), local deletions only once the whole listing is applied, and never from an empty
 * listing of a calendar that had items (rule 5: the user is asked, empty-guard.ts). Deletions a
 * delta lists explicitly (with a valid token) are applied, even of the last item.
 */
import { AppError, ErrorKind } from '../../../src/core/errors';
import type { EventId } from '../../../src/core/model/ids';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { CollectionState } from '../caldav/collection-state';
import { listMembers } from '../caldav/member-listing';
import { multigetBatch } from '../caldav/multiget';
import { syncCollection, type SyncDelta } from '../caldav/sync-collection';
import { applyRemovals } from './apply-remote';
import { fetchChanged } from './fetch-changed';
import { loadIndexFor, loadLocalIndex, type LocalIndex } from './local-index';
import { askAboutEmptyListing, isSuspiciousListing, syncedBefore } from './empty-guard';
import { noteHeldSinceToken } from './local-writes';
import { readSyncState, saveSyncState, type StoredState } from './sync-status';
import { dropUnseen, loadTombstones } from './tombstones';
import type { SyncRun } from './sync-run';

export interface PullResult {
  readonly syncToken: string | null;
  /** The listing was suspiciously empty: nothing applied, the user is asked (rule 5). */
  readonly awaitingDecision: boolean;
}

/** The complete listing: sync-collection from no token when supported, else PROPFIND Depth 1. */
async function fullListing(
  run: SyncRun,
  state: CollectionState,
  stored: StoredState,
  pending: ReadonlySet<EventId>,
): Promise<PullResult> {
  let members: Map<string, string | null>;
  // Only a sync-collection listing gives a token worth keeping: without one, the ctag tells changes.
  let token: string | null = null;
  if (state.supportsSyncCollection) {
    const listing = await syncCollection(run.transport, run.collectionUrl, null);
    if (listing.kind !== 'delta')
      throw new AppError({
        kind: ErrorKind.server,
        message: 'The server refused an initial sync.',
        retryable: true,
      });
    members = listing.changed;
    token = listing.token;
  } else {
    members = await listMembers(run.transport, run.collectionUrl);
  }
  const index = await loadLocalIndex(run, pending);
  if (isSuspiciousListing(run, index, members)) {
    await askAboutEmptyListing(run, syncedBefore(run, index));
    return { syncToken: stored.syncToken, awaitingDecision: true };
  }
  // Persisted before anything is applied: an interrupted listing restarts as a listing and deletes nothing early.
  await saveSyncState(run, { ...stored, initialSyncInProgress: true });
  const tombstones = await loadTombstones(run);
  await fetchChanged(run, index, members, (href) => members.has(href), tombstones);
  const gone = [...index.byHref.keys()].filter((href) => !members.has(href));
  await applyRemovals(run, index, gone);
  await dropUnseen(run, tombstones);
  return { syncToken: token, awaitingDecision: false };
}

/**
 * Objects this device came to hold after the stored token (a sync that failed after its push or
 * during its pull) and the delta does not mention: a server may omit an object created and deleted
 * since the token (Xandikos does), so they are asked for; those not found are gone (multigets in
 * bounded batches, only in that case).
 */
async function heldButUnlisted(
  run: SyncRun,
  index: LocalIndex,
  delta: SyncDelta,
  created: readonly string[],
): Promise<string[]> {
  const unlisted = created.filter(
    (href) => index.byHref.has(href) && !delta.changed.has(href) && !delta.removed.has(href),
  );
  const missing: string[] = [];
  for (let at = 0; at < unlisted.length; at += run.batchSize) {
    const batch = unlisted.slice(at, at + run.batchSize);
    missing.push(...(await multigetBatch(run.transport, run.collectionUrl, batch)).missing);
  }
  return missing;
}

async function deltaSync(
  run: SyncRun,
  state: CollectionState,
  stored: StoredState,
  pending: ReadonlySet<EventId>,
): Promise<PullResult> {
  const token = stored.syncToken;
  const delta = token === null ? null : await syncCollection(run.transport, run.collectionUrl, token);
  if (delta === null || delta.kind === 'invalid-token') {
    run.log('info', 'The sync token was refused: re-listing the calendar to reconcile.', {
      code: SyncLogCode.tokenRefused,
    });
    return fullListing(run, state, { ...stored, syncToken: null }, pending);
  }
  const created = (await readSyncState(run.db, run.calendar.id)).createdSinceToken ?? [];
  // A delta names every href it touches: only those events are read, not the whole calendar.
  const index = await loadIndexFor(run, pending, [...delta.changed.keys(), ...delta.removed, ...created]);
  for (const href of await heldButUnlisted(run, index, delta, created)) delta.removed.add(href);
  // New hrefs are held before they are applied: should this sync fail before its token is stored, the
  // next delta (from the same token) may leave out those deleted meanwhile; they are checked then.
  const arriving = [...delta.changed.keys()].filter((href) => !index.byHref.has(href));
  if (arriving.length > 0) await noteHeldSinceToken(run, arriving);
  // Each removal here is an explicit response-level 404 under a token the server accepted: the user
  // (or another client) deleted those items, even the last one. Not a rule-5 case: applied as listed.
  const tombstones = await loadTombstones(run);
  await fetchChanged(run, index, delta.changed, (href) => !delta.removed.has(href), tombstones);
  await applyRemovals(run, index, delta.removed);
  await dropUnseen(run, tombstones);
  return { syncToken: delta.token, awaitingDecision: false };
}

export async function pull(
  run: SyncRun,
  state: CollectionState,
  stored: StoredState,
  pending: ReadonlySet<EventId>,
): Promise<PullResult> {
  const useDelta = state.supportsSyncCollection && stored.syncToken !== null && !stored.initialSyncInProgress;
  return useDelta ? deltaSync(run, state, stored, pending) : fullListing(run, state, stored, pending);
}
