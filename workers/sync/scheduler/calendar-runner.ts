import { ErrorKind, toAppErrorData, type AppErrorData } from '../../../src/core/errors';
import type { CalendarId } from '../../../src/core/model/ids';
import { calendarSyncLockName } from '../../../src/core/sync/sync-locks';
import type { Cancel } from '../../../src/core/sync/timers';
import { retryDelay } from './backoff';
import type { RunReason, SchedulerDeps } from './scheduler-deps';
import {
  calendarIdsOf,
  lastOkAt,
  markNeedsPassword,
  stillSyncable,
  writeFailed,
  writeSynced,
  type SyncJob,
} from './status-store';

export type RunOutcome = 'ok' | 'failed' | 'auth' | 'deferred' | 'skipped';

interface CalendarState {
  running: Promise<RunOutcome> | null;
  followUp: Promise<RunOutcome> | null;
  failures: number;
  retryAt: number | null;
  lastKind: AppErrorData['kind'] | null;
  cancelRetry: Cancel | null;
}

/** Failures that a password fixes: stop retrying and ask the user (issue 3, point 5). */
const PASSWORD_KINDS: ReadonlySet<string> = new Set([ErrorKind.auth, ErrorKind.appPasswordNeeded]);
/** Failures that coming back online may have fixed. */
const OFFLINE_KINDS: ReadonlySet<string> = new Set([ErrorKind.network, ErrorKind.serverNotFound]);

/**
 * Runs one calendar's sync at a time: under the cross-context lock, coalescing requests that arrive
 * while it runs into one follow-up run, skipping automatic triggers while a backoff is pending, and
 * recording the outcome (idle + lastOkAt, or failed + error + retryAt).
 */
export function createCalendarRunner(deps: SchedulerDeps) {
  const states = new Map<CalendarId, CalendarState>();
  let disposed = false;

  const stateOf = (id: CalendarId): CalendarState => {
    let state = states.get(id);
    if (!state) {
      state = {
        running: null,
        followUp: null,
        failures: 0,
        retryAt: null,
        lastKind: null,
        cancelRetry: null,
      };
      states.set(id, state);
    }
    return state;
  };

  /** Automatic triggers wait for the backoff; the user, a due retry and (after a network failure) coming online do not. */
  const waitsForBackoff = (state: CalendarState, reason: RunReason): boolean => {
    if (state.retryAt === null || deps.now() >= state.retryAt) return false;
    if (reason === 'user' || reason === 'retry') return false;
    return !(reason === 'online' && state.lastKind !== null && OFFLINE_KINDS.has(state.lastKind));
  };

  const clearRetry = (state: CalendarState): void => {
    state.cancelRetry?.();
    state.cancelRetry = null;
  };

  const armRetry = (job: SyncJob, state: CalendarState, delay: number): void => {
    clearRetry(state);
    if (disposed) return;
    state.cancelRetry = deps.schedule(delay, () => {
      state.cancelRetry = null;
      void run(job, 'retry');
    });
  };

  async function onAuthFailure(job: SyncJob, error: AppErrorData): Promise<void> {
    await markNeedsPassword(deps.db, job.accountId);
    for (const calendarId of await calendarIdsOf(deps.db, job.accountId)) {
      const state = stateOf(calendarId);
      clearRetry(state);
      state.retryAt = null;
      state.lastKind = error.kind;
      await writeFailed(deps.db, calendarId, error, null, await lastOkAt(deps.db, calendarId));
    }
  }

  async function onFailure(job: SyncJob, state: CalendarState, error: AppErrorData, okAt: number | null) {
    state.failures += 1;
    state.lastKind = error.kind;
    const delay = error.retryable ? retryDelay(state.failures, error, deps.random) : null;
    state.retryAt = delay === null ? null : deps.now() + delay;
    if (delay === null) clearRetry(state);
    else armRetry(job, state, delay);
    await writeFailed(deps.db, job.calendarId, error, state.retryAt, okAt);
  }

  async function execute(job: SyncJob, state: CalendarState, reason: RunReason): Promise<RunOutcome> {
    return deps.withLock(calendarSyncLockName(job.calendarId), async () => {
      // Another context may have removed the calendar or hit an auth failure while we waited.
      if (disposed || !(await stillSyncable(deps.db, job))) return 'skipped';
      const okAt = await lastOkAt(deps.db, job.calendarId);
      const startedAt = deps.now();
      try {
        await deps.syncCalendar(job.calendarId, job.accountId);
      } catch (thrown) {
        const error = toAppErrorData(thrown);
        deps.log('sync-failed', {
          calendarId: job.calendarId,
          reason,
          kind: error.kind,
          retryable: error.retryable,
        });
        if (PASSWORD_KINDS.has(error.kind)) {
          await onAuthFailure(job, error);
          return 'auth';
        }
        await onFailure(job, state, error, okAt);
        return 'failed';
      }
      state.failures = 0;
      state.retryAt = null;
      state.lastKind = null;
      clearRetry(state);
      await writeSynced(deps.db, job.calendarId, deps.now());
      deps.log('synced', { calendarId: job.calendarId, reason, ms: deps.now() - startedAt });
      return 'ok';
    });
  }

  /** Runs (or joins) the calendar's sync. Never rejects: failures are recorded in its status. */
  function run(job: SyncJob, reason: RunReason): Promise<RunOutcome> {
    const state = stateOf(job.calendarId);
    if (state.running) {
      // A change may have arrived after the running sync pushed: one more run after it, shared.
      state.followUp ??= state.running.then(() => {
        state.followUp = null;
        return run(job, reason);
      });
      return state.followUp;
    }
    if (disposed) return Promise.resolve('skipped');
    if (waitsForBackoff(state, reason)) return Promise.resolve('deferred');
    const running = execute(job, state, reason)
      .catch((error: unknown) => {
        // Only the status write itself can land here (storage trouble): log it, keep the scheduler alive.
        deps.log('sync-status-write-failed', {
          calendarId: job.calendarId,
          kind: toAppErrorData(error).kind,
        });
        return 'failed' as const;
      })
      .finally(() => {
        state.running = null;
      });
    state.running = running;
    return running;
  }

  return {
    run,
    /** Forgets an account's backoff (after a new password) so its next run starts afresh. */
    resetAccount(calendarIds: readonly CalendarId[]): void {
      for (const id of calendarIds) {
        const state = stateOf(id);
        clearRetry(state);
        state.failures = 0;
        state.retryAt = null;
        state.lastKind = null;
      }
    },
    /** The run in progress or queued for a calendar, to wait for before removing it. */
    pending(id: CalendarId): Promise<unknown> {
      const state = states.get(id);
      return state?.followUp ?? state?.running ?? Promise.resolve();
    },
    dispose(): void {
      disposed = true;
      for (const state of states.values()) clearRetry(state);
    },
  };
}

export type CalendarRunner = ReturnType<typeof createCalendarRunner>;
