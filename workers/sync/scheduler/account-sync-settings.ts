import {
  DEFAULT_SYNC_INTERVAL_MINUTES,
  MAX_SYNC_INTERVAL_MINUTES,
  MIN_SYNC_INTERVAL_MINUTES,
} from '../../../src/core/accounts/account-input';
import type { Account, CalDavAccount } from '../../../src/core/model/account';

type SyncedAccount = CalDavAccount;

/** The accounts this scheduler syncs (CalDAV; Graph comes with its own issue). */
export function isSyncedAccount(account: Account): account is SyncedAccount {
  return account.kind === 'caldav';
}

/** The account's interval in minutes (1–60, default 2), clamped should a stored value be out of range. */
export function syncIntervalMinutes(account: SyncedAccount): number {
  const chosen = account.syncIntervalMinutes;
  if (!Number.isFinite(chosen)) return DEFAULT_SYNC_INTERVAL_MINUTES;
  return Math.min(MAX_SYNC_INTERVAL_MINUTES, Math.max(MIN_SYNC_INTERVAL_MINUTES, Math.round(chosen)));
}

/** An authentication failure stopped its sync until the user gives the password again. */
export function needsPassword(account: SyncedAccount): boolean {
  return account.needsPassword;
}
