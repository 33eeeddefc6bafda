import { describe, expect, it } from 'vitest';
import { saveGraphAccount } from '../../../src/core/accounts/graph-account-repo';
import type { EventId } from '../../../src/core/model/ids';
import { createMemoryLocks } from '../../../src/core/sync/sync-locks';
import { runBackgroundSync } from '../../../workers/sync/background-sync';
import { freshDb, testContext } from '../data/helpers';

// docs/sync-rules.md rule 50: the service worker never signs in.
describe('the service worker’s background sync and Microsoft 365 accounts', () => {
  it('leaves a Microsoft account’s changes to the next open page: no request, a debug line, the change kept', async () => {
    const db = freshDb();
    const accountId = await saveGraphAccount(
      db,
      {
        homeAccountId: 'uid.tid',
        username: 'ada@example.org',
        name: 'Ada',
        graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        calendars: [
          {
            url: 'https://graph.microsoft.com/v1.0/me/calendars/a',
            name: 'Calendar',
            color: null,
            readOnly: false,
            supportsSyncCollection: true,
          },
        ],
      },
      testContext('2026-12-03T10:00:00Z'),
    );
    const calendar = await db.calendars.where('accountId').equals(accountId).first();
    if (!calendar) throw new Error('calendar missing');
    await db.outbox.add({
      eventId: 'e1' as EventId,
      calendarId: calendar.id,
      op: 'update',
      uid: 'u1',
      href: null,
      etag: null,
      createdAt: 0,
      attempts: 0,
      notBefore: 0,
    });
    const requests: string[] = [];
    const lines: string[] = [];
    for (const scope of ['outbox', 'all'] as const) {
      const result = await runBackgroundSync(
        {
          db,
          fetch: (input) => {
            requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
            return Promise.reject(new Error('no network in this test'));
          },
          now: () => 1_000,
          random: () => 0.5,
          viewerZone: 'Europe/Zurich',
          subtle: crypto.subtle,
          withLock: createMemoryLocks(),
          log: (event) => lines.push(event),
        },
        scope,
      );
      expect(result).toEqual({ unsent: 1 });
    }
    expect(requests).toEqual([]);
    expect(lines).toEqual([
      'background-sync-leaves-graph-to-the-page',
      'background-sync-leaves-graph-to-the-page',
    ]);
    expect(await db.outbox.count()).toBe(1);
  });
});
