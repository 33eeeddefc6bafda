import type { CoreContext } from '../../context';
import type { AlmanacDb } from '../../db/almanac-db';
import { eventDetailsFromIcs, type EventDetails } from '../../events/event-details';
import type { CalendarId, EventId } from '../../model/ids';
import { calendarAccess, loadEvent } from './command-support';

export interface EventForDetails {
  readonly details: EventDetails;
  readonly calendarId: CalendarId;
  readonly recurring: boolean;
  /** The calendar refuses writes: the card offers no Edit or Delete. */
  readonly readOnly: boolean;
}

/** The details card's reading of one event, or of one occurrence of a series. */
export async function loadEventDetails(
  db: AlmanacDb,
  input: { readonly eventId: EventId; readonly recurrenceId: string | null },
  ctx: CoreContext,
): Promise<EventForDetails> {
  return db.transaction('r', db.events, db.calendars, db.accounts, async () => {
    const event = await loadEvent(db, input.eventId);
    const { calendar } = await calendarAccess(db, event.calendarId);
    const recurrenceId = event.recurring ? input.recurrenceId : null;
    return {
      details: eventDetailsFromIcs(event.ics, recurrenceId, ctx.viewerZone),
      calendarId: event.calendarId,
      recurring: event.recurring,
      readOnly: calendar.readOnly,
    };
  });
}
