/**
 * The "other client" of a Microsoft 365 calendar: changes made through the Graph test server's own
 * write path (`store`, exactly another client's POST / PATCH / DELETE: change keys, etags and delta
 * included; no faults), and the calendar read back for the checks.
 *
 * Identity: Graph gives every event its own iCalUId, and an event this app created keeps the app's
 * UID only in the provider's state. The harness names each server event by who made it: the
 * iCalUId for the other client's, and for the app's the UID of the local event whose id begins the
 * create's `transactionId` (the engine's attempt key; a recreate adds a suffix of the provider's).
 * A create sent twice is then the same name twice.
 *
 * Content: Graph and iCalendar are two shapes of one event, so "local equals server" compares what
 * a user sees: every instance in the materialised window (start, end, title, place), the server's
 * as Graph expands the series, the local one as the app materialised it.
 */
import type { GraphServer, JsonObject, JsonValue } from '../../servers/graph/index';
import type { EventView } from '../../servers/graph/index';
import { parseOccurrenceId } from '../../servers/graph/store/ids';
import type { EventRecord as GraphRecord } from '../../servers/graph/store/records';
import { instanceCancelled, instanceTitle, type ObjectFields } from './ics-fields';

const HOUR = 3_600_000;
const SERVER_LOCATION = 'Bern, Bundesplatz';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export interface GraphServerEntry {
  /** The event's id: a single's or a series master's. */
  readonly id: string;
  readonly fields: ObjectFields;
  readonly recurring: boolean;
}

export interface Span {
  readonly from: number;
  readonly to: number;
}

const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const utc = (ms: number) => ({ dateTime: wall(ms), timeZone: 'UTC' });

/** One instance as the comparison reads it, on either side. */
export function instanceLine(start: number, end: number, title: string, place: string): string {
  return JSON.stringify([start, end, title, place]);
}

function viewLine(view: EventView): string {
  const place = view.content.location['displayName'];
  return instanceLine(
    view.timing.startMs,
    view.timing.endMs,
    view.content.subject,
    typeof place === 'string' ? place : '',
  );
}

function expectOk<T>(what: string, result: { ok: true; value: T } | { ok: false; error: { code: string } }) {
  if (!result.ok) throw new Error(`server-side ${what} refused: ${result.error.code}`);
  return result.value;
}

export function graphServerSide(options: {
  readonly graph: GraphServer;
  readonly calendarId: string;
  /** The harness's name of a local event by a create's transactionId, if it knows it. */
  readonly identityOf: (transactionId: string) => string | undefined;
  /** The materialised window the instances are compared over. */
  readonly window: () => Promise<Span>;
}) {
  const { graph, calendarId } = options;
  const { store } = graph;

  const identity = (record: GraphRecord): string =>
    record.transactionId !== null
      ? (options.identityOf(record.transactionId) ?? `transaction:${record.transactionId}`)
      : record.iCalUId;

  const records = (): GraphRecord[] =>
    [...store.events.values()].filter((record) => record.calendarId === calendarId);

  const instances = (record: GraphRecord, span: Span): EventView[] =>
    expectOk('listing instances', store.instancesOf(record.id, span.from, span.to)).slice();

  function fieldsOf(record: GraphRecord, span: Span): ObjectFields {
    const views = record.recurrence
      ? instances(record, span)
      : [expectOk('reading an event', store.view(record.id))];
    return {
      uid: identity(record),
      summary: record.content.subject,
      start: String(record.timing.startMs),
      projection: views.map(viewLine).sort().join('\n'),
      instances: [
        ...[...record.exceptions.values()].map((exception) => instanceTitle(exception.content.subject)),
        ...[...record.cancelled].map(instanceCancelled),
      ].sort(),
    };
  }

  const recordOf = (id: string): GraphRecord => {
    const record = store.events.get(id);
    if (!record) throw new Error(`server-side: no event ${id}`);
    return record;
  };

  const isObject = (value: JsonValue | undefined): value is JsonObject =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const recurrenceJson = (id: string): JsonObject | null => {
    const recurrence = graph.inspect.event(id)?.['recurrence'];
    return isObject(recurrence) ? recurrence : null;
  };

  return {
    /**
     * The calendar's events (singles and series masters). A series whose every occurrence was
     * cancelled has an empty projection: it shows nothing to any client (delta lists instances, never
     * a master: docs/sync-rules.md rule 42).
     */
    async list(): Promise<GraphServerEntry[]> {
      const span = await options.window();
      return records().map((record) => ({
        id: record.id,
        fields: fieldsOf(record, span),
        recurring: record.recurrence !== null,
      }));
    },
    /** A single event, or a daily series of 4 whose second occurrence moved 2 h later with its own title. */
    async create(summary: string, startMs: number, recurring: boolean): Promise<ObjectFields> {
      const body: JsonObject = {
        subject: summary,
        start: utc(startMs),
        end: utc(startMs + HOUR),
        location: { displayName: SERVER_LOCATION },
        ...(recurring
          ? {
              recurrence: {
                pattern: { type: 'daily', interval: 1 },
                range: { type: 'numbered', startDate: wall(startMs).slice(0, 10), numberOfOccurrences: 4 },
              },
            }
          : {}),
      };
      const made = expectOk('create', store.createEvent(calendarId, body));
      if (recurring) {
        const second = graph.seed.occurrenceId(made.view.id, 1);
        const secondStart = startMs + 24 * HOUR + 2 * HOUR;
        expectOk(
          'exception',
          store.updateEvent(second, {
            subject: `${summary} (moved once)`,
            start: utc(secondStart),
            end: utc(secondStart + HOUR),
          }),
        );
      }
      return fieldsOf(recordOf(made.view.id), await options.window());
    },
    async edit(entry: GraphServerEntry, summary: string): Promise<ObjectFields> {
      expectOk('edit', store.updateEvent(entry.id, { subject: summary }));
      return fieldsOf(recordOf(entry.id), await options.window());
    },
    /** Moves the event; a series starts on the new day (its exceptions and cancellations go, as in Outlook). */
    async retime(entry: GraphServerEntry, startMs: number): Promise<ObjectFields> {
      const recurrence = entry.recurring ? recurrenceJson(entry.id) : null;
      const pattern = recurrence?.['pattern'];
      const range = recurrence?.['range'];
      const body: JsonObject = {
        start: utc(startMs),
        end: utc(startMs + HOUR),
        ...(isObject(pattern) && isObject(range)
          ? {
              recurrence: {
                pattern:
                  pattern['type'] === 'weekly'
                    ? { ...pattern, daysOfWeek: [WEEKDAYS[new Date(startMs).getUTCDay()] ?? 'monday'] }
                    : pattern,
                range: { ...range, startDate: wall(startMs).slice(0, 10) },
              },
            }
          : {}),
      };
      expectOk('retime', store.updateEvent(entry.id, body));
      return fieldsOf(recordOf(entry.id), await options.window());
    },
    delete(entry: GraphServerEntry): void {
      expectOk('delete', store.deleteEvent(entry.id));
    },
    /** The instances of a series in the window (occurrences and exceptions), by start. */
    async instancesOf(entry: GraphServerEntry): Promise<EventView[]> {
      const list = instances(recordOf(entry.id), await options.window());
      return list.sort((a, b) => a.timing.startMs - b.timing.startMs);
    },
    /** One occurrence gets its own title: an exception. */
    editOne(instanceId: string, summary: string): void {
      expectOk('edit one occurrence', store.updateEvent(instanceId, { subject: summary }));
    },
    cancelOne(instanceId: string): void {
      expectOk('cancel one occurrence', store.deleteEvent(instanceId));
    },
    /** The harness's name of the server event with this id (a single's or a master's), if it exists. */
    identityOfId(id: string): string | undefined {
      const record = store.events.get(id);
      return record ? identity(record) : undefined;
    },
    /** The identity of the event a request path names (`/me/events/{id}`, an instance's master), if any. */
    identityAt(path: string): string | undefined {
      const match = /\/events\/([^/?]+)/.exec(path);
      if (!match?.[1]) return undefined;
      const id = decodeURIComponent(match[1]);
      const record = store.events.get(parseOccurrenceId(id)?.masterId ?? id);
      return record ? identity(record) : undefined;
    },
  };
}

export type GraphServerSide = ReturnType<typeof graphServerSide>;
