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
});
