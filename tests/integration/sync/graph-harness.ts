/**
 * One Microsoft 365 calendar on the Graph test server, one local database and the real engine with
 * the Graph provider that provider-for.ts builds for a Microsoft account, reached directly as in the
 * worker (no proxy). The fetch records each request (method, URL, If-Match, status) and lets a test
 * put middleware in front of the server, as sync-harness.ts does for CalDAV.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { editOccurrence, loadEventForEditing } from '../../../src/core/agenda/commands';
import type { CoreContext } from '../../../src/core/context';
import { createAlmanacDb, type AlmanacDb } from '../../../src/core/db/almanac-db';
import type { EditScope, EventDraft } from '../../../src/core/ical/event-draft';
import type { GraphAccount } from '../../../src/core/model/account';
import type { EventRecord } from '../../../src/core/model/event';
import type { AccountId, CalendarId, EventId } from '../../../src/core/model/ids';
import {
  createSyncEngine,
  type CalendarSyncReport,
  type SyncEngine,
} from '../../../workers/sync/engine/sync-engine';
import { calendarUrl } from '../../../workers/sync/providers/graph/calendars';
import { createProviderFor } from '../../../workers/sync/providers/provider-for';
import { startGraphServer, type GraphServer, type JsonObject } from '../../servers/graph/index';

export const NOW = Date.UTC(2026, 2, 1, 12);
export const ZONE = 'Europe/Zurich';
export const HOME_ACCOUNT_ID = 'user-1.tenant-1';

/** A Graph dateTimeTimeZone in UTC at the hour of a day (`YYYY-MM-DD`). */
export const at = (day: string, hour: number) => ({
  dateTime: `${day}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

export interface GraphSeenRequest {
  readonly method: string;
  readonly url: string;
  readonly ifMatch: string | null;
  readonly body: string;
  status?: number;
}

/** Answers a request, or passes it on with `next()` (and may alter what comes back). */
export type GraphMiddleware = (request: GraphSeenRequest, next: () => Promise<Response>) => Promise<Response>;

let counter = 0;

export async function createGraphHarness() {
  const graph: GraphServer = await startGraphServer();
  const graphCalendarId = graph.seed.calendar({ name: 'Work' }).id;
  counter += 1;
  const db: AlmanacDb = createAlmanacDb(`graph-sync-${counter}-${Math.random().toString(36).slice(2)}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  const accountId = 'acct-graph' as AccountId;
  const calendarId = 'cal-1' as CalendarId;
  const account: GraphAccount = {
    id: accountId,
    kind: 'graph',
    name: 'Outlook',
    homeAccountId: HOME_ACCOUNT_ID,
    username: 'ana@example.com',
    graphBaseUrl: graph.baseUrl,
    syncIntervalMinutes: 2,
    needsSignIn: false,
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
    remoteUrl: calendarUrl(graph.baseUrl, graphCalendarId),
    createdAt: NOW,
  });

  const seen: GraphSeenRequest[] = [];
  const middleware: GraphMiddleware[] = [];
  const asked: { homeAccountId: string; refused: string | undefined }[] = [];
  const directFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const request: GraphSeenRequest = {
      method: init?.method ?? 'GET',
      url,
      ifMatch: new Headers(init?.headers).get('if-match'),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    seen.push(request);
    const chain = [...middleware];
    const run = (step: number): Promise<Response> => {
      const layer = chain[step];
      return layer ? layer(request, () => run(step + 1)) : fetch(input, init);
    };
    const response = await run(0);
    request.status = response.status;
    return response;
  };
  const ctx: CoreContext = { now: () => NOW, viewerZone: ZONE };
  const logs: string[] = [];
  const engine: SyncEngine = createSyncEngine({
    db,
    providerFor: createProviderFor({
      // CalDAV is never reached here: its fetch fails loudly if it were.
      fetch: () => Promise.reject(new Error('CalDAV fetch used for a Microsoft account')),
      now: () => NOW,
      login: () => Promise.reject(new Error('a Microsoft account has no login')),
      graph: {
        fetch: directFetch,
        tokenFor: (homeAccountId) => (refused) => {
          asked.push({ homeAccountId, refused });
          return Promise.resolve(graph.token);
        },
        db,
        ctx,
      },
    }),
    now: () => NOW,
    viewerZone: ZONE,
    random: () => 0.5,
    log: (entry) => logs.push(`${entry.level}: ${entry.message}`),
  });

  const events = (): Promise<EventRecord[]> => db.events.where('calendarId').equals(calendarId).toArray();

  const harness = {
    graph,
    graphCalendarId,
    db,
    engine,
    calendarId,
    ctx,
    seen,
    middleware,
    asked,
    logs,
    sync: (): Promise<CalendarSyncReport> => engine.syncCalendar(calendarId),
    events,
    /** A single event seeded by another client, on 10 March 2026, 09:00–10:00 UTC. */
    single: (subject: string, extra: JsonObject = {}) =>
      graph.seed.event(
        { subject, start: at('2026-03-10', 9), end: at('2026-03-10', 10), ...extra },
        graphCalendarId,
      ),
    localEventOf: async (remoteId: string): Promise<EventRecord> => {
      const event = (await events()).find((record) => record.href === remoteId);
      if (!event) throw new Error(`no local event for ${remoteId}`);
      return event;
    },
    /** The editor's save: the event (or one occurrence) loaded, changed, saved with `scope`. */
    editLocal: async (
      eventId: EventId,
      change: Partial<EventDraft>,
      occurrence: { readonly recurrenceId: string; readonly scope: EditScope } | null = null,
    ) => {
      const recurrenceId = occurrence?.recurrenceId ?? null;
      const loaded = await loadEventForEditing(db, { eventId, recurrenceId }, ctx);
      await editOccurrence(
        db,
        {
          eventId,
          recurrenceId,
          scope: occurrence?.scope ?? 'all',
          calendarId,
          draft: { ...loaded.draft, ...change },
        },
        ctx,
      );
    },
    close: async () => {
      db.close();
      await graph.stop();
    },
  };
  return harness;
}

export type GraphHarness = Awaited<ReturnType<typeof createGraphHarness>>;

/** A Graph event's start in epoch ms (its dateTime is UTC, as the server answers without a Prefer). */
export const startMs = (json: JsonObject): number => {
  const start = json['start'] as { dateTime: string };
  return Date.parse(`${start.dateTime}Z`);
};
