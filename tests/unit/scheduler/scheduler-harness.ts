import { createAlmanacDb, type AlmanacDb } from '../../../src/core/db/almanac-db';
import { AppError, type AppErrorData } from '../../../src/core/errors';
import type { Account, CalDavAccount } from '../../../src/core/model/account';
import type { Calendar } from '../../../src/core/model/calendar';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import { createMemoryLocks, type WithLock } from '../../../src/core/sync/sync-locks';
import type { SchedulerDeps } from '../../../workers/sync/scheduler/scheduler-deps';
import { createFakeClock, type FakeClock } from './fake-clock';

export const T0 = Date.parse('2026-11-02T09:00:00Z');

export function freshDb(): AlmanacDb {
  return createAlmanacDb(`almanac-scheduler-${crypto.randomUUID()}`);
}

export async function addCalDavAccount(
  db: AlmanacDb,
  id: string,
  extra: { syncIntervalMinutes?: number; needsPassword?: boolean } = {},
): Promise<AccountId> {
  const account: Account = {
    id: id as AccountId,
    kind: 'caldav',
    name: id,
    serverUrl: `https://${id}.example/dav/`,
    username: 'ann',
    provider: 'other',
    credential: null,
    createdAt: T0,
    syncIntervalMinutes: extra.syncIntervalMinutes ?? 2,
    needsPassword: extra.needsPassword ?? false,
  };
  await db.accounts.put(account);
  return account.id;
}

/** Changes a CalDAV account's sync settings as the Settings page or the account repo would. */
export async function patchAccount(
  db: AlmanacDb,
  id: AccountId,
  patch: Partial<Pick<CalDavAccount, 'syncIntervalMinutes' | 'needsPassword'>>,
): Promise<void> {
  await db.accounts
    .where('id')
    .equals(id)
    .modify((account) => {
      if (account.kind === 'caldav') Object.assign(account, patch);
    });
}

export async function addCalendar(
  db: AlmanacDb,
  id: string,
  accountId: AccountId,
  remote = true,
): Promise<CalendarId> {
  const calendar: Calendar = {
    id: id as CalendarId,
    accountId,
    name: id,
    color: '#1f6feb',
    visible: 1,
    order: (await db.calendars.count()) + 1,
    readOnly: false,
    remoteUrl: remote ? `https://server.example/dav/${id}/` : null,
    createdAt: T0,
  };
  await db.calendars.put(calendar);
  return calendar.id;
}

/** What the fake engine does on its next call for a calendar: succeed, fail, or wait for the test. */
export type EngineStep = 'ok' | AppErrorData | { readonly gate: Promise<void> };

/** A fake engine: records calls and concurrency, follows scripted steps per calendar (default 'ok'). */
export interface FakeEngine {
  readonly calls: CalendarId[];
  readonly maxConcurrent: () => number;
  script(calendarId: CalendarId, ...steps: EngineStep[]): void;
  syncCalendar(calendarId: CalendarId): Promise<void>;
}

export function createFakeEngine(): FakeEngine {
  const calls: CalendarId[] = [];
  const steps = new Map<CalendarId, EngineStep[]>();
  const active = new Map<CalendarId, number>();
  let max = 0;
  return {
    calls,
    maxConcurrent: () => max,
    script(calendarId, ...next) {
      steps.set(calendarId, [...(steps.get(calendarId) ?? []), ...next]);
    },
    async syncCalendar(calendarId) {
      calls.push(calendarId);
      const count = (active.get(calendarId) ?? 0) + 1;
      active.set(calendarId, count);
      max = Math.max(max, count);
      try {
        const step = steps.get(calendarId)?.shift() ?? 'ok';
        if (step === 'ok') return;
        if ('gate' in step) {
          await step.gate;
          return;
        }
        throw new AppError(step);
      } finally {
        active.set(calendarId, (active.get(calendarId) ?? 1) - 1);
      }
    },
  };
}

export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export interface Harness {
  readonly db: AlmanacDb;
  readonly clock: FakeClock;
  readonly engine: FakeEngine;
  readonly locksTaken: string[];
  /** Log events in order (names only). */
  readonly events: string[];
  readonly deps: SchedulerDeps;
}

export function harness(options: { db?: AlmanacDb; withLock?: WithLock; random?: number } = {}): Harness {
  const db = options.db ?? freshDb();
  const clock = createFakeClock(T0);
  const engine = createFakeEngine();
  const locksTaken: string[] = [];
  const events: string[] = [];
  const withLock = options.withLock ?? createMemoryLocks();
  const deps: SchedulerDeps = {
    db,
    syncCalendar: (calendarId) => engine.syncCalendar(calendarId),
    withLock: (name, fn) => {
      locksTaken.push(name);
      return withLock(name, fn);
    },
    schedule: clock.schedule,
    now: clock.now,
    random: () => options.random ?? 0.5,
    log: (event) => {
      events.push(event);
    },
  };
  return { db, clock, engine, locksTaken, events, deps };
}

export const serverBusy = (retryAfterMs?: number): AppErrorData => ({
  kind: 'server',
  message: 'busy',
  retryable: true,
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});
export const offline: AppErrorData = { kind: 'network', message: 'offline', retryable: true };
export const wrongPassword: AppErrorData = { kind: 'auth', message: 'no', retryable: false };
