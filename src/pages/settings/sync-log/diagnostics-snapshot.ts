import type { AlmanacDb } from '../../../core/db/almanac-db';
import type { Account } from '../../../core/model/account';
import type { Calendar } from '../../../core/model/calendar';
import type { OutboxEntry } from '../../../core/model/outbox';
import type { SetAsideObject } from '../../../core/model/set-aside-object';
import type { SyncLogLine } from '../../../core/model/sync-log-line';
import type { CalendarSyncState } from '../../../core/model/sync-state';

/** Everything "Copy diagnostics" reports on, read in one transaction so the parts agree. */
export interface DiagnosticsSnapshot {
  readonly schemaVersion: number;
  readonly accounts: readonly Account[];
  readonly calendars: readonly Calendar[];
  readonly syncStates: readonly CalendarSyncState[];
  /** Only what is counted: never the changes' text. */
  readonly outbox: readonly Pick<OutboxEntry, 'calendarId' | 'notBefore' | 'attempts'>[];
  readonly conflictCalendars: readonly Calendar['id'][];
  readonly setAside: readonly SetAsideObject[];
  /** Newest first. */
  readonly log: readonly SyncLogLine[];
}

export async function readDiagnosticsSnapshot(db: AlmanacDb): Promise<DiagnosticsSnapshot> {
  const tables = [db.accounts, db.calendars, db.syncState, db.outbox, db.conflicts, db.setAside, db.syncLog];
  return db.transaction('r', tables, async () => {
    const [accounts, calendars, syncStates, outbox, conflicts, setAside, log] = await Promise.all([
      db.accounts.toArray(),
      db.calendars.toArray(),
      db.syncState.toArray(),
      db.outbox.toArray(),
      db.conflicts.toArray(),
      db.setAside.toArray(),
      db.syncLog.reverse().toArray(),
    ]);
    return {
      schemaVersion: db.verno,
      accounts,
      calendars,
      syncStates,
      outbox: outbox.map(({ calendarId, notBefore, attempts }) => ({ calendarId, notBefore, attempts })),
      conflictCalendars: conflicts.map((copy) => copy.calendarId),
      setAside,
      log,
    };
  });
}
