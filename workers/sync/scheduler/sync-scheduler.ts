import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import type { SyncReason, SyncTarget } from '../../../src/core/sync/sync-api';
import { calendarSyncLockName } from '../../../src/core/sync/sync-locks';
import type { Cancel } from '../../../src/core/sync/timers';
import { MINUTE_MS } from './backoff';
import { createCalendarRunner, type RunOutcome } from './calendar-runner';
import { createDebouncer } from './debouncer';
import type { SchedulerDeps } from './scheduler-deps';
import { calendarIdsOf, jobsFor, syncedAccounts, type SyncJob } from './status-store';

export const LOCAL_CHANGE_DELAY_MS = 2_000;

export interface SyncScheduler {
  /** Arms the per-account interval timers (the page asks for the 'start' sync itself). */
  start(): Promise<void>;
  /**
   * Syncs what the target names and resolves when done; never rejects (outcomes go to syncState).
   * 'local-change' requests wait a short while, so a burst of edits becomes one sync.
   */
  request(target: SyncTarget, reason: SyncReason): Promise<void>;
  /** Re-reads the accounts: arms timers for new ones, follows interval changes, drops removed ones. */
  refreshAccounts(): Promise<void>;
  /** After a new password: forgets the backoff and syncs the account now. */
  resumeAccount(accountId: AccountId): Promise<void>;
  /** Runs `fn` (removing the account) with no sync of its calendars running anywhere, nor starting. */
  whileAccountQuiet<T>(accountId: AccountId, fn: () => Promise<T>): Promise<T>;
  dispose(): void;
}

interface IntervalTimer {
  readonly minutes: number;
  readonly cancel: Cancel;
}

/**
 * When to sync: on request (start, focus, online, user), shortly after local changes, every N minutes
 * per account, and on retries the backoff schedules (calendar-runner.ts). See README.md beside it.
 */
export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const runner = createCalendarRunner(deps);
  const intervals = new Map<AccountId, IntervalTimer>();
  const quiet = new Set<AccountId>();
  let disposed = false;

  async function runAccount(jobs: readonly SyncJob[], reason: SyncReason | 'retry'): Promise<void> {
    // One calendar after another: they share the server and the credentials; an auth failure stops all.
    for (const job of jobs) {
      const outcome: RunOutcome = await runner.run(job, reason);
      if (outcome === 'auth') return;
    }
  }

  async function runNow(targets: readonly SyncTarget[], reason: SyncReason): Promise<void> {
    if (disposed) return;
    const byAccount = new Map<AccountId, SyncJob[]>();
    const seen = new Set<CalendarId>();
    for (const target of targets) {
      for (const job of await jobsFor(deps.db, target)) {
        if (quiet.has(job.accountId) || seen.has(job.calendarId)) continue;
        seen.add(job.calendarId);
        byAccount.set(job.accountId, [...(byAccount.get(job.accountId) ?? []), job]);
      }
    }
    deps.log('sync-requested', { reason, calendars: seen.size });
    await Promise.all([...byAccount.values()].map((jobs) => runAccount(jobs, reason)));
  }

  /** Never rejects: reading accounts or calendars can only fail on storage trouble, which is logged. */
  async function safely(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      deps.log('scheduler-failed', { what, error: error instanceof Error ? error.name : 'unknown' });
    }
  }

  const localChanges = createDebouncer<SyncTarget>(
    deps.schedule,
    deps.localChangeDelayMs ?? LOCAL_CHANGE_DELAY_MS,
    (targets) => safely('local-change', () => runNow(mergeTargets(targets), 'local-change')),
  );

  function armInterval(accountId: AccountId, minutes: number): void {
    intervals.get(accountId)?.cancel();
    const cancel = deps.schedule(minutes * MINUTE_MS, () => {
      intervals.delete(accountId);
      void safely('interval', async () => {
        await runNow([{ kind: 'account', accountId }], 'interval');
        await refreshAccounts();
      });
    });
    intervals.set(accountId, { minutes, cancel });
  }

  async function refreshAccounts(): Promise<void> {
    if (disposed) return;
    const accounts = await syncedAccounts(deps.db);
    const active = new Set<AccountId>();
    for (const account of accounts) {
      if (account.needsPassword || quiet.has(account.accountId)) continue;
      active.add(account.accountId);
      if (intervals.get(account.accountId)?.minutes !== account.intervalMinutes) {
        armInterval(account.accountId, account.intervalMinutes);
      }
    }
    for (const [accountId, timer] of intervals) {
      if (active.has(accountId)) continue;
      timer.cancel();
      intervals.delete(accountId);
    }
  }

  function request(target: SyncTarget, reason: SyncReason): Promise<void> {
    if (reason === 'local-change') return localChanges.push(target);
    return safely(reason, () => runNow([target], reason));
  }

  async function whileAccountQuiet<T>(accountId: AccountId, fn: () => Promise<T>): Promise<T> {
    quiet.add(accountId);
    intervals.get(accountId)?.cancel();
    intervals.delete(accountId);
    try {
      const calendarIds = await calendarIdsOf(deps.db, accountId);
      await Promise.all(calendarIds.map((id) => runner.pending(id)));
      // Other tabs' workers and the service worker: hold every calendar's lock while fn runs.
      const locked = calendarIds.reduceRight<() => Promise<T>>(
        (inner, id) => () => deps.withLock(calendarSyncLockName(id), inner),
        fn,
      );
      return await locked();
    } finally {
      quiet.delete(accountId);
    }
  }

  return {
    start: refreshAccounts,
    request,
    refreshAccounts,
    async resumeAccount(accountId) {
      runner.resetAccount(await calendarIdsOf(deps.db, accountId));
      await refreshAccounts();
      await request({ kind: 'account', accountId }, 'user');
    },
    whileAccountQuiet,
    dispose() {
      disposed = true;
      localChanges.cancel();
      runner.dispose();
      for (const timer of intervals.values()) timer.cancel();
      intervals.clear();
    },
  };
}

/** One 'all' covers everything; otherwise each distinct target once. */
export function mergeTargets(targets: readonly SyncTarget[]): SyncTarget[] {
  const keyed = new Map<string, SyncTarget>();
  for (const target of targets) {
    if (target.kind === 'all') return [target];
    keyed.set(target.kind === 'account' ? `a:${target.accountId}` : `c:${target.calendarId}`, target);
  }
  return [...keyed.values()];
}
