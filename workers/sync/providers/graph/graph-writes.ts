/**
 * The Graph provider's writes (issue 11 point 5; docs/sync-rules.md rule 46):
 * - create: `POST /me/calendars/{id}/events` with `transactionId` = the outbox entry's attempt key, so
 *   a create sent again after a lost answer returns the first event instead of a second ("event
 *   resource type", `transactionId`): the client sends it once more when its connection drops before
 *   the answer, and a later sync sends it with the same key (a recreate has a key of its own:
 *   `transactionIdOf`); then a series' exceptions and cancellations as PATCH / DELETE on its
 *   instances (Graph creates a series without them);
 * - this / following / all (src/core/ical/recurring-edit.ts) arrive as whole texts: one occurrence
 *   edited or cancelled → a PATCH or DELETE of that instance (its id from `/instances` by original
 *   start); all → a PATCH of the master's changed fields; following → the master's range ended (a
 *   PATCH of `recurrence`, whose exceptions and cancellations are then written again) and the new
 *   series created like any other;
 * - update: `PATCH` of the changed fields only, `If-Match` the version (the master's or single's
 *   `@odata.etag`): 412 → conflict, 404 → gone, 403 → forbidden; exceptions and cancellations new in
 *   the text follow on the instances. A change to exceptions alone checks the master's etag first, so
 *   no write is unconditional;
 * - remove: `DELETE` with `If-Match`;
 * - findByUid: `$filter=iCalUId eq '…'` on the calendar's events, plus the items this provider created
 *   under a UID of the app's (Graph gives every event its own iCalUId, so the app's UID is kept here,
 *   in the provider's state, never in the event's text).
 * A write followed by instance writes answers version null: the engine reads the item before its next
 * write instead of trusting an etag that the instance writes moved.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import type {
  CreateItem,
  ItemRef,
  RemoteCalendarRef,
  UpdateItem,
  WriteCondition,
  RefusedPart,
  WriteOutcome,
} from '../calendar-provider';
import { calendarIdOf } from './calendars';
import type { SyncWindow } from './delta-round';
import { graphErrorOf, isRecord, unexpectedAnswer, type GraphAnswer, type GraphClient } from './graph-client';
import { readGraphCollectionPage, type GraphEventWrite } from './graph-types';
import type { CalendarStates } from './provider-state';
import { isUnsupportedRecurrenceError } from './unsupported-recurrence';

/** An item's text as Graph writes: the event (a single or a master), its exceptions and cancellations. */
export interface SeriesWrite {
  readonly event: GraphEventWrite;
  /** By original start (epoch ms): the fields an exception sets over the master's. */
  readonly exceptions: readonly {
    readonly originalStart: number;
    readonly event: Partial<GraphEventWrite>;
  }[];
  /** Original starts (epoch ms) of the occurrences the text cancels (EXDATE). */
  readonly cancelled: readonly number[];
}

export interface GraphWritesDeps {
  readonly client: GraphClient;
  readonly window: () => Promise<SyncWindow>;
  readonly states: CalendarStates;
  /** iCalendar → Graph (ical-to-graph.ts), adapted to SeriesWrite. */
  readonly toGraph: (ics: string) => SeriesWrite;
  /** The fields of `next` that differ from `base` (ical-to-graph.ts `changedFields`). */
  readonly changedFields: (base: GraphEventWrite, next: GraphEventWrite) => Partial<GraphEventWrite>;
}

export interface GraphWrites {
  create(calendar: RemoteCalendarRef, item: CreateItem): Promise<WriteOutcome>;
  update(calendar: RemoteCalendarRef, item: UpdateItem): Promise<WriteOutcome>;
  remove(calendar: RemoteCalendarRef, ref: ItemRef, condition: WriteCondition): Promise<WriteOutcome>;
  findByUid(calendar: RemoteCalendarRef, uid: string): Promise<ItemRef[]>;
}

const eventPath = (id: string) => `/me/events/${encodeURIComponent(id)}`;

function etagOf(answer: GraphAnswer): string | null {
  const etag = isRecord(answer.body) ? answer.body['@odata.etag'] : undefined;
  return typeof etag === 'string' ? etag : (answer.headers.get('etag') ?? null);
}

function written(ref: string, version: string | null, refused: readonly RefusedPart[]): WriteOutcome {
  return { kind: 'written', ref, version, ...(refused.length > 0 ? { refused } : {}) };
}

/** Graph refused to move an occurrence onto or past a neighbour's day ("Update event"). */
function crossesNeighbour(answer: GraphAnswer): boolean {
  return answer.status === 400 && graphErrorOf(answer).code === 'ErrorOccurrenceCrossingBoundary';
}

/** The outcome of a refused conditional write, or null when the answer is not one of them. */
function refusal(answer: GraphAnswer): WriteOutcome | null {
  if (answer.status === 412 || answer.status === 409) return { kind: 'conflict' };
  if (answer.status === 404 || answer.status === 410) return { kind: 'gone' };
  if (answer.status === 403) {
    const { code, message } = graphErrorOf(answer);
    return { kind: 'forbidden', reason: message || code || 'Microsoft 365 refused the change.' };
  }
  return null;
}

/**
 * The `transactionId` of a create: the attempt key; for a recreate (the engine names the ref the item
 * had and lost, docs/sync-rules.md rule 4) a key of its own, the same on each of its attempts. Graph
 * does not say what it answers a key it saw for an event since deleted, so it never sees one again.
 */
async function transactionIdOf(item: CreateItem): Promise<string> {
  if (item.ref === null) return item.attemptKey;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(item.ref));
  const hex = [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0'));
  return `${item.attemptKey}-again-${hex.join('')}`;
}

function unreadableText(cause: unknown): AppError {
  return new AppError(
    {
      kind: ErrorKind.invalidInput,
      message: 'This event cannot be saved to Microsoft 365 as it is.',
      retryable: false,
      detail: cause instanceof Error ? cause.message : String(cause),
    },
    { cause },
  );
}

export function createGraphWrites(deps: GraphWritesDeps): GraphWrites {
  const { client } = deps;

  const convert = (ics: string): SeriesWrite => {
    try {
      return deps.toGraph(ics);
    } catch (cause) {
      // Its own kind and reason: the page says why Outlook refuses the repeat and what to change.
      if (isUnsupportedRecurrenceError(cause)) throw cause;
      throw unreadableText(cause);
    }
  };

  /**
   * Instance ids of a series in the window, by original start (epoch ms). An all-day occurrence is
   * also found by its date: ical-to-graph.ts gives its original start as midnight UTC of the date,
   * and Graph's `originalStart` is a midnight in a zone it does not name, so the date is read from
   * the text as written.
   */
  async function instancesByStart(masterId: string): Promise<(originalStart: number) => string | undefined> {
    const window = await deps.window();
    const start = encodeURIComponent(new Date(window.start).toISOString());
    const end = encodeURIComponent(new Date(window.end).toISOString());
    const byStart = new Map<number, string>();
    const byDate = new Map<number, string>();
    let next: string | undefined =
      `${eventPath(masterId)}/instances?startDateTime=${start}&endDateTime=${end}&$select=id,originalStart`;
    while (next !== undefined) {
      const answer = await client.send({ path: next });
      if (answer.status !== 200) throw unexpectedAnswer(answer, "listing a series' instances");
      const page = readGraphCollectionPage(answer.body);
      for (const raw of page.value) {
        if (!isRecord(raw) || typeof raw['id'] !== 'string' || typeof raw['originalStart'] !== 'string')
          continue;
        const text = raw['originalStart'];
        byStart.set(Date.parse(text), raw['id']);
        const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
        if (date) byDate.set(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])), raw['id']);
      }
      next = page['@odata.nextLink'];
    }
    return (originalStart) => byStart.get(originalStart) ?? byDate.get(originalStart);
  }

  /**
   * Exceptions and cancellations of `next` that `base` does not have, written on the instances.
   * `written`: whether anything was (the master's version then changed); `refused`: occurrences whose
   * times Outlook would not take.
   */
  async function writeInstances(
    masterId: string,
    next: SeriesWrite,
    base: SeriesWrite | null,
  ): Promise<{ readonly written: boolean; readonly refused: readonly RefusedPart[] }> {
    const baseExceptions = new Map(
      base?.exceptions.map((exception) => [exception.originalStart, exception.event]),
    );
    const baseCancelled = new Set(base?.cancelled);
    const patches = next.exceptions.filter(
      (exception) =>
        JSON.stringify(baseExceptions.get(exception.originalStart)) !== JSON.stringify(exception.event),
    );
    const deletes = next.cancelled.filter((originalStart) => !baseCancelled.has(originalStart));
    if (patches.length === 0 && deletes.length === 0) return { written: false, refused: [] };
    const refused: RefusedPart[] = [];
    const instanceAt = await instancesByStart(masterId);
    for (const exception of patches) {
      const id = instanceAt(exception.originalStart);
      if (id === undefined) continue; // outside the window, or already cancelled: nothing to edit there
      let answer = await client.send({ method: 'PATCH', path: eventPath(id), body: exception.event });
      if (crossesNeighbour(answer)) {
        // Outlook keeps an occurrence between its neighbours' days; iCalendar does not (an override
        // moved on its own stays put when the app moves its series). Its other fields are written and
        // it keeps its place in the pattern; the answer's version null makes the engine read it back,
        // and `refused` makes it keep the user's version as a copy (nothing lost in silence).
        refused.push({ kind: 'occurrence-placement', originalStart: exception.originalStart });
        const { start: _start, end: _end, isAllDay: _allDay, ...fields } = exception.event;
        if (Object.keys(fields).length === 0) continue;
        answer = await client.send({ method: 'PATCH', path: eventPath(id), body: fields });
      }
      if (answer.status !== 200) throw unexpectedAnswer(answer, 'editing one occurrence of a series');
    }
    for (const originalStart of deletes) {
      const id = instanceAt(originalStart);
      if (id === undefined) continue;
      const answer = await client.send({ method: 'DELETE', path: eventPath(id) });
      if (answer.status !== 204 && answer.status !== 404) {
        throw unexpectedAnswer(answer, 'cancelling one occurrence of a series');
      }
    }
    return { written: true, refused };
  }

  async function rememberUid(calendar: RemoteCalendarRef, uid: string, ref: string): Promise<void> {
    await deps.states.update(calendar, (state) => ({ ...state, created: { ...state.created, [uid]: ref } }));
  }

  /** Kept before the POST: should every answer be lost, the item is still read under the app's UID. */
  async function rememberKey(calendar: RemoteCalendarRef, key: string, uid: string): Promise<void> {
    await deps.states.update(calendar, (state) =>
      state.sent?.[key] === uid ? state : { ...state, sent: { ...state.sent, [key]: uid } },
    );
  }

  return {
    async create(calendar, item) {
      const next = convert(item.ics);
      const transactionId = await transactionIdOf(item);
      await rememberKey(calendar, transactionId, item.uid);
      const answer = await client.send({
        method: 'POST',
        path: `/me/calendars/${encodeURIComponent(calendarIdOf(calendar.remoteUrl))}/events`,
        body: { ...next.event, transactionId },
        // Sent again at once when the connection drops before the answer: Graph recognises the same
        // transactionId and makes no second event ("event resource type", `transactionId`).
        idempotent: true,
      });
      const refused = refusal(answer);
      if (refused)
        return refused.kind === 'gone' ? { kind: 'forbidden', reason: 'The calendar is gone.' } : refused;
      const id = isRecord(answer.body) ? answer.body['id'] : undefined;
      if ((answer.status !== 201 && answer.status !== 200) || typeof id !== 'string') {
        throw unexpectedAnswer(answer, 'creating an event');
      }
      await rememberUid(calendar, item.uid, id);
      const instances = await writeInstances(id, next, null);
      return written(id, instances.written ? null : etagOf(answer), instances.refused);
    },

    async update(_calendar, item) {
      if (item.condition.kind !== 'version') {
        throw new AppError({
          kind: ErrorKind.invalidInput,
          message: 'An update to Microsoft 365 needs the version it replaces.',
          retryable: false,
        });
      }
      const next = convert(item.ics);
      const base = item.base === null ? null : convert(item.base);
      const fields = base ? deps.changedFields(base.event, next.event) : next.event;
      let version: string | null = item.condition.version;
      const ifMatch = { 'If-Match': item.condition.version };
      if (Object.keys(fields).length > 0) {
        const answer = await client.send({
          method: 'PATCH',
          path: eventPath(item.ref),
          body: fields,
          headers: ifMatch,
        });
        const refused = refusal(answer);
        if (refused) return refused;
        if (answer.status !== 200) throw unexpectedAnswer(answer, 'updating an event');
        version = etagOf(answer);
      } else if (next.exceptions.length > 0 || next.cancelled.length > 0) {
        // Only instances change: the master must still be the version the edit was made on.
        const answer = await client.send({ path: `${eventPath(item.ref)}?$select=id` });
        const refused = refusal(answer);
        if (refused) return refused;
        if (answer.status !== 200) throw unexpectedAnswer(answer, 'reading an event');
        if (etagOf(answer) !== item.condition.version) return { kind: 'conflict' };
      }
      // A new pattern or new times make Outlook drop the series' exceptions and cancellations: all of
      // the text's are written again, not only those that changed.
      const reset = 'recurrence' in fields || 'start' in fields || 'end' in fields;
      const instances = await writeInstances(item.ref, next, reset ? null : base);
      return written(item.ref, instances.written ? null : version, instances.refused);
    },

    async remove(_calendar, ref, condition) {
      const headers = condition.kind === 'version' ? { 'If-Match': condition.version } : undefined;
      const answer = await client.send({
        method: 'DELETE',
        path: eventPath(ref),
        ...(headers ? { headers } : {}),
      });
      const refused = refusal(answer);
      if (refused) return refused;
      if (answer.status !== 204 && answer.status !== 200) throw unexpectedAnswer(answer, 'deleting an event');
      return { kind: 'written', ref, version: null };
    },

    async findByUid(calendar, uid) {
      const refs = new Set<string>();
      const mine = (await deps.states.read(calendar)).created?.[uid];
      if (mine !== undefined) {
        const answer = await client.send({ path: `${eventPath(mine)}?$select=id` });
        if (answer.status === 200) refs.add(mine);
        else if (answer.status !== 404) throw unexpectedAnswer(answer, 'reading an event');
      }
      const filter = encodeURIComponent(`iCalUId eq '${uid.replace(/'/g, "''")}'`);
      let next: string | undefined =
        `/me/calendars/${encodeURIComponent(calendarIdOf(calendar.remoteUrl))}/events?$filter=${filter}&$select=id,type,seriesMasterId`;
      while (next !== undefined) {
        const answer = await client.send({ path: next });
        if (answer.status !== 200) throw unexpectedAnswer(answer, 'looking an event up by its UID');
        const page = readGraphCollectionPage(answer.body);
        for (const raw of page.value) {
          if (!isRecord(raw) || typeof raw['id'] !== 'string') continue;
          const master = raw['seriesMasterId'];
          refs.add(typeof master === 'string' && master !== '' ? master : raw['id']);
        }
        next = page['@odata.nextLink'];
      }
      return [...refs];
    },
  };
}
