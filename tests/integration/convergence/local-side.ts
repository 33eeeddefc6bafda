/**
 * The user of Almanac: a fresh database with a CalDAV or Microsoft 365 account and one calendar,
 * changed only through the UI's write path (src/core/agenda/commands), exactly as the agenda does:
 * whole events, and one occurrence of a series ("this event").
 */
import {
  createEvent,
  deleteOccurrence,
  editOccurrence,
  loadEventForEditing,
  moveOccurrence,
} from '../../../src/core/agenda/commands';
import type { CoreContext } from '../../../src/core/context';
import { createAlmanacDb, type AlmanacDb } from '../../../src/core/db/almanac-db';
import type { EventDraft } from '../../../src/core/ical/event-draft';
import type { Account } from '../../../src/core/model/account';
import type { EventRecord } from '../../../src/core/model/event';
import {
  newAccountId,
  newCalendarId,
  type AccountId,
  type CalendarId,
  type EventId,
} from '../../../src/core/model/ids';
import type { OccurrenceRecord } from '../../../src/core/model/occurrence';
import { fieldsOf, type ObjectFields } from './ics-fields';

export const VIEWER_ZONE = 'Europe/Zurich';
const HOUR = 3_600_000;

/** What a create made: the object's fields and the event's id (a Graph create's `transactionId`). */
export interface CreatedFields extends ObjectFields {
  readonly eventId: EventId;
}

/** The server the local account syncs with. */
export type LocalAccount =
  | { readonly kind: 'caldav'; readonly serverUrl: string; readonly username: string }
  | { readonly kind: 'graph'; readonly graphBaseUrl: string; readonly homeAccountId: string };

export interface LocalSide {
  readonly db: AlmanacDb;
  readonly accountId: AccountId;
  readonly calendarId: CalendarId;
  events(): Promise<EventRecord[]>;
  /** The instances of an event in the materialised window, by start (overrides included). */
  occurrences(event: EventRecord): Promise<OccurrenceRecord[]>;
  create(summary: string, startMs: number, recurring: boolean): Promise<CreatedFields>;
  edit(event: EventRecord, summary: string): Promise<ObjectFields>;
  retime(event: EventRecord, startMs: number): Promise<ObjectFields>;
  delete(event: EventRecord): Promise<void>;
  /** "This event": a new title for one occurrence of a series (an override). */
  editOne(event: EventRecord, recurrenceId: string, summary: string): Promise<ObjectFields>;
  /** "This event": one occurrence of a series deleted (an EXDATE). */
  deleteOne(event: EventRecord, recurrenceId: string): Promise<ObjectFields>;
  dispose(): Promise<void>;
}

function wall(ms: number): string {
  // The zone's wall clock, `YYYY-MM-DDTHH:mm`, via Intl (sv-SE formats dates as ISO).
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: VIEWER_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(ms)
    .replace(' ', 'T');
}

function accountRecord(id: AccountId, input: LocalAccount, createdAt: number): Account {
  if (input.kind === 'graph') {
    return {
      id,
      kind: 'graph',
      name: 'Convergence',
      homeAccountId: input.homeAccountId,
      username: 'convergence@example.com',
      graphBaseUrl: input.graphBaseUrl,
      syncIntervalMinutes: 2,
      needsSignIn: false,
      createdAt,
    };
  }
  return {
    id,
    kind: 'caldav',
    name: 'Convergence',
    serverUrl: input.serverUrl,
    username: input.username,
    provider: 'other',
    // The harness hands credentials to the engine directly (deps.credentials).
    credential: null,
    syncIntervalMinutes: 2,
    needsPassword: false,
    createdAt,
  };
}

export async function createLocalSide(options: {
  readonly name: string;
  readonly account: LocalAccount;
  readonly calendarUrl: string;
  readonly ctx: CoreContext;
}): Promise<LocalSide> {
  const db = createAlmanacDb(options.name);
  const { ctx } = options;
  const accountId = newAccountId();
  const calendarId = newCalendarId();
  const account = accountRecord(accountId, options.account, ctx.now());
  await db.accounts.add(account);
  await db.calendars.add({
    id: calendarId,
    accountId,
    name: 'Convergence',
    color: '#1f6feb',
    visible: 1,
    order: 0,
    readOnly: false,
    remoteUrl: options.calendarUrl,
    createdAt: ctx.now(),
  });

  const current = async (event: EventRecord) => fieldsOf((await db.events.get(event.id))?.ics ?? event.ics);

  return {
    db,
    accountId,
    calendarId,
    events: () => db.events.where('calendarId').equals(calendarId).toArray(),
    occurrences: (event) => db.occurrences.where('eventId').equals(event.id).sortBy('start'),
    async create(summary, startMs, recurring) {
      const draft: EventDraft = {
        title: summary,
        location: 'Zürich, Löwenstrasse',
        description: '',
        timing: { allDay: false, start: wall(startMs), end: wall(startMs + HOUR), timeZone: VIEWER_ZONE },
        repeat: recurring
          ? { frequency: 'weekly', interval: 1, byDay: [], end: { kind: 'count', count: 3 } }
          : null,
      };
      const id = await createEvent(db, { calendarId, draft }, ctx);
      return { ...fieldsOf((await db.events.get(id))?.ics ?? ''), eventId: id };
    },
    async edit(event, summary) {
      const loaded = await loadEventForEditing(db, { eventId: event.id, recurrenceId: null }, ctx);
      await editOccurrence(
        db,
        {
          eventId: event.id,
          recurrenceId: null,
          scope: 'all',
          calendarId,
          draft: { ...loaded.draft, title: summary },
        },
        ctx,
      );
      return current(event);
    },
    async retime(event, startMs) {
      await moveOccurrence(
        db,
        {
          eventId: event.id,
          recurrenceId: null,
          start: startMs,
          end: startMs + HOUR,
          allDay: false,
          scope: 'all',
        },
        ctx,
      );
      return current(event);
    },
    delete: (event) => deleteOccurrence(db, { eventId: event.id, recurrenceId: null, scope: 'all' }, ctx),
    async editOne(event, recurrenceId, summary) {
      const loaded = await loadEventForEditing(db, { eventId: event.id, recurrenceId }, ctx);
      await editOccurrence(
        db,
        {
          eventId: event.id,
          recurrenceId,
          scope: 'this',
          calendarId,
          draft: { ...loaded.draft, title: summary },
        },
        ctx,
      );
      return current(event);
    },
    async deleteOne(event, recurrenceId) {
      await deleteOccurrence(db, { eventId: event.id, recurrenceId, scope: 'this' }, ctx);
      return current(event);
    },
    async dispose() {
      await db.delete();
    },
  };
}
