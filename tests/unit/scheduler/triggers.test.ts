import { describe, expect, it, vi } from 'vitest';
import { createSyncScheduler, mergeTargets } from '../../../workers/sync/scheduler/sync-scheduler';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import { addCalDavAccount, addCalendar, gate, harness, patchAccount } from './scheduler-harness';

const MIN = 60_000;
const all = { kind: 'all' } as const;

describe('scheduler: shortly after a local change', () => {
  it('waits 2 s after the last change, then syncs once for the whole burst', async () => {
    const h = harness();
    const cal = await addCalendar(h.db, 'cal', await addCalDavAccount(h.db, 'acc'));
    const scheduler = createSyncScheduler(h.deps);

    const done = [scheduler.request(all, 'local-change')];
    h.clock.advance(1_500);
    done.push(scheduler.request({ kind: 'calendar', calendarId: cal }, 'local-change'));
    h.clock.advance(1_999);
    expect(h.engine.calls).toEqual([]);
    h.clock.advance(1);
    await Promise.all(done);

    expect(h.engine.calls).toEqual([cal]);
  });

  it('merges targets: one "all" covers the rest; duplicates go once', () => {
    const a = { kind: 'account', accountId: 'a' as AccountId } as const;
    const c = { kind: 'calendar', calendarId: 'c' as CalendarId } as const;
    expect(mergeTargets([a, c, a])).toEqual([a, c]);
    expect(mergeTargets([a, all, c])).toEqual([all]);
  });
});

describe('scheduler: every N minutes per account', () => {
  it('syncs each account at its own interval (default 2 min) and keeps going', async () => {
    const h = harness();
    const fast = await addCalendar(h.db, 'fast', await addCalDavAccount(h.db, 'a-fast'));
    const slow = await addCalendar(
      h.db,
      'slow',
      await addCalDavAccount(h.db, 'a-slow', { syncIntervalMinutes: 5 }),
    );
    const scheduler = createSyncScheduler(h.deps);
    await scheduler.start();

    h.clock.advance(2 * MIN);
    await vi.waitFor(() => {
      expect(h.engine.calls).toEqual([fast]);
    });
    await vi.waitFor(() => {
      expect(h.clock.pendingDelays()).toEqual([2 * MIN, 3 * MIN]);
    });
    h.clock.advance(2 * MIN);
    await vi.waitFor(() => {
      expect(h.engine.calls).toEqual([fast, fast]);
    });
    h.clock.advance(1 * MIN);
    await vi.waitFor(() => {
      expect(h.engine.calls).toEqual([fast, fast, slow]);
    });
    scheduler.dispose();
    expect(h.clock.pendingDelays()).toEqual([]);
  });

  it('follows a changed interval, a new account and a removed one on refresh', async () => {
    const h = harness();
    const first = await addCalDavAccount(h.db, 'first');
    await addCalendar(h.db, 'cal', first);
    const scheduler = createSyncScheduler(h.deps);
    await scheduler.start();
    expect(h.clock.pendingDelays()).toEqual([2 * MIN]);

    await patchAccount(h.db, first, { syncIntervalMinutes: 30 });
    await addCalDavAccount(h.db, 'second', { syncIntervalMinutes: 10 });
    await scheduler.refreshAccounts();
    expect(h.clock.pendingDelays()).toEqual([10 * MIN, 30 * MIN]);

    await h.db.accounts.delete(first);
    await scheduler.refreshAccounts();
    expect(h.clock.pendingDelays()).toEqual([10 * MIN]);
  });
});

describe('scheduler: removing an account', () => {
  it('waits for the running sync, starts no other, and holds the locks while removing', async () => {
    const h = harness();
    const account = await addCalDavAccount(h.db, 'acc');
    const cal = await addCalendar(h.db, 'cal', account);
    const slow = gate();
    h.engine.script(cal, { gate: slow.promise });
    const scheduler = createSyncScheduler(h.deps);
    await scheduler.start();
    const running = scheduler.request(all, 'start');
    await vi.waitFor(() => {
      expect(h.engine.calls).toHaveLength(1);
    });

    let removed = false;
    const removal = scheduler.whileAccountQuiet(account, async () => {
      expect(h.engine.maxConcurrent()).toBe(1);
      await h.db.syncState.delete(cal);
      await h.db.calendars.delete(cal);
      await h.db.accounts.delete(account);
      removed = true;
    });
    await scheduler.request(all, 'user');
    expect(removed).toBe(false);
    slow.open();
    await Promise.all([running, removal]);

    expect(removed).toBe(true);
    expect(h.engine.calls).toEqual([cal]);
    expect(h.clock.pendingDelays()).toEqual([]);
    expect(await h.db.syncState.get(cal)).toBeUndefined();
  });
});
