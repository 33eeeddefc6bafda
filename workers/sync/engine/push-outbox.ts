/**
 * Pushes a calendar's outbox in order (docs/sync-rules.md rule 8: before pulling). Every write is
 * conditional (rule 14); a create carries a key that is the same for every attempt (the event's id;
 * a provider may derive the ref from the UID and create only if absent), so a retry of an entry that
 * already arrived is recognised (by the key, or as a conflict and then by content), never doubled.
 */
import { AppError, ErrorKind } from '../../../src/core/errors';
import type { EventRecord } from '../../../src/core/model/event';
import type { OutboxEntry } from '../../../src/core/model/outbox';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { WriteCondition, WriteOutcome } from '../providers/calendar-provider';
import { deleteUndecided, deleteUsersVersion } from './delete-users-version';
import {
  commitPushed,
  dropEntry,
  noteFailedAttempt,
  noteHeldSinceToken,
  storeServerVersion,
  tables,
} from './local-writes';
import type { SyncRun } from './sync-run';
import { revertForbidden, revertUnrepresentable } from './revert-refused';
import { markTombstone } from './tombstones';
import { sendTracked, textsMayHaveArrived } from './tracked-write';
import { keepRefusedParts, resolveWriteConflict } from './write-conflict';

/** Edited on the server, deleted here: the edit wins and comes back (rule 4). */
async function keepServerEdit(
  run: SyncRun,
  entry: OutboxEntry,
  href: string,
  server: { readonly ics: string; readonly etag: string | null },
): Promise<void> {
  await run.db.transaction('rw', tables(run), async () => {
    await storeServerVersion(run, { ics: server.ics, href, etag: server.etag });
    await dropEntry(run, entry);
  });
  run.log('info', `${entry.uid} was edited on the server after you deleted it: the edit was kept.`, {
    code: SyncLogCode.serverEditKept,
  });
}

/**
 * A delete, conditional on the etag the user's version had (delete-users-version.ts: a 412 is checked
 * against the content before anything is concluded): the user's version → deleted; another → the
 * server's edit wins (rule 4); not there → a tombstone until the pull shows whether it moved (rule 7).
 */
async function pushDelete(run: SyncRun, entry: OutboxEntry): Promise<void> {
  if (entry.href === null) return; // a tombstone: the pull settles it (tombstones.ts)
  const href = entry.href;
  const result = await deleteUsersVersion(run, entry, href, entry.etag);
  switch (result.kind) {
    case 'deleted':
      await dropEntry(run, entry);
      run.report.pushed += 1;
      return;
    case 'gone':
      return markTombstone(run, entry);
    case 'edited':
      return keepServerEdit(run, entry, href, result);
    case 'unconditional':
      return dropEntry(run, entry);
    case 'forbidden':
      return revertForbidden(run, entry, null);
    case 'undecided':
      await noteFailedAttempt(run, entry);
      throw deleteUndecided(entry.uid);
  }
}

/**
 * A create of this event: where the provider puts it, and the key that is the same for every attempt
 * of this entry. An event the server held before, queued as a create by a rule-5 answer (docs/sync-rules.md
 * rule 5; no ref to create it at), gets a key of its own per entry: its first create may have used
 * the event's id, and a server that names creates by key (Graph's `transactionId`) must not be sent a
 * key it saw for an event since deleted. (A recreate names the ref it had: the provider keys it.)
 */
function createOf(event: EventRecord, ref: string | null, entry: OutboxEntry) {
  const putBack = ref === null && event.syncedIcs !== null && entry.seq !== undefined;
  return { ref, uid: event.uid, ics: event.ics, attemptKey: putBack ? `${event.id}-${entry.seq}` : event.id };
}

/**
 * An event the server held before and a rule-5 answer queued as a create (empty-answer.ts): the server
 * may hold it after all (the sync that asked may have pushed it itself, as rule 4's recreate). Where
 * the client names the ref (CalDAV), the create meets If-None-Match and a conflict; where the server
 * chooses it (Graph), a create would make a second copy, so the UID is looked up first (found by the
 * Graph convergence test: "put my events back" left one event twice). The refs holding it, or null.
 */
async function heldAfterAll(run: SyncRun, event: EventRecord): Promise<string[] | null> {
  if (event.href !== null || event.syncedIcs === null) return null;
  if (run.provider.refForNewItem(run.remote, event.uid) !== null) return null;
  const found = await run.provider.findByUid(run.remote, event.uid);
  return found.length > 0 ? found : null;
}

async function pushWrite(run: SyncRun, entry: OutboxEntry, event: EventRecord): Promise<void> {
  // Where a conflict is read: the stored ref, or where the provider creates it (null: the server chooses).
  const href = event.href ?? run.provider.refForNewItem(run.remote, event.uid);
  let outcome: WriteOutcome;
  // Each attempt is listed before sending (tracked-write.ts): if its answer is lost, a later delete or
  // the pull knows which text the server may hold from this device.
  const send = (write: () => Promise<WriteOutcome>) => sendTracked(run, entry, event.ics, write);
  const held = await heldAfterAll(run, event);
  if (held !== null) return followTo(run, entry, event, held);
  // What earlier attempts of this create may have left on the server, before this one is listed.
  const earlier = event.href === null ? textsMayHaveArrived(entry) : [];
  try {
    if (event.href === null)
      outcome = await send(() => run.provider.create(run.remote, createOf(event, null, entry)));
    else if (event.etag === null)
      outcome = { kind: 'conflict' }; // no version to write against: read first
    else {
      const condition: WriteCondition = { kind: 'version', version: event.etag };
      const update = { ref: event.href, ics: event.ics, base: event.syncedIcs, condition };
      outcome = await send(() => run.provider.update(run.remote, update));
    }
  } catch (error) {
    // Outlook cannot store this repeat: this event is undone and kept as a copy; the rest syncs on.
    if (error instanceof AppError && error.kind === ErrorKind.unsupportedRecurrence)
      return revertUnrepresentable(run, entry, event, error);
    throw error;
  }

  if (outcome.kind === 'gone' && event.href !== null) return recreateOrFollow(run, entry, event, event.href);
  if (outcome.kind === 'written' && href === null && earlier.length > 0)
    return settleKeyedCreate(run, entry, event, outcome, earlier);
  if (outcome.kind === 'written') {
    const written = {
      href: outcome.ref,
      etag: outcome.version,
      sentIcs: event.ics,
      created: event.href === null,
    };
    await commitPushed(run, entry, event, written);
    return keepRefusedParts(run, event, outcome);
  }
  if (outcome.kind === 'forbidden') return revertForbidden(run, entry, event);
  if (outcome.kind === 'gone') {
    throw new AppError({
      kind: ErrorKind.notFound,
      message: 'The calendar is gone from the server.',
      retryable: false,
      ...(href !== null ? { detail: href } : {}),
    });
  }
  if (href === null) {
    // A create the server refused as existing, at a ref it chose: nothing to read; the entry waits.
    run.log('warn', `${event.uid} could not be created (conflict): the change waits for the next sync.`, {
      code: SyncLogCode.editWaits,
    });
    return noteFailedAttempt(run, entry);
  }
  const result = await resolveWriteConflict(run, entry, event, href);
  if (result === 'server-gone') return recreateOrFollow(run, entry, event, href);
}

/**
 * A create sent again after an attempt whose answer was lost, to a server that chooses the ref and
 * knows a retry by its key (Graph's `transactionId`, docs/sync-rules.md rule 46): it answers with the
 * item the first attempt made, as it is now, which may hold an earlier text of this device's and
 * another client's edits rather than the text just sent. So the item is read back and the text here
 * merged into it (rule 3) against the earlier text it holds (write-conflict.ts), as a create meeting
 * its own earlier arrival is where the client chooses the ref. Found by the Graph convergence test: a
 * series created here, its answers lost, then retimed and retitled here while another client
 * cancelled an occurrence: the retime and the title were lost on both sides.
 */
async function settleKeyedCreate(
  run: SyncRun,
  entry: OutboxEntry,
  event: EventRecord,
  outcome: Extract<WriteOutcome, { kind: 'written' }>,
  earlier: readonly string[],
): Promise<void> {
  const result = await resolveWriteConflict(run, entry, event, outcome.ref, earlier);
  if (result === 'server-gone') return recreateOrFollow(run, entry, event, outcome.ref);
  return keepRefusedParts(run, event, outcome);
}

/**
 * An event with an edit waiting is gone from its href on the server. Moved there (rule 7) rather than
 * deleted, it must not be recreated at the old href: the server would hold its UID twice (Xandikos
 * allows it) and the mover's edits would stay beside the user's. So its UID is looked for first:
 * found at one other href → the event follows it and the edit is merged into that version (rule 3);
 * found nowhere → it was deleted there and edited here: the edit wins and is recreated (rule 4).
 * A create (href derived from the UID) is never asked about: nothing can have moved it yet.
 */
async function recreateOrFollow(run: SyncRun, entry: OutboxEntry, event: EventRecord, href: string) {
  const found = event.href === null ? [] : await run.provider.findByUid(run.remote, event.uid);
  const elsewhere = found.filter((ref) => !run.provider.sameRef(ref, href));
  if (elsewhere.length === 0) {
    const again = await sendTracked(run, entry, event.ics, () =>
      run.provider.create(run.remote, createOf(event, href, entry)),
    );
    if (again.kind === 'written') {
      await commitPushed(run, entry, event, {
        href: again.ref,
        etag: again.version,
        sentIcs: event.ics,
        created: true,
      });
      return keepRefusedParts(run, event, again);
    }
    run.log(
      'warn',
      `${event.uid} could not be written (${again.kind}); another object on the server may hold its UID. The change waits for the next sync.`,
      { code: SyncLogCode.editWaits },
    );
    return noteFailedAttempt(run, entry);
  }
  return followTo(run, entry, event, elsewhere);
}

/**
 * The event's UID is held on the server at `found` (one ref, else the duplicates wait for the pull):
 * the event follows it there and its change is merged into that version (rule 3) against its base.
 */
async function followTo(run: SyncRun, entry: OutboxEntry, event: EventRecord, found: readonly string[]) {
  const [moved] = found;
  if (found.length > 1 || !moved) {
    // The server holds the UID twice: the pull sets the duplicates aside (rule 6); the edit waits.
    run.log('warn', `${event.uid} is held ${found.length} times on the server: the edit waits.`, {
      code: SyncLogCode.editWaits,
    });
    return noteFailedAttempt(run, entry);
  }
  run.log('info', `${event.uid} moved on the server to ${moved}; the edit waiting here follows it.`, {
    code: SyncLogCode.moved,
  });
  // Held from now on: if this sync fails before its cursor is stored, the next delta may not mention it.
  await run.db.transaction('rw', run.db.events, run.db.syncState, async () => {
    await run.db.events.update(event.id, { href: moved, etag: null });
    await noteHeldSinceToken(run, [moved]);
  });
  const followed = { ...event, href: moved, etag: null };
  const result = await resolveWriteConflict(run, entry, followed, moved);
  if (result === 'server-gone') await noteFailedAttempt(run, entry); // moved again: the next sync looks again
}

/** Pushes the due entries of the calendar, oldest first. Returns how many entries were processed. */
export async function pushOutbox(run: SyncRun, entries: readonly OutboxEntry[]): Promise<void> {
  for (const entry of entries) {
    if (entry.op === 'delete') {
      await pushDelete(run, entry);
      continue;
    }
    const event = await run.db.events.get(entry.eventId);
    if (!event || event.calendarId !== run.calendar.id) {
      await dropEntry(run, entry);
      continue;
    }
    if (event.href !== null && event.syncedIcs !== null && event.ics === event.syncedIcs) {
      await dropEntry(run, entry); // an earlier entry of this event already pushed this text
      continue;
    }
    await pushWrite(run, entry, event);
  }
}
