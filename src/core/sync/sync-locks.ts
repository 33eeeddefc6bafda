import type { CalendarId } from '../model/ids';

/**
 * Runs `fn` while holding the named lock, across tabs, workers and the service worker (Web Locks
 * `navigator.locks.request(name, fn)` in the shells; an in-memory fake in tests). Waits for the lock.
 */
export type WithLock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/** The lock every context takes before syncing a calendar: at most one sync of it at a time. */
export function calendarSyncLockName(calendarId: CalendarId): string {
  return `almanac-sync:calendar:${calendarId}`;
}

/**
 * An in-process WithLock: callers of one name run one after another, in arrival order. Used by tests
 * and where Web Locks are missing (the shells prefer `navigator.locks`).
 */
export function createMemoryLocks(): WithLock {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(name, tail);
    try {
      return await run;
    } finally {
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}
