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
}
