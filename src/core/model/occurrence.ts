import type { CalendarId, EventId, OccurrenceId } from './ids';

/**
 * One expanded instance of an event, materialised for fast range queries.
 * Times are epoch milliseconds; `end` is exclusive. All-day and floating instances are placed in the
 * viewer's zone at materialisation time (the zone is remembered in meta and a change re-expands them).
 */
export interface OccurrenceRecord {
  /** `${eventId}|${recurrenceId ?? 'single'}` */
  readonly id: OccurrenceId;
  eventId: EventId;
  calendarId: CalendarId;
  start: number;
  end: number;
  /** `end - start`; indexed so range queries know how far back an overlapping instance can start. */
  duration: number;
  allDay: boolean;
  floating: boolean;
  /** RECURRENCE-ID of this instance (its original start, iCalendar text form); null when not recurring. */
  recurrenceId: string | null;
  summary: string;
  location: string;
}

export function occurrenceId(eventId: EventId, recurrenceId: string | null): OccurrenceId {
  return `${eventId}|${recurrenceId ?? 'single'}` as OccurrenceId;
}
