import { describe, expect, it, vi } from 'vitest';
import type { CalendarId } from '../../../src/core/model/ids';
import { calendarSyncLockName, createMemoryLocks } from '../../../src/core/sync/sync-locks';
import { createSyncScheduler } from '../../../workers/sync/scheduler/sync-scheduler';
import { addCalDavAccount, addCalendar, gate, harness, serverBusy, T0 } from './scheduler-harness';

const all = { kind: 'all' } as const;

describe('scheduler: a calendar sync', () => {
  it('runs under the calendar lock and records idle with lastOkAt on success', async () => {
    const h = harness();
    const account = await addCalDavAccount(h.db, 'acc');
    const cal = await addCalendar(h.db, 'cal', account);
    const scheduler = createSyncScheduler(h.deps);

    await scheduler.request(all, 'start');

    expect(h.engine.calls).toEqual([cal]);
    expect(h.locksTaken).toEqual([calendarSyncLockName(cal)]);
    expect((await h.db.syncState.get(cal))?.status).toEqual({ phase: 'idle', lastOkAt: T0 });
  });

  it('skips local calendars and accounts that wait for a password', async () => {
    const h = harness();
    const account = await addCalDavAccount(h.db, 'acc');
    await addCalendar(h.db, 'personal', account, false);
    const locked = await addCalDavAccount(h.db, 'locked', { needsPassword: true });
    await addCalendar(h.db, 'cal-locked', locked);

    await createSyncScheduler(h.deps).request(all, 'start');

    expect(h.engine.calls).toEqual([]);
    expect(await h.db.syncState.count()).toBe(0);
  });

  it('joins requests that arrive during a run into one follow-up run', async () => {
    const h = harness();
    const account = await addCalDavAccount(h.db, 'acc');
    const cal = await addCalendar(h.db, 'cal', account);
    const first = gate();
    h.engine.script(cal, { gate: first.promise });
    const scheduler = createSyncScheduler(h.deps);

    const running = scheduler.request(all, 'start');
    await vi.waitFor(() => {
      expect(h.engine.calls).toHaveLength(1);
    });
    const joined = [scheduler.request(all, 'focus'), scheduler.request(all, 'online')];
    // Both joiners have read their calendars and reached the runner while the first run still waits.
    await vi.waitFor(() => {
      expect(h.events.filter((e) => e === 'sync-requested')).toHaveLength(3);
    });
    first.open();
    await Promise.all([running, ...joined]);

    expect(h.engine.calls).toEqual([cal, cal]);
    expect(h.engine.maxConcurrent()).toBe(1);
  });

  it('never syncs one calendar twice at once across contexts sharing the lock', async () => {
    const withLock = createMemoryLocks();
    const tab = harness({ withLock });
    const account = await addCalDavAccount(tab.db, 'acc');
    const cal = await addCalendar(tab.db, 'cal', account);
    const worker = harness({ db: tab.db, withLock });
    // Both contexts hit the same "server": one engine, so concurrency is visible.
    const engine = tab.engine;
    const slow = gate();
    engine.script(cal, { gate: slow.promise });
    const a = createSyncScheduler(tab.deps);
    const b = createSyncScheduler({
      ...worker.deps,
      syncCalendar: (id: CalendarId) => engine.syncCalendar(id),
    });

    const first = a.request(all, 'start');
    const second = b.request(all, 'start');
    await vi.waitFor(() => {
      expect(engine.calls).toHaveLength(1);
    });
    slow.open();
    await Promise.all([first, second]);

    expect(engine.calls).toEqual([cal, cal]);
    expect(engine.maxConcurrent()).toBe(1);
  });

  it('keeps lastOkAt when a later run fails', async () => {
    const h = harness();
    const account = await addCalDavAccount(h.db, 'acc');
    const cal = await addCalendar(h.db, 'cal', account);
    const scheduler = createSyncScheduler(h.deps);
    await scheduler.request(all, 'start');
    h.clock.advance(10 * 60_000);
    h.engine.script(cal, serverBusy());

    await scheduler.request(all, 'user');

    const status = (await h.db.syncState.get(cal))?.status;
    expect(status).toMatchObject({ phase: 'failed', lastOkAt: T0, error: { kind: 'server' } });
  });

  it('records an unexpected error as failed without scheduling a retry', async () => {
    const h = harness();
    const account = await addCalDavAccount(h.db, 'acc');
    const cal = await addCalendar(h.db, 'cal', account);
    h.engine.script(cal, { kind: 'suspicious-empty-listing', message: 'empty', retryable: false });

    await createSyncScheduler(h.deps).request(all, 'start');

    expect((await h.db.syncState.get(cal))?.status).toMatchObject({
      phase: 'failed',
      retryAt: null,
      error: { kind: 'suspicious-empty-listing' },
    });
    expect(h.clock.pendingDelays()).toEqual([]);
  });
});
