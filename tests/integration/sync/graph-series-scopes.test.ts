// "This / following / all" on a Microsoft 365 series, through the real engine and the Graph provider
// against the Graph test server (issue 11 point 5; docs/sync-rules.md rules 26, 42, 45 and 46): one
// occurrence → a PATCH of that occurrence, a cancelled one → a DELETE of it, "all" → a PATCH of the
// master with only what changed, "following" → the master's range ended and a new series POSTed. Each
// time the next sync shows the same on both sides, the series' exceptions and cancellations are kept
// and nothing is doubled; a 412 on a series write takes the three-way merge and conflict copy path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOccurrence } from '../../../src/core/agenda/commands';
import type { EventRecord } from '../../../src/core/model/event';
import { getWindow } from '../../../src/core/occurrences/window';
import type { JsonObject } from '../../servers/graph/index';
import { at, createGraphHarness, startMs, type GraphHarness } from './graph-harness';

let h: GraphHarness;

beforeEach(async () => {
  h = await createGraphHarness();
});

afterEach(async () => {
  await h.close();
});

/**
 * Standup, Mondays 09:00–10:00 UTC from 2 March 2026, 8 times; occurrence 1 (9 March) is an exception
 * (longer, later, renamed) and occurrence 3 (23 March) is cancelled.
 */
function seedStandup() {
  return h.graph.seed.series(
    {
      subject: 'Standup',
      start: at('2026-03-02', 9),
      end: at('2026-03-02', 10),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 8 },
      },
    },
    {
      exceptions: [
        {
          at: 1,
          patch: { subject: 'Standup (long)', start: at('2026-03-09', 11), end: at('2026-03-09', 13) },
        },
      ],
      cancelled: [3],
    },
    h.graphCalendarId,
  );
}

const DAY = 86_400_000;
const occurrenceStart = (n: number) => Date.UTC(2026, 2, 2, 9) + n * 7 * DAY;

/** The recurrence id of occurrence `n` (0 = 2 March) of the local series. */
async function recurrenceIdOf(event: EventRecord, n: number): Promise<string> {
  const occurrences = await h.db.occurrences.where('eventId').equals(event.id).toArray();
  const found = occurrences.find(
    (occurrence) => occurrence.recurrenceId !== null && occurrence.start === occurrenceStart(n),
  );
  if (!found?.recurrenceId) throw new Error(`no local occurrence ${n} of ${event.uid}`);
  return found.recurrenceId;
}

interface Instance {
  readonly start: number;
  readonly end: number;
  readonly summary: string;
}

const byStart = (a: Instance, b: Instance) => a.start - b.start || a.summary.localeCompare(b.summary);

/** Every instance Graph shows in the window, as a calendar view would list it. */
async function serverInstances(): Promise<Instance[]> {
  const window = await getWindow(h.db, h.ctx);
  return h.graph.inspect
    .window(window.from, window.to, h.graphCalendarId)
    .map((json) => ({
      start: startMs(json),
      end: Date.parse(`${(json['end'] as { dateTime: string }).dateTime}Z`),
      summary: typeof json['subject'] === 'string' ? json['subject'] : '',
    }))
    .sort(byStart);
}

async function localInstances(): Promise<Instance[]> {
  return (await h.db.occurrences.where('calendarId').equals(h.calendarId).toArray())
    .map((occurrence) => ({ start: occurrence.start, end: occurrence.end, summary: occurrence.summary }))
    .sort(byStart);
}

/** A sync after the one that pushed: it pulls what the write changed, then both sides agree. */
async function settle(): Promise<void> {
  await h.sync();
  await h.sync();
  expect(await h.db.outbox.count()).toBe(0);
  expect(await localInstances()).toEqual(await serverInstances());
  // Nothing doubled: one local event per Graph item (single or master), each Graph id once.
  const refs = (await h.events()).map((event) => event.href);
  expect(new Set(refs).size).toBe(refs.length);
  expect(refs.sort()).toEqual(
    h.graph.inspect
      .events(h.graphCalendarId)
      .map((json) => json['id'])
      .sort(),
  );
}

/** The writes sent (a `$batch` here only reads). */
const writes = () =>
  h.seen
    .filter((request) => request.method !== 'GET' && !request.url.endsWith('/$batch'))
    .map((request) => ({
      method: request.method,
      path: new URL(request.url).pathname.replace(/^\/v1\.0/, ''),
      status: request.status,
    }));

const eventPath = (id: string) => `/me/events/${encodeURIComponent(id)}`;

function bodyOf(method: string, id: string): JsonObject {
  const request = h.seen.find(
    (seen) => seen.method === method && new URL(seen.url).pathname.endsWith(eventPath(id)),
  );
  if (!request) throw new Error(`no ${method} of ${id}`);
  return JSON.parse(request.body) as JsonObject;
}

/** Starts of the master's cancelled occurrences and exceptions, as Graph keeps them. */
function seriesShape(masterId: string) {
  const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) };
  const instances = h.graph.inspect
    .window(window.from, window.to, h.graphCalendarId)
    .filter((json) => json['seriesMasterId'] === masterId);
  return {
    exceptions: instances
      .filter((json) => json['type'] === 'exception')
      .map((json) => ({ start: startMs(json), subject: json['subject'] })),
    starts: instances.map(startMs).sort((a, b) => a - b),
  };
}

async function firstSync() {
  const series = seedStandup();
  await h.sync();
  const local = await h.localEventOf(series.master.id);
  expect(local.recurring).toBe(true);
  expect(await localInstances()).toEqual(await serverInstances());
  h.seen.length = 0;
  return { series, local, masterId: series.master.id };
}

describe('this / following / all on a Microsoft 365 series', () => {
  it('this: one occurrence edited → a PATCH of that occurrence only; the exception and cancellation stay', async () => {
    const { local, masterId } = await firstSync();
    const before = seriesShape(masterId);
    await h.editLocal(
      local.id,
      { title: 'Standup (demo)' },
      { recurrenceId: await recurrenceIdOf(local, 2), scope: 'this' },
    );
    await h.sync();

    const occurrence = h.graph.seed.occurrenceId(masterId, 2);
    expect(writes()).toEqual([{ method: 'PATCH', path: eventPath(occurrence), status: 200 }]);
    // An exception is sent as what it sets over its master: the title, and its own (unchanged) times.
    expect(bodyOf('PATCH', occurrence)).toEqual({
      subject: 'Standup (demo)',
      start: at('2026-03-16', 9),
      end: at('2026-03-16', 10),
      isAllDay: false,
    });
    expect(h.graph.inspect.event(masterId)?.['subject']).toBe('Standup');
    expect(seriesShape(masterId)).toEqual({
      exceptions: [
        { start: Date.UTC(2026, 2, 9, 11), subject: 'Standup (long)' },
        { start: occurrenceStart(2), subject: 'Standup (demo)' },
      ],
      starts: before.starts,
    });
    await settle();
  });

  it('this: one occurrence moved → its PATCH carries the new times, its neighbours stay', async () => {
    const { local, masterId } = await firstSync();
    await h.editLocal(
      local.id,
      {
        timing: {
          allDay: false,
          start: '2026-03-16T15:00',
          end: '2026-03-16T16:00',
          timeZone: 'UTC',
        },
      },
      { recurrenceId: await recurrenceIdOf(local, 2), scope: 'this' },
    );
    await h.sync();
    const occurrence = h.graph.seed.occurrenceId(masterId, 2);
    expect(writes()).toEqual([{ method: 'PATCH', path: eventPath(occurrence), status: 200 }]);
    expect(Object.keys(bodyOf('PATCH', occurrence)).sort()).toEqual(['end', 'isAllDay', 'start']);
    expect(seriesShape(masterId).exceptions).toContainEqual({
      start: Date.UTC(2026, 2, 16, 15),
      subject: 'Standup',
    });
    await settle();
  });

  it('this: one occurrence deleted → a DELETE of that occurrence; the series and its exception stay', async () => {
    const { local, masterId } = await firstSync();
    const before = seriesShape(masterId);
    await deleteOccurrence(
      h.db,
      { eventId: local.id, recurrenceId: await recurrenceIdOf(local, 5), scope: 'this' },
      h.ctx,
    );
    await h.sync();
    const occurrence = h.graph.seed.occurrenceId(masterId, 5);
    expect(writes()).toEqual([{ method: 'DELETE', path: eventPath(occurrence), status: 204 }]);
    expect(seriesShape(masterId)).toEqual({
      exceptions: before.exceptions,
      starts: before.starts.filter((start) => start !== occurrenceStart(5)),
    });
    await settle();
  });

  it('all: a new title → a PATCH of the master with the title alone; the exception keeps its own', async () => {
    const { local, masterId } = await firstSync();
    const before = seriesShape(masterId);
    await h.editLocal(
      local.id,
      { title: 'Daily sync' },
      { recurrenceId: await recurrenceIdOf(local, 2), scope: 'all' },
    );
    await h.sync();
    expect(writes()).toEqual([{ method: 'PATCH', path: eventPath(masterId), status: 200 }]);
    expect(bodyOf('PATCH', masterId)).toEqual({ subject: 'Daily sync' });
    expect(h.seen.find((request) => request.method === 'PATCH')?.ifMatch).toBeTruthy();
    expect(seriesShape(masterId)).toEqual(before);
    await settle();
    expect((await localInstances()).filter((instance) => instance.summary === 'Daily sync')).toHaveLength(
      before.starts.length - 1,
    );
  });

  it('all: the series moved an hour → the master PATCHed with its times, and the exception and cancellation Outlook drops are written again', async () => {
    const { local, masterId } = await firstSync();
    await h.editLocal(
      local.id,
      {
        timing: {
          allDay: false,
          start: '2026-03-16T10:00',
          end: '2026-03-16T11:00',
          timeZone: 'UTC',
        },
      },
      { recurrenceId: await recurrenceIdOf(local, 2), scope: 'all' },
    );
    await h.sync();
    const [patch, ...rest] = writes();
    expect(patch).toEqual({ method: 'PATCH', path: eventPath(masterId), status: 200 });
    expect(Object.keys(bodyOf('PATCH', masterId)).sort()).toEqual(['end', 'isAllDay', 'start']);
    // Outlook dropped the series' exception and cancellation with the new times: both are sent again.
    expect(rest.map((write) => write.method).sort()).toEqual(['DELETE', 'PATCH']);
    const shape = seriesShape(masterId);
    expect(shape.starts).toHaveLength(7);
    expect(shape.starts).not.toContain(occurrenceStart(3) + 3_600_000);
    expect(shape.starts).toContain(occurrenceStart(4) + 3_600_000);
    expect(shape.exceptions).toHaveLength(1);
    expect(shape.exceptions[0]?.subject).toBe('Standup (long)');
    await settle();
  });

  it("following: the master's range ends before the occurrence and a new series is POSTed from it", async () => {
    const { local, masterId } = await firstSync();
    const before = seriesShape(masterId);
    await h.editLocal(
      local.id,
      { title: 'Standup v2' },
      { recurrenceId: await recurrenceIdOf(local, 4), scope: 'following' },
    );
    expect(await h.db.outbox.count()).toBe(2);
    await h.sync();

    const masters = h.graph.inspect.events(h.graphCalendarId);
    expect(masters).toHaveLength(2);
    const old = masters.find((json) => json['id'] === masterId);
    const split = masters.find((json) => json['id'] !== masterId);
    expect((old?.['recurrence'] as { range: JsonObject }).range).toMatchObject({
      type: 'endDate',
      endDate: '2026-03-29', // not the 30th: Graph would keep that day's occurrence
    });
    expect(split?.['subject']).toBe('Standup v2');
    expect(split?.['start']).toMatchObject({
      dateTime: expect.stringMatching(/^2026-03-30T09:00/) as unknown,
    });
    expect((split?.['recurrence'] as { range: JsonObject }).range).toMatchObject({
      type: 'numbered',
      numberOfOccurrences: 4,
    });
    const post = h.seen.find((request) => request.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toHaveProperty('transactionId');

    // The old series keeps its exception and its cancellation, and ends before occurrence 4.
    const kept = seriesShape(masterId);
    expect(kept.exceptions).toEqual(before.exceptions);
    expect(kept.starts).toEqual(before.starts.filter((start) => start < occurrenceStart(4)));
    await settle();
    const summaries = (await h.events()).map((event) => event.summary).sort();
    expect(summaries).toEqual(['Standup', 'Standup v2']);
  });

  it('following, with a cancellation after the split: the new series is POSTed, then that occurrence DELETEd on it', async () => {
    const { local, masterId } = await firstSync();
    const before = seriesShape(masterId);
    await h.editLocal(
      local.id,
      { title: 'Standup v2' },
      { recurrenceId: await recurrenceIdOf(local, 2), scope: 'following' },
    );
    await h.sync();
    const splitId = h.graph.inspect
      .events(h.graphCalendarId)
      .map((json) => json['id'])
      .find((id): id is string => typeof id === 'string' && id !== masterId);
    if (splitId === undefined) throw new Error('no new series on the server');
    expect(writes().filter((write) => write.path.endsWith('/events'))).toEqual([
      { method: 'POST', path: `/me/calendars/${encodeURIComponent(h.graphCalendarId)}/events`, status: 201 },
    ]);
    // 23 March (occurrence 3 of the old series) stays cancelled, now in the new series.
    expect(seriesShape(splitId).starts).toEqual(before.starts.filter((start) => start >= occurrenceStart(2)));
    expect(seriesShape(masterId)).toEqual({
      exceptions: before.exceptions,
      starts: before.starts.filter((start) => start < occurrenceStart(2)),
    });
    await settle();
  });

  it("following deleted: the master's range ends before the occurrence, nothing is created", async () => {
    const { local, masterId } = await firstSync();
    const before = seriesShape(masterId);
    await deleteOccurrence(
      h.db,
      { eventId: local.id, recurrenceId: await recurrenceIdOf(local, 5), scope: 'following' },
      h.ctx,
    );
    await h.sync();
    expect(writes().filter((write) => write.method === 'POST')).toEqual([]);
    expect(writes()[0]).toEqual({ method: 'PATCH', path: eventPath(masterId), status: 200 });
    const kept = seriesShape(masterId);
    expect(kept.exceptions).toEqual(before.exceptions);
    expect(kept.starts).toEqual(before.starts.filter((start) => start < occurrenceStart(5)));
    await settle();
  });
});

describe('412 on a series write', () => {
  it('an occurrence edited here while another client renamed the series: both changes survive (three-way merge)', async () => {
    const { local, masterId } = await firstSync();
    await h.editLocal(
      local.id,
      { location: 'Room 7' },
      { recurrenceId: await recurrenceIdOf(local, 2), scope: 'this' },
    );
    expect(h.graph.store.updateEvent(masterId, { subject: 'Team standup' }).ok).toBe(true);
    const report = await h.sync();
    expect(report.conflicts).toBe(0);
    const occurrence = h.graph.inspect.event(h.graph.seed.occurrenceId(masterId, 2));
    expect(occurrence?.['location']).toMatchObject({ displayName: 'Room 7' });
    expect(h.graph.inspect.event(masterId)?.['subject']).toBe('Team standup');
    await settle();
    const local2 = await h.localEventOf(masterId);
    expect(local2.summary).toBe('Team standup');
    expect(local2.ics).toContain('Room 7');
  });

  it('the series renamed on both sides: a PATCH answered 412, the server title kept and a conflict copy of ours', async () => {
    const { local, masterId } = await firstSync();
    await h.editLocal(
      local.id,
      { title: 'Standup (ours)' },
      { recurrenceId: await recurrenceIdOf(local, 0), scope: 'all' },
    );
    expect(h.graph.store.updateEvent(masterId, { subject: 'Standup (theirs)' }).ok).toBe(true);
    const report = await h.sync();
    expect(h.seen.find((request) => request.method === 'PATCH')?.status).toBe(412);
    expect(report.conflicts).toBe(1);
    expect(h.graph.inspect.event(masterId)?.['subject']).toBe('Standup (theirs)');
    const [copy] = await h.db.conflicts.toArray();
    expect(copy).toMatchObject({ eventId: local.id });
    expect(copy?.localIcs).toContain('SUMMARY:Standup (ours)');
    expect(copy?.serverIcs).toContain('SUMMARY:Standup (theirs)');
    await settle();
    // The exception and the cancellation were never touched by the conflict.
    expect(seriesShape(masterId).exceptions).toEqual([
      { start: Date.UTC(2026, 2, 9, 11), subject: 'Standup (long)' },
    ]);
  });
});
