import {
  DEFAULT_SYNC_INTERVAL_MINUTES,
  MAX_SYNC_INTERVAL_MINUTES,
  MIN_SYNC_INTERVAL_MINUTES,
} from '../../../src/core/accounts/account-input';
import type { Account, CalDavAccount, GraphAccount } from '../../../src/core/model/account';

type SyncedAccount = CalDavAccount | GraphAccount;

/** The accounts this scheduler syncs: CalDAV and Microsoft 365 (every kind but the local one). */
export function isSyncedAccount(account: Account): account is SyncedAccount {
  return account.kind === 'caldav' || account.kind === 'graph';
}

/** The account's interval in minutes (1–60, default 2), clamped should a stored value be out of range. */
export function syncIntervalMinutes(account: SyncedAccount): number {
  const chosen = account.syncIntervalMinutes;
  if (!Number.isFinite(chosen)) return DEFAULT_SYNC_INTERVAL_MINUTES;
  return Math.min(MAX_SYNC_INTERVAL_MINUTES, Math.max(MIN_SYNC_INTERVAL_MINUTES, Math.round(chosen)));
}

/** An authentication failure stopped its sync until the user gives the password again (CalDAV) or
 *  signs in again (Microsoft 365): its edits wait in the outbox meanwhile. */
export function needsPassword(account: SyncedAccount): boolean {
  return account.kind === 'graph' ? account.needsSignIn : account.needsPassword;
}
