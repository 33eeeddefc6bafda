/**
 * Makes a subscribed calendar hold exactly the feed's events, matched by UID, in one transaction:
 * new UIDs are added, known ones replaced when their text changed, and UIDs gone from the feed are
 * deleted here too. Subscribed calendars are read-only and local: no outbox, no commands.
 */
import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { putEvents, type EventInput } from '../events/event-store';
import type { EventRecord } from '../model/event';
import type { CalendarId, EventId } from '../model/ids';
import type { ImportEntry } from '../import/read-ics-file';

export interface FeedChanges {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
}

export async function replaceFeedEvents(
  db: AlmanacDb,
  calendarId: CalendarId,
  entries: readonly ImportEntry[],
  ctx: CoreContext,
): Promise<FeedChanges> {
  return db.transaction('rw', db.events, db.occurrences, db.meta, async () => {
    const stored = await db.events.where('calendarId').equals(calendarId).toArray();
    const byUid = new Map<string, EventRecord>(stored.map((event) => [event.uid, event]));
    const inputs: EventInput[] = [];
    let added = 0;
    for (const entry of entries) {
      const existing = byUid.get(entry.uid);
      if (!existing) {
        added += 1;
        inputs.push({ calendarId, ics: entry.ics });
      } else if (existing.ics !== entry.ics) {
        inputs.push({ id: existing.id, calendarId, ics: entry.ics });
      }
    }
    const inFeed = new Set(entries.map((entry) => entry.uid));
    const gone: EventId[] = stored.filter((event) => !inFeed.has(event.uid)).map((event) => event.id);
    if (inputs.length > 0) await putEvents(db, inputs, ctx);
    if (gone.length > 0) {
      await db.occurrences.where('eventId').anyOf(gone).delete();
      await db.events.bulkDelete(gone);
    }
    return { added, updated: inputs.length - added, removed: gone.length };
  });
}
