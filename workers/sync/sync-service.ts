import { liveQuery } from 'dexie';
import {
  accountCredentials,
  saveCalDavAccount,
  updateAccountPassword,
} from '../../src/core/accounts/account-repo';
import { removeAccount } from '../../src/core/accounts/account-removal';
import { isCalDavProvider } from '../../src/core/accounts/provider-presets';
import type { AlmanacDb } from '../../src/core/db/almanac-db';
import type { AccountId, CalendarId } from '../../src/core/model/ids';
import type {
  CalDavLogin,
  DiscoveredCalendar,
  DiscoveryResult,
  EmptyOnServerAnswer,
  NewAccountInput,
  SyncApi,
} from '../../src/core/sync/sync-api';
import { calendarSyncLockName, type WithLock } from '../../src/core/sync/sync-locks';
import type { SyncLogWrite } from '../../src/core/sync/sync-log';
import type { Schedule } from '../../src/core/sync/timers';
import { createSyncEngine } from './engine/sync-engine';
import { discoverCalDav } from './providers/caldav/discovery';
import { createGraphAccounts, noGraph, type GraphAccounts } from './graph-accounts';
import { createProviderFor } from './providers/provider-for';
import type { SchedulerLog } from './scheduler/scheduler-deps';
import { createSyncScheduler, type SyncScheduler } from './scheduler/sync-scheduler';
import { engineLogTo, schedulerLogTo } from './service-log';

/** The pieces the service glues together (the worker shell binds the real modules; tests bind fakes). */
export interface SyncServiceParts {
  readonly db: AlmanacDb;
  readonly discover: (login: CalDavLogin) => Promise<DiscoveryResult>;
  /** Microsoft 365 accounts: the page's token source, discovery and storing (graph-accounts.ts);
   *  absent where there are none to add (tests of the CalDAV side). */
  readonly graph?: Pick<GraphAccounts, 'setTokenSource' | 'discover'>;
  /** Stores the account (password encrypted) and its chosen calendars. */
  readonly saveAccount: (
    account: NewAccountInput,
    calendars: readonly DiscoveredCalendar[],
  ) => Promise<AccountId>;
  /** Stores the new password encrypted and clears the account's needsPassword. */
  readonly savePassword: (accountId: AccountId, password: string) => Promise<void>;
  /** Removes the account with its calendars, events, outbox entries, sync state and credentials. */
  readonly deleteAccount: (accountId: AccountId) => Promise<void>;
  /** Applies the user's rule-5 answer (docs/sync-rules.md; the engine); true when a question was pending. */
  readonly answerEmptyOnServer: (calendarId: CalendarId, answer: EmptyOnServerAnswer) => Promise<boolean>;
  /** One calendar's sync (the engine). */
  readonly syncCalendar: Parameters<typeof createSyncScheduler>[0]['syncCalendar'];
  readonly withLock: WithLock;
  readonly schedule: Schedule;
  readonly now: () => number;
  readonly random: () => number;
  readonly log: SchedulerLog;
}

export interface SyncService extends SyncApi {
  /** Stops timers and the accounts watch (tests; a worker simply ends). */
  dispose(): void;
}

/**
 * The worker's side of SyncApi: discovery, accounts and sync requests, with the scheduler deciding
 * when each calendar syncs. Arms the per-account timers at once and follows account changes made
 * anywhere (a new interval set in Settings, a password given, an account removed in another tab).
 */
export function createSyncService(parts: SyncServiceParts): SyncService {
  const scheduler: SyncScheduler = createSyncScheduler(parts);

  const background = (what: string, work: Promise<unknown>): void => {
    work.catch((error: unknown) => {
      parts.log('service-task-failed', { what, error: error instanceof Error ? error.name : 'unknown' });
    });
  };

  const accountsWatch = liveQuery(() => parts.db.accounts.toArray()).subscribe({
    next: () => {
      background('refresh-accounts', scheduler.refreshAccounts());
    },
    error: (error: unknown) => {
      parts.log('accounts-watch-failed', { error: error instanceof Error ? error.name : 'unknown' });
    },
  });

  return {
    discoverCalDav: (login) => parts.discover(login),

    discoverGraph: (input) => (parts.graph ?? noGraph).discover(input),

    setTokenSource(source) {
      parts.graph?.setTokenSource(source);
      return Promise.resolve();
    },

    async addAccount(account, calendars) {
      const accountId = await parts.saveAccount(account, calendars);
      await scheduler.refreshAccounts();
      // The first sync may take a while: the UI follows it through the calendars' status.
      background('first-sync', scheduler.request({ kind: 'account', accountId }, 'start'));
      return accountId;
    },

    async updatePassword(accountId, password) {
      await parts.savePassword(accountId, password);
      background('resume', scheduler.resumeAccount(accountId));
    },

    resumeAccount(accountId) {
      background('resume', scheduler.resumeAccount(accountId));
      return Promise.resolve();
    },

    async removeAccount(accountId) {
      await scheduler.whileAccountQuiet(accountId, () => parts.deleteAccount(accountId));
      await scheduler.refreshAccounts();
    },

    syncNow: (target, reason) => scheduler.request(target, reason),

    async answerEmptyOnServer(calendarId, answer) {
      // Under the calendar's sync lock: never halfway through a sync of it in any context.
      const applied = await parts.withLock(calendarSyncLockName(calendarId), () =>
        parts.answerEmptyOnServer(calendarId, answer),
      );
      // The answer reset the calendar's sync: run it now (the user acted, so no backoff waits).
      if (applied) background('after-answer', scheduler.request({ kind: 'calendar', calendarId }, 'user'));
      return applied;
    },

    dispose() {
      accountsWatch.unsubscribe();
      scheduler.dispose();
    },
  };
}

/** What the worker shell provides: its own database handle and the platform's fetch, time, locks, crypto. */
export interface SyncPlatform {
  readonly db: AlmanacDb;
  /** Reaches CalDAV servers, already through the CORS proxy (proxied-fetch.ts). */
  readonly fetch: typeof fetch;
  /** The platform's own fetch, for Graph (it sends CORS headers: never through the proxy); absent
   *  where Graph is never reached (the service worker leaves Microsoft accounts to the page). */
  readonly directFetch?: typeof fetch;
  readonly now: () => number;
  readonly random: () => number;
  readonly viewerZone: string;
  readonly subtle: SubtleCrypto;
  readonly withLock: WithLock;
  readonly schedule: Schedule;
  /** The sync log (src/core/sync/sync-log.ts): the engine's and the scheduler's lines go there. */
  readonly log: SyncLogWrite;
}

/** The service with the real discovery, account repository and engine bound to the platform. */
export function createWorkerSyncService(platform: SyncPlatform): SyncService {
  const { db, subtle } = platform;
  const ctx = { now: platform.now, viewerZone: platform.viewerZone };
  const graph = createGraphAccounts({
    db,
    fetch:
      platform.directFetch ??
      (() => Promise.reject(new TypeError('Graph is reached from the sync worker only.'))),
    ctx,
    random: platform.random,
    sleep: (ms) =>
      new Promise((resolve) => {
        platform.schedule(ms, resolve);
      }),
  });
  const engine = createSyncEngine({
    db,
    providerFor: createProviderFor({
      fetch: platform.fetch,
      now: platform.now,
      login: (account) => accountCredentials({ db, subtle }, account.id),
      ...(platform.directFetch
        ? {
            graph: {
              fetch: platform.directFetch,
              tokenFor: (homeAccountId) => graph.tokenFor(homeAccountId),
              db,
              ctx,
            },
          }
        : {}),
    }),
    now: platform.now,
    viewerZone: platform.viewerZone,
    random: platform.random,
    log: engineLogTo(platform.log),
  });
  return createSyncService({
    ...platform,
    log: schedulerLogTo(platform.log),
    discover: (login) => discoverCalDav(login, { fetch: platform.fetch }),
    graph,
    saveAccount: (input, calendars) =>
      input.kind === 'graph'
        ? graph.save(input, calendars)
        : saveCalDavAccount(
            db,
            {
              name: input.name,
              provider: isCalDavProvider(input.provider) ? input.provider : 'other',
              serverUrl: input.serverUrl,
              username: input.username,
              password: input.password,
              calendars,
            },
            { ctx, subtle },
          ),
    savePassword: (accountId, password) => updateAccountPassword(db, accountId, password, { subtle }),
    deleteAccount: (accountId) => removeAccount(db, accountId),
    syncCalendar: async (calendarId) => {
      await engine.syncCalendar(calendarId);
    },
    answerEmptyOnServer: async (calendarId, answer) =>
      (await engine.answerEmptyOnServer(calendarId, answer)).applied,
  });
}
