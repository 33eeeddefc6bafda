/**
 * CalDAV accounts in the database: adding one with its chosen calendars, its password (encrypted),
 * its sync interval. Removal, with everything that hangs off an account, is in account-removal.ts.
 */
import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import type { CalDavAccount, CalDavProvider } from '../model/account';
import { newAccountId, type AccountId } from '../model/ids';
import type { DiscoveredCalendar } from '../sync/sync-api';
import {
  DEFAULT_SYNC_INTERVAL_MINUTES,
  validAccountName,
  validPassword,
  validServerUrl,
  validSyncInterval,
  validUsername,
} from './account-input';
import { addChosenCalendars } from './chosen-calendars';
import { decryptPassword, encryptPassword, type CryptoDeps } from './credential-crypto';

export interface NewCalDavAccount {
  readonly name: string;
  readonly provider: CalDavProvider;
  /** The resolved URL discovery returned. */
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
  /** The calendars the user chose to show. */
  readonly calendars: readonly DiscoveredCalendar[];
  readonly syncIntervalMinutes?: number;
}

export interface AccountDeps {
  readonly ctx: CoreContext;
  readonly subtle: SubtleCrypto;
}

function notFound(): AppError {
  return new AppError({ kind: ErrorKind.notFound, message: 'The account was not found.', retryable: false });
}

function alreadyAdded(): AppError {
  return new AppError({
    kind: ErrorKind.invalidInput,
    message: 'This account is already added.',
    retryable: false,
    detail: 'serverUrl',
  });
}

/** The CalDAV account, or AppError 'not-found'. */
export async function getCalDavAccount(db: AlmanacDb, id: AccountId): Promise<CalDavAccount> {
  const account = await db.accounts.get(id);
  if (account?.kind !== 'caldav') throw notFound();
  return account;
}

export async function listCalDavAccounts(db: AlmanacDb): Promise<CalDavAccount[]> {
  const accounts = await db.accounts.where('kind').equals('caldav').toArray();
  return accounts
    .filter((account): account is CalDavAccount => account.kind === 'caldav')
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Stores the account (password encrypted) and its chosen calendars in one transaction. The password
 * is encrypted first: WebCrypto's promises would end an IndexedDB transaction that waited on them.
 */
export async function saveCalDavAccount(
  db: AlmanacDb,
  input: NewCalDavAccount,
  deps: AccountDeps,
): Promise<AccountId> {
  const now = deps.ctx.now();
  const id = newAccountId();
  const serverUrl = validServerUrl(input.serverUrl);
  const username = validUsername(input.username);
  const account: CalDavAccount = {
    id,
    kind: 'caldav',
    name: validAccountName(input.name),
    serverUrl,
    username,
    provider: input.provider,
    credential: await encryptPassword({ db, subtle: deps.subtle }, id, validPassword(input.password)),
    syncIntervalMinutes: validSyncInterval(input.syncIntervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES),
    needsPassword: false,
    createdAt: now,
  };
  await db.transaction('rw', db.accounts, db.calendars, async () => {
    const existing = await listCalDavAccounts(db);
    if (existing.some((other) => other.serverUrl === serverUrl && other.username === username))
      throw alreadyAdded();
    await db.accounts.add(account);
    await addChosenCalendars(db, id, input.calendars, now);
  });
  return id;
}

/** Stores a new password and clears `needsPassword`, so the scheduler resumes the account's sync. */
export async function updateAccountPassword(
  db: AlmanacDb,
  id: AccountId,
  password: string,
  deps: Pick<AccountDeps, 'subtle'>,
): Promise<void> {
  await getCalDavAccount(db, id);
  const credential = await encryptPassword({ db, subtle: deps.subtle }, id, validPassword(password));
  const changed = await db.accounts
    .where('id')
    .equals(id)
    .modify((account) => {
      if (account.kind !== 'caldav') return;
      account.credential = credential;
      account.needsPassword = false;
    });
  if (changed === 0) throw notFound();
}

export async function setSyncInterval(db: AlmanacDb, id: AccountId, minutes: number): Promise<void> {
  const valid = validSyncInterval(minutes);
  const changed = await db.accounts
    .where('id')
    .equals(id)
    .modify((account) => {
      if (account.kind === 'caldav') account.syncIntervalMinutes = valid;
    });
  if (changed === 0) throw notFound();
}

/**
 * User name and password for the sync worker's requests. AppError 'auth' when the account waits for
 * its password (the scheduler then stops asking until the user gives it).
 */
export async function accountCredentials(
  deps: CryptoDeps,
  id: AccountId,
): Promise<{ username: string; password: string }> {
  const account = await getCalDavAccount(deps.db, id);
  if (account.credential === null || account.needsPassword) {
    throw new AppError({
      kind: ErrorKind.auth,
      message: 'The account needs its password again.',
      retryable: false,
    });
  }
  return { username: account.username, password: await decryptPassword(deps, id, account.credential) };
}
