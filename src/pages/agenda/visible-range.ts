import type { TimeRange } from '../../core/occurrences/time-range';
import type { AgendaView } from './agenda-route';
import { addDays, epochOfWallClock, isoWeekday } from './zoned-time';

/** A month view shows six whole weeks (FullCalendar's `fixedWeekCount`, on by default). */
const MONTH_VIEW_DAYS = 42;

/** The first day of the week holding `date`; `firstDay` 0 = Sunday, as FullCalendar's option. */
function weekStart(date: string, firstDay: number): string {
  const weekday = isoWeekday(date) % 7;
  return addDays(date, -((weekday - firstDay + 7) % 7));
}

/**
 * The dates a view shows (start inclusive, end exclusive, `YYYY-MM-DD`), worked out from the URL the
 * way FullCalendar does: a day, the week holding the date (week and list), or the six weeks around
 * the month. The page reads that range's occurrences before FullCalendar is even loaded, so its first
 * render has them; FullCalendar's own `datesSet` still has the last word.
 */
export function visibleDates(
  view: AgendaView,
  date: string,
  firstDay: number,
): { readonly start: string; readonly end: string } {
  switch (view) {
    case 'day':
      return { start: date, end: addDays(date, 1) };
    case 'week':
    case 'list': {
      const start = weekStart(date, firstDay);
      return { start, end: addDays(start, 7) };
    }
    case 'month': {
      const start = weekStart(`${date.slice(0, 8)}01`, firstDay);
      return { start, end: addDays(start, MONTH_VIEW_DAYS) };
    }
  }
}

/** The instants of those dates' midnights in `zone`. */
export function visibleRange(view: AgendaView, date: string, firstDay: number, zone: string): TimeRange {
  const { start, end } = visibleDates(view, date, firstDay);
  return { from: epochOfWallClock(start, zone), to: epochOfWallClock(end, zone) };
}
