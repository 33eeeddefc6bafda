/**
 * Microsoft 365 accounts in the database: adding one with its chosen calendars (the sync worker, from
 * `addAccount`'s graph variant), listing them, and the "sign in again" flag (docs/sync-rules.md rule
 * 51): set when only the user can get a new token, cleared once they signed in again. No credential
 * is stored here: MSAL keeps its tokens on the page. Removal is account-removal.ts, as for CalDAV.
 */
import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import type { GraphAccount } from '../model/account';
import { newAccountId, type AccountId } from '../model/ids';
import type { DiscoveredCalendar } from '../sync/sync-api';
import { DEFAULT_SYNC_INTERVAL_MINUTES, validAccountName, validServerUrl } from './account-input';
import { addChosenCalendars } from './chosen-calendars';

export interface NewGraphAccount {
  /** MSAL's id of the signed-in user. */
  readonly homeAccountId: string;
  readonly username: string;
  readonly name: string;
  readonly graphBaseUrl: string;
  readonly calendars: readonly DiscoveredCalendar[];
}

function invalid(message: string): AppError {
  return new AppError({ kind: ErrorKind.invalidInput, message, retryable: false });
}

export async function listGraphAccounts(db: AlmanacDb): Promise<GraphAccount[]> {
  const accounts = await db.accounts.where('kind').equals('graph').toArray();
  return accounts
    .filter((account): account is GraphAccount => account.kind === 'graph')
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** Stores the account and its chosen calendars in one transaction; the same user twice is refused. */
export async function saveGraphAccount(
  db: AlmanacDb,
  input: NewGraphAccount,
  ctx: CoreContext,
): Promise<AccountId> {
  if (input.homeAccountId.trim() === '') throw invalid('The Microsoft sign-in gave no account id.');
  const now = ctx.now();
  const id = newAccountId();
  const account: GraphAccount = {
    id,
    kind: 'graph',
    name: validAccountName(input.name),
    homeAccountId: input.homeAccountId,
    username: input.username.trim(),
    graphBaseUrl: validServerUrl(input.graphBaseUrl),
    syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
    needsSignIn: false,
    createdAt: now,
  };
  await db.transaction('rw', db.accounts, db.calendars, async () => {
    const existing = await listGraphAccounts(db);
    if (existing.some((other) => other.homeAccountId === account.homeAccountId)) {
      throw new AppError({
        kind: ErrorKind.invalidInput,
        message: 'This Microsoft account is already added.',
        retryable: false,
        detail: 'homeAccountId',
      });
    }
    await db.accounts.add(account);
    await addChosenCalendars(db, id, input.calendars, now);
  });
  return id;
}

/** Stops the account's sync until the user signs in again (the scheduler, on an auth failure). */
export async function markNeedsSignIn(db: AlmanacDb, id: AccountId): Promise<void> {
  await db.accounts
    .where('id')
    .equals(id)
    .modify((account) => {
      if (account.kind === 'graph') account.needsSignIn = true;
    });
}

/**
 * The user signed in again as the account's user: clears the flag (the scheduler resumes the account).
 * Resolves false when the account is gone (removed meanwhile).
 */
export async function markSignedInAgain(
  db: AlmanacDb,
  id: AccountId,
  homeAccountId: string,
): Promise<boolean> {
  const changed = await db.accounts
    .where('id')
    .equals(id)
    .modify((account) => {
      if (account.kind !== 'graph') return;
      account.needsSignIn = false;
      account.homeAccountId = homeAccountId;
    });
  return changed > 0;
}
