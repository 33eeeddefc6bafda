import type { AccountId, CalendarId } from './ids';

/** How much a line matters: `debug` lines are never stored (see src/core/sync/sync-log.ts). */
export const SyncLogLevel = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' } as const;
export type SyncLogLevel = (typeof SyncLogLevel)[keyof typeof SyncLogLevel];

/**
 * What happened, as a code the settings page turns into words in the reader's language
 * (src/pages/settings/sync-log/). `note` is anything else the engine says: shown as its English text.
 */
export const SyncLogCode = {
  synced: 'synced',
  failed: 'failed',
  setAside: 'set-aside',
  conflict: 'conflict',
  reverted: 'reverted',
  emptyOnServer: 'empty-on-server',
  tokenRefused: 'token-refused',
  answered: 'answered',
  moved: 'moved',
  serverEditKept: 'server-edit-kept',
  editWaits: 'edit-waits',
  internal: 'internal',
  note: 'note',
} as const;
export type SyncLogCode = (typeof SyncLogCode)[keyof typeof SyncLogCode];

/**
 * Small values a line may carry beside its text: counts, an error kind, the user's answer. The only
 * keys kept are those of SYNC_LOG_PARAM_KEYS (src/core/sync/sync-log.ts drops any other).
 */
export type SyncLogParams = Readonly<Record<string, string | number | boolean>>;

/**
 * One line of the sync log, kept in IndexedDB (table `syncLog`) so a user can see, and copy for a bug
 * report, why a sync went wrong. Written only through src/core/sync/sync-log.ts, which bounds the
 * table and strips anything secret: never credentials, Authorization values, request or response
 * bodies, or calendar data.
 */
export interface SyncLogLine {
  /** Auto-increment: the order lines were written in. */
  readonly seq?: number;
  readonly at: number;
  readonly level: Exclude<SyncLogLevel, 'debug'>;
  readonly code: SyncLogCode;
  readonly accountId: AccountId | null;
  readonly calendarId: CalendarId | null;
  /** What the bound counts lines by: the calendar's id, else the account's, else '' (the worker). */
  readonly bucket: string;
  /** What happened, in English words a support person understands (diagnostics show it as is). */
  readonly message: string;
  readonly params: SyncLogParams;
}
