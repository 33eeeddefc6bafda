// The real engine with the Graph provider that provider-for.ts builds for a Microsoft 365 account,
// against the Graph test server: the same rules as CalDAV (docs/sync-rules.md rules 3, 9, 14 and 51
// through Graph's rules 40–46). Graph is reached directly here as in the worker: no proxy. The setup
// is graph-harness.ts, shared with the other Graph engine tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, deleteOccurrence, moveOccurrence } from '../../../src/core/agenda/commands';
import { queueCreate } from '../../../src/core/agenda/commands/outbox-writes';
import { putEvent } from '../../../src/core/events/event-store';
import type { CoreContext } from '../../../src/core/context';
import { meetingLink } from '../../../src/core/meetings/meeting-link';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { CalendarId } from '../../../src/core/model/ids';
import { getWindow } from '../../../src/core/occurrences/window';
import type { GraphServer } from '../../servers/graph/index';
import {
  at,
  createGraphHarness,
  HOME_ACCOUNT_ID,
  startMs,
  type GraphHarness,
  type GraphSeenRequest,
} from './graph-harness';

let h: GraphHarness;
let graph: GraphServer;
let db: AlmanacDb;
let graphCalendarId: string;
let calendarId: CalendarId;
let ctx: CoreContext;
let seen: GraphSeenRequest[];
let asked: GraphHarness['asked'];

beforeEach(async () => {
  h = await createGraphHarness();
  ({ graph, db, graphCalendarId, calendarId, ctx, seen, asked } = h);
});

afterEach(async () => {
  await h.close();
});

const sync = () => h.sync();
const single: GraphHarness['single'] = (...args) => h.single(...args);
const localEventOf: GraphHarness['localEventOf'] = (remoteId) => h.localEventOf(remoteId);
const editLocal: GraphHarness['editLocal'] = (...args) => h.editLocal(...args);

describe('Graph through the engine', () => {
  it('rules 42 and 23: the first sync brings a single and a series with an exception and a cancellation, occurrences as Graph lists them', async () => {
    single('Dentist');
    const series = graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 6 },
        },
      },
      {
        exceptions: [
          {
            at: 1,
            patch: { subject: 'Standup (long)', start: at('2026-03-09', 11), end: at('2026-03-09', 12) },
          },
        ],
        cancelled: [3],
      },
      graphCalendarId,
    );
    const report = await sync();
    expect(report).toMatchObject({ skipped: false, pulled: 2, setAside: 0 });

    const events = await db.events.where('calendarId').equals(calendarId).toArray();
    expect(events.map((event) => event.summary).sort()).toEqual(['Dentist', 'Standup']);
    expect((await localEventOf(series.master.id)).recurring).toBe(true);

    const window = await getWindow(db, ctx);
    const expected = graph.inspect
      .window(window.from, window.to, graphCalendarId)
      .map((json) => ({ start: startMs(json), summary: json['subject'] }))
      .sort((a, b) => a.start - b.start);
    const occurrences = (await db.occurrences.where('calendarId').equals(calendarId).toArray())
      .map((occurrence) => ({ start: occurrence.start, summary: occurrence.summary }))
      .sort((a, b) => a.start - b.start);
    expect(expected).toHaveLength(1 + 5);
    expect(occurrences).toEqual(expected);
  });

  it('rules 14 and 46: a local edit reaches the server as a PATCH with If-Match', async () => {
    const remote = single('Lunch');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Lunch with Ana' });
    seen.length = 0;
    await sync();
    const patch = seen.find((request) => request.method === 'PATCH');
    expect(patch?.url).toContain(encodeURIComponent(remote.id));
    expect(patch?.ifMatch).toBeTruthy();
    expect(graph.inspect.event(remote.id)?.['subject']).toBe('Lunch with Ana');
    expect(await db.outbox.count()).toBe(0);
  });

  it('rule 43: a server edit arrives', async () => {
    const remote = single('Lunch');
    await sync();
    const updated = graph.store.updateEvent(remote.id, {
      subject: 'Lunch moved',
      location: { displayName: 'Room 4' },
    });
    expect(updated.ok).toBe(true);
    await sync();
    const local = await localEventOf(remote.id);
    expect(local.summary).toBe('Lunch moved');
    expect(local.ics).toContain('Room 4');
  });

  it('rules 46 and 3: 412 → three-way merge; changes to different properties both survive', async () => {
    const remote = single('Meeting');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Meeting (moved to B)' });
    expect(graph.store.updateEvent(remote.id, { location: { displayName: 'Room 4' } }).ok).toBe(true);
    seen.length = 0;
    const report = await sync();
    expect(seen.filter((request) => request.method === 'PATCH').map((request) => request.status)).toEqual([
      412, 200,
    ]);
    expect(report).toMatchObject({ conflicts: 0 });
    const onServer = graph.inspect.event(remote.id);
    expect(onServer?.['subject']).toBe('Meeting (moved to B)');
    expect(onServer?.['location']).toMatchObject({ displayName: 'Room 4' });
    const after = await localEventOf(remote.id);
    expect(after.summary).toBe('Meeting (moved to B)');
    expect(after.ics).toContain('Room 4');
    expect(await db.outbox.count()).toBe(0);
  });

  it('rules 46 and 3: the same property changed on both sides keeps the server value and a restorable conflict copy', async () => {
    const remote = single('Lunch');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Lunch with Ana' });
    expect(graph.store.updateEvent(remote.id, { subject: 'Lunch with Bo' }).ok).toBe(true);
    seen.length = 0;
    const report = await sync();
    expect(seen.find((request) => request.method === 'PATCH')?.status).toBe(412);
    expect(report.conflicts).toBe(1);
    expect((await localEventOf(remote.id)).summary).toBe('Lunch with Bo');
    expect(graph.inspect.event(remote.id)?.['subject']).toBe('Lunch with Bo');
    const [copy] = await db.conflicts.toArray();
    expect(copy).toMatchObject({ eventId: local.id, fields: expect.arrayContaining(['SUMMARY']) as unknown });
    expect(copy?.localIcs).toContain('SUMMARY:Lunch with Ana');
    expect(copy?.serverIcs).toContain('SUMMARY:Lunch with Bo');
    expect(await db.outbox.count()).toBe(0);
  });

  it('rules 14 and 46: a local delete reaches the server with If-Match', async () => {
    const remote = single('Cancelled lunch');
    const kept = single('Kept');
    await sync();
    const local = await localEventOf(remote.id);
    await deleteOccurrence(db, { eventId: local.id, recurrenceId: null, scope: 'all' }, ctx);
    seen.length = 0;
    await sync();
    expect(seen.find((request) => request.method === 'DELETE')?.ifMatch).toBeTruthy();
    expect(graph.inspect.event(remote.id)).toBeNull();
    expect(graph.inspect.events(graphCalendarId).map((json) => json['id'])).toEqual([kept.id]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rule 4: deleted on the server and edited here, the edit is created again, under a transactionId of its own', async () => {
    const remote = single('Lunch');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Lunch with Ana' });
    expect(graph.store.deleteEvent(remote.id).ok).toBe(true);
    await sync();
    const [again, ...others] = graph.inspect.events(graphCalendarId);
    expect(others).toEqual([]);
    expect(again?.['subject']).toBe('Lunch with Ana');
    expect(again?.['transactionId']).toMatch(/-again-[0-9a-f]{16}$/);
    const events = await db.events.where('calendarId').equals(calendarId).toArray();
    expect(events.map((event) => [event.summary, event.href])).toEqual([['Lunch with Ana', again?.['id']]]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rule 51: a token Graph refuses twice → AppError auth, and the edit stays in the outbox', async () => {
    const remote = single('Lunch');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Lunch with Ana' });
    graph.auth.expire(graph.token);
    asked.length = 0;
    await expect(sync()).rejects.toMatchObject({ kind: 'auth' });
    expect(asked).toEqual([
      { homeAccountId: HOME_ACCOUNT_ID, refused: undefined },
      { homeAccountId: HOME_ACCOUNT_ID, refused: graph.token },
    ]);
    expect(await db.outbox.count()).toBe(1);
    expect((await localEventOf(remote.id)).summary).toBe('Lunch with Ana');
    expect(graph.inspect.event(remote.id)?.['subject']).toBe('Lunch');
  });

  it("rules 3, 46: a series moved here whose exception keeps its own time, which Outlook cannot place, still syncs, and the user's version is kept as a copy saying why (found by the convergence test)", async () => {
    const series = graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
        },
      },
      {
        exceptions: [
          {
            at: 1,
            patch: { subject: 'Standup (late)', start: at('2026-03-03', 11), end: at('2026-03-03', 12) },
          },
        ],
      },
      graphCalendarId,
    );
    await sync();
    const local = await localEventOf(series.master.id);
    // "All events" one day later: the app moves the override's RECURRENCE-ID to 4 March and leaves
    // it at 3 March 11:00, where the user put it: on the new first occurrence's day.
    await moveOccurrence(
      db,
      {
        eventId: local.id,
        recurrenceId: null,
        start: Date.UTC(2026, 2, 3, 9),
        end: Date.UTC(2026, 2, 3, 10),
        allDay: false,
        scope: 'all',
      },
      ctx,
    );
    await sync();
    await sync();
    expect(await db.outbox.count()).toBe(0);
    const window = await getWindow(db, ctx);
    const server = graph.inspect
      .window(window.from, window.to, graphCalendarId)
      .map((json) => {
        const subject = json['subject'];
        return `${new Date(startMs(json)).toISOString()} ${typeof subject === 'string' ? subject : ''}`;
      })
      .sort();
    // The exception's title survives at its place in the pattern.
    expect(server).toEqual([
      '2026-03-03T09:00:00.000Z Standup',
      '2026-03-04T09:00:00.000Z Standup (late)',
      '2026-03-05T09:00:00.000Z Standup',
      '2026-03-06T09:00:00.000Z Standup',
    ]);
    const here = (await db.occurrences.where('calendarId').equals(calendarId).toArray())
      .map((occurrence) => `${new Date(occurrence.start).toISOString()} ${occurrence.summary}`)
      .sort();
    expect(here).toEqual(server);
    // …and the time Outlook would not take is not lost in silence: the user's version is a copy that
    // says why (rule 3).
    const copies = await db.conflicts.where('calendarId').equals(calendarId).toArray();
    expect(copies.map((copy) => copy.reason)).toEqual(['placement-refused']);
    expect(copies[0]?.localIcs).toContain('Standup (late)');
  });

  it('rule 3: two conflict copies of one event in one sync are both kept (a title changed on both sides, and a time Outlook will not place; found by the convergence test)', async () => {
    const series = graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
        },
      },
      {
        exceptions: [
          {
            at: 1,
            patch: { subject: 'Standup (late)', start: at('2026-03-03', 11), end: at('2026-03-03', 12) },
          },
        ],
      },
      graphCalendarId,
    );
    await sync();
    const local = await localEventOf(series.master.id);
    graph.store.updateEvent(series.master.id, { subject: 'Standup (theirs)' });
    await editLocal(local.id, { title: 'Standup (mine)' });
    await moveOccurrence(
      db,
      {
        eventId: local.id,
        recurrenceId: null,
        start: Date.UTC(2026, 2, 3, 9),
        end: Date.UTC(2026, 2, 3, 10),
        allDay: false,
        scope: 'all',
      },
      ctx,
    );
    await sync();
    const copies = await db.conflicts.where('calendarId').equals(calendarId).toArray();
    expect(copies).toHaveLength(2);
    expect(copies.some((copy) => copy.localIcs.includes('SUMMARY:Standup (mine)'))).toBe(true);
  });

  it("rule 4: an edited series the other client deleted is recreated, and after a recreate cut short the event keeps its UID here (Graph's item is read under it; found by the convergence test)", async () => {
    const series = graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
        },
      },
      { exceptions: [{ at: 1, patch: { subject: 'Standup (long)' } }] },
      graphCalendarId,
    );
    await sync();
    const local = await localEventOf(series.master.id);
    graph.store.deleteEvent(series.master.id);
    await editLocal(local.id, { title: 'Standup, kept' });
    // The recreate's POST goes through; its exception's PATCH never reaches the server.
    let cut = false;
    h.middleware.push((request, next) => {
      if (cut || request.method !== 'PATCH') return next();
      cut = true;
      return Promise.reject(new TypeError('fetch failed'));
    });
    await expect(sync()).rejects.toMatchObject({ kind: 'network' });
    await sync();
    expect(await db.outbox.count()).toBe(0);
    const masters = graph.inspect.events(graphCalendarId);
    expect(masters.map((json) => json['subject'])).toEqual(['Standup, kept']);
    const here = await db.events.where('calendarId').equals(calendarId).toArray();
    expect(here.map((event) => [event.summary, event.uid])).toEqual([['Standup, kept', local.uid]]);
  });

  it("issue 11: a Teams meeting arrives with the link its 'Join' opens, and keeps it through an edit here", async () => {
    const remote = single('Planning', { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    const joinUrl = (graph.inspect.event(remote.id)?.['onlineMeeting'] as { joinUrl?: string } | null)
      ?.joinUrl;
    expect(joinUrl).toMatch(/^https:\/\//);
    await sync();
    expect(meetingLink(await localEventOf(remote.id))).toEqual({ url: joinUrl, provider: 'teams' });

    await editLocal((await localEventOf(remote.id)).id, { title: 'Planning (moved)' });
    await sync();
    expect(graph.inspect.event(remote.id)?.['isOnlineMeeting']).toBe(true);
    expect(meetingLink(await localEventOf(remote.id))).toEqual({ url: joinUrl, provider: 'teams' });
  });

  it('rule 15: an event whose repeat Outlook cannot store is undone and kept as a copy saying why, and the rest of the calendar syncs on', async () => {
    // As an import does: the event stored with its text, its create queued.
    const hourly = await putEvent(
      db,
      {
        calendarId,
        ics: [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//test//EN',
          'BEGIN:VEVENT',
          'UID:every-hour',
          'DTSTAMP:20260301T080000Z',
          'DTSTART:20260310T090000Z',
          'DTEND:20260310T091500Z',
          'RRULE:FREQ=HOURLY;COUNT=3',
          'SUMMARY:Check the oven',
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      },
      ctx,
    );
    await queueCreate(db, hourly, ctx.now());
    await createEvent(
      db,
      {
        calendarId,
        draft: {
          title: 'Planning',
          location: '',
          description: '',
          timing: { allDay: false, start: '2026-03-12T10:00', end: '2026-03-12T11:00', timeZone: 'UTC' },
          repeat: null,
        },
      },
      ctx,
    );

    const report = await sync();

    // The other change went through; nothing of the hourly event reached Outlook.
    expect(graph.inspect.events(graphCalendarId).map((json) => json['subject'])).toEqual(['Planning']);
    expect(report.pushed).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.events.get(hourly)).toBeUndefined();
    const copies = await db.conflicts.where('calendarId').equals(calendarId).toArray();
    expect(copies).toEqual([
      expect.objectContaining({ uid: 'every-hour', reason: 'unsupported-recurrence', detail: 'frequency' }),
    ]);
    expect(copies[0]?.localIcs).toContain('RRULE:FREQ=HOURLY;COUNT=3');
    const state = await db.syncState.get(calendarId);
    expect(state?.status.phase).not.toBe('error');
  });

  it('rule 9: nothing changed costs one request', async () => {
    single('Dentist');
    graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 10 },
        },
      },
      {},
      graphCalendarId,
    );
    await sync();
    const before = graph.stats().requests;
    const report = await sync();
    expect(report).toMatchObject({ skipped: false, pulled: 0, pushed: 0, requests: 1 });
    expect(graph.stats().requests - before).toBe(1);
  });
});
