import type { CalendarId, EventId } from './ids';

/**
 * One iCalendar object: a VEVENT master plus its RECURRENCE-ID overrides, sharing one UID.
 * `ics` is the whole VCALENDAR text exactly as last written (by a server or by us), so properties the
 * app does not edit survive a round trip. Identity lives in indexed fields, never in the description.
 */
export interface EventRecord {
  readonly id: EventId;
  calendarId: CalendarId;
  /** iCalendar UID; unique per calendar (index `[calendarId+uid]`). */
  uid: string;
  ics: string;
  /** Summary of the master (or of the first component), for lists and search. */
  summary: string;
  recurring: boolean;
  /** Server identity (CalDAV href / Graph immutable id) and version; null while local-only. */
  href: string | null;
  etag: string | null;
  remoteId: string | null;
  /** Last version both sides agreed on: the base of a three-way merge. Null until first synced. */
  syncedIcs: string | null;
  updatedAt: number;
}
