/**
 * A series rebuilt by seriesToIcal expands (src/core/ical/expand.ts, the app's own expansion) to
 * exactly the instances the Graph test server lists for the window: same starts, same ends, the
 * exceptions' own fields, no cancelled occurrence (docs/sync-rules.md rules 42 and 45).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandEvent } from '../../../../../src/core/ical/expand';
import { readGraphEvent, type GraphEvent } from '../../../../../workers/sync/providers/graph/graph-types';
import { seriesToIcal } from '../../../../../workers/sync/providers/graph/graph-to-ical';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../../servers/graph/index';

let graph: GraphServer;

beforeAll(async () => {
  graph = await startGraphServer();
});

afterAll(async () => {
  await graph.stop();
});

const WINDOW = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };

interface Seen {
  readonly start: string;
  readonly end: string;
  readonly summary: string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** What the server lists for the window, as starts, ends and subjects. */
function serverInstances(listed: readonly GraphEvent[]): Seen[] {
  return listed
    .map((event) => ({
      start: new Date(`${event.start.dateTime.slice(0, 19)}Z`).toISOString().slice(0, 16),
      end: new Date(`${event.end.dateTime.slice(0, 19)}Z`).toISOString().slice(0, 16),
      summary: event.subject ?? '',
    }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

function rebuilt(
  masterId: string,
  options: { trimOccurrences?: boolean } = {},
): { ics: string; listed: GraphEvent[] } {
  const master = readGraphEvent(graph.inspect.event(masterId));
  const listed = graph.inspect
    .window(WINDOW.from, WINDOW.to)
    .map((json) => readGraphEvent(json))
    .filter((event) => event.seriesMasterId === masterId);
  const instances = options.trimOccurrences
    ? listed.map((event) =>
        event.type === 'occurrence'
          ? readGraphEvent({
              id: event.id,
              type: event.type,
              seriesMasterId: masterId,
              start: event.start,
              end: event.end,
            })
          : event,
      )
    : listed;
  return { ics: seriesToIcal({ master, instances, window: WINDOW }), listed };
}

function expanded(ics: string): Seen[] {
  const { instances, warnings } = expandEvent(ics, WINDOW, 'UTC', { minInstancesAfterWindow: 0 });
  expect(warnings).toEqual([]);
  return instances.map((instance) => ({
    start: iso(instance.start),
    end: iso(instance.end),
    summary: instance.summary,
  }));
}

function seed(body: JsonObject, edits: Parameters<GraphServer['seed']['series']>[1] = {}): string {
  return graph.seed.series(body, edits).master.id;
}

describe('seriesToIcal expands to what Graph lists', () => {
  it('a weekly series in Europe/Paris across both DST changes, with two exceptions and a cancellation', () => {
    const id = seed(
      {
        subject: 'Standup',
        start: { dateTime: '2025-03-03T09:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2025-03-03T09:30:00', timeZone: 'Romance Standard Time' },
        recurrence: {
          pattern: {
            type: 'weekly',
            interval: 1,
            daysOfWeek: ['monday', 'thursday'],
            firstDayOfWeek: 'monday',
          },
          range: { type: 'endDate', startDate: '2025-03-03', endDate: '2025-11-06' },
        },
      },
      {
        exceptions: [
          {
            at: 3,
            patch: {
              subject: 'Standup (moved)',
              start: { dateTime: '2025-03-13T11:00:00', timeZone: 'Romance Standard Time' },
              end: { dateTime: '2025-03-13T11:30:00', timeZone: 'Romance Standard Time' },
            },
          },
          { at: 20, patch: { subject: 'Standup with guests' } },
        ],
        cancelled: [8],
      },
    );
    const { ics, listed } = rebuilt(id);
    expect(ics).toMatch(/^RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20251106T225959Z\r?$/m);
    expect(ics).toContain('TZID=Europe/Paris');
    expect(ics.match(/^EXDATE/gm)).toHaveLength(1);
    expect(ics.match(/^RECURRENCE-ID/gm)).toHaveLength(2);
    const seen = expanded(ics);
    expect(seen).toEqual(serverInstances(listed));
    // 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(seen.map((instance) => instance.start.slice(11))).toContain('07:00');
    expect(seen.map((instance) => instance.start.slice(11))).toContain('08:00');
  });

  it('a weekly series in America/New_York across both DST changes, occurrences trimmed as delta gives them', () => {
    const id = seed(
      {
        subject: 'Sync',
        start: { dateTime: '2025-02-04T16:30:00', timeZone: 'Eastern Standard Time' },
        end: { dateTime: '2025-02-04T17:15:00', timeZone: 'Eastern Standard Time' },
        recurrence: {
          pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday' },
          range: { type: 'noEnd', startDate: '2025-02-04' },
        },
      },
      {
        exceptions: [
          { at: 5, patch: { subject: 'Sync (room change)' } },
          {
            at: 9,
            patch: {
              subject: 'Sync, longer',
              end: { dateTime: '2025-06-10T18:00:00', timeZone: 'Eastern Standard Time' },
            },
          },
        ],
        cancelled: [12],
      },
    );
    const { ics, listed } = rebuilt(id, { trimOccurrences: true });
    expect(ics).toContain('DTSTART;TZID=America/New_York:20250204T163000');
    const seen = expanded(ics);
    expect(seen).toEqual(serverInstances(listed));
    expect(new Set(seen.map((instance) => instance.start.slice(11)))).toEqual(new Set(['21:30', '20:30']));
  });

  it('an all-day series over two days each, monthly on the last Tuesday or Wednesday', () => {
    const id = seed(
      {
        subject: 'Review days',
        isAllDay: true,
        start: { dateTime: '2025-01-01T00:00:00', timeZone: 'UTC' },
        end: { dateTime: '2025-01-03T00:00:00', timeZone: 'UTC' },
        recurrence: {
          pattern: {
            type: 'relativeMonthly',
            interval: 1,
            daysOfWeek: ['tuesday', 'wednesday'],
            index: 'last',
          },
          range: { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 10 },
        },
      },
      { exceptions: [{ at: 2, patch: { subject: 'Review days (short)' } }], cancelled: [4, 6] },
    );
    const { ics, listed } = rebuilt(id);
    expect(ics).toMatch(/^DTSTART;VALUE=DATE:20250129\r?$/m);
    expect(ics.match(/^EXDATE;VALUE=DATE/gm)).toHaveLength(2);
    expect(expanded(ics)).toEqual(serverInstances(listed));
  });

  it('yearly and monthly series by day of month, in Asia/Tokyo', () => {
    for (const pattern of [
      { type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 28 },
      { type: 'absoluteMonthly', interval: 2, dayOfMonth: 31 },
      { type: 'relativeYearly', interval: 1, month: 11, daysOfWeek: ['thursday'], index: 'fourth' },
      { type: 'daily', interval: 3 },
    ]) {
      const id = seed({
        subject: `By ${pattern.type}`,
        start: { dateTime: '2024-12-20T08:00:00', timeZone: 'Tokyo Standard Time' },
        end: { dateTime: '2024-12-20T09:00:00', timeZone: 'Tokyo Standard Time' },
        recurrence: { pattern, range: { type: 'endDate', startDate: '2024-12-20', endDate: '2025-12-31' } },
      });
      const { ics, listed } = rebuilt(id);
      expect(serverInstances(listed).length).toBeGreaterThan(0);
      expect(expanded(ics)).toEqual(serverInstances(listed));
    }
  });

  it('does not take an occurrence near the window edge for a cancelled one', () => {
    const id = seed(
      {
        subject: 'Edge',
        start: { dateTime: '2025-12-17T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2025-12-17T11:00:00', timeZone: 'UTC' },
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'] },
          range: { type: 'numbered', startDate: '2025-12-17', numberOfOccurrences: 6 },
        },
      },
      {
        exceptions: [
          {
            at: 2,
            patch: {
              start: { dateTime: '2026-01-02T09:00:00', timeZone: 'UTC' },
              end: { dateTime: '2026-01-02T10:00:00', timeZone: 'UTC' },
            },
          },
        ],
      },
    );
    // The occurrence of 31 December moved past the window's end: Graph does not list it there, and
    // it is not cancelled.
    const { ics, listed } = rebuilt(id);
    expect(listed.map((event) => event.start.dateTime.slice(0, 10))).toEqual(['2025-12-17', '2025-12-24']);
    expect(ics).not.toContain('EXDATE');
  });
});
