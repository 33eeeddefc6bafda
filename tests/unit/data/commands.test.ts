import { describe, expect, it } from 'vitest';
import {
  createEvent,
  deleteOccurrence,
  editOccurrence,
  loadEventForEditing,
  moveOccurrence,
} from '../../../src/core/agenda/commands';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { EventId } from '../../../src/core/model/ids';
import type { OccurrenceRecord } from '../../../src/core/model/occurrence';
import { allDayDraft, timedDraft, weeklySix } from './drafts';
import { at, expectAppError, freshDb, localCalendar, snapshot, testContext } from './helpers';

const ctx = testContext('2026-03-01T08:00:00Z');

async function occurrencesOf(db: AlmanacDb, eventId: EventId): Promise<OccurrenceRecord[]> {
  return (await db.occurrences.where('eventId').equals(eventId).toArray()).sort((a, b) => a.start - b.start);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Tuesdays 09:00 Zurich: CET until 29 March, CEST after. */
const SERIES_STARTS = [
  '2026-03-10T08:00:00.000Z',
  '2026-03-17T08:00:00.000Z',
  '2026-03-24T08:00:00.000Z',
  '2026-03-31T07:00:00.000Z',
  '2026-04-07T07:00:00.000Z',
  '2026-04-14T07:00:00.000Z',
];

async function weeklySeries(db: AlmanacDb) {
  const calendarId = await localCalendar(db, ctx);
  const eventId = await createEvent(db, { calendarId, draft: timedDraft({ repeat: weeklySix }) }, ctx);
  const occurrences = await occurrencesOf(db, eventId);
  const rid = (index: number): string => {
    const id = occurrences[index]?.recurrenceId;
    if (id === undefined || id === null) throw new Error(`no occurrence ${index}`);
    return id;
  };
  return { calendarId, eventId, occurrences, rid };
}

describe('createEvent / loadEventForEditing', () => {
  it('creates a single event and loads it back for editing', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const eventId = await createEvent(db, { calendarId, draft: timedDraft() }, ctx);
    const event = await db.events.get(eventId);
    expect(event).toMatchObject({ calendarId, summary: 'Standup', recurring: false, href: null });
    expect(event?.uid).toMatch(/@almanac$/);
    expect((await occurrencesOf(db, eventId)).map((o) => [iso(o.start), iso(o.end), o.location])).toEqual([
      ['2026-03-10T08:00:00.000Z', '2026-03-10T08:30:00.000Z', 'Room 1'],
    ]);
    const loaded = await loadEventForEditing(db, { eventId, recurrenceId: null }, ctx);
    expect(loaded).toEqual({
      draft: { ...timedDraft(), reminder: null },
      calendarId,
      recurring: false,
      readOnly: false,
      meeting: null,
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('rejects an invalid draft with its field errors and writes nothing', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const before = await snapshot(db);
    const bad = timedDraft({
      timing: {
        allDay: false,
        start: '2026-03-10T10:00',
        end: '2026-03-10T09:00',
        timeZone: 'Europe/Zurich',
      },
    });
    const error = await expectAppError(
      () => createEvent(db, { calendarId, draft: bad }, ctx),
      'invalid-input',
    );
    expect(JSON.parse(error.detail ?? '{}')).toHaveProperty('end');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses writes to a read-only calendar', async () => {
    const db = freshDb();
    const { calendarId, eventId, rid } = await weeklySeries(db);
    await db.calendars.update(calendarId, { readOnly: true });
    const before = await snapshot(db);
    await expectAppError(() => createEvent(db, { calendarId, draft: timedDraft() }, ctx), 'read-only');
    await expectAppError(
      () =>
        editOccurrence(
          db,
          { eventId, recurrenceId: rid(0), draft: timedDraft(), scope: 'all', calendarId },
          ctx,
        ),
      'read-only',
    );
    await expectAppError(
      () => deleteOccurrence(db, { eventId, recurrenceId: rid(0), scope: 'this' }, ctx),
      'read-only',
    );
    expect(await snapshot(db)).toEqual(before);
    expect((await loadEventForEditing(db, { eventId, recurrenceId: rid(1) }, ctx)).readOnly).toBe(true);
  });
});

describe('recurring scopes end to end', () => {
  it('creates the weekly series across the DST change', async () => {
    const db = freshDb();
    const { eventId, occurrences } = await weeklySeries(db);
    expect(occurrences.map((o) => iso(o.start))).toEqual(SERIES_STARTS);
    expect((await loadEventForEditing(db, { eventId, recurrenceId: null }, ctx)).recurring).toBe(true);
  });

  it('changes one occurrence only; the others stay', async () => {
    const db = freshDb();
    const { calendarId, eventId, rid } = await weeklySeries(db);
    const { draft } = await loadEventForEditing(db, { eventId, recurrenceId: rid(2) }, ctx);
    await editOccurrence(
      db,
      { eventId, recurrenceId: rid(2), draft: { ...draft, title: 'Retro' }, scope: 'this', calendarId },
      ctx,
    );
    const after = await occurrencesOf(db, eventId);
    expect(after.map((o) => o.summary)).toEqual([
      'Standup',
      'Standup',
      'Retro',
      'Standup',
      'Standup',
      'Standup',
    ]);
    expect(after.map((o) => iso(o.start))).toEqual(SERIES_STARTS);
    expect(await db.events.count()).toBe(1);
  });

  it('deletes one occurrence, then this and the following ones', async () => {
    const db = freshDb();
    const { eventId, rid } = await weeklySeries(db);
    await deleteOccurrence(db, { eventId, recurrenceId: rid(1), scope: 'this' }, ctx);
    expect((await occurrencesOf(db, eventId)).map((o) => iso(o.start))).toEqual(
      SERIES_STARTS.filter((_, i) => i !== 1),
    );
    await deleteOccurrence(db, { eventId, recurrenceId: rid(3), scope: 'following' }, ctx);
    expect((await occurrencesOf(db, eventId)).map((o) => iso(o.start))).toEqual([
      SERIES_STARTS[0],
      SERIES_STARTS[2],
    ]);
    await deleteOccurrence(db, { eventId, recurrenceId: rid(0), scope: 'all' }, ctx);
    expect(await db.events.count()).toBe(0);
    expect(await db.occurrences.count()).toBe(0);
  });

  it('splits the series on a this-and-following edit', async () => {
    const db = freshDb();
    const { calendarId, eventId, rid } = await weeklySeries(db);
    const { draft } = await loadEventForEditing(db, { eventId, recurrenceId: rid(3) }, ctx);
    await editOccurrence(
      db,
      { eventId, recurrenceId: rid(3), draft: { ...draft, title: 'Sync' }, scope: 'following', calendarId },
      ctx,
    );
    const events = await db.events.toArray();
    expect(events).toHaveLength(2);
    const all = (await db.occurrences.toArray()).sort((a, b) => a.start - b.start);
    expect(all.map((o) => [iso(o.start), o.summary])).toEqual(
      SERIES_STARTS.map((start, i) => [start, i < 3 ? 'Standup' : 'Sync']),
    );
    expect(new Set(all.slice(3).map((o) => o.eventId)).size).toBe(1);
    expect(all[3]?.eventId).not.toBe(eventId);
  });

  it('moves one occurrence by drag; the others stay', async () => {
    const db = freshDb();
    const { eventId, occurrences, rid } = await weeklySeries(db);
    const second = occurrences[1];
    if (!second) throw new Error('no second occurrence');
    await moveOccurrence(
      db,
      {
        eventId,
        recurrenceId: rid(1),
        start: second.start + 3_600_000,
        end: second.end + 7_200_000,
        allDay: false,
        scope: 'this',
      },
      ctx,
    );
    const after = await occurrencesOf(db, eventId);
    expect(after.map((o) => [iso(o.start), (o.end - o.start) / 60_000])).toEqual(
      SERIES_STARTS.map((start, i) => (i === 1 ? ['2026-03-17T09:00:00.000Z', 90] : [start, 30])),
    );
  });
});

describe('single events', () => {
  it('edits into another calendar, moves as all-day, and deletes', async () => {
    const db = freshDb();
    const home = await localCalendar(db, ctx, 'Home');
    const work = await localCalendar(db, ctx, 'Work');
    const eventId = await createEvent(db, { calendarId: home, draft: timedDraft() }, ctx);
    await editOccurrence(
      db,
      {
        eventId,
        recurrenceId: null,
        draft: timedDraft({ title: 'Review' }),
        scope: 'this',
        calendarId: work,
      },
      ctx,
    );
    const [moved] = await db.events.toArray();
    expect(moved).toMatchObject({ calendarId: work, summary: 'Review' });
    if (!moved) throw new Error('event lost');
    expect((await db.occurrences.toArray()).map((o) => [o.calendarId, o.summary])).toEqual([
      [work, 'Review'],
    ]);

    await moveOccurrence(
      db,
      {
        eventId: moved.id,
        recurrenceId: null,
        start: at('2026-03-11T23:00:00Z'),
        end: at('2026-03-13T23:00:00Z'),
        allDay: true,
        scope: 'this',
      },
      ctx,
    );
    expect(
      (await loadEventForEditing(db, { eventId: moved.id, recurrenceId: null }, ctx)).draft.timing,
    ).toEqual({
      allDay: true,
      startDate: '2026-03-12',
      endDate: '2026-03-13',
    });
    expect((await occurrencesOf(db, moved.id)).map((o) => [iso(o.start), iso(o.end), o.allDay])).toEqual([
      ['2026-03-11T23:00:00.000Z', '2026-03-13T23:00:00.000Z', true],
    ]);

    await deleteOccurrence(db, { eventId: moved.id, recurrenceId: null, scope: 'this' }, ctx);
    expect(await db.events.count()).toBe(0);
    expect(await db.occurrences.count()).toBe(0);
  });

  it('creates an all-day event from the editor', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const eventId = await createEvent(
      db,
      { calendarId, draft: allDayDraft('2026-03-20', '2026-03-22') },
      ctx,
    );
    expect((await occurrencesOf(db, eventId)).map((o) => [iso(o.start), iso(o.end), o.allDay])).toEqual([
      ['2026-03-19T23:00:00.000Z', '2026-03-22T23:00:00.000Z', true],
    ]);
  });
});
