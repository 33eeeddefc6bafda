import type { CalendarId, EventId } from './ids';

export const OutboxOp = { create: 'create', update: 'update', delete: 'delete' } as const;
export type OutboxOp = (typeof OutboxOp)[keyof typeof OutboxOp];

/**
 * A local change waiting to reach the server. Written in the same transaction as the change itself,
 * so it survives reloads, being offline and a crashed worker. Pushing is idempotent: a retry of an
 * entry that already reached the server is recognised by etag / If-None-Match.
 */
export interface OutboxEntry {
  /** Auto-increment: entries for one event are pushed in order. */
  readonly seq?: number;
  eventId: EventId;
  calendarId: CalendarId;
  op: OutboxOp;
  uid: string;
  /** href and etag the change was based on (for If-Match); null for a create. */
  href: string | null;
  etag: string | null;
  createdAt: number;
  attempts: number;
  /** Earliest time of the next attempt (backoff); 0 = now. */
  notBefore: number;
  /**
   * A delete's base: the deleted event's last synced text, so sync can tell an object edited on the
   * server since (the edit wins, docs/sync-rules.md rule 4) from one merely moved or re-tagged (rule 7).
   * Absent on creates and updates, and on entries written before it existed.
   */
  baseIcs?: string | null;
  /**
   * On a create or update: the text its last attempt sent (the server may hold it though the answer
   * was lost). On a delete: the same, taken from the deleted event's unconfirmed write, if any.
   */
  sentIcs?: string | null;
  /**
   * The texts of attempts whose answer was lost (the server may hold any of them), oldest first; an
   * attempt the server answered as not applied is not listed. On a delete: those of the deleted
   * event's pending writes. Absent on entries written before it existed.
   */
  mayHaveArrived?: readonly string[];
}
