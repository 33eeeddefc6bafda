import type { Calendar } from '../model/calendar';
import type { CalendarId } from '../model/ids';

/**
 * The calendar a new event goes to: the one chosen in Settings while it exists, is writable and shown;
 * otherwise the first shown calendar the user may write to (sidebar order), else any writable one;
 * null when every calendar is read-only. A removed or hidden default falls back without asking.
 */
export function defaultCalendarFor(
  calendars: readonly Pick<Calendar, 'id' | 'readOnly' | 'visible'>[],
  preferred: CalendarId | null,
): CalendarId | null {
  const writable = calendars.filter((calendar) => !calendar.readOnly);
  const chosen = writable.find((calendar) => calendar.id === preferred && calendar.visible === 1);
  return (chosen ?? writable.find((calendar) => calendar.visible === 1) ?? writable[0])?.id ?? null;
}
