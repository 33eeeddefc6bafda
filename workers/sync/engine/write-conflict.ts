/**
 * A write the server refused because its version moved on (412/409, docs/sync-rules.md rule 15): fetch the
 * server version and merge three ways against the last synced text (rule 3). What merges cleanly is
 * uploaded; what still conflicts keeps the server's value in the event and the user's whole version
 * as a conflict copy. A retried push whose first attempt already arrived is recognised here too.
 */
import { parseVCalendar } from '../../../src/core/ical/calendar-object';
import { ConflictReason } from '../../../src/core/model/conflict-copy';
import type { EventRecord } from '../../../src/core/model/event';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { OutboxEntry } from '../../../src/core/model/outbox';
import type { WriteOutcome } from '../providers/calendar-provider';
import {
  commitPushed,
  dropEntry,
  noteCreated,
  noteFailedAttempt,
  storeServerVersion,
  tables,
} from './local-writes';
import { sameContent } from './normalise';
import type { SyncRun } from './sync-run';
import { threeWayMerge } from './three-way-merge';

export type ConflictResult = 'resolved' | 'server-gone' | 'left-pending';

async function keepConflictCopy(
  run: SyncRun,
  event: EventRecord,
  serverIcs: string,
  fields: string[],
): Promise<void> {
  await run.db.conflicts.put({
    id: `${event.id}|${run.core.now()}|${crypto.randomUUID()}`,
    calendarId: event.calendarId,
    eventId: event.id,
    uid: event.uid,
    localIcs: event.ics,
    serverIcs,
    fields,
    createdAt: run.core.now(),
    reason: ConflictReason.changedOnBothSides,
  });
  run.report.conflicts += 1;
  run.log(
    'warn',
    `Conflict on ${event.uid} (${fields.join(', ')}): the server's version is kept, yours is a conflict copy.`,
    { code: SyncLogCode.conflict },
  );
}

/**
 * A write the server took only in part (`refused`: an occurrence Outlook would not place): the rest is
 * written and the pull reads the server's version back; the user's whole version is kept as a copy with
 * the reason, so the part left out is never lost in silence (rule 3). Call after the write is committed.
 */
export async function keepRefusedParts(
  run: SyncRun,
  event: EventRecord,
  outcome: WriteOutcome | null,
): Promise<void> {
  if (outcome?.kind !== 'written' || outcome.refused === undefined || outcome.refused.length === 0) return;
  const count = outcome.refused.length;
  await run.db.conflicts.put({
    id: `${event.id}|${run.core.now()}|${crypto.randomUUID()}`,
    calendarId: event.calendarId,
    eventId: event.id,
    uid: event.uid,
    localIcs: event.ics,
    serverIcs: '',
    fields: ['DTSTART', 'DTEND'],
    createdAt: run.core.now(),
    reason: ConflictReason.placementRefused,
  });
  run.report.conflicts += 1;
  run.log(
    'warn',
    `The server would not move ${count} occurrence(s) of ${event.uid} onto or past another occurrence's day: they keep the server's time, and your version is a conflict copy.`,
    { code: SyncLogCode.conflict, params: { count } },
  );
}

/**
 * A text a create writes in one request: no overrides or cancellations, which a server that stores
 * fields (Graph) is sent after the event, in requests that may not have arrived.
 */
function writtenWhole(ics: string): boolean {
  const vevents = parseVCalendar(ics).getAllSubcomponents('vevent');
  return vevents.length === 1 && !vevents[0]?.hasProperty('exdate');
}

/**
 * The base of the merge: the last text both sides agreed on; for a create that met its own earlier
 * arrival (none agreed yet), the earlier attempt's text the server holds as sent, else the one text
 * sent before if it is written whole (the server's copy is then that text edited by someone else),
 * else none: what differs becomes a conflict copy, so nothing is lost (a series whose occurrence
 * edit never arrived, then moved by another client, lost the edit against its own text as base:
 * found by the Graph convergence test). apply-remote.ts adopts a moved create alike.
 */
function mergeBase(
  run: SyncRun,
  event: EventRecord,
  arrived: readonly string[],
  serverIcs: string,
): string | null {
  if (event.syncedIcs !== null) return event.syncedIcs;
  const held = arrived.find((text) => run.provider.holdsSent([text], serverIcs));
  if (held !== undefined) return held;
  const [only] = arrived;
  return arrived.length === 1 && only !== undefined && writtenWhole(only) ? only : null;
}

/**
 * `arrived`: for a create, the texts its earlier attempts may have left on the server (tracked-write.ts),
 * from which the merge's base is taken (mergeBase).
 */
export async function resolveWriteConflict(
  run: SyncRun,
  entry: OutboxEntry,
  event: EventRecord,
  ref: string,
  arrived: readonly string[] = [],
): Promise<ConflictResult> {
  const read = await run.provider.readItem(run.remote, ref);
  if (read.kind === 'gone') return 'server-gone';
  const server = read.item;
  // The ref as the provider spells it (normalised), as every stored ref is.
  const href = server.ref;
  if (sameContent(server.ics, event.ics)) {
    // Our earlier attempt arrived (or both sides made the same change): nothing to upload.
    await commitPushed(run, entry, event, {
      href,
      etag: server.version,
      sentIcs: server.ics,
      created: false,
    });
    return 'resolved';
  }
  const merge = threeWayMerge(mergeBase(run, event, arrived, server.ics), event.ics, server.ics);
  let upload: WriteOutcome | null = null;
  if (merge.differsFromServer && server.version !== null) {
    // Not listed as this device's text (tracked-write.ts): the merge holds the server user's changes,
    // which a later delete here, made without seeing them, must not take for the user's (rule 4).
    upload = await run.provider.update(run.remote, {
      ref: href,
      ics: merge.ics,
      base: server.ics,
      condition: { kind: 'version', version: server.version },
    });
    if (upload.kind !== 'written') {
      // The server moved again under us: keep the entry, the next sync merges with its newer version.
      await noteFailedAttempt(run, entry);
      return 'left-pending';
    }
  }
  await run.db.transaction('rw', [...tables(run), run.db.syncState], async () => {
    // A create that met its own earlier (answer-lost) arrival: the href is this device's creation too.
    if (event.href === null) await noteCreated(run, href);
    if (merge.conflicts.length > 0) await keepConflictCopy(run, event, server.ics, merge.conflicts);
    const uploadedVersion = upload?.kind === 'written' ? upload.version : undefined;
    const uploaded = upload?.kind === 'written';
    await storeServerVersion(run, {
      id: event.id,
      ics: merge.differsFromServer ? merge.ics : server.ics,
      href,
      etag: uploadedVersion !== undefined ? uploadedVersion : server.version,
    });
    if (!uploaded && merge.differsFromServer) {
      // No etag to write against: the merged text waits locally, based on the server's version.
      await run.db.events.update(event.id, { syncedIcs: server.ics });
      return;
    }
    await dropEntry(run, entry);
  });
  run.report.pushed += upload?.kind === 'written' ? 1 : 0;
  await keepRefusedParts(run, { ...event, ics: merge.ics }, upload);
  return 'resolved';
}
