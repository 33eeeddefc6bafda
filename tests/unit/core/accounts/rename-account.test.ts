import { describe, expect, it } from 'vitest';
import { renameAccount } from '../../../../src/core/accounts/rename-account';
import type { CalDavAccount } from '../../../../src/core/model/account';
import type { AccountId } from '../../../../src/core/model/ids';
import { expectAppError, freshDb } from '../../data/helpers';

const id = 'acc-1' as AccountId;

async function withAccount() {
  const db = freshDb();
  const account: CalDavAccount = {
    id,
    kind: 'caldav',
    name: 'CalDAV',
    serverUrl: 'https://dav.example.org/cal/',
    username: 'ann',
    provider: 'other',
    credential: null,
    syncIntervalMinutes: 2,
    needsPassword: true,
    createdAt: 0,
  };
  await db.accounts.add(account);
  return db;
}

describe('renameAccount', () => {
  it('stores the new name, trimmed, and nothing else', async () => {
    const db = await withAccount();
    await renameAccount(db, id, '  Work calendars ');
    expect(await db.accounts.get(id)).toMatchObject({
      name: 'Work calendars',
      username: 'ann',
      needsPassword: true,
    });
  });

  it('refuses an empty name and keeps the old one', async () => {
    const db = await withAccount();
    const error = await expectAppError(() => renameAccount(db, id, '   '), 'invalid-input');
    expect(error.detail).toBe('name');
    expect((await db.accounts.get(id))?.name).toBe('CalDAV');
  });

  it('says when the account is gone', async () => {
    const db = await withAccount();
    await expectAppError(() => renameAccount(db, 'gone' as AccountId, 'Work'), 'not-found');
  });
});
