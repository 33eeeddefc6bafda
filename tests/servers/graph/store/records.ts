/** What the store keeps: calendars, events (single instances and series masters) and exceptions. */
import type { PatternedRecurrence } from '../recurrence/patterned-recurrence';
import type { EmailAddress, EventContent } from './event-content';
import type { EventTiming } from './event-timing';

export interface MailboxUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly userPrincipalName: string;
}

export interface CalendarRecord {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly hexColor: string;
  readonly changeKey: string;
  readonly canEdit: boolean;
  readonly canShare: boolean;
  readonly canViewPrivateItems: boolean;
  readonly isDefaultCalendar: boolean;
  readonly isRemovable: boolean;
  readonly isTallyingResponses: boolean;
  readonly owner: EmailAddress;
  readonly allowedOnlineMeetingProviders: readonly string[];
  readonly defaultOnlineMeetingProvider: string;
}

/** An occurrence that was edited: its own content and times, under the id it had as an occurrence. */
export interface ExceptionRecord {
  readonly id: string;
  readonly originalStartMs: number;
  readonly content: EventContent;
  readonly timing: EventTiming;
  readonly changeKey: string;
  readonly createdDateTime: number;
  readonly lastModifiedDateTime: number;
}

export interface EventRecord {
  readonly id: string;
  readonly calendarId: string;
  readonly iCalUId: string;
  readonly transactionId: string | null;
  readonly createdDateTime: number;
  lastModifiedDateTime: number;
  changeKey: string;
  content: EventContent;
  timing: EventTiming;
  /** Non-null: a series master. */
  recurrence: PatternedRecurrence | null;
  /** By original start (epoch ms). */
  readonly exceptions: Map<number, ExceptionRecord>;
  /** Original starts of cancelled (deleted) occurrences. */
  readonly cancelled: Set<number>;
}

/** One entry of the change log that delta rounds read: an id whose item changed at `version`. */
export interface ChangeEntry {
  readonly version: number;
  readonly calendarId: string;
  readonly id: string;
}
