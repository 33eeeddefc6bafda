import { describe, expect, it } from 'vitest';
import {
  listGraphAccounts,
  markSignedInAgain,
  saveGraphAccount,
} from '../../../src/core/accounts/graph-account-repo';
import { jobsFor, markNeedsPassword, syncedAccounts } from '../../../workers/sync/scheduler/status-store';
import { freshDb, testContext } from '../data/helpers';

// docs/sync-rules.md rule 51: an authentication failure of a Microsoft account asks for a new sign-in.
describe('an authentication failure stopping a Microsoft account', () => {
  it('marks it "needs sign-in" (the banner), not "needs password"', async () => {
    const db = freshDb();
    const id = await saveGraphAccount(
      db,
      {
        homeAccountId: 'uid.tid',
        username: 'ada@example.org',
        name: 'Ada',
        graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        calendars: [],
      },
      testContext('2026-12-03T10:00:00Z'),
    );
    await markNeedsPassword(db, id);
    const [account] = await listGraphAccounts(db);
    expect(account?.needsSignIn).toBe(true);
    expect(account && 'needsPassword' in account).toBe(false);
  });

  it('skips its calendars while it needs sign-in (edits wait) and syncs them again once signed in', async () => {
    const db = freshDb();
    const id = await saveGraphAccount(
      db,
      {
        homeAccountId: 'uid.tid',
        username: 'ada@example.org',
        name: 'Ada',
        graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        calendars: [
          {
            url: 'https://graph.microsoft.com/v1.0/me/calendars/AAA',
            name: 'Calendar',
            color: null,
            readOnly: false,
            supportsSyncCollection: true,
          },
        ],
      },
      testContext('2026-12-03T10:00:00Z'),
    );
    const all = { kind: 'all' } as const;
    expect((await jobsFor(db, all)).map((job) => job.accountId)).toEqual([id]);
    await markNeedsPassword(db, id);
    expect(await syncedAccounts(db)).toMatchObject([{ accountId: id, needsPassword: true }]);
    expect(await jobsFor(db, all)).toEqual([]);
    expect(await markSignedInAgain(db, id, 'uid.tid')).toBe(true);
    expect((await jobsFor(db, all)).map((job) => job.accountId)).toEqual([id]);
  });
});
