/**
 * Seeding for tests, through the same write path as POST / PATCH / DELETE: calendars, events in
 * Graph's JSON shape, and series with exceptions and cancellations picked by occurrence number
 * (0 = the first occurrence). Seeding throws on what Graph would refuse, with Graph's code and
 * message, so a broken fixture fails where it is written.
 */
import type { GraphError, Result } from '../graph-error';
import type { JsonObject } from '../json';
import { firstOccurrences } from '../recurrence/expand-series';
import type { CalendarInput } from '../store/calendars';
import { seriesTiming, type EventView } from '../store/event-view';
import { occurrenceId } from '../store/ids';
import type { MailboxStore } from '../store/mailbox-store';
import type { CalendarRecord } from '../store/records';

export interface SeriesEdits {
  /** Occurrences edited into exceptions: `at` is the occurrence number, `patch` a PATCH body. */
  readonly exceptions?: readonly { readonly at: number; readonly patch: JsonObject }[];
  /** Occurrence numbers deleted from the series. */
  readonly cancelled?: readonly number[];
}

export interface SeededSeries {
  readonly master: EventView;
  /** Ids of the edited and cancelled occurrences, by occurrence number. */
  readonly instanceIds: ReadonlyMap<number, string>;
}

export interface SeedApi {
  calendar(input?: CalendarInput): CalendarRecord;
  /** A single event (or a master, when `body.recurrence` is set) in `calendarId` (default calendar). */
  event(body: JsonObject, calendarId?: string): EventView;
  series(body: JsonObject, edits?: SeriesEdits, calendarId?: string): SeededSeries;
  /** The id of occurrence number `at` of a series (whether or not it still exists). */
  occurrenceId(masterId: string, at: number): string;
}

function unwrap<T>(what: string, result: Result<T>): T {
  if (result.ok) return result.value;
  const error: GraphError = result.error;
  throw new Error(
    `Graph test server refused to seed ${what}: ${error.status} ${error.code}: ${error.message}`,
  );
}

export function createSeedApi(store: MailboxStore): SeedApi {
  const occurrenceAt = (masterId: string, at: number): string => {
    const master = store.events.get(masterId);
    const timing = master ? seriesTiming(master) : null;
    const occurrence = timing ? firstOccurrences(timing, at + 1)[at] : undefined;
    if (!occurrence) throw new Error(`Series ${masterId} has no occurrence number ${at}`);
    return occurrenceId(masterId, occurrence.originalStartMs);
  };
  const api: SeedApi = {
    calendar: (input) => store.addCalendar(input),
    event: (body, calendarId) =>
      unwrap('an event', store.createEvent(calendarId ?? store.defaultCalendar().id, body)).view,
    series(body, edits = {}, calendarId) {
      const master = api.event(body, calendarId);
      const instanceIds = new Map<number, string>();
      for (const { at, patch } of edits.exceptions ?? []) {
        const id = occurrenceAt(master.id, at);
        unwrap(`exception ${at}`, store.updateEvent(id, patch));
        instanceIds.set(at, id);
      }
      for (const at of edits.cancelled ?? []) {
        const id = occurrenceAt(master.id, at);
        unwrap(`cancellation ${at}`, store.deleteEvent(id));
        instanceIds.set(at, id);
      }
      return { master: unwrap('the series', store.view(master.id)), instanceIds };
    },
    occurrenceId: occurrenceAt,
  };
  return api;
}
