import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import type { AccountId } from '../model/ids';
import { validAccountName } from './account-input';

/**
 * Renames a CalDAV or Microsoft account (Settings › Accounts): the name shown wherever the account is
 * named. AppError 'invalid-input' (detail `name`) for an empty or too long name, 'not-found' when the
 * account is gone; the built-in local account is not renamed here.
 */
export async function renameAccount(db: AlmanacDb, id: AccountId, name: string): Promise<void> {
  const valid = validAccountName(name);
  const changed = await db.accounts
    .where('id')
    .equals(id)
    .modify((account) => {
      if (account.kind !== 'local') account.name = valid;
    });
  if (changed === 0) {
    throw new AppError({
      kind: ErrorKind.notFound,
      message: 'The account no longer exists.',
      retryable: false,
    });
  }
}
