import { describe, expect, it } from 'vitest';
import {
  createEvent,
  deleteOccurrence,
  editOccurrence,
  moveOccurrence,
} from '../../../src/core/agenda/commands';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { EventId } from '../../../src/core/model/ids';
import { timedDraft, weeklySix } from './drafts';
import { freshDb, localCalendar, remoteCalendar, testContext } from './helpers';

const ctx = testContext('2026-03-01T08:00:00Z');

const ops = async (db: AlmanacDb) =>
  (await db.outbox.orderBy('seq').toArray()).map((e) => [e.op, e.calendarId, e.href, e.etag]);

/** What the sync engine does once a change reached the server. */
async function markSynced(db: AlmanacDb, eventId: EventId, href: string, etag: string): Promise<void> {
  await db.events.update(eventId, { href, etag });
  await db.outbox.clear();
}

describe('outbox', () => {
  it('writes nothing for local calendars', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const eventId = await createEvent(db, { calendarId, draft: timedDraft() }, ctx);
    await editOccurrence(
      db,
      { eventId, recurrenceId: null, draft: timedDraft({ title: 'x' }), scope: 'all', calendarId },
      ctx,
    );
    await deleteOccurrence(db, { eventId, recurrenceId: null, scope: 'all' }, ctx);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues create, update and delete for a synced calendar, with the href/etag they were based on', async () => {
    const db = freshDb();
    const calendarId = await remoteCalendar(db, ctx);
    const eventId = await createEvent(db, { calendarId, draft: timedDraft() }, ctx);
    const uid = (await db.events.get(eventId))?.uid;
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        op: 'create',
        eventId,
        calendarId,
        uid,
        href: null,
        etag: null,
        attempts: 0,
        notBefore: 0,
      }),
    ]);
    // Edited again before it reached the server: the pending create carries the new text.
    await editOccurrence(
      db,
      { eventId, recurrenceId: null, draft: timedDraft({ title: 'Two' }), scope: 'all', calendarId },
      ctx,
    );
    expect(await ops(db)).toEqual([['create', calendarId, null, null]]);

    await markSynced(db, eventId, '/work/e.ics', '"v1"');
    await editOccurrence(
      db,
      { eventId, recurrenceId: null, draft: timedDraft({ title: 'Three' }), scope: 'all', calendarId },
      ctx,
    );
    const occurrence = await db.occurrences.where('eventId').equals(eventId).first();
    if (!occurrence) throw new Error('no occurrence');
    await moveOccurrence(
      db,
      {
        eventId,
        recurrenceId: null,
        start: occurrence.start + 3_600_000,
        end: occurrence.end + 3_600_000,
        allDay: false,
        scope: 'all',
      },
      ctx,
    );
    expect(await ops(db)).toEqual([
      ['update', calendarId, '/work/e.ics', '"v1"'],
      ['update', calendarId, '/work/e.ics', '"v1"'],
    ]);

    await deleteOccurrence(db, { eventId, recurrenceId: null, scope: 'all' }, ctx);
    expect(await ops(db)).toEqual([['delete', calendarId, '/work/e.ics', '"v1"']]);
    expect(await db.events.count()).toBe(0);
  });

  it('a delete of an event not confirmed by the server leaves only a delete by UID (its create may have arrived)', async () => {
    const db = freshDb();
    const calendarId = await remoteCalendar(db, ctx);
    const eventId = await createEvent(db, { calendarId, draft: timedDraft() }, ctx);
    await deleteOccurrence(db, { eventId, recurrenceId: null, scope: 'this' }, ctx);
    expect(await ops(db)).toEqual([['delete', calendarId, null, null]]);
    expect(await db.events.count()).toBe(0);
    expect(await db.occurrences.count()).toBe(0);
  });

  it('a split series queues an update of the original and a create of the new one', async () => {
    const db = freshDb();
    const calendarId = await remoteCalendar(db, ctx);
    const eventId = await createEvent(db, { calendarId, draft: timedDraft({ repeat: weeklySix }) }, ctx);
    await markSynced(db, eventId, '/work/s.ics', '"s1"');
    const occurrences = (await db.occurrences.where('eventId').equals(eventId).toArray()).sort(
      (a, b) => a.start - b.start,
    );
    const recurrenceId = occurrences[2]?.recurrenceId ?? null;
    await editOccurrence(
      db,
      {
        eventId,
        recurrenceId,
        draft: timedDraft({ title: 'Later', repeat: weeklySix }),
        scope: 'following',
        calendarId,
      },
      ctx,
    );
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.op, e.href])).toEqual([
      ['update', '/work/s.ics'],
      ['create', null],
    ]);
    const split = (await db.events.toArray()).find((e) => e.id !== eventId);
    expect(split).toBeDefined();
    expect(entries[1]?.eventId).toBe(split?.id);
    expect(entries[1]?.uid).toBe(split?.uid);
  });

  it('moving a synced event to a local calendar queues its delete from the server only', async () => {
    const db = freshDb();
    const work = await remoteCalendar(db, ctx);
    const home = await localCalendar(db, ctx, 'Home');
    const eventId = await createEvent(db, { calendarId: work, draft: timedDraft() }, ctx);
    await markSynced(db, eventId, '/work/m.ics', '"m1"');
    await editOccurrence(
      db,
      { eventId, recurrenceId: null, draft: timedDraft(), scope: 'all', calendarId: home },
      ctx,
    );
    expect(await ops(db)).toEqual([['delete', work, '/work/m.ics', '"m1"']]);
    const events = await db.events.toArray();
    expect(events.map((e) => [e.calendarId, e.href])).toEqual([[home, null]]);
  });
});
