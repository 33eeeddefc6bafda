import {
  countEvents,
  createCalendar,
  deleteCalendar,
  updateCalendar,
} from '../../core/calendars/calendar-repo';
import { exportCalendar } from '../../core/export/export-events';
import type { Calendar } from '../../core/model/calendar';
import { db, pageContext } from '../../lib/db';
import { download } from '../import/download';

/** The agenda's calendar writes (events are written through pending-writes.ts). */

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
