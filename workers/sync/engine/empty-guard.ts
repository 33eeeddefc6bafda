/**
 * The data-loss guard (docs/sync-rules.md rule 5): a complete listing that comes back empty while this device
 * holds synced events of the calendar deletes nothing. The calendar records a question for the user
 * (`syncState.emptyOnServer`) and waits, sending nothing, until the user answers (empty-answer.ts).
 * An explicit deletion of the last item in the changes since a cursor the server accepted is not
 * suspicious: it is applied like any other deletion (pull.ts).
 */
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { EmptyOnServerQuestion } from '../../../src/core/model/sync-state';
import type { LocalIndex } from './local-index';
import type { SyncRun } from './sync-run';
import { readSyncState } from './sync-status';

/** Synced events the listing should have shown: those with an href, except those this run just created. */
export function syncedBefore(run: SyncRun, index: LocalIndex): number {
  let count = 0;
  for (const href of index.byHref.keys()) if (!run.createdRefs.has(href)) count += 1;
  return count;
}

/**
 * A complete listing is suspicious when it shows nothing but what this run created while the device
 * held synced events (a create pushed just before must not make a broken server look populated).
 */
export function isSuspiciousListing(
  run: SyncRun,
  index: LocalIndex,
  members: ReadonlyMap<string, unknown>,
): boolean {
  if (syncedBefore(run, index) === 0) return false;
  for (const href of members.keys()) if (!run.createdRefs.has(href)) return false;
  return true;
}

export async function readQuestion(run: SyncRun): Promise<EmptyOnServerQuestion | null> {
  return (await readSyncState(run.db, run.calendar.id)).emptyOnServer ?? null;
}

/** Records the question; local data, outbox and the stored token stay as they were. */
export async function askAboutEmptyListing(run: SyncRun, localCount: number): Promise<void> {
  const question: EmptyOnServerQuestion = { askedAt: run.core.now(), localCount };
  await run.db.transaction('rw', run.db.syncState, async () => {
    const current = await readSyncState(run.db, run.calendar.id);
    await run.db.syncState.put({ ...current, emptyOnServer: question });
  });
  run.report.awaitingDecision = true;
  run.log(
    'warn',
    `The server lists none of the ${localCount} synced events: nothing deleted, asking the user.`,
    { code: SyncLogCode.emptyOnServer, params: { count: localCount } },
  );
}
