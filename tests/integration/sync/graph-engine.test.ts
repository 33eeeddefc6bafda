// The real engine with the Graph provider that provider-for.ts builds for a Microsoft 365 account,
// against the Graph test server: the same rules as CalDAV (docs/sync-rules.md rules 3, 9, 14 and 51
// through Graph's rules 40–46). Graph is reached directly here as in the worker: no proxy.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOccurrence, editOccurrence, loadEventForEditing } from '../../../src/core/agenda/commands';
import type { CoreContext } from '../../../src/core/context';
import { createAlmanacDb, type AlmanacDb } from '../../../src/core/db/almanac-db';
import type { EventDraft } from '../../../src/core/ical/event-draft';
import type { GraphAccount } from '../../../src/core/model/account';
import type { AccountId, CalendarId, EventId } from '../../../src/core/model/ids';
import { getWindow } from '../../../src/core/occurrences/window';
import { createSyncEngine, type SyncEngine } from '../../../workers/sync/engine/sync-engine';
import { calendarUrl } from '../../../workers/sync/providers/graph/calendars';
import { createProviderFor } from '../../../workers/sync/providers/provider-for';
import { startGraphServer, type GraphServer, type JsonObject } from '../../servers/graph/index';

const NOW = Date.UTC(2026, 2, 1, 12);
const ZONE = 'Europe/Zurich';
const HOME_ACCOUNT_ID = 'user-1.tenant-1';

const at = (day: string, hour: number) => ({
  dateTime: `${day}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly ifMatch: string | null;
  status?: number;
}

let graph: GraphServer;
let db: AlmanacDb;
let engine: SyncEngine;
let seen: SeenRequest[];
let asked: { homeAccountId: string; refused: string | undefined }[];
let graphCalendarId: string;
let counter = 0;
const ctx: CoreContext = { now: () => NOW, viewerZone: ZONE };
const calendarId = 'cal-1' as CalendarId;
const accountId = 'acct-graph' as AccountId;

beforeEach(async () => {
  graph = await startGraphServer();
  graphCalendarId = graph.seed.calendar({ name: 'Work' }).id;
  counter += 1;
  db = createAlmanacDb(`graph-engine-${counter}-${Math.random().toString(36).slice(2)}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
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
  seen = [];
  asked = [];
  const directFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url,
      ifMatch: new Headers(init?.headers).get('if-match'),
    };
    seen.push(request);
    const response = await fetch(input, init);
    request.status = response.status;
    return response;
  };
  engine = createSyncEngine({
    db,
    providerFor: createProviderFor({
      // CalDAV is never reached in these tests: its fetch fails loudly if it were.
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
    log: () => undefined,
  });
});

afterEach(async () => {
  db.close();
  await graph.stop();
});

const sync = () => engine.syncCalendar(calendarId);

function single(subject: string, extra: JsonObject = {}) {
  return graph.seed.event(
    { subject, start: at('2026-03-10', 9), end: at('2026-03-10', 10), ...extra },
    graphCalendarId,
  );
}

async function localEventOf(remoteId: string) {
  const event = (await db.events.where('calendarId').equals(calendarId).toArray()).find(
    (record) => record.href === remoteId,
  );
  if (!event) throw new Error(`no local event for ${remoteId}`);
  return event;
}

async function editLocal(eventId: EventId, change: Partial<EventDraft>) {
  const loaded = await loadEventForEditing(db, { eventId, recurrenceId: null }, ctx);
  await editOccurrence(
    db,
    { eventId, recurrenceId: null, scope: 'all', calendarId, draft: { ...loaded.draft, ...change } },
    ctx,
  );
}

const startMs = (json: JsonObject): number => {
  const start = json['start'] as { dateTime: string };
  return Date.parse(`${start.dateTime}Z`);
};

describe('Graph through the engine', () => {
  it('rules 42 and 23: the first sync brings a single and a series with an exception and a cancellation, occurrences as Graph lists them', async () => {
    single('Dentist');
    const series = graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 6 },
        },
      },
      {
        exceptions: [
          {
            at: 1,
            patch: { subject: 'Standup (long)', start: at('2026-03-09', 11), end: at('2026-03-09', 12) },
          },
        ],
        cancelled: [3],
      },
      graphCalendarId,
    );
    const report = await sync();
    expect(report).toMatchObject({ skipped: false, pulled: 2, setAside: 0 });

    const events = await db.events.where('calendarId').equals(calendarId).toArray();
    expect(events.map((event) => event.summary).sort()).toEqual(['Dentist', 'Standup']);
    expect((await localEventOf(series.master.id)).recurring).toBe(true);

    const window = await getWindow(db, ctx);
    const expected = graph.inspect
      .window(window.from, window.to, graphCalendarId)
      .map((json) => ({ start: startMs(json), summary: json['subject'] }))
      .sort((a, b) => a.start - b.start);
    const occurrences = (await db.occurrences.where('calendarId').equals(calendarId).toArray())
      .map((occurrence) => ({ start: occurrence.start, summary: occurrence.summary }))
      .sort((a, b) => a.start - b.start);
    expect(expected).toHaveLength(1 + 5);
    expect(occurrences).toEqual(expected);
  });

  it('rules 14 and 46: a local edit reaches the server as a PATCH with If-Match', async () => {
    const remote = single('Lunch');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Lunch with Ana' });
    seen.length = 0;
    await sync();
    const patch = seen.find((request) => request.method === 'PATCH');
    expect(patch?.url).toContain(encodeURIComponent(remote.id));
    expect(patch?.ifMatch).toBeTruthy();
    expect(graph.inspect.event(remote.id)?.['subject']).toBe('Lunch with Ana');
    expect(await db.outbox.count()).toBe(0);
  });

  it('rule 43: a server edit arrives', async () => {
    const remote = single('Lunch');
    await sync();
    const updated = graph.store.updateEvent(remote.id, {
      subject: 'Lunch moved',
      location: { displayName: 'Room 4' },
    });
    expect(updated.ok).toBe(true);
    await sync();
    const local = await localEventOf(remote.id);
    expect(local.summary).toBe('Lunch moved');
    expect(local.ics).toContain('Room 4');
  });

  it('rules 46 and 3: 412 → three-way merge; changes to different properties both survive', async () => {
    const remote = single('Meeting');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Meeting (moved to B)' });
    expect(graph.store.updateEvent(remote.id, { location: { displayName: 'Room 4' } }).ok).toBe(true);
    seen.length = 0;
    const report = await sync();
    expect(seen.filter((request) => request.method === 'PATCH').map((request) => request.status)).toEqual([
      412, 200,
    ]);
    expect(report).toMatchObject({ conflicts: 0 });
    const onServer = graph.inspect.event(remote.id);
    expect(onServer?.['subject']).toBe('Meeting (moved to B)');
    expect(onServer?.['location']).toMatchObject({ displayName: 'Room 4' });
    const after = await localEventOf(remote.id);
    expect(after.summary).toBe('Meeting (moved to B)');
    expect(after.ics).toContain('Room 4');
    expect(await db.outbox.count()).toBe(0);
  });

  it('rules 46 and 3: the same property changed on both sides keeps the server value and a restorable conflict copy', async () => {
    const remote = single('Lunch');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Lunch with Ana' });
    expect(graph.store.updateEvent(remote.id, { subject: 'Lunch with Bo' }).ok).toBe(true);
    seen.length = 0;
    const report = await sync();
    expect(seen.find((request) => request.method === 'PATCH')?.status).toBe(412);
    expect(report.conflicts).toBe(1);
    expect((await localEventOf(remote.id)).summary).toBe('Lunch with Bo');
    expect(graph.inspect.event(remote.id)?.['subject']).toBe('Lunch with Bo');
    const [copy] = await db.conflicts.toArray();
    expect(copy).toMatchObject({ eventId: local.id, fields: expect.arrayContaining(['SUMMARY']) as unknown });
    expect(copy?.localIcs).toContain('SUMMARY:Lunch with Ana');
    expect(copy?.serverIcs).toContain('SUMMARY:Lunch with Bo');
    expect(await db.outbox.count()).toBe(0);
  });

  it('rules 14 and 46: a local delete reaches the server with If-Match', async () => {
    const remote = single('Cancelled lunch');
    const kept = single('Kept');
    await sync();
    const local = await localEventOf(remote.id);
    await deleteOccurrence(db, { eventId: local.id, recurrenceId: null, scope: 'all' }, ctx);
    seen.length = 0;
    await sync();
    expect(seen.find((request) => request.method === 'DELETE')?.ifMatch).toBeTruthy();
    expect(graph.inspect.event(remote.id)).toBeNull();
    expect(graph.inspect.events(graphCalendarId).map((json) => json['id'])).toEqual([kept.id]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rule 51: a token Graph refuses twice → AppError auth, and the edit stays in the outbox', async () => {
    const remote = single('Lunch');
    await sync();
    const local = await localEventOf(remote.id);
    await editLocal(local.id, { title: 'Lunch with Ana' });
    graph.auth.expire(graph.token);
    asked.length = 0;
    await expect(sync()).rejects.toMatchObject({ kind: 'auth' });
    expect(asked).toEqual([
      { homeAccountId: HOME_ACCOUNT_ID, refused: undefined },
      { homeAccountId: HOME_ACCOUNT_ID, refused: graph.token },
    ]);
    expect(await db.outbox.count()).toBe(1);
    expect((await localEventOf(remote.id)).summary).toBe('Lunch with Ana');
    expect(graph.inspect.event(remote.id)?.['subject']).toBe('Lunch');
  });

  it('rule 9: nothing changed costs one request', async () => {
    single('Dentist');
    graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 10 },
        },
      },
      {},
      graphCalendarId,
    );
    await sync();
    const before = graph.stats().requests;
    const report = await sync();
    expect(report).toMatchObject({ skipped: false, pulled: 0, pushed: 0, requests: 1 });
    expect(graph.stats().requests - before).toBe(1);
  });
});
