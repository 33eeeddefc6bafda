/**
 * What to do with one fetched object (docs/sync-rules.md rules 2, 6, 7), decided in memory against the local
 * index; apply-remote.ts carries the decisions out. Identity is the href, then the UID (a new href
 * with a known UID is a move when the old href is gone, a duplicate to set aside when it is still
 * listed); never title or time.
 */
import { isAppError } from '../../../src/core/errors';
import { expandAhead, prepareEvent, type PreparedEvent } from '../../../src/core/events/event-store';
import type { TimeRange } from '../../../src/core/occurrences/time-range';
import type { EventRecord } from '../../../src/core/model/event';
import type { FetchedItem } from '../providers/calendar-provider';
import type { LocalIndex } from './local-index';
import { sameContent } from './normalise';
import type { SyncRun } from './sync-run';

/** A fetched object parsed once: ready to store, or malformed with the parser's reason (rule 6). */
export type ParsedObject =
  | { readonly object: FetchedItem; readonly prepared: PreparedEvent }
  | { readonly object: FetchedItem; readonly prepared: null; readonly reason: string };

export type Decision =
  | { readonly kind: 'set-aside'; readonly reason: string }
  /** An edit is waiting here (pending outbox entry): the server's version does not overwrite it. */
  | { readonly kind: 'keep' }
  /** Same content under a rewritten etag (rule 2): only the status moves on. */
  | { readonly kind: 'etag-only'; readonly event: EventRecord }
  /** The server's version replaces `existing` (same id, also after a move from `oldHref`) or is new. */
  | {
      readonly kind: 'store';
      readonly existing: EventRecord | undefined;
      readonly oldHref: string | null;
    }
  /** An event with an edit waiting whose href moved on the server (rule 7): it follows the move. */
  | { readonly kind: 'follow-move'; readonly event: EventRecord }
  /** A create waiting whose UID the server already holds at this href: it adopts the object. */
  | { readonly kind: 'adopt-create'; readonly event: EventRecord };

/**
 * Parses a fetched object once and expands it over `window` ahead of the batch's transaction. An
 * object that parses but does not expand is left to be expanded again when it is stored, where it
 * is set aside with the reason (only if it would be stored: a pending edit is not overwritten, and
 * a duplicate is set aside as one, as before).
 */
export function parseObject(run: SyncRun, object: FetchedItem, window: TimeRange): ParsedObject {
  let prepared: PreparedEvent;
  try {
    prepared = prepareEvent({
      calendarId: run.calendar.id,
      ics: object.ics,
      href: object.ref,
      etag: object.version,
      syncedIcs: object.ics,
    });
  } catch (error) {
    return { object, prepared: null, reason: isAppError(error) ? error.message : String(error) };
  }
  try {
    return { object, prepared: expandAhead(prepared, window, run.core) };
  } catch {
    return { object, prepared };
  }
}

const duplicate = (href: string, uid: string): Decision => ({
  kind: 'set-aside',
  reason: `Another object on the server (${href}) has the same UID ${uid}.`,
});

/**
 * Decides on one parsed object. Claims its UID in `index.claimed` (two new hrefs with one UID in a
 * round: the second is a duplicate); the caller updates byHref / byUid as it stores.
 * `isListed(href)`: the server still holds that href in this round's view of the collection.
 */
export function decide(
  index: LocalIndex,
  object: FetchedItem,
  uid: string,
  isListed: (href: string) => boolean,
): Decision {
  const claimedBy = index.claimed.get(uid);
  if (claimedBy !== undefined && claimedBy !== object.ref) return duplicate(claimedBy, uid);
  index.claimed.set(uid, object.ref);
  const existing = index.byHref.get(object.ref);
  const isPending = (event: EventRecord) => index.pending.has(event.id);
  if (existing) {
    if (isPending(existing)) return { kind: 'keep' };
    if (existing.uid === uid && sameContent(existing.syncedIcs ?? existing.ics, object.ics))
      return { kind: 'etag-only', event: existing };
    return { kind: 'store', existing, oldHref: null };
  }
  const sameUid = index.byUid.get(uid);
  if (sameUid && isPending(sameUid)) {
    if (sameUid.href !== null && !isListed(sameUid.href)) return { kind: 'follow-move', event: sameUid };
    if (sameUid.href === null) return { kind: 'adopt-create', event: sameUid };
    return { kind: 'keep' };
  }
  if (sameUid && sameUid.href !== null && isListed(sameUid.href)) return duplicate(sameUid.href, uid);
  // A known UID at a new href whose old href is gone: a move, the event keeps its identity (rule 7).
  return { kind: 'store', existing: sameUid, oldHref: sameUid?.href ?? null };
}
