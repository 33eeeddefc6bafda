import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { AppErrorData } from '../../../src/core/errors';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import type { CalendarSyncState, SyncStatus } from '../../../src/core/model/sync-state';
import type { SyncTarget } from '../../../src/core/sync/sync-api';
import { isSyncedAccount, needsPassword, syncIntervalMinutes } from './account-sync-settings';

/** One calendar to sync, with the account whose credentials it uses. */
export interface SyncJob {
  readonly calendarId: CalendarId;
  readonly accountId: AccountId;
}

export interface SyncedAccountInfo {
  readonly accountId: AccountId;
  readonly intervalMinutes: number;
  readonly needsPassword: boolean;
}

/** The CalDAV accounts with their interval and whether they wait for a password. */
export async function syncedAccounts(db: AlmanacDb): Promise<SyncedAccountInfo[]> {
  const accounts = await db.accounts.toArray();
  return accounts.filter(isSyncedAccount).map((account) => ({
    accountId: account.id,
    intervalMinutes: syncIntervalMinutes(account),
    needsPassword: needsPassword(account),
  }));
}

/**
 * The calendars a target names that can sync now: remote calendars of CalDAV accounts that do not
 * wait for a password, in sidebar order.
 */
export async function jobsFor(db: AlmanacDb, target: SyncTarget): Promise<SyncJob[]> {
  const ready = new Set((await syncedAccounts(db)).filter((a) => !a.needsPassword).map((a) => a.accountId));
  const calendars =
    target.kind === 'all'
      ? await db.calendars.toArray()
      : target.kind === 'account'
        ? await db.calendars.where('accountId').equals(target.accountId).toArray()
        : await db.calendars.where('id').equals(target.calendarId).toArray();
  return calendars
    .filter((calendar) => calendar.remoteUrl !== null && ready.has(calendar.accountId))
    .sort((a, b) => a.order - b.order)
    .map((calendar) => ({ calendarId: calendar.id, accountId: calendar.accountId }));
}

/** Whether the job may still run: its calendar exists and its account does not wait for a password. */
export async function stillSyncable(db: AlmanacDb, job: SyncJob): Promise<boolean> {
  const jobs = await jobsFor(db, { kind: 'calendar', calendarId: job.calendarId });
  return jobs.length === 1;
}

export async function calendarIdsOf(db: AlmanacDb, accountId: AccountId): Promise<CalendarId[]> {
  const calendars = await db.calendars.where('accountId').equals(accountId).toArray();
  return calendars.map((calendar) => calendar.id);
}

/** The last success recorded before a run (the engine's progress status does not carry it). */
export async function lastOkAt(db: AlmanacDb, calendarId: CalendarId): Promise<number | null> {
  const status = (await db.syncState.get(calendarId))?.status;
  return status !== undefined && status.phase !== 'syncing' ? status.lastOkAt : null;
}

/** Writes a calendar's status, creating its sync state if needed; a removed calendar is left alone. */
async function writeStatus(db: AlmanacDb, calendarId: CalendarId, status: SyncStatus): Promise<void> {
  await db.transaction('rw', db.syncState, db.calendars, async () => {
    if ((await db.calendars.get(calendarId)) === undefined) return;
    const updated = await db.syncState.update(calendarId, { status });
    if (updated > 0) return;
    const fresh: CalendarSyncState = {
      calendarId,
      syncToken: null,
      ctag: null,
      initialSyncInProgress: false,
      status,
    };
    await db.syncState.add(fresh);
  });
}

export function writeSynced(db: AlmanacDb, calendarId: CalendarId, at: number): Promise<void> {
  return writeStatus(db, calendarId, { phase: 'idle', lastOkAt: at });
}

export function writeFailed(
  db: AlmanacDb,
  calendarId: CalendarId,
  error: AppErrorData,
  retryAt: number | null,
  previousOkAt: number | null,
): Promise<void> {
  return writeStatus(db, calendarId, { phase: 'failed', error, retryAt, lastOkAt: previousOkAt });
}

/**
 * Stops an account's sync until its password is given again (the accounts UI asks for it;
 * updateAccountPassword in src/core/accounts clears the flag). A Microsoft account is marked
 * `needsSignIn` instead: every page then shows "Sign in again" (docs/sync-rules.md rule 51) and
 * src/core/accounts/graph-account-repo.ts markSignedInAgain clears it.
 */
export async function markNeedsPassword(db: AlmanacDb, accountId: AccountId): Promise<void> {
  await db.accounts
    .where('id')
    .equals(accountId)
    .modify((account) => {
      if (account.kind === 'caldav') account.needsPassword = true;
      else if (account.kind === 'graph') account.needsSignIn = true;
    });
}
