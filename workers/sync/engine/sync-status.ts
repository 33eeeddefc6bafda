/** The calendar's syncState row: token, ctag, the listing-in-progress flag and the status shown. */
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { CalendarId } from '../../../src/core/model/ids';
import type { CalendarSyncState, SyncStatus } from '../../../src/core/model/sync-state';
import type { SyncRun } from './sync-run';

export type StoredState = Pick<CalendarSyncState, 'syncToken' | 'ctag' | 'initialSyncInProgress'> &
  Partial<Pick<CalendarSyncState, 'createdSinceToken'>>;

export async function readSyncState(db: AlmanacDb, calendarId: CalendarId): Promise<CalendarSyncState> {
  return (
    (await db.syncState.get(calendarId)) ?? {
      calendarId,
      syncToken: null,
      ctag: null,
      initialSyncInProgress: false,
      status: { phase: 'idle', lastOkAt: null },
    }
  );
}

export function lastOkAt(status: SyncStatus): number | null {
  return status.phase === 'syncing' ? null : status.lastOkAt;
}

export async function saveSyncState(run: SyncRun, stored: StoredState): Promise<void> {
  const current = await readSyncState(run.db, run.calendar.id);
  await run.db.syncState.put({ ...current, ...stored });
}

export async function setStatus(db: AlmanacDb, calendarId: CalendarId, status: SyncStatus): Promise<void> {
  const current = await readSyncState(db, calendarId);
  await db.syncState.put({ ...current, status });
}
