import { moveOccurrence } from '../../core/agenda/commands';
import {
  countEvents,
  createCalendar,
  deleteCalendar,
  updateCalendar,
} from '../../core/calendars/calendar-repo';
import { exportCalendar } from '../../core/export/export-events';
import type { EditScope } from '../../core/ical/event-draft';
import type { Calendar } from '../../core/model/calendar';
import { db, pageContext, viewerZone } from '../../lib/db';
import { download } from '../import/download';
import { moveTimesFromSpan, type FcSpan } from './fc-dates';
import type { AgendaEventProps } from './to-calendar-event';

/** The agenda's writes other than the editor's: calendars and drag-and-drop. */

export function setCalendarVisible(calendar: Calendar, visible: boolean): Promise<void> {
  return updateCalendar(db, calendar.id, { visible: visible ? 1 : 0 });
}

export async function saveCalendar(
  calendar: Calendar | null,
  input: { name: string; color: string },
): Promise<void> {
  if (calendar) await updateCalendar(db, calendar.id, input);
  else await createCalendar(db, input, pageContext());
}

/** Downloads the calendar as an .ics file; resolves to the file's name. */
export async function exportCalendarFile(calendar: Calendar): Promise<string> {
  const file = await exportCalendar(db, calendar.id);
  download(file);
  return file.fileName;
}

export function eventCount(calendar: Calendar): Promise<number> {
  return countEvents(db, calendar.id);
}

export function removeCalendar(calendar: Calendar): Promise<void> {
  return deleteCalendar(db, calendar.id);
}

export interface MoveRequest {
  readonly event: AgendaEventProps;
  readonly span: FcSpan;
  readonly revert: () => void;
}

/**
 * A drag or resize: asks the scope for a recurring event (Cancel puts it back), then moves it. Any
 * failure puts the event back and is handed to `onError`.
 */
export async function moveFromCalendar(
  request: MoveRequest,
  askScope: () => Promise<EditScope | null>,
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    const scope = request.event.recurring ? await askScope() : 'all';
    if (scope === null) {
      request.revert();
      return;
    }
    const times = moveTimesFromSpan(request.span, viewerZone());
    await moveOccurrence(
      db,
      { eventId: request.event.eventId, recurrenceId: request.event.recurrenceId, scope, ...times },
      pageContext(),
    );
  } catch (error) {
    request.revert();
    onError(error);
  }
}
