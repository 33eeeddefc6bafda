/**
 * A conditional delete of the version the user deleted (docs/sync-rules.md rules 4, 14). A 412 proves only
 * that the etag moved, not that someone edited the object: a stale etag, or an etag rewritten over
 * the same content (rule 2), must not keep a deleted event alive. So after a 412 the object is read
 * again and compared with the versions the user deleted (delete-base.ts), a few times; only another
 * content is an edit, which wins (rule 4). An etag that keeps moving over the user's version is left
 * undecided: the caller keeps the delete for a later sync.
 */
import { AppError, ErrorKind } from '../../../src/core/errors';
import type { OutboxEntry } from '../../../src/core/model/outbox';
import { isUsersVersion } from './delete-base';
import type { SyncRun } from './sync-run';

export type DeleteResult =
  | { readonly kind: 'deleted' }
  /** Not at that href (deleted there too, or moved: rule 7). */
  | { readonly kind: 'gone' }
  /** The server holds another version than the user deleted: it wins (rule 4). */
  | { readonly kind: 'edited'; readonly ics: string; readonly etag: string | null }
  /** The server answers no etag to delete against: left as it is. */
  | { readonly kind: 'unconditional' }
  | { readonly kind: 'forbidden'; readonly reason: string }
  | { readonly kind: 'undecided' };

/** Reads and compares this many times after a 412 before giving up for this sync. */
export const DELETE_ATTEMPTS = 3;

/** `etag`: the etag the user's version came with (null: read the server's version first). */
export async function deleteUsersVersion(
  run: SyncRun,
  entry: Pick<OutboxEntry, 'baseIcs' | 'sentIcs' | 'mayHaveArrived'>,
  href: string,
  etag: string | null,
): Promise<DeleteResult> {
  let condition = etag;
  // A version read right after the user's etag was refused, with no version to compare (entries older
  // than the comparison fields), counts as edited: keeping it loses nothing.
  let refused = false;
  for (let attempt = 0; attempt < DELETE_ATTEMPTS; attempt += 1) {
    if (condition === null) {
      const read = await run.provider.readItem(run.remote, href);
      if (read.kind === 'gone') return { kind: 'gone' };
      const server = read.item;
      const users = isUsersVersion(entry, server.ics, (sent, held) => run.provider.holdsSent(sent, held));
      if (users === false || (users === null && refused))
        return { kind: 'edited', ics: server.ics, etag: server.version };
      if (server.version === null) return { kind: 'unconditional' };
      condition = server.version;
    }
    const outcome = await run.provider.remove(run.remote, href, { kind: 'version', version: condition });
    if (outcome.kind === 'written') return { kind: 'deleted' };
    if (outcome.kind === 'gone') return { kind: 'gone' };
    if (outcome.kind === 'forbidden') return { kind: 'forbidden', reason: outcome.reason };
    condition = null;
    refused = true;
  }
  return { kind: 'undecided' };
}

/** For an undecided delete: the entry stays in the outbox and the sync is retried later (rule 16). */
export function deleteUndecided(uid: string): AppError {
  return new AppError({
    kind: ErrorKind.server,
    message: `The server kept changing an event you deleted (${uid}) while Almanac deleted it: it will try again.`,
    retryable: true,
  });
}
