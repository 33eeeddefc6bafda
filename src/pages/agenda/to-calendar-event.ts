import type { EventInput } from 'fullcalendar';
import { displayTitle, type TitleLocale } from '../../core/events/display-title';
import type { Calendar } from '../../core/model/calendar';
import type { CalendarId, EventId, OccurrenceId } from '../../core/model/ids';
import type { OccurrenceRecord } from '../../core/model/occurrence';
import { addDays, dateInZone } from './zoned-time';

/** What the agenda keeps on each FullCalendar event (`event.extendedProps`). */
export interface AgendaEventProps {
  readonly occurrenceId: OccurrenceId;
  readonly eventId: EventId;
  readonly recurrenceId: string | null;
  readonly calendarId: CalendarId;
  readonly location: string;
  readonly recurring: boolean;
  readonly readOnly: boolean;
}

/** The calendar fields the mapping needs (a whole Calendar fits). */
export type CalendarLook = Pick<Calendar, 'color' | 'readOnly'>;

/**
 * One stored occurrence as a FullCalendar event. Timed instances keep their instants (epoch ms; the
 * calendar shows them in the viewer's zone). All-day instances become plain dates in the viewer's zone,
 * end exclusive, so they sit in the all-day row on the right days whatever the machine's zone.
 * The title is the one shown ("(No title)" when empty, in `titleLocale`), so no view draws a bare time.
 * Pure: the benchmark renders a month with this very function.
 */
export function toCalendarEvent(
  occurrence: OccurrenceRecord,
  calendar: CalendarLook,
  viewerZone: string,
  titleLocale: TitleLocale = 'en',
): EventInput {
  const extendedProps: AgendaEventProps = {
    occurrenceId: occurrence.id,
    eventId: occurrence.eventId,
    recurrenceId: occurrence.recurrenceId,
    calendarId: occurrence.calendarId,
    location: occurrence.location,
    recurring: occurrence.recurrenceId !== null,
    readOnly: calendar.readOnly,
  };
  const base = {
    id: occurrence.id,
    title: displayTitle(occurrence.summary, titleLocale),
    color: calendar.color,
    contrastColor: readableTextColor(calendar.color),
    editable: !calendar.readOnly,
    extendedProps,
  };
  if (occurrence.allDay) {
    const start = dateInZone(occurrence.start, viewerZone);
    const end = dateInZone(occurrence.end, viewerZone);
    return { ...base, allDay: true, start, end: end > start ? end : addDays(start, 1) };
  }
  return { ...base, allDay: false, start: occurrence.start, end: Math.max(occurrence.end, occurrence.start) };
}

/** Black or white, whichever reads better on `#rrggbb` (WCAG relative luminance). */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return '#ffffff';
  const channel = (hex: string | undefined): number => {
    const value = parseInt(hex ?? '0', 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]);
  // Contrast with white is (1.05)/(L+0.05), with black (L+0.05)/0.05; they are equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** Reads our props back from a FullCalendar event's `extendedProps`; null when they are not ours. */
export function agendaEventProps(extendedProps: Readonly<Record<string, unknown>>): AgendaEventProps | null {
  const { occurrenceId, eventId, recurrenceId, calendarId } = extendedProps;
  if (typeof occurrenceId !== 'string' || typeof eventId !== 'string' || typeof calendarId !== 'string')
    return null;
  if (recurrenceId !== null && typeof recurrenceId !== 'string') return null;
  return extendedProps as unknown as AgendaEventProps;
}
