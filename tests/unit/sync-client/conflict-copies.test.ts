// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import { putEvent } from '../../../src/core/events/event-store';
import type { CalDavAccount } from '../../../src/core/model/account';
import type { ConflictCopy } from '../../../src/core/model/conflict-copy';
import type { AccountId, CalendarId, EventId } from '../../../src/core/model/ids';
import {
  discardConflictCopy,
  restoreConflictCopy,
  restoredIcs,
} from '../../../src/core/sync/conflict-copies';
import { freshDb, testContext, vevent } from '../data/helpers';

const withSequence = (ics: string, sequence: number) =>
  ics.replace('DTSTAMP:', `SEQUENCE:${sequence}\r\nDTSTAMP:`);
const server = withSequence(
  vevent({ uid: 'u1', summary: 'Server title', start: '20261105T090000Z', end: '20261105T100000Z' }),
  4,
);
const mine = withSequence(
  vevent({
    uid: 'u1',
    summary: 'My title',
    start: '20261105T090000Z',
    end: '20261105T100000Z',
    location: 'Room 2',
  }),
  2,
);

async function setUp(readOnly = false) {
  const db = freshDb();
  const ctx = testContext('2026-11-02T09:00:00Z');
  const account: CalDavAccount = {
    id: 'acc' as AccountId,
    kind: 'caldav',
    name: 'Work',
    serverUrl: 'https://dav.example/',
    username: 'ann',
    provider: 'other',
    credential: null,
    syncIntervalMinutes: 2,
    needsPassword: false,
    createdAt: 0,
  };
  await db.accounts.put(account);
  const calendarId = 'cal' as CalendarId;
  await db.calendars.put({
    id: calendarId,
    accountId: account.id,
    name: 'Work',
    color: '#1f6feb',
    visible: 1,
    order: 1,
    readOnly,
    remoteUrl: 'https://dav.example/cal/',
    createdAt: 0,
  });
  const eventId = await putEvent(
    db,
    { calendarId, ics: server, href: 'https://dav.example/cal/u1.ics', etag: '"e5"', syncedIcs: server },
    ctx,
  );
  const copy: ConflictCopy = {
    id: 'copy-1',
    calendarId,
    eventId,
    uid: 'u1',
    localIcs: mine,
    serverIcs: server,
    fields: ['SUMMARY'],
    createdAt: 0,
  };
  await db.conflicts.put(copy);
  return { db, ctx, calendarId, eventId };
}

describe('conflict copies (rule 3: restorable)', () => {
  it('restoredIcs keeps what the user typed and raises SEQUENCE above both versions', () => {
    const text = restoredIcs(mine, server, Date.parse('2026-11-02T09:00:00Z'));
    expect(text).toContain('SUMMARY:My title');
    expect(text).toContain('LOCATION:Room 2');
    expect(text).toContain('SEQUENCE:5');
    expect(text).toContain('LAST-MODIFIED:20261102T090000Z');
  });

  it('"Restore my version" writes it through the normal path: event, occurrences, outbox update', async () => {
    const { db, ctx, eventId } = await setUp();

    expect(await restoreConflictCopy(db, 'copy-1', ctx)).toBe(eventId);

    const event = await db.events.get(eventId);
    expect(event?.summary).toBe('My title');
    expect(event?.etag).toBe('"e5"');
    expect((await db.occurrences.where('eventId').equals(eventId).first())?.summary).toBe('My title');
    expect(await db.outbox.toArray()).toMatchObject([
      { eventId, op: 'update', href: 'https://dav.example/cal/u1.ics', etag: '"e5"' },
    ]);
    expect(await db.conflicts.count()).toBe(0);
  });

  it('recreates the event when it was deleted meanwhile, queued as a create', async () => {
    const { db, ctx, eventId } = await setUp();
    await db.events.delete(eventId);

    const id: EventId = await restoreConflictCopy(db, 'copy-1', ctx);

    expect(id).not.toBe(eventId);
    expect(await db.events.get(id)).toMatchObject({ uid: 'u1', summary: 'My title', href: null });
    expect(await db.outbox.toArray()).toMatchObject([{ eventId: id, op: 'create', href: null }]);
  });

  it('refuses in a read-only calendar and keeps the copy', async () => {
    const { db, ctx } = await setUp(true);
    await expect(restoreConflictCopy(db, 'copy-1', ctx)).rejects.toMatchObject({ kind: 'read-only' });
    expect(await db.conflicts.count()).toBe(1);
  });

  it('"Discard" drops the copy and leaves the server version', async () => {
    const { db, eventId } = await setUp();
    await discardConflictCopy(db, 'copy-1');
    expect(await db.conflicts.count()).toBe(0);
    expect((await db.events.get(eventId))?.summary).toBe('Server title');
    expect(await db.outbox.count()).toBe(0);
  });
});
