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

/** `items` with those this provider created (`created`: app UID → ref) under their app UID. */
export function underAppUids(
  items: readonly FetchedItem[],
  created: Readonly<Record<string, string>> | undefined,
): FetchedItem[] {
  if (!created) return [...items];
  const uidOf = new Map<string, string>();
  for (const [uid, ref] of Object.entries(created)) uidOf.set(ref, uid);
  return items.map((item) => {
    const uid = uidOf.get(item.ref);
    return uid === undefined ? item : { ...item, ics: withUid(item.ics, uid) };
  });
}
