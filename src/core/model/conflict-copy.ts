import type { CalendarId, EventId } from './ids';

/**
 * What the user typed, kept when a three-way merge with the server's version still conflicted
 * (docs/sync-rules.md rule 3). The event itself holds the server's version; this copy can be restored or discarded.
 */
export interface ConflictCopy {
  readonly id: string;
  readonly calendarId: CalendarId;
  /** The event the conflict is about (it holds the server's version). */
  readonly eventId: EventId;
  readonly uid: string;
  /** The user's version, complete VCALENDAR text. */
  readonly localIcs: string;
  /** The server's version at the time of the conflict. */
  readonly serverIcs: string;
  /** The properties that conflicted, e.g. ["SUMMARY", "DTSTART"]. */
  readonly fields: readonly string[];
  readonly createdAt: number;
}
