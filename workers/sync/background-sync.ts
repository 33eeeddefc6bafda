/**
 * The service worker's way into the sync service (workers/sw/background.ts): one run, then nothing
 * left behind (no timers, no watch). Same engine, same Web Lock per calendar, same credentials (the
 * non-extractable key in IndexedDB) as the sync worker, so a background run and an open tab never
 * sync one calendar at the same time.
 */
import type { AlmanacDb } from '../../src/core/db/almanac-db';
import type { CalendarId } from '../../src/core/model/ids';
import type { SyncTarget } from '../../src/core/sync/sync-api';
import { createSyncLogWriter } from '../../src/core/sync/sync-log';
import type { SchedulerLog } from './scheduler/scheduler-deps';
import { createWorkerSyncService, type SyncPlatform } from './sync-service';

/**
 * The platform minus timers: a service worker may be stopped at any time, so it schedules nothing.
 * Its `log` is the service worker's console; the lines themselves go to the sync log, as the worker's do.
 */
export type BackgroundSyncPlatform = Omit<SyncPlatform, 'schedule' | 'log'> & { readonly log: SchedulerLog };

export const BackgroundSyncScope = { outbox: 'outbox', all: 'all' } as const;
export type BackgroundSyncScope = (typeof BackgroundSyncScope)[keyof typeof BackgroundSyncScope];

/** Changes still waiting that could have been sent now (not held back by a backoff). */
export async function dueOutboxCount(db: AlmanacDb, now: number): Promise<number> {
  return db.outbox.filter((entry) => entry.notBefore <= now).count();
}

/**
 * What a background run syncs. Never a Microsoft 365 account: its tokens come from an open page
 * (docs/sync-rules.md rule 50), so its changes wait for the next page, which syncs at start.
 */
async function targetsFor(
  db: AlmanacDb,
  scope: BackgroundSyncScope,
  log: SchedulerLog,
): Promise<SyncTarget[]> {
  const accounts = await db.accounts.toArray();
  const graph = new Set(accounts.filter((account) => account.kind === 'graph').map((account) => account.id));
  if (graph.size > 0) log('background-sync-leaves-graph-to-the-page', { accounts: graph.size });
  if (scope === BackgroundSyncScope.all) {
    if (graph.size === 0) return [{ kind: 'all' }];
    return accounts
      .filter((account) => account.kind !== 'local' && !graph.has(account.id))
      .map((account) => ({ kind: 'account', accountId: account.id }));
  }
  const skipped = new Set(
    (await db.calendars.toArray())
      .filter((calendar) => graph.has(calendar.accountId))
      .map((calendar) => calendar.id),
  );
  const calendarIds = new Set<CalendarId>((await db.outbox.toArray()).map((entry) => entry.calendarId));
  return [...calendarIds]
    .filter((calendarId) => !skipped.has(calendarId))
    .map((calendarId) => ({ kind: 'calendar', calendarId }));
}

/**
 * `outbox`: sync (push, then pull) the calendars with unsent changes; `all`: every synced calendar.
 * Resolves with how many due changes are still unsent (the caller may ask the browser to retry).
 */
export async function runBackgroundSync(
  platform: BackgroundSyncPlatform,
  scope: BackgroundSyncScope,
): Promise<{ readonly unsent: number }> {
  const targets = await targetsFor(platform.db, scope, platform.log);
  if (targets.length > 0) {
    const journal = createSyncLogWriter({ db: platform.db, now: platform.now });
    const service = createWorkerSyncService({
      ...platform,
      schedule: () => () => undefined,
      log: (line) => {
        journal.write(line);
        if (line.level === 'error') platform.log(`sync-log-${line.code}-error`, {});
      },
    });
    try {
      for (const target of targets) await service.syncNow(target, 'background');
    } finally {
      service.dispose();
      // The caller closes the database next: the lines are stored first.
      await journal.flush();
    }
  }
  return { unsent: await dueOutboxCount(platform.db, platform.now()) };
}
