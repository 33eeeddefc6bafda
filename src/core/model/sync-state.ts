import type { AppErrorData } from '../errors';
import type { CalendarId } from './ids';

/** Per-calendar sync bookkeeping (used by the CalDAV and Graph providers). */
export interface CalendarSyncState {
  readonly calendarId: CalendarId;
  /** RFC 6578 sync-token or Graph deltaLink, as stored after the last fully applied round. */
  syncToken: string | null;
  ctag: string | null;
  /** True while a first (or reconciling) listing is under way; nothing is deleted before it ends. */
  initialSyncInProgress: boolean;
  status: SyncStatus;
  /**
   * Hrefs this device came to hold since `syncToken` was stored and a sync failed before storing a
   * newer one: created here, followed to after a move, or brought in by a delta only partly applied.
   * A delta may omit an object created and deleted after its token (Xandikos does): these are checked.
   * (The name predates the last two cases; it is kept for the rows already stored.) Absent in rows
   * older than it.
   */
  createdSinceToken?: readonly string[];
  /** Set while the user has not answered the rule-5 question; absent in rows older than it. */
  emptyOnServer?: EmptyOnServerQuestion | null;
}

/**
 * docs/sync-rules.md rule 5: a complete listing came back empty while this device held synced events of the
 * calendar. Nothing was deleted; the calendar waits for the user's answer (src/core/sync/sync-api.ts).
 */
export interface EmptyOnServerQuestion {
  readonly askedAt: number;
  /** Synced events this device still holds. */
  readonly localCount: number;
}

export type SyncStatus =
  | { readonly phase: 'idle'; readonly lastOkAt: number | null }
  | {
      readonly phase: 'syncing';
      readonly done: number;
      readonly total: number | null;
      readonly startedAt: number;
    }
  | {
      readonly phase: 'failed';
      readonly error: AppErrorData;
      readonly retryAt: number | null;
      readonly lastOkAt: number | null;
    };
