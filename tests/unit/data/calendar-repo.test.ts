import { describe, expect, it } from 'vitest';
import {
  countEvents,
  createCalendar,
  deleteCalendar,
  listCalendars,
  updateCalendar,
  visibleCalendarIds,
} from '../../../src/core/calendars/calendar-repo';
import { putEvent } from '../../../src/core/events/event-store';
import { appendSyncLogLine } from '../../../src/core/sync/sync-log';
import type { CalendarId } from '../../../src/core/model/ids';
import { expectAppError, freshDb, remoteCalendar, testContext, vevent } from './helpers';

const ctx = testContext('2026-03-10T08:00:00Z');

describe('calendar repository', () => {
  it('creates calendars in order, trimmed and with lower-case colours', async () => {
    const db = freshDb();
    const a = await createCalendar(db, { name: '  Home ', color: '#1F6FEB' }, ctx);
    const b = await createCalendar(db, { name: 'Sport', color: '#1a7f37' }, ctx);
    const calendars = await listCalendars(db);
    expect(calendars.map((c) => [c.id, c.name, c.color, c.order])).toEqual([
      [a, 'Home', '#1f6feb', 0],
      [b, 'Sport', '#1a7f37', 1],
    ]);
  });

  it('rejects empty names and malformed colours, writing nothing', async () => {
    const db = freshDb();
    await expectAppError(() => createCalendar(db, { name: '   ', color: '#1f6feb' }, ctx), 'invalid-input');
    await expectAppError(() => createCalendar(db, { name: 'X', color: 'blue' }, ctx), 'invalid-input');
    await expectAppError(() => createCalendar(db, { name: 'X', color: '#12345' }, ctx), 'invalid-input');
    expect(await db.calendars.count()).toBe(0);
    const id = await createCalendar(db, { name: 'Home', color: '#1f6feb' }, ctx);
    await expectAppError(() => updateCalendar(db, id, { name: '' }), 'invalid-input');
    await expectAppError(() => updateCalendar(db, id, { color: '#zzzzzz' }), 'invalid-input');
    expect((await listCalendars(db))[0]).toMatchObject({ name: 'Home', color: '#1f6feb' });
  });

  it('updates name, colour and visibility; hidden calendars drop out of visibleCalendarIds', async () => {
    const db = freshDb();
    const a = await createCalendar(db, { name: 'Home', color: '#1f6feb' }, ctx);
    const b = await createCalendar(db, { name: 'Work', color: '#1f6feb' }, ctx);
    await updateCalendar(db, a, { name: 'House', color: '#8250df', visible: false });
    expect(await db.calendars.get(a)).toMatchObject({ name: 'House', color: '#8250df', visible: 0 });
    expect(await visibleCalendarIds(db)).toEqual([b]);
    await updateCalendar(db, a, { visible: 1 });
    expect(await visibleCalendarIds(db)).toEqual([a, b]);
    await expectAppError(() => updateCalendar(db, 'missing' as CalendarId, { name: 'X' }), 'not-found');
  });

  it('refuses an unknown account', async () => {
    const db = freshDb();
    await expectAppError(
      () => createCalendar(db, { name: 'X', color: '#1f6feb', accountId: 'nope' as never }, ctx),
      'not-found',
    );
  });

  it('deletes a calendar with its events, occurrences, outbox entries, sync state, conflict copies, set-aside objects and sync log lines, leaving others', async () => {
    const db = freshDb();
    const doomed = await remoteCalendar(db, ctx);
    const kept = await createCalendar(db, { name: 'Home', color: '#1f6feb' }, ctx);
    for (const [calendarId, uid] of [
      [doomed, 'a'],
      [doomed, 'b'],
      [kept, 'c'],
    ] as const) {
      await putEvent(
        db,
        {
          calendarId,
          ics: vevent({
            uid,
            start: '20260310T090000Z',
            end: '20260310T100000Z',
            rrule: 'FREQ=DAILY;COUNT=3',
          }),
        },
        ctx,
      );
    }
    const doomedEvent = await db.events.where('calendarId').equals(doomed).first();
    if (!doomedEvent) throw new Error('seed failed');
    await db.outbox.add({
      eventId: doomedEvent.id,
      calendarId: doomed,
      op: 'update',
      uid: 'a',
      href: '/a.ics',
      etag: '"1"',
      createdAt: 0,
      attempts: 0,
      notBefore: 0,
    });
    await db.syncState.put({
      calendarId: doomed,
      syncToken: 't',
      ctag: null,
      initialSyncInProgress: false,
      status: { phase: 'idle', lastOkAt: null },
    });
    for (const calendarId of [doomed, kept]) {
      const event = await db.events.where('calendarId').equals(calendarId).first();
      if (!event) throw new Error('seed failed');
      await db.conflicts.add({
        id: `conflict-${calendarId}`,
        calendarId,
        eventId: event.id,
        uid: event.uid,
        localIcs: 'BEGIN:VCALENDAR',
        serverIcs: 'BEGIN:VCALENDAR',
        fields: ['SUMMARY'],
        createdAt: ctx.now(),
      });
      await db.setAside.add({
        id: `${calendarId}|bad.ics`,
        calendarId,
        href: 'bad.ics',
        etag: null,
        reason: 'not iCalendar',
        raw: 'garbage',
        seenAt: ctx.now(),
      });
      await appendSyncLogLine(
        db,
        { level: 'info', code: 'synced', message: 'Synced.', calendarId },
        ctx.now(),
      );
    }
    expect(await countEvents(db, doomed)).toBe(2);

    await deleteCalendar(db, doomed);

    expect((await db.conflicts.toArray()).map((c) => c.calendarId)).toEqual([kept]);
    expect((await db.setAside.toArray()).map((s) => s.calendarId)).toEqual([kept]);
    expect((await db.syncLog.toArray()).map((l) => l.calendarId)).toEqual([kept]);

    expect(await countEvents(db, doomed)).toBe(0);
    expect(await db.calendars.get(doomed)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    const occurrences = await db.occurrences.toArray();
    expect(occurrences).toHaveLength(3);
    expect(occurrences.every((o) => o.calendarId === kept)).toBe(true);
    const eventIds = new Set((await db.events.toArray()).map((e) => e.id));
    expect(occurrences.every((o) => eventIds.has(o.eventId))).toBe(true);
    expect(await countEvents(db, kept)).toBe(1);
  });
});
