import type { Cancel, Schedule } from '../../../src/core/sync/timers';

export interface Debouncer<T> {
  /** Adds an item; resolves when the flush that includes it has finished. */
  push(item: T): Promise<void>;
  /** Drops pending items without flushing; their promises resolve. */
  cancel(): void;
}

/**
 * Collects items and flushes them together `delayMs` after the last one (each push restarts the wait),
 * so a burst of local edits becomes one sync shortly after the burst ends.
 */
export function createDebouncer<T>(
  schedule: Schedule,
  delayMs: number,
  flush: (items: readonly T[]) => Promise<void>,
): Debouncer<T> {
  let items: T[] = [];
  let waiters: (() => void)[] = [];
  let cancelTimer: Cancel | null = null;

  const settle = (done: readonly (() => void)[]): void => {
    for (const resolve of done) resolve();
  };

  const fire = (): void => {
    cancelTimer = null;
    const batch = items;
    const done = waiters;
    items = [];
    waiters = [];
    void flush(batch).finally(() => {
      settle(done);
    });
  };

  return {
    push(item) {
      items.push(item);
      cancelTimer?.();
      cancelTimer = schedule(delayMs, fire);
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
      });
    },
    cancel() {
      cancelTimer?.();
      cancelTimer = null;
      const done = waiters;
      items = [];
      waiters = [];
      settle(done);
    },
  };
}
