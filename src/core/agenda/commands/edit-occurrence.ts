import type { CoreContext } from '../../context';
import type { AlmanacDb } from '../../db/almanac-db';
import type { EditScope, EventDraft } from '../../ical/event-draft';
import type { CalendarId, EventId } from '../../model/ids';
import { assertValidDraft, commandTables, loadEvent, writableCalendar } from './command-support';
import { commitEdit } from './commit-edit';

export interface EditOccurrenceInput {
  readonly eventId: EventId;
  readonly recurrenceId: string | null;
  readonly draft: EventDraft;
  /** Ignored for a single event. */
  readonly scope: EditScope;
  /** May differ from the event's: moves it (scope `all` or a single event; `following` moves the new series). */
  readonly calendarId: CalendarId;
}

/** Saves the editor's draft over an event or part of a series. */
export async function editOccurrence(
  db: AlmanacDb,
  input: EditOccurrenceInput,
  ctx: CoreContext,
): Promise<void> {
  assertValidDraft(input.draft);
  await db.transaction('rw', commandTables(db), async () => {
    const event = await loadEvent(db, input.eventId);
    const source = await writableCalendar(db, event.calendarId);
    await commitEdit(db, event, source, input, ctx);
  });
}
