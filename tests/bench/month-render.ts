/**
 * Renders one FullCalendar month view with the agenda's own options and event mapping, and times the
 * two halves: getting the events (query + mapping) and drawing them (render until painted).
 */
import { Calendar, type EventInput } from 'fullcalendar';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import type { Calendar as CalendarRecord } from '../../src/core/model/calendar';
import type { CalendarId } from '../../src/core/model/ids';
import type { OccurrenceRecord } from '../../src/core/model/occurrence';
import type { TimeRange } from '../../src/core/occurrences/time-range';
import { calendarOptions, type CalendarHandlers } from '../../src/pages/agenda/calendar-options';
import { instantOfFcString } from '../../src/pages/agenda/fc-dates';
import { ChangeOutcome, createSavingMarks } from '../../src/pages/agenda/saving-marks';
import { toCalendarEvent } from '../../src/pages/agenda/to-calendar-event';

export interface RenderTiming {
  /** Query and mapping to FullCalendar events. */
  readonly dataMs: number;
  /** From `render()` until the frame after the events are in the DOM. */
  readonly renderMs: number;
  readonly totalMs: number;
  /** Events handed to FullCalendar. */
  readonly events: number;
  /** Event elements FullCalendar drew (month cells hide extras behind "+N more"). */
  readonly drawn: number;
}

function benchHandlers(onRange: (range: TimeRange) => void, zone: string): CalendarHandlers {
  return {
    // As the agenda does: the visible range comes from FullCalendar's datesSet.
    onDatesSet: (span) => {
      onRange({ from: instantOfFcString(span.startStr, zone), to: instantOfFcString(span.endStr, zone) });
    },
    onSelect: () => undefined,
    onOpen: () => undefined,
    onChange: () => Promise.resolve(ChangeOutcome.reverted),
    onRenderError: () => undefined,
    label: (title, timeText) => `${title}, ${timeText}`,
  };
}

function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      setTimeout(resolve, 0);
    });
  });
}

export function mapOccurrences(
  occurrences: readonly OccurrenceRecord[],
  calendars: readonly CalendarRecord[],
  zone: string,
): EventInput[] {
  const byId = new Map<CalendarId, CalendarRecord>(calendars.map((c) => [c.id, c]));
  const events: EventInput[] = [];
  for (const occurrence of occurrences) {
    const calendar = byId.get(occurrence.calendarId);
    if (calendar) events.push(toCalendarEvent(occurrence, calendar, zone));
  }
  return events;
}

/**
 * Renders the month of `date` into a fresh container the way the agenda does (calendar first, then
 * its visible range's events as one source), timing the data half and the drawing half; then removes it.
 */
export async function timeMonthRender(
  load: (range: TimeRange) => Promise<EventInput[]>,
  date: string,
  zone: string,
): Promise<RenderTiming> {
  const container = document.createElement('div');
  container.style.cssText = 'width:1280px;height:800px;position:absolute;left:0;top:0';
  document.body.append(container);
  const seen: { range: TimeRange | null } = { range: null };
  const t0 = performance.now();
  const calendar = new Calendar(container, {
    ...calendarOptions(
      benchHandlers((r) => (seen.range = r), zone),
      zone,
      'en',
      createSavingMarks(container, () => undefined),
    ),
    initialView: 'dayGridMonth',
    initialDate: date,
  });
  calendar.render();
  const t1 = performance.now();
  const visible = seen.range;
  if (visible === null) throw new Error('FullCalendar did not report its range.');
  const events = await load(visible);
  const t2 = performance.now();
  calendar.addEventSource({ id: 'bench', events });
  let drawn = 0;
  for (let frame = 0; frame < 120 && drawn === 0; frame++) {
    await afterPaint();
    drawn = container.querySelectorAll('[data-occurrence-id]').length;
  }
  const t3 = performance.now();
  calendar.destroy();
  container.remove();
  return {
    dataMs: t2 - t1,
    renderMs: t1 - t0 + (t3 - t2),
    totalMs: t3 - t0,
    events: events.length,
    drawn,
  };
}
