// The Graph provider's writes against the Graph test server (docs/sync-rules.md rule 46, issue 11
// point 5): a create sent again with its transactionId makes no second event, PATCH sends only
// what changed with If-Match (412 → conflict), DELETE with If-Match, 403 on a read-only calendar,
// 404 → gone, a series' exceptions and cancellations written on its instances, findByUid by iCalUId
// and by the UID the app created an item under. The iCalendar ⇄ Graph mapping is not under test
// here: the text handed to the writes is the Graph form itself, as JSON.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarUrl } from '../../../../workers/sync/providers/graph/calendars';
import type { GraphEventWrite } from '../../../../workers/sync/providers/graph/graph-types';
import {
  createGraphWrites,
  type GraphWrites,
  type SeriesWrite,
} from '../../../../workers/sync/providers/graph/graph-writes';
import { calendarStates, memoryProviderState } from '../../../../workers/sync/providers/graph/provider-state';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { graphClientFor } from './graph-kit';

const WINDOW = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) };

let graph: GraphServer;
let writes: GraphWrites;
let calendar: { remoteUrl: string };
let calendarId: string;

const at = (day: string, hour: number) => ({
  dateTime: `${day}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

// A write body with the fields these tests set; the server fills in the rest as Graph does.
function body(fields: Partial<GraphEventWrite>): GraphEventWrite {
  return fields as GraphEventWrite;
}

function text(write: SeriesWrite): string {
  return JSON.stringify(write);
}

function single(subject: string, day = '2026-05-04'): SeriesWrite {
  return { event: body({ subject, start: at(day, 10), end: at(day, 11) }), exceptions: [], cancelled: [] };
}

beforeEach(async () => {
  graph = await startGraphServer();
  calendarId = graph.seed.calendar({ name: 'Work' }).id;
  calendar = { remoteUrl: calendarUrl(graph.baseUrl, calendarId) };
  writes = createGraphWrites({
    client: graphClientFor(graph),
    window: () => Promise.resolve(WINDOW),
    states: calendarStates(memoryProviderState(), (url) => url),
    toGraph: (ics) => JSON.parse(ics) as SeriesWrite,
    changedFields: (base, next) =>
      Object.fromEntries(
        Object.entries(next).filter(
          ([key, value]) => JSON.stringify(base[key as keyof GraphEventWrite]) !== JSON.stringify(value),
        ),
      ),
  });
});

afterEach(async () => {
  await graph.stop();
});

describe('create', () => {
  it('a create sent again with the same attempt key (transactionId) returns the first event, no duplicate', async () => {
    const item = { ref: null, uid: 'app-uid-1@almanac', ics: text(single('Lunch')), attemptKey: 'attempt-1' };
    const first = await writes.create(calendar, item);
    const again = await writes.create(calendar, item);
    expect(first.kind).toBe('written');
    expect(again).toEqual(first);
    expect(graph.inspect.events(calendarId)).toHaveLength(1);
    expect(await writes.findByUid(calendar, 'app-uid-1@almanac')).toEqual([
      first.kind === 'written' ? first.ref : '',
    ]);
  });

  it('a recreate (the event gone from its ref) has a transactionId of its own, the same on each attempt', async () => {
    const item = { ref: null, uid: 'app-uid-2@almanac', ics: text(single('Yoga')), attemptKey: 'attempt-2' };
    const first = await writes.create(calendar, item);
    if (first.kind !== 'written') throw new Error('not written');
    expect(graph.inspect.event(first.ref)?.['transactionId']).toBe('attempt-2');
    expect(graph.store.deleteEvent(first.ref).ok).toBe(true);

    const recreate = { ...item, ref: first.ref };
    const again = await writes.create(calendar, recreate);
    const retried = await writes.create(calendar, recreate);
    if (again.kind !== 'written') throw new Error('not recreated');
    expect(again.ref).not.toBe(first.ref);
    expect(retried).toEqual(again);
    const key = graph.inspect.event(again.ref)?.['transactionId'];
    expect(key).toMatch(/^attempt-2-again-[0-9a-f]{16}$/);
    expect(graph.inspect.events(calendarId).map((json) => json['subject'])).toEqual(['Yoga']);
  });

  it('a read-only calendar refuses with a reason', async () => {
    graph.store.setCalendar(calendarId, { canEdit: false });
    const outcome = await writes.create(calendar, {
      ref: null,
      uid: 'u',
      ics: text(single('No')),
      attemptKey: 'a',
    });
    expect(outcome.kind).toBe('forbidden');
  });

  it('writes a series with its exception and cancellation on the instances', async () => {
    const start = Date.UTC(2026, 2, 2, 9);
    const week = 7 * 86_400_000;
    const series: SeriesWrite = {
      event: body({
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: {
            type: 'weekly',
            interval: 1,
            daysOfWeek: ['monday'],
            dayOfMonth: 0,
            month: 0,
            firstDayOfWeek: 'sunday',
            index: 'first',
          },
          range: {
            type: 'numbered',
            startDate: '2026-03-02',
            endDate: '0001-01-01',
            numberOfOccurrences: 4,
            recurrenceTimeZone: 'UTC',
          },
        },
      }),
      exceptions: [{ originalStart: start + week, event: { subject: 'Standup (moved)' } }],
      cancelled: [start + 2 * week],
    };
    const outcome = await writes.create(calendar, {
      ref: null,
      uid: 'series@almanac',
      ics: text(series),
      attemptKey: 's',
    });
    if (outcome.kind !== 'written') throw new Error(outcome.kind);
    expect(outcome.version).toBeNull();
    const instances = graph.inspect.window(WINDOW.start, WINDOW.end, calendarId);
    expect(instances.map((instance) => instance['subject'])).toEqual([
      'Standup',
      'Standup (moved)',
      'Standup',
    ]);
  });
});

describe('update and remove', () => {
  it('a series given a new pattern gets its exceptions and cancellations again (Outlook drops them)', async () => {
    const start = Date.UTC(2026, 2, 2, 9);
    const week = 7 * 86_400_000;
    const recurrence = (count: number) =>
      ({
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['monday'],
          dayOfMonth: 0,
          month: 0,
          firstDayOfWeek: 'sunday',
          index: 'first',
        },
        range: {
          type: 'numbered',
          startDate: '2026-03-02',
          endDate: '0001-01-01',
          numberOfOccurrences: count,
          recurrenceTimeZone: 'UTC',
        },
      }) as const;
    const series = (count: number): SeriesWrite => ({
      event: body({
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: recurrence(count),
      }),
      exceptions: [{ originalStart: start + week, event: { subject: 'Standup (moved)' } }],
      cancelled: [start + 2 * week],
    });
    const created = await writes.create(calendar, {
      ref: null,
      uid: 'longer@almanac',
      ics: text(series(4)),
      attemptKey: 'l',
    });
    if (created.kind !== 'written') throw new Error(created.kind);
    const etag = graph.inspect.event(created.ref)?.['@odata.etag'];
    const updated = await writes.update(calendar, {
      ref: created.ref,
      ics: text(series(5)),
      base: text(series(4)),
      condition: { kind: 'version', version: typeof etag === 'string' ? etag : '' },
    });
    expect(updated.kind).toBe('written');
    const instances = graph.inspect.window(WINDOW.start, WINDOW.end, calendarId);
    expect(instances.map((instance) => instance['subject'])).toEqual([
      'Standup',
      'Standup (moved)',
      'Standup',
      'Standup',
    ]);
  });

  it('PATCHes only the changed fields with If-Match, and a stale version is a conflict (412)', async () => {
    const base = single('Version 1');
    const created = await writes.create(calendar, {
      ref: null,
      uid: 'u2',
      ics: text(base),
      attemptKey: 'a2',
    });
    if (created.kind !== 'written' || created.version === null) throw new Error('not written');
    const next = single('Version 2');
    const updated = await writes.update(calendar, {
      ref: created.ref,
      ics: text(next),
      base: text(base),
      condition: { kind: 'version', version: created.version },
    });
    expect(updated.kind).toBe('written');
    expect(graph.inspect.event(created.ref)?.['subject']).toBe('Version 2');
    const stale = await writes.update(calendar, {
      ref: created.ref,
      ics: text(single('Version 3')),
      base: text(next),
      condition: { kind: 'version', version: created.version },
    });
    expect(stale).toEqual({ kind: 'conflict' });
    expect(graph.stats().byStatus['412']).toBe(1);
    expect(graph.inspect.event(created.ref)?.['subject']).toBe('Version 2');
  });

  it('an update or delete of an event that is gone answers gone; DELETE is conditional', async () => {
    const created = await writes.create(calendar, {
      ref: null,
      uid: 'u3',
      ics: text(single('Bye')),
      attemptKey: 'a3',
    });
    if (created.kind !== 'written' || created.version === null) throw new Error('not written');
    graph.store.updateEvent(created.ref, { subject: 'Edited elsewhere' });
    expect(await writes.remove(calendar, created.ref, { kind: 'version', version: created.version })).toEqual(
      { kind: 'conflict' },
    );
    const etag = graph.inspect.event(created.ref)?.['@odata.etag'];
    const current = typeof etag === 'string' ? etag : '';
    expect((await writes.remove(calendar, created.ref, { kind: 'version', version: current })).kind).toBe(
      'written',
    );
    expect(await writes.remove(calendar, created.ref, { kind: 'version', version: current })).toEqual({
      kind: 'gone',
    });
    expect(
      await writes.update(calendar, {
        ref: created.ref,
        ics: text(single('x')),
        base: null,
        condition: { kind: 'version', version: current },
      }),
    ).toEqual({ kind: 'gone' });
  });
});

describe('findByUid', () => {
  it('finds an event by its iCalUId, exactly', async () => {
    const event = graph.seed.event(
      { subject: 'Elsewhere', start: at('2026-06-01', 9), end: at('2026-06-01', 10) },
      calendarId,
    );
    graph.seed.event({ subject: 'Other', start: at('2026-06-02', 9), end: at('2026-06-02', 10) }, calendarId);
    expect(await writes.findByUid(calendar, event.iCalUId)).toEqual([event.id]);
    expect(await writes.findByUid(calendar, `${event.iCalUId}0`)).toEqual([]);
  });
});
