import type { CoreContext } from '../../context';
import type { AlmanacDb } from '../../db/almanac-db';
import { putEvent } from '../../events/event-store';
import type { EditScope } from '../../ical/event-draft';
import { applyDelete } from '../../ical/recurring-edit';
import type { EventId } from '../../model/ids';
import { commandTables, loadEvent, writableCalendar } from './command-support';
import { effectiveScope } from './commit-edit';
import { queueUpdate, removeEventWithOutbox } from './outbox-writes';

export interface DeleteOccurrenceInput {
  readonly eventId: EventId;
  readonly recurrenceId: string | null;
  /** Ignored for a single event. */
  readonly scope: EditScope;
}

/** Deletes an event, one occurrence (EXDATE) or an occurrence and the ones after it (UNTIL). */
export async function deleteOccurrence(
  db: AlmanacDb,
  input: DeleteOccurrenceInput,
  ctx: CoreContext,
): Promise<void> {
  await db.transaction('rw', commandTables(db), async () => {
    const event = await loadEvent(db, input.eventId);
    const { remote } = await writableCalendar(db, event.calendarId);
    const now = ctx.now();
    const { scope, recurrenceId } = effectiveScope(event, input.scope, input.recurrenceId);
    if (scope === 'all') {
      await removeEventWithOutbox(db, event, remote, now);
      return;
    }
    const result = applyDelete(event.ics, { scope, recurrenceId, now });
    if ('deleteAll' in result) {
      await removeEventWithOutbox(db, event, remote, now);
      return;
    }
    await putEvent(db, { id: event.id, calendarId: event.calendarId, ics: result.ics }, ctx);
    if (remote) await queueUpdate(db, event, now);
  });
}
