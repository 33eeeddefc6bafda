import type { CoreContext } from '../../context';
import type { AlmanacDb } from '../../db/almanac-db';
import { draftFromIcs } from '../../ical/draft-from-ics';
import type { EventDraft } from '../../ical/event-draft';
import { meetingLink, type MeetingLink } from '../../meetings/meeting-link';
import type { CalendarId, EventId } from '../../model/ids';
import { calendarAccess, loadEvent } from './command-support';

export interface EventForEditing {
  readonly draft: EventDraft;
  readonly calendarId: CalendarId;
  readonly recurring: boolean;
  /** The calendar refuses writes: show the event without Save/Delete. */
  readonly readOnly: boolean;
  /** The link to join the occurrence's online meeting ("Join"), if it has one. */
  readonly meeting: MeetingLink | null;
}

/** The editor's starting point for one event, or one occurrence of a series. */
export async function loadEventForEditing(
  db: AlmanacDb,
  input: { readonly eventId: EventId; readonly recurrenceId: string | null },
  ctx: CoreContext,
): Promise<EventForEditing> {
  return db.transaction('r', db.events, db.calendars, db.accounts, async () => {
    const event = await loadEvent(db, input.eventId);
    const { calendar } = await calendarAccess(db, event.calendarId);
    const recurrenceId = event.recurring ? input.recurrenceId : null;
    return {
      draft: draftFromIcs(event.ics, recurrenceId, ctx.viewerZone),
      calendarId: event.calendarId,
      recurring: event.recurring,
      readOnly: calendar.readOnly,
      meeting: meetingLink(event, recurrenceId),
    };
  });
}
