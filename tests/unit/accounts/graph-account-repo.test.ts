import { describe, expect, it } from 'vitest';
import { removeAccount } from '../../../src/core/accounts/account-removal';
import {
  listGraphAccounts,
  markNeedsSignIn,
  markSignedInAgain,
  saveGraphAccount,
} from '../../../src/core/accounts/graph-account-repo';
import type { DiscoveredCalendar } from '../../../src/core/sync/sync-api';
import { freshDb, testContext } from '../data/helpers';

const BASE = 'https://graph.microsoft.com/v1.0';
const calendar = (id: string, name: string, readOnly = false): DiscoveredCalendar => ({
  url: `${BASE}/me/calendars/${id}`,
  name,
  color: '#2e7d32',
  readOnly,
  supportsSyncCollection: true,
});
const input = {
  homeAccountId: 'uid.tid',
  username: 'ada@example.org',
  name: 'Ada Lovelace',
  graphBaseUrl: BASE,
  calendars: [calendar('a', 'Calendar'), calendar('b', 'Holidays', true), calendar('a', 'Calendar')],
};

describe('Microsoft 365 accounts in the database', () => {
  it('stores the account with its chosen calendars once each, signed in', async () => {
    const db = freshDb();
    const id = await saveGraphAccount(db, input, testContext('2026-12-03T10:00:00Z'));
    const [account] = await listGraphAccounts(db);
    expect(account).toMatchObject({
      id,
      kind: 'graph',
      name: 'Ada Lovelace',
      homeAccountId: 'uid.tid',
      username: 'ada@example.org',
      graphBaseUrl: BASE,
      needsSignIn: false,
    });
    // In the order picked (the index returns them by id, which is random).
    const calendars = (await db.calendars.where('accountId').equals(id).toArray()).sort(
      (a, b) => a.order - b.order,
    );
    expect(calendars.map((c) => [c.name, c.readOnly, c.remoteUrl])).toEqual([
      ['Calendar', false, `${BASE}/me/calendars/a`],
      ['Holidays', true, `${BASE}/me/calendars/b`],
    ]);
  });

  it('refuses the same Microsoft user twice, and stores nothing for the second', async () => {
    const db = freshDb();
    const ctx = testContext('2026-12-03T10:00:00Z');
    await saveGraphAccount(db, input, ctx);
    await expect(saveGraphAccount(db, input, ctx)).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(await listGraphAccounts(db)).toHaveLength(1);
    expect(await db.calendars.where('accountId').notEqual('local').count()).toBe(2);
  });

  it('marks "sign in again" and clears it for the user who signed in again', async () => {
    const db = freshDb();
    const id = await saveGraphAccount(db, input, testContext('2026-12-03T10:00:00Z'));
    await markNeedsSignIn(db, id);
    expect((await listGraphAccounts(db))[0]?.needsSignIn).toBe(true);
    expect(await markSignedInAgain(db, id, 'uid.tid')).toBe(true);
    expect((await listGraphAccounts(db))[0]?.needsSignIn).toBe(false);
  });

  it('says so when the account was removed before the sign-in finished', async () => {
    const db = freshDb();
    const id = await saveGraphAccount(db, input, testContext('2026-12-03T10:00:00Z'));
    await removeAccount(db, id);
    expect(await markSignedInAgain(db, id, 'uid.tid')).toBe(false);
    expect(await listGraphAccounts(db)).toEqual([]);
    expect(await db.calendars.where('accountId').equals(id).count()).toBe(0);
  });
});
