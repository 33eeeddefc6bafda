// The worker's sync service with its real engine and scheduler against a real Radicale, logging
// through the sync log store as the worker does (workers/sync.worker.ts): each run lands a line in
// words for its calendar and account, failures included, and no line carries a password, an
// Authorization value or a server's answer.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../../src/core/agenda/commands';
import { createAlmanacDb, type AlmanacDb } from '../../../src/core/db/almanac-db';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import type { SyncLogLine } from '../../../src/core/model/sync-log-line';
import { createMemoryLocks } from '../../../src/core/sync/sync-locks';
import { createSyncLogWriter, type SyncLogWriter } from '../../../src/core/sync/sync-log';
import { createWorkerSyncService, type SyncService } from '../../../workers/sync/sync-service';
import { basicAuth, createDavClient } from '../../servers/dav-client';
import { startRadicale } from '../../servers/radicale';
import type { RunningServer } from '../../servers/running-server';
import { serverIcs } from './sync-harness';

const PASSWORD = 'Log-test-Pa55word!';
const WRONG = 'Wr0ng-Pa55word?';
const ZONE = 'Europe/Zurich';

let server: RunningServer | undefined;

beforeAll(async () => {
  server = await startRadicale({ username: 'alice', password: PASSWORD });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

function running(): RunningServer {
  if (!server) throw new Error('Radicale did not start (see beforeAll)');
  return server;
}

interface World {
  readonly db: AlmanacDb;
  readonly service: SyncService;
  readonly journal: SyncLogWriter;
  readonly accountId: AccountId;
  readonly calendarId: CalendarId;
  lines(): Promise<SyncLogLine[]>;
}

const worlds: World[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) {
    world.service.dispose();
    world.db.close();
  }
});

/** A calendar with two events on the server, added as an account the way Settings adds one. */
async function world(
  name: string,
  fetchFor: (real: typeof fetch) => typeof fetch = (real) => real,
): Promise<World> {
  const dav = createDavClient({ auth: running() });
  const url = await running().createCalendar(name);
  for (const uid of ['standup', 'review'])
    expect((await dav.put(`${url}${uid}.ics`, serverIcs(uid, `Private ${uid}`))).status).toBeLessThan(300);
  const db = createAlmanacDb(`service-log-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const journal = createSyncLogWriter({ db, now: () => Date.now() });
  const service = createWorkerSyncService({
    db,
    fetch: fetchFor((input, init) => fetch(input, init)),
    now: () => Date.now(),
    random: () => 0.5,
    viewerZone: ZONE,
    subtle: crypto.subtle,
    withLock: createMemoryLocks(),
    // No timers: each test runs syncs itself.
    schedule: () => () => undefined,
    log: journal.write,
  });
  const accountId = await service.addAccount(
    {
      kind: 'caldav',
      name: 'Radicale',
      provider: 'other',
      serverUrl: `${running().baseUrl}/alice/`,
      username: 'alice',
      password: PASSWORD,
    },
    [{ url, name, color: null, readOnly: false, supportsSyncCollection: true }],
  );
  const calendar = await db.calendars.where('accountId').equals(accountId).first();
  if (!calendar) throw new Error('the calendar was not added');
  const made: World = {
    db,
    service,
    journal,
    accountId,
    calendarId: calendar.id,
    lines: async () => {
      await journal.flush();
      return db.syncLog.toArray();
    },
  };
  worlds.push(made);
  // The first sync started by addAccount: a request for the calendar joins it.
  await service.syncNow({ kind: 'calendar', calendarId: calendar.id }, 'user');
  return made;
}

function expectNoSecrets(lines: readonly SyncLogLine[]): void {
  const text = JSON.stringify(lines);
  for (const secret of [
    PASSWORD,
    WRONG,
    basicAuth({ username: 'alice', password: PASSWORD }).replace(/^Basic /, ''),
    basicAuth({ username: 'alice', password: WRONG }).replace(/^Basic /, ''),
    'Authorization',
    'Private standup',
    'BEGIN:VCALENDAR',
  ])
    expect(text, secret).not.toContain(secret);
}

describe('the sync service’s log', () => {
  it('lands a line in words for each run that changed something, with its calendar and account', async () => {
    const w = await world('log-first-sync');
    const lines = await w.lines();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        code: 'synced',
        calendarId: w.calendarId,
        accountId: w.accountId,
        params: expect.objectContaining({ pulled: 2, pushed: 0 }) as unknown,
      }),
    ]);
    expect(lines[0]?.message).toMatch(/^Synced\. Sent: 0, received: 2, /);
    // A run with nothing to do is not worth a line.
    await w.service.syncNow({ kind: 'calendar', calendarId: w.calendarId }, 'user');
    expect(await w.lines()).toHaveLength(1);
    expectNoSecrets(lines);
  });

  it('lands an error line when the server refuses the password, and never the password', async () => {
    const w = await world('log-wrong-password');
    await w.service.updatePassword(w.accountId, WRONG);
    await w.service.syncNow({ kind: 'calendar', calendarId: w.calendarId }, 'user');
    const failed = (await w.lines()).filter((kept) => kept.level === 'error');
    expect(failed).toEqual([
      expect.objectContaining({
        code: 'failed',
        calendarId: w.calendarId,
        accountId: w.accountId,
        params: { kind: 'auth', retryable: false },
      }),
    ]);
    expect(failed[0]?.message).toBe('Sync failed (auth): The server refused the user name or password.');
    expectNoSecrets(await w.lines());
  });

  it('lands a line when the server is unreachable, naming the request but not its credentials', async () => {
    let reachable = true;
    const w = await world(
      'log-unreachable',
      (real) => (input, init) =>
        reachable ? real(input, init) : Promise.reject(new TypeError('fetch failed: connect ECONNREFUSED')),
    );
    reachable = false;
    await w.service.syncNow({ kind: 'calendar', calendarId: w.calendarId }, 'user');
    const failed = (await w.lines()).filter((kept) => kept.level === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.params).toEqual({ kind: 'network', retryable: true });
    expect(failed[0]?.message).toMatch(
      /^Sync failed \(network\): The server could not be reached\. \[PROPFIND http:\/\/127\.0\.0\.1:\d+\/alice\/log-unreachable\/\] Almanac tries again later\.$/,
    );
    expectNoSecrets(await w.lines());
  });

  it('keeps no word of a server’s refusal: a 403 echoing the credentials lands as what happened only', async () => {
    const echo = `Forbidden for alice:${PASSWORD} (${basicAuth({ username: 'alice', password: PASSWORD })})`;
    const w = await world(
      'log-forbidden',
      (real) => (input, init) =>
        init?.method === 'PUT' ? Promise.resolve(new Response(echo, { status: 403 })) : real(input, init),
    );
    await createEvent(
      w.db,
      {
        calendarId: w.calendarId,
        draft: {
          title: 'Private planning',
          location: '',
          description: '',
          timing: { allDay: false, start: '2026-03-12T10:00', end: '2026-03-12T11:00', timeZone: ZONE },
          repeat: null,
        },
      },
      { now: () => Date.now(), viewerZone: ZONE },
    );
    await w.service.syncNow({ kind: 'calendar', calendarId: w.calendarId }, 'user');
    const lines = await w.lines();
    const reverted = lines.filter((kept) => kept.code === 'reverted');
    expect(reverted).toEqual([expect.objectContaining({ level: 'warn', calendarId: w.calendarId })]);
    expect(reverted[0]?.message).toMatch(
      /^The server refused a change to \S+ \(403: the calendar is read-only there\)/,
    );
    expectNoSecrets(lines);
    expect(JSON.stringify(lines)).not.toContain('Private planning');
  });
});
