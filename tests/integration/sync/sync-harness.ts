/**
 * One calendar on a real server, one local database and the sync engine between them, with a fetch
 * that counts requests and lets a test put middleware in front of the server (faults, races).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createAlmanacDb, type AlmanacDb } from '../../../src/core/db/almanac-db';
import {
  createEvent,
  deleteOccurrence,
  editOccurrence,
  loadEventForEditing,
} from '../../../src/core/agenda/commands';
import type { CoreContext } from '../../../src/core/context';
import type { EventDraft } from '../../../src/core/ical/event-draft';
import type { CalDavAccount } from '../../../src/core/model/account';
import type { EventRecord } from '../../../src/core/model/event';
import type { AccountId, CalendarId, EventId } from '../../../src/core/model/ids';
import { createDavClient, type DavClient } from '../../servers/dav-client';
import {
  createSyncEngine,
  type CalendarSyncReport,
  type SyncEngine,
} from '../../../workers/sync/engine/sync-engine';
import { createProviderFor } from '../../../workers/sync/providers/provider-for';
import type { DavServer } from './dav-server';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
}

/** Answers a request, or passes it on with `next()` (and may alter what comes back). */
export type Middleware = (request: SeenRequest, next: () => Promise<Response>) => Promise<Response>;

export const NOW = Date.UTC(2026, 2, 1, 12);
const ZONE = 'Europe/Zurich';

export function serverIcs(uid: string, summary: string, extra: readonly string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Another client//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260310T090000Z',
    'DTEND:20260310T100000Z',
    `SUMMARY:${summary}`,
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const DRAFT: EventDraft = {
  title: 'Local event',
  location: '',
  description: '',
  timing: { allDay: false, start: '2026-03-12T10:00', end: '2026-03-12T11:00', timeZone: ZONE },
  repeat: null,
};

let counter = 0;

export async function createHarness(server: DavServer, options: { multigetBatchSize?: number } = {}) {
  counter += 1;
  const name = `sync-${server.kind}-${counter}-${Math.random().toString(36).slice(2)}`;
  const db: AlmanacDb = createAlmanacDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  const dav: DavClient = createDavClient({ auth: server });
  const collectionUrl = `${server.calendarHome}${name}/`;
  const made = await dav.mkcalendar(collectionUrl, name);
  if (made.status !== 201) throw new Error(`MKCALENDAR ${made.status}: ${made.text}`);
  const accountId = 'acct-1' as AccountId;
  const calendarId = 'cal-1' as CalendarId;
  const account: CalDavAccount = {
    id: accountId,
    kind: 'caldav',
    name: 'Test',
    serverUrl: server.calendarHome,
    username: server.username,
    provider: 'other',
    credential: null,
    syncIntervalMinutes: 2,
    needsPassword: false,
    createdAt: NOW,
  };
  await db.accounts.add(account);
  await db.calendars.add({
    id: calendarId,
    accountId,
    name: 'Work',
    color: '#1f6feb',
    visible: 1,
    order: 0,
    readOnly: false,
    remoteUrl: collectionUrl,
    createdAt: NOW,
  });

  const middleware: Middleware[] = [];
  const seen: SeenRequest[] = [];
  const testFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers);
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url,
      headers,
      body: typeof init?.body === 'string' ? init.body : '',
    };
    seen.push(request);
    const chain = [...middleware];
    const run = (at: number): Promise<Response> => {
      const step = chain[at];
      return step ? step(request, () => run(at + 1)) : fetch(url, init);
    };
    return run(0);
  };
  const logs: string[] = [];
  const ctx: CoreContext = { now: () => NOW, viewerZone: ZONE };
  const engine: SyncEngine = createSyncEngine({
    db,
    providerFor: createProviderFor({
      fetch: testFetch,
      now: () => NOW,
      login: () => Promise.resolve({ username: server.username, password: server.password }),
      ...(options.multigetBatchSize !== undefined ? { multigetBatchSize: options.multigetBatchSize } : {}),
    }),
    now: () => NOW,
    viewerZone: ZONE,
    random: () => 0.5,
    log: (entry) => logs.push(`${entry.level}: ${entry.message}`),
  });

  const harness = {
    db,
    dav,
    engine,
    calendarId,
    collectionUrl,
    middleware,
    seen,
    logs,
    ctx,
    sync: (): Promise<CalendarSyncReport> => engine.syncCalendar(calendarId),
    events: (): Promise<EventRecord[]> => db.events.where('calendarId').equals(calendarId).toArray(),
    event: async (uid: string): Promise<EventRecord | undefined> =>
      (await harness.events()).find((event) => event.uid === uid),
    serverObjects: () => dav.listObjects(collectionUrl),
    hrefFor: (uid: string) => `${collectionUrl}${uid}.ics`,
    putOnServer: async (uid: string, summary: string, extra: readonly string[] = []) => {
      const result = await dav.put(`${collectionUrl}${uid}.ics`, serverIcs(uid, summary, extra));
      if (result.status >= 300) throw new Error(`PUT ${result.status}: ${result.text}`);
      return `${collectionUrl}${uid}.ics`;
    },
    deleteOnServer: async (uid: string) => {
      const result = await dav.delete(`${collectionUrl}${uid}.ics`);
      if (result.status >= 300) throw new Error(`DELETE ${result.status}`);
    },
    createLocal: (title: string): Promise<EventId> =>
      createEvent(db, { calendarId, draft: { ...DRAFT, title } }, ctx),
    editLocal: async (eventId: EventId, change: Partial<EventDraft>) => {
      const loaded = await loadEventForEditing(db, { eventId, recurrenceId: null }, ctx);
      await editOccurrence(
        db,
        { eventId, recurrenceId: null, scope: 'all', calendarId, draft: { ...loaded.draft, ...change } },
        ctx,
      );
    },
    deleteLocal: (eventId: EventId) =>
      deleteOccurrence(db, { eventId, recurrenceId: null, scope: 'all' }, ctx),
    close: () => {
      db.close();
    },
  };
  return harness;
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** A middleware that acts once on requests matching `when`, then steps aside. */
export function once(when: (request: SeenRequest) => boolean, act: Middleware): Middleware {
  let used = false;
  return (request, next) => {
    if (used || !when(request)) return next();
    used = true;
    return act(request, next);
  };
}

export const isMultiget = (request: SeenRequest) =>
  request.method === 'REPORT' && request.body.includes('calendar-multiget');
export const isSyncReport = (request: SeenRequest) =>
  request.method === 'REPORT' && request.body.includes('sync-collection');

/** Another client re-files `uid` under a new name (delete + create with the same UID); returns the new href. */
export async function moveOnServer(h: Harness, uid: string, summary: string): Promise<string> {
  await h.deleteOnServer(uid);
  const href = `${h.collectionUrl}renamed-${uid}.ics`;
  const result = await h.dav.put(href, serverIcs(uid, summary), { 'If-None-Match': '*' });
  if (result.status >= 300) throw new Error(`PUT ${result.status}`);
  return href;
}
