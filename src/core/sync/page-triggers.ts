import type { CalendarId } from '../model/ids';
import type { SyncReason, SyncTarget } from './sync-api';

/** The newest outbox entry, as a live query sees it (null when the outbox is empty). */
export interface OutboxHead {
  readonly seq: number;
  readonly calendarId: CalendarId;
}

/** What the page gives the triggers: event subscriptions (each returns its unsubscribe) and the API. */
export interface TriggerSources {
  readonly onFocus: (fn: () => void) => () => void;
  /** Calls back when the page becomes visible again. */
  readonly onVisible: (fn: () => void) => () => void;
  readonly onOnline: (fn: () => void) => () => void;
  /** A live query on the outbox's newest entry: called at once, then after every change. */
  readonly watchOutboxHead: (fn: (head: OutboxHead | null) => void) => () => void;
  readonly syncNow: (target: SyncTarget, reason: SyncReason) => Promise<void>;
  readonly now: () => number;
}

/**
 * Focus and visibility fire together when the user comes back to the tab, and often: a quick look away
 * and back needs no second sync within this time. Coming online always syncs.
 */
export const FOCUS_THROTTLE_MS = 15_000;

/**
 * The page's sync triggers: at start, on focus / visibility (throttled), when the network is back, and
 * when a new outbox entry appears (a local change: the worker waits a moment so a burst syncs once).
 * Returns the function that removes them all.
 */
export function startPageTriggers(sources: TriggerSources): () => void {
  const all: SyncTarget = { kind: 'all' };
  let lastFocusSync = Number.NEGATIVE_INFINITY;
  let knownSeq: number | null = null;
  let firstAnswer = true;

  const sync = (target: SyncTarget, reason: SyncReason): void => {
    // syncNow records outcomes in syncState and does not reject; a worker that failed to start does,
    // and the next trigger tries again.
    sources.syncNow(target, reason).catch(() => undefined);
  };

  const onReturn = (reason: SyncReason) => () => {
    const now = sources.now();
    if (now - lastFocusSync < FOCUS_THROTTLE_MS) return;
    lastFocusSync = now;
    sync(all, reason);
  };

  const onOutbox = (head: OutboxHead | null): void => {
    const previous = knownSeq;
    // The first answer is what was already there (the start sync pushes it), even when it is "empty":
    // the first entry after an empty outbox is a new change, and must be pushed like any other.
    const first = firstAnswer;
    firstAnswer = false;
    if (head === null) return;
    knownSeq = Math.max(head.seq, previous ?? head.seq);
    if (first || (previous !== null && head.seq <= previous)) return;
    sync(
      previous !== null && head.seq === previous + 1
        ? { kind: 'calendar', calendarId: head.calendarId }
        : all,
      'local-change',
    );
  };

  lastFocusSync = sources.now();
  sync(all, 'start');
  const stops = [
    sources.onFocus(onReturn('focus')),
    sources.onVisible(onReturn('focus')),
    sources.onOnline(() => {
      sync(all, 'online');
    }),
    sources.watchOutboxHead(onOutbox),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
