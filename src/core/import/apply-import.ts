/**
 * Applies a previewed import in one transaction through the event store (occurrences materialised)
 * with the commands' rules: a read-only calendar is refused, and a synced calendar gets an outbox
 * entry per change (create for a new UID, update for one it already had).
 */
import type { CoreContext } from '../context';
import { commandTables, writableCalendar } from '../agenda/commands/command-support';
import { queueCreate, queueUpdate } from '../agenda/commands/outbox-writes';
import type { AlmanacDb } from '../db/almanac-db';
import { putEvents, type EventInput } from '../events/event-store';
import type { EventRecord } from '../model/event';
import type { CalendarId } from '../model/ids';
import type { ImportEntry } from './read-ics-file';

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
}

export async function applyImport(
  db: AlmanacDb,
  input: { readonly calendarId: CalendarId; readonly entries: readonly ImportEntry[] },
  ctx: CoreContext,
): Promise<ImportResult> {
  const { calendarId, entries } = input;
  return db.transaction('rw', commandTables(db), async () => {
    const { remote } = await writableCalendar(db, calendarId);
    const keys = entries.map((entry): [CalendarId, string] => [calendarId, entry.uid]);
    const found = keys.length === 0 ? [] : await db.events.where('[calendarId+uid]').anyOf(keys).toArray();
    const byUid = new Map<string, EventRecord>(found.map((event) => [event.uid, event]));
    const inputs: EventInput[] = entries.map((entry) => {
      const existing = byUid.get(entry.uid);
      return existing ? { id: existing.id, calendarId, ics: entry.ics } : { calendarId, ics: entry.ics };
    });
    const ids = await putEvents(db, inputs, ctx);
    if (remote) {
      const now = ctx.now();
      for (const [index, id] of ids.entries()) {
        const existing = byUid.get(entries[index]?.uid ?? '');
        if (existing) await queueUpdate(db, existing, now);
        else await queueCreate(db, id, now);
      }
    }
    const updated = entries.filter((entry) => byUid.has(entry.uid)).length;
    return { added: entries.length - updated, updated };
  });
}
