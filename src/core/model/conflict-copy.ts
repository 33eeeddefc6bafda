import type { CalendarId, EventId } from './ids';

/**
 * Why a copy was kept: a three-way merge that still conflicted (rule 3); a calendar the server refuses
 * writes to (the change was undone here); or a part of the change the server would not take, written
 * without it (Outlook cannot place an occurrence on or past a neighbour's day: the occurrence kept the
 * server's time); or a repeat rule the server cannot store (the change was undone here).
 */
export const ConflictReason = {
  changedOnBothSides: 'changed-on-both-sides',
  readOnly: 'read-only',
  placementRefused: 'placement-refused',
  unsupportedRecurrence: 'unsupported-recurrence',
} as const;
export type ConflictReason = (typeof ConflictReason)[keyof typeof ConflictReason];

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
  /** Absent in copies kept before reasons were stored: see `conflictReasonOf`. */
  readonly reason?: ConflictReason;
  /** For `unsupported-recurrence`: why (src/core/sync/unsupported-recurrence.ts), worded by the page. */
  readonly detail?: string;
}

/** The copy's reason; older copies said "read-only" with the field name READ-ONLY. */
export function conflictReasonOf(copy: Pick<ConflictCopy, 'reason' | 'fields'>): ConflictReason {
  if (copy.reason !== undefined) return copy.reason;
  return copy.fields.includes('READ-ONLY') ? ConflictReason.readOnly : ConflictReason.changedOnBothSides;
}
