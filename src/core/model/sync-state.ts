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
