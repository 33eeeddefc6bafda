/**
 * The "20 changes" workload: another client's edits, made through the test server's one write path
 * (the same as its PATCH / POST / DELETE, etags and delta included) between two syncs: 15 single
 * events (6 renamed, 3 moved by an hour, 3 deleted, 3 created) and 5 in series (an exception added,
 * an exception edited, an occurrence cancelled, a series renamed, a series deleted).
 */
import type { GraphServer, JsonObject } from '../../servers/graph/index';
import { isJsonObject } from '../../servers/graph/json';

export interface ChangeSummary {
  readonly singles: number;
  readonly inSeries: number;
  /** One line per change, for the report. */
  readonly kinds: Readonly<Record<string, number>>;
}

const HOUR_MS = 3_600_000;

function text(json: JsonObject, key: string): string {
  const value = json[key];
  if (typeof value !== 'string') throw new Error(`The test server's event has no ${key}.`);
  return value;
}

/** The instant of an event's `start` or `end` (the test server answers in UTC). */
function timeMs(json: JsonObject, key: 'start' | 'end'): number {
  const time = json[key];
  if (!isJsonObject(time)) throw new Error(`An event without ${key}.`);
  return Date.parse(`${text(time, 'dateTime').slice(0, 19)}Z`);
}

const startMs = (json: JsonObject) => timeMs(json, 'start');

/** Graph's `dateTimeTimeZone` in UTC for an instant. */
function utc(ms: number): JsonObject {
  return { dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' };
}

function unwrap(
  what: string,
  result: { ok: true } | { ok: false; error: { code: string; message: string } },
) {
  if (!result.ok)
    throw new Error(`The test server refused ${what}: ${result.error.code} ${result.error.message}`);
}

/** Applies the 20 changes to the calendars (spread over them); returns what was done. */
export function makeServerChanges(
  graph: GraphServer,
  calendarIds: readonly string[],
  now: number,
): ChangeSummary {
  const kinds: Record<string, number> = {};
  const count = (kind: string) => {
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  };
  const events = calendarIds.flatMap((calendarId) =>
    graph.inspect.events(calendarId).map((json) => ({ json, calendarId })),
  );
  // Timed singles starting in the next weeks (what people edit), nearest first; series that started in
  // the past, so their first occurrences are inside the window.
  const singles = events
    .filter(({ json }) => json['type'] === 'singleInstance' && json['isAllDay'] !== true)
    .filter(({ json }) => startMs(json) > now)
    .sort((a, b) => startMs(a.json) - startMs(b.json));
  const masters = events
    .filter(({ json }) => json['type'] === 'seriesMaster' && startMs(json) < now)
    .sort((a, b) => text(a.json, 'id').localeCompare(text(b.json, 'id')));
  if (singles.length < 12 || masters.length < 5) {
    throw new Error(
      `The mailbox is too small for the 20 changes (${singles.length} single events ahead, ` +
        `${masters.length} series started; 12 and 5 needed): give ALMANAC_BENCH_EVENTS 500 or more.`,
    );
  }
  const store = graph.store;
  singles.slice(0, 6).forEach(({ json }) => {
    unwrap(
      'a rename',
      store.updateEvent(text(json, 'id'), { subject: `${text(json, 'subject')} (renamed)` }),
    );
    count('single renamed');
  });
  singles.slice(6, 9).forEach(({ json }) => {
    const endMs = timeMs(json, 'end');
    unwrap(
      'a move',
      store.updateEvent(text(json, 'id'), { start: utc(startMs(json) + HOUR_MS), end: utc(endMs + HOUR_MS) }),
    );
    count('single moved an hour');
  });
  singles.slice(9, 12).forEach(({ json }) => {
    unwrap('a delete', store.deleteEvent(text(json, 'id')));
    count('single deleted');
  });
  for (let n = 0; n < 3; n += 1) {
    const at = now + (n + 1) * 24 * HOUR_MS + 10 * HOUR_MS;
    const calendarId = calendarIds[n % calendarIds.length] ?? calendarIds[0] ?? '';
    unwrap(
      'a create',
      store.createEvent(calendarId, {
        subject: `Added by another client ${n}`,
        start: utc(at),
        end: utc(at + HOUR_MS),
      }),
    );
    count('single created');
  }
  const seriesIds = masters.slice(0, 5).map(({ json }) => text(json, 'id'));
  const [addException, editException, cancel, rename, remove] = seriesIds as [
    string,
    string,
    string,
    string,
    string,
  ];
  // Occurrence 1 and 3 of a generated series are exceptions already, 2 is cancelled (generate-mailbox.ts).
  unwrap(
    'an exception',
    store.updateEvent(graph.seed.occurrenceId(addException, 4), { subject: 'Exception added elsewhere' }),
  );
  count('series: exception added');
  unwrap(
    'an exception edit',
    store.updateEvent(graph.seed.occurrenceId(editException, 1), { location: { displayName: 'Room 99' } }),
  );
  count('series: exception edited');
  unwrap('a cancellation', store.deleteEvent(graph.seed.occurrenceId(cancel, 5)));
  count('series: occurrence cancelled');
  const renamed = events.find(({ json }) => json['id'] === rename)?.json;
  unwrap(
    'a series rename',
    store.updateEvent(rename, { subject: `${renamed ? text(renamed, 'subject') : ''} (renamed)` }),
  );
  count('series: subject changed');
  unwrap('a series delete', store.deleteEvent(remove));
  count('series: deleted');
  return { singles: 15, inSeries: 5, kinds };
}
