import { describe, expect, it } from 'vitest';
import type { CalendarId, EventId } from '../../../src/core/model/ids';
import { createMemoryLocks } from '../../../src/core/sync/sync-locks';
import { dueOutboxCount, runBackgroundSync } from '../../../workers/sync/background-sync';
import { freshDb } from '../data/helpers';

const entry = (notBefore: number) => ({
  eventId: 'e1' as EventId,
  calendarId: 'c1' as CalendarId,
  op: 'update' as const,
  uid: 'u1',
  href: null,
  etag: null,
  createdAt: 0,
  attempts: 0,
  notBefore,
});

describe('the service worker’s background sync entry', () => {
  it('counts only the changes that could be sent now', async () => {
    const db = freshDb();
    await db.outbox.bulkAdd([entry(0), entry(5_000), entry(20_000)]);
    expect(await dueOutboxCount(db, 10_000)).toBe(2);
  });

  it('does nothing, and reaches no network, when the outbox is empty', async () => {
    const db = freshDb();
    const result = await runBackgroundSync(
      {
        db,
        fetch: () => Promise.reject(new Error('no network in this test')),
        now: () => 1_000,
        random: () => 0.5,
        viewerZone: 'Europe/Zurich',
        subtle: crypto.subtle,
        withLock: createMemoryLocks(),
        log: () => undefined,
      },
      'outbox',
    );
    expect(result).toEqual({ unsent: 0 });
  });
});
