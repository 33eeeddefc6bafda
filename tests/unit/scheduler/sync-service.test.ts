// Rule numbers in test names: docs/sync-rules.md.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphAccount } from '../../../src/core/model/account';
import type { AccountId } from '../../../src/core/model/ids';
import type { DiscoveredCalendar } from '../../../src/core/sync/sync-api';
import { createSyncService, type SyncService } from '../../../workers/sync/sync-service';
import { markSignedInAgain } from '../../../src/core/accounts/graph-account-repo';
import {
  addCalDavAccount,
  addCalendar,
  harness,
  offline,
  patchAccount,
  wrongPassword,
} from './scheduler-harness';

const login = { serverUrl: 'https://dav.example/', username: 'ann', password: 'secret' };
const found: DiscoveredCalendar = {
  url: 'https://dav.example/cal/work/',
  name: 'Work',
  color: null,
  readOnly: false,
  supportsSyncCollection: true,
};

function service() {
  const h = harness();
  const saved: string[] = [];
  const removed: AccountId[] = [];
  const answers: string[] = [];
  const svc = createSyncService({
    ...h.deps,
    discover: (l) => Promise.resolve({ serverUrl: `${l.serverUrl}home/`, calendars: [found] }),
    saveAccount: async (l) => {
      saved.push(l.name);
      const id = await addCalDavAccount(h.db, 'new-account');
      await addCalendar(h.db, 'work', id);
      return id;
    },
    savePassword: async (id, password) => {
      saved.push(password);
      await patchAccount(h.db, id, { needsPassword: false });
    },
    deleteAccount: async (id) => {
      removed.push(id);
      await h.db.calendars.where('accountId').equals(id).delete();
      await h.db.accounts.delete(id);
    },
    syncCalendar: (calendarId) => h.engine.syncCalendar(calendarId),
    answerEmptyOnServer: (calendarId, answer) => {
      answers.push(`${calendarId} ${answer}`);
      return Promise.resolve(answer === 'put-back');
    },
  });
  services.push(svc);
  return { ...h, svc, saved, removed, answers };
}

const services: SyncService[] = [];
afterEach(() => {
  for (const svc of services.splice(0)) svc.dispose();
});

describe('the sync service (SyncApi in the worker)', () => {
  it('discovers through the injected discovery', async () => {
    const s = service();
    expect(await s.svc.discoverCalDav(login)).toEqual({
      serverUrl: 'https://dav.example/home/',
      calendars: [found],
    });
  });

  it('stores a new account, arms its timer and starts its first sync', async () => {
    const s = service();
    const id = await s.svc.addAccount({ kind: 'caldav', ...login, name: 'Work', provider: 'other' }, [found]);

    expect(s.saved).toEqual(['Work']);
    expect(id).toBe('new-account');
    await vi.waitFor(() => {
      expect(s.engine.calls).toEqual(['work']);
    });
    expect(s.clock.pendingDelays()).toContain(2 * 60_000);
  });

  it('after a new password, clears needsPassword and syncs again', async () => {
    const s = service();
    const id = await addCalDavAccount(s.db, 'acc');
    const cal = await addCalendar(s.db, 'cal', id);
    s.engine.script(cal, wrongPassword);
    await s.svc.syncNow({ kind: 'all' }, 'start');
    expect(await s.db.accounts.get(id)).toMatchObject({ needsPassword: true });

    await s.svc.updatePassword(id, 'new secret');

    expect(s.saved).toEqual(['new secret']);
    expect(await s.db.accounts.get(id)).toMatchObject({ needsPassword: false });
    await vi.waitFor(async () => {
      expect((await s.db.syncState.get(cal))?.status.phase).toBe('idle');
    });
    expect(s.engine.calls).toEqual([cal, cal]);
  });

  it('rule 51: signing in again resumes a Microsoft account: its backoff forgotten, a sync at once, its timer armed', async () => {
    const s = service();
    const id = 'ms' as AccountId;
    const account: GraphAccount = {
      id,
      kind: 'graph',
      name: 'Ada',
      homeAccountId: 'uid.tid',
      username: 'ada@example.org',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      syncIntervalMinutes: 2,
      needsSignIn: false,
      createdAt: 0,
    };
    await s.db.accounts.put(account);
    const cal = await addCalendar(s.db, 'outlook', id);
    // Offline first (a retry armed after 22.5 s, the first failure's), then Graph wants a new sign-in.
    s.engine.script(cal, offline, wrongPassword, offline);
    await s.svc.syncNow({ kind: 'all' }, 'start');
    expect(s.clock.pendingDelays()).toContain(22_500);
    s.clock.advance(22_500);
    await vi.waitFor(async () => {
      expect(await s.db.accounts.get(id)).toMatchObject({ needsSignIn: true });
    });
    expect(s.engine.calls).toEqual([cal, cal]);

    // The page cleared the flag after the sign-in (markSignedInAgain), then asks the worker to resume.
    expect(await markSignedInAgain(s.db, id, 'uid.tid')).toBe(true);
    await s.svc.resumeAccount(id);

    await vi.waitFor(() => {
      expect(s.engine.calls).toEqual([cal, cal, cal]);
    });
    // Offline again: counted as a first failure (22.5 s), not a second one (45 s).
    await vi.waitFor(() => {
      expect(s.clock.pendingDelays()).toEqual([22_500, 2 * 60_000]);
    });
  });

  it('removes an account and stops its timer', async () => {
    const s = service();
    const id = await addCalDavAccount(s.db, 'acc', { syncIntervalMinutes: 7 });
    await addCalendar(s.db, 'cal', id);
    await vi.waitFor(() => {
      expect(s.clock.pendingDelays()).toEqual([7 * 60_000]);
    });

    await s.svc.removeAccount(id);

    expect(s.removed).toEqual([id]);
    expect(s.clock.pendingDelays()).toEqual([]);
  });

  it('rule 5: passes the answer under the calendar lock, then syncs the calendar; no sync when none was pending', async () => {
    const s = service();
    const id = await addCalDavAccount(s.db, 'acc');
    const cal = await addCalendar(s.db, 'cal', id);
    expect(await s.svc.answerEmptyOnServer(cal, 'empty-here')).toBe(false);
    expect(s.engine.calls).toEqual([]);

    expect(await s.svc.answerEmptyOnServer(cal, 'put-back')).toBe(true);

    expect(s.answers).toEqual([`${cal} empty-here`, `${cal} put-back`]);
    expect(s.locksTaken).toContain(`almanac-sync:calendar:${cal}`);
    await vi.waitFor(() => {
      expect(s.engine.calls).toEqual([cal]);
    });
  });

  it('follows an interval changed elsewhere (Settings writes the account directly)', async () => {
    const s = service();
    const id = await addCalDavAccount(s.db, 'acc');
    await vi.waitFor(() => {
      expect(s.clock.pendingDelays()).toEqual([2 * 60_000]);
    });
    await patchAccount(s.db, id, { syncIntervalMinutes: 15 });
    await vi.waitFor(() => {
      expect(s.clock.pendingDelays()).toEqual([15 * 60_000]);
    });
  });
});
