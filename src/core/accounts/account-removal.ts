/**
 * Removing an account: its calendars and everything keyed by them (events, occurrences, outbox, sync
 * state, conflict copies, set-aside objects, sync log lines), what its sync provider kept for itself
 * (`providerState`) and the account row with its encrypted credential, in one transaction: nothing is
 * left orphaned, and a failure leaves everything as it was.
 *
 * The credential key in `secrets` is shared by all accounts and stays: removing it could race with
 * another context encrypting a new account's password under it.
 */
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import { calendarTables, removeCalendarRows } from '../calendars/calendar-removal';
import { LOCAL_ACCOUNT_ID, type AccountId } from '../model/ids';
import { removeSyncLogLines } from '../sync/sync-log';

/** Removes a synced account and all its data. Removing an account that is already gone does nothing. */
export async function removeAccount(db: AlmanacDb, id: AccountId): Promise<void> {
  if (id === LOCAL_ACCOUNT_ID) {
    throw new AppError({
      kind: ErrorKind.invalidInput,
      message: 'The calendars on this device are not an account that can be removed.',
      retryable: false,
    });
  }
  const tables = [db.accounts, db.providerState, ...calendarTables(db)];
  await db.transaction('rw', tables, async () => {
    const calendarIds = await db.calendars.where('accountId').equals(id).primaryKeys();
    for (const calendarId of calendarIds) await removeCalendarRows(db, calendarId);
    await removeSyncLogLines(db, [id]);
    await db.providerState.where('accountId').equals(id).delete();
    await db.accounts.delete(id);
  });
}
