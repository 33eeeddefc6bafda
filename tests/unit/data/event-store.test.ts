import { describe, expect, it } from 'vitest';
import {
  deleteEvent,
  findEventByUid,
  getEvent,
  putEvent,
  putEvents,
} from '../../../src/core/events/event-store';
import { occurrenceId } from '../../../src/core/model/occurrence';
import { at, expectAppError, freshDb, localCalendar, snapshot, testContext, vevent } from './helpers';

const ctx = testContext('2026-03-10T08:00:00Z');

describe('event store', () => {
  it('stores a single event with its one occurrence and indexed identity', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const ics = vevent({
      uid: 'one@test',
      summary: 'Dentist',
      start: '20260312T130000Z',
      end: '20260312T140000Z',
      location: 'Town',
    });
    const id = await putEvent(db, { calendarId, ics, href: '/cal/one.ics', etag: '"e1"' }, ctx);

    expect(await getEvent(db, id)).toMatchObject({
      uid: 'one@test',
      summary: 'Dentist',
      recurring: false,
      ics,
      href: '/cal/one.ics',
      etag: '"e1"',
      syncedIcs: null,
    });
    expect((await findEventByUid(db, calendarId, 'one@test'))?.id).toBe(id);
    expect(await findEventByUid(db, calendarId, 'other@test')).toBeUndefined();
    const occurrences = await db.occurrences.where('eventId').equals(id).toArray();
    expect(occurrences).toEqual([
      expect.objectContaining({
        id: occurrenceId(id, null),
        calendarId,
        start: at('2026-03-12T13:00:00Z'),
        end: at('2026-03-12T14:00:00Z'),
        duration: 3_600_000,
        summary: 'Dentist',
        location: 'Town',
        recurrenceId: null,
      }),
    ]);
  });

  it('replaces the occurrences of an event when it is rewritten, keeping its server identity', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const weekly = vevent({
      uid: 's@test',
      start: '20260310T090000Z',
      end: '20260310T100000Z',
      rrule: 'FREQ=WEEKLY;COUNT=5',
    });
    const id = await putEvent(db, { calendarId, ics: weekly, href: '/s.ics', etag: '"1"' }, ctx);
    expect(await db.occurrences.where('eventId').equals(id).count()).toBe(5);

    const daily = vevent({
      uid: 's@test',
      summary: 'Now daily',
      start: '20260310T090000Z',
      end: '20260310T100000Z',
      rrule: 'FREQ=DAILY;COUNT=3',
    });
    await putEvent(db, { id, calendarId, ics: daily }, ctx);
    const after = await db.occurrences.where('eventId').equals(id).sortBy('start');
    expect(after.map((o) => o.start)).toEqual([
      at('2026-03-10T09:00:00Z'),
      at('2026-03-11T09:00:00Z'),
      at('2026-03-12T09:00:00Z'),
    ]);
    expect(after.every((o) => o.summary === 'Now daily')).toBe(true);
    expect(await getEvent(db, id)).toMatchObject({ href: '/s.ics', etag: '"1"', recurring: true });
  });

  it('rejects a malformed object and changes nothing', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const id = await putEvent(
      db,
      { calendarId, ics: vevent({ uid: 'ok', start: '20260310T090000Z', end: '20260310T100000Z' }) },
      ctx,
    );
    const before = await snapshot(db);
    await expectAppError(
      () => putEvent(db, { id, calendarId, ics: 'BEGIN:VCALENDAR\r\nthis is not ics' }, ctx),
      'malformed-ics',
    );
    await expectAppError(() => putEvent(db, { calendarId, ics: '' }, ctx), 'malformed-ics');
    expect(await snapshot(db)).toEqual(before);
  });

  it('putEvents writes a batch all or nothing', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      calendarId,
      ics: vevent({
        uid: `bulk-${i}`,
        start: `202604${String(1 + (i % 28)).padStart(2, '0')}T100000Z`,
        end: `202604${String(1 + (i % 28)).padStart(2, '0')}T110000Z`,
      }),
    }));
    const ids = await putEvents(db, inputs, ctx);
    expect(new Set(ids).size).toBe(50);
    expect(await db.events.count()).toBe(50);
    expect(await db.occurrences.count()).toBe(50);

    const before = await snapshot(db);
    const [firstId] = ids;
    if (firstId === undefined) throw new Error('no id');
    const error = await expectAppError(
      () =>
        putEvents(
          db,
          [
            { id: firstId, calendarId, ics: inputs[1]?.ics ?? '' },
            { calendarId, ics: 'garbage' },
          ],
          ctx,
        ),
      'malformed-ics',
    );
    expect(error.detail).toBe('event #1');
    expect(await snapshot(db)).toEqual(before);
  });

  it('deleteEvent removes the event and its occurrences', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const id = await putEvent(
      db,
      {
        calendarId,
        ics: vevent({
          uid: 'x',
          start: '20260310T090000Z',
          end: '20260310T100000Z',
          rrule: 'FREQ=DAILY;COUNT=4',
        }),
      },
      ctx,
    );
    await deleteEvent(db, id);
    expect(await getEvent(db, id)).toBeUndefined();
    expect(await db.occurrences.count()).toBe(0);
  });
});
