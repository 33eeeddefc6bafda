/**
 * Items this provider created are read back under the UID the app gave them. Graph gives every event
 * its own iCalUId (read-only), so the app's UID lives only in the provider's state (`created`,
 * provider-state.ts); without this an event created here came back under another UID, and an edit
 * that followed its recreated item (docs/sync-rules.md rule 4) merged two texts with different UIDs,
 * which no write can send (found by the Graph convergence test).
 */
import { parseVCalendar } from '../../../../src/core/ical/calendar-object';
import type { FetchedItem } from '../calendar-provider';

/** The text with every VEVENT's UID set to `uid` (ical.js writes it). */
export function withUid(ics: string, uid: string): string {
  const vcalendar = parseVCalendar(ics);
  for (const vevent of vcalendar.getAllSubcomponents('vevent')) vevent.updatePropertyWithValue('uid', uid);
  return vcalendar.toString();
}

/** What this provider knows of the items it created (provider-state.ts). */
export interface AppUids {
  /** App UID → ref, from each create's answer. */
  readonly created?: Readonly<Record<string, string>> | undefined;
  /** `transactionId` → app UID, kept before each create was sent. */
  readonly sent?: Readonly<Record<string, string>> | undefined;
}

/**
 * `items` with those this provider created under their app UID: by ref (`created`), else by the
 * `transactionId` Graph keeps on the event (`keys`: ref → transactionId), which names a create whose
 * answers were all lost: without it, such an item came back under Graph's iCalUId, and a delete made
 * here meanwhile (a tombstone, kept by UID) never met it (found by the Graph convergence test).
 */
export function underAppUids(
  items: readonly FetchedItem[],
  known: AppUids,
  keys: ReadonlyMap<string, string> = new Map(),
): FetchedItem[] {
  const { created, sent } = known;
  if (!created && !sent) return [...items];
  const uidOf = new Map<string, string>();
  for (const [uid, ref] of Object.entries(created ?? {})) uidOf.set(ref, uid);
  return items.map((item) => {
    const key = keys.get(item.ref);
    const uid = uidOf.get(item.ref) ?? (key === undefined ? undefined : sent?.[key]);
    return uid === undefined ? item : { ...item, ics: withUid(item.ics, uid) };
  });
}
