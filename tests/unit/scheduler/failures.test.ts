// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it, vi } from 'vitest';
import { createSyncScheduler } from '../../../workers/sync/scheduler/sync-scheduler';
import {
  addCalDavAccount,
  addCalendar,
  harness,
  patchAccount,
  offline,
  serverBusy,
  T0,
  wrongPassword,
} from './scheduler-harness';

const all = { kind: 'all' } as const;

async function oneCalendar(random = 0.5) {
  const h = harness({ random });
  const account = await addCalDavAccount(h.db, 'acc');
  const cal = await addCalendar(h.db, 'cal', account);
  return { ...h, account, cal, scheduler: createSyncScheduler(h.deps) };
}

describe('scheduler: failures back off', () => {
  it('records failed with retryAt and retries by itself when it falls due (jittered)', async () => {
    const t = await oneCalendar(0.5);
    t.engine.script(t.cal, serverBusy());

    await t.scheduler.request(all, 'start');

    // First failure: a 30 s step, half fixed and half jittered → 22.5 s with random 0.5.
    expect((await t.db.syncState.get(t.cal))?.status).toMatchObject({
      phase: 'failed',
      retryAt: T0 + 22_500,
      error: { kind: 'server', retryable: true },
    });
    t.clock.advance(22_499);
    expect(t.engine.calls).toHaveLength(1);
    t.clock.advance(1);
    await vi.waitFor(async () => {
      expect((await t.db.syncState.get(t.cal))?.status).toEqual({ phase: 'idle', lastOkAt: T0 + 22_500 });
    });
    expect(t.engine.calls).toHaveLength(2);
  });

  it('doubles the wait after each failure in a row, and a success resets it', async () => {
    const t = await oneCalendar(0);
    t.engine.script(t.cal, serverBusy(), serverBusy(), serverBusy());
    const retryAt = async () => {
      const status = (await t.db.syncState.get(t.cal))?.status;
      return status?.phase === 'failed' ? status.retryAt : null;
    };

    await t.scheduler.request(all, 'user');
    expect(await retryAt()).toBe(T0 + 15_000);
    await t.scheduler.request(all, 'user');
    expect(await retryAt()).toBe(T0 + 30_000);
    await t.scheduler.request(all, 'user');
    expect(await retryAt()).toBe(T0 + 60_000);
    await t.scheduler.request(all, 'user');
    expect((await t.db.syncState.get(t.cal))?.status.phase).toBe('idle');

    t.engine.script(t.cal, serverBusy());
    await t.scheduler.request(all, 'user');
    expect(await retryAt()).toBe(T0 + 15_000);
  });

  it("honours the server's Retry-After, clamped to [1 min, 2 h] (rule 16)", async () => {
    const t = await oneCalendar();
    t.engine.script(t.cal, serverBusy(5 * 60_000), serverBusy(1_000), serverBusy(24 * 3_600_000));
    const retryAt = async () => {
      await t.scheduler.request(all, 'user');
      const status = (await t.db.syncState.get(t.cal))?.status;
      return status?.phase === 'failed' ? status.retryAt : null;
    };

    expect(await retryAt()).toBe(T0 + 5 * 60_000);
    expect(await retryAt()).toBe(T0 + 60_000);
    expect(await retryAt()).toBe(T0 + 2 * 3_600_000);
  });

  it('lets automatic triggers wait for the backoff, but not the user', async () => {
    const t = await oneCalendar();
    t.engine.script(t.cal, serverBusy(10 * 60_000));
    await t.scheduler.request(all, 'start');

    await t.scheduler.request(all, 'focus');
    await t.scheduler.request(all, 'online');
    expect(t.engine.calls).toHaveLength(1);

    await t.scheduler.request(all, 'user');
    expect(t.engine.calls).toHaveLength(2);
    expect((await t.db.syncState.get(t.cal))?.status.phase).toBe('idle');
  });

  it('retries at once when coming back online after a network failure', async () => {
    const t = await oneCalendar();
    t.engine.script(t.cal, offline);
    await t.scheduler.request(all, 'start');
    await t.scheduler.request(all, 'focus');
    expect(t.engine.calls).toHaveLength(1);

    await t.scheduler.request(all, 'online');
    expect(t.engine.calls).toHaveLength(2);
  });
});

describe('scheduler: an authentication failure', () => {
  it('stops the account, marks it needsPassword and records failed with retryAt null', async () => {
    const t = await oneCalendar();
    const second = await addCalendar(t.db, 'cal-2', t.account);
    const other = await addCalDavAccount(t.db, 'other');
    const elsewhere = await addCalendar(t.db, 'elsewhere', other);
    t.engine.script(t.cal, wrongPassword);
    await t.scheduler.start();

    await t.scheduler.request(all, 'start');

    expect(t.engine.calls).toEqual([t.cal, elsewhere]);
    const account = await t.db.accounts.get(t.account);
    expect(account).toMatchObject({ needsPassword: true });
    for (const id of [t.cal, second]) {
      expect((await t.db.syncState.get(id))?.status).toMatchObject({
        phase: 'failed',
        retryAt: null,
        error: { kind: 'auth' },
      });
    }
    // No retry timer; no trigger, not even the user's, reaches the server with the wrong password.
    t.clock.advance(3 * 3_600_000);
    await t.scheduler.request(all, 'user');
    await vi.waitFor(() => {
      expect(t.engine.calls.filter((id) => id === elsewhere).length).toBeGreaterThan(1);
    });
    expect(t.engine.calls.filter((id) => id !== elsewhere)).toEqual([t.cal]);
    t.scheduler.dispose();
  });

  it('resumes the account once the password is changed', async () => {
    const t = await oneCalendar();
    t.engine.script(t.cal, wrongPassword);
    await t.scheduler.request(all, 'start');
    await patchAccount(t.db, t.account, { needsPassword: false });

    await t.scheduler.resumeAccount(t.account);

    expect(t.engine.calls).toEqual([t.cal, t.cal]);
    expect((await t.db.syncState.get(t.cal))?.status.phase).toBe('idle');
  });
});
