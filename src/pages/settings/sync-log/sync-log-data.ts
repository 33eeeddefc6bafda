import type { Accessor } from 'solid-js';
import type { AlmanacDb } from '../../../core/db/almanac-db';
import type { AccountId, CalendarId } from '../../../core/model/ids';
import type { SyncLogLine } from '../../../core/model/sync-log-line';
import { db } from '../../../lib/db';
import { createLiveQueryWith } from '../../../lib/live-query-with';
import type { LiveResult } from '../../../lib/live-query';

/** How many lines the section shows (the table keeps up to SYNC_LOG_LIMITS.total). */
export const SHOWN_LINES = 200;

export interface SyncLogView {
  /** Newest first. */
  readonly lines: readonly SyncLogLine[];
  /** Lines stored that match the filter (more than shown when the log is long). */
  readonly total: number;
  readonly calendarNames: ReadonlyMap<CalendarId, string>;
  readonly accountNames: ReadonlyMap<AccountId, string>;
}

/** The newest lines (errors only, or all), with the names of the calendars and accounts they concern. */
export async function readSyncLogView(from: AlmanacDb, errorsOnly: boolean): Promise<SyncLogView> {
  const matching = (line: SyncLogLine) => !errorsOnly || line.level === 'error';
  const [lines, total, calendars, accounts] = await Promise.all([
    from.syncLog.reverse().filter(matching).limit(SHOWN_LINES).toArray(),
    errorsOnly ? from.syncLog.filter(matching).count() : from.syncLog.count(),
    from.calendars.toArray(),
    from.accounts.toArray(),
  ]);
  return {
    lines,
    total,
    calendarNames: new Map(calendars.map((calendar) => [calendar.id, calendar.name])),
    accountNames: new Map(accounts.map((account) => [account.id, account.name])),
  };
}

/** The sync log, live: re-read whenever a line is written (worker, service worker) or the filter changes. */
export function useSyncLogView(errorsOnly: Accessor<boolean>): Accessor<LiveResult<SyncLogView>> {
  return createLiveQueryWith(errorsOnly, (only) => readSyncLogView(db, only));
}
