import type { CalendarId } from './ids';

/**
 * A server object that could not be used (malformed iCalendar, duplicate UID, …): reported and skipped
 * while the rest syncs (docs/sync-rules.md rules 6, 7, 10). Its raw data stays copyable for the user.
 */
export interface SetAsideObject {
  /** `${calendarId}|${href}` */
  readonly id: string;
  readonly calendarId: CalendarId;
  readonly href: string;
  readonly etag: string | null;
  /** The reason in plain words, as the server or the parser gave it. */
  readonly reason: string;
  readonly raw: string;
  readonly seenAt: number;
}
