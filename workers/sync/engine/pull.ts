/**
 * Brings the server's changes in (after the push, SYNC-RULES rule 8): a sync-collection delta from
 * the stored token when the server supports it (rules 10, 28), otherwise or when the token is refused
 * a complete listing that reconciles (rule 11): changed bodies fetched by multiget in bounded batches
 * (rule 13), local deletions only once the whole listing is applied, and never from an empty
 * listing of a calendar that had items (rule 5).
 */
import { AppError, ErrorKind } from '../../../src/core/errors';
import type { EventId } from '../../../src/core/model/ids';
import type { CollectionState } from '../caldav/collection-state';
import { listMembers } from '../caldav/member-listing';
import { multigetBatch } from '../caldav/multiget';
import { syncCollection } from '../caldav/sync-collection';
import { applyObjects, applyRemovals, loadLocalIndex, type LocalIndex } from './apply-remote';
import { saveSyncState, type StoredState } from './sync-status';
import type { SyncRun } from './sync-run';

export interface PullResult {
  readonly syncToken: string | null;
}

function suspiciousEmpty(run: SyncRun, had: number): AppError {
  return new AppError({
    kind: ErrorKind.suspiciousEmptyListing,
    message: `The server lists no events for “${run.calendar.name}”, which had ${had}. Nothing was deleted.`,
    retryable: false,
  });
}

function syncedCount(index: LocalIndex): number {
  return index.byHref.size;
}

async function fetchChanged(
  run: SyncRun,
  index: LocalIndex,
  listed: ReadonlyMap<string, string | null>,
  isListed: (href: string) => boolean,
): Promise<void> {
  const wanted = [...listed].filter(([href, etag]) => {
    const local = index.byHref.get(href);
    return !local || etag === null || local.etag !== etag;
  });
  let done = 0;
  await run.progress(0, wanted.length);
  for (let start = 0; start < wanted.length; start += run.batchSize) {
    const hrefs = wanted.slice(start, start + run.batchSize).map(([href]) => href);
    const result = await multigetBatch(run.transport, run.collectionUrl, hrefs);
    for (const warning of result.warnings) run.log('warn', warning);
    if (result.missing.length > 0) run.log('debug', `Not found any more: ${result.missing.join(', ')}`);
    await applyObjects(run, index, result.found, isListed);
    done += hrefs.length;
    await run.progress(done, wanted.length);
  }
}

/** The complete listing: sync-collection from no token when supported, else PROPFIND Depth 1. */
async function fullListing(
  run: SyncRun,
  state: CollectionState,
  stored: StoredState,
  pending: ReadonlySet<EventId>,
): Promise<PullResult> {
  let members: Map<string, string | null>;
  let token: string | null = state.syncToken;
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
  if (members.size === 0 && syncedCount(index) > 0) throw suspiciousEmpty(run, syncedCount(index));
  // Persisted before anything is applied: an interrupted listing restarts as a listing and deletes nothing early.
  await saveSyncState(run, { ...stored, initialSyncInProgress: true });
  await fetchChanged(run, index, members, (href) => members.has(href));
  const gone = [...index.byHref.keys()].filter((href) => !members.has(href));
  await applyRemovals(run, index, gone);
  return { syncToken: token };
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
    run.log('info', 'The sync token was refused: re-listing the calendar to reconcile.');
    return fullListing(run, state, { ...stored, syncToken: null }, pending);
  }
  const index = await loadLocalIndex(run, pending);
  const removedLocal = [...delta.removed].filter((href) => index.byHref.has(href)).length;
  if (removedLocal > 0 && removedLocal === syncedCount(index) && delta.changed.size === 0) {
    // Everything would go: confirm with a complete listing before believing it (rule 5).
    const members = await listMembers(run.transport, run.collectionUrl);
    if (members.size === 0) throw suspiciousEmpty(run, syncedCount(index));
  }
  await fetchChanged(run, index, delta.changed, (href) => !delta.removed.has(href));
  await applyRemovals(run, index, delta.removed);
  return { syncToken: delta.token };
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
