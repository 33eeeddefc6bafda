/**
 * Keeps subscribed calendars fresh while the app is open: every feed whose refresh interval has passed
 * since it was last checked is refreshed (one at a time), then the next run is scheduled for the
 * earliest next due time, checking at least every few minutes so new subscriptions join in.
 * Time and timers are injected (src/core/sync/timers.ts), so tests drive it with a fake clock.
 */
import type { Calendar } from '../model/calendar';
import type { Cancel, Schedule } from '../sync/timers';
import { refreshSubscription, type RefreshDeps, type RefreshOutcome } from './refresh-subscription';

export const MAX_CHECK_INTERVAL_MS = 5 * 60_000;

/** When a subscribed calendar is next due (epoch ms). */
export function nextDueAt(calendar: Calendar): number | null {
  const subscription = calendar.subscription;
  if (!subscription) return null;
  return subscription.lastCheckedAt + subscription.refreshMinutes * 60_000;
}

export interface RefreshSchedulerDeps extends RefreshDeps {
  readonly schedule: Schedule;
  /** Told about every refresh (logging, tests). */
  readonly onRefreshed?: (calendar: Calendar, outcome: RefreshOutcome) => void;
  /** Storage trouble while reading the calendars; the loop goes on. */
  readonly onError?: (error: unknown) => void;
}

/** Refreshes what is due now; resolves to the next due time (or null with no subscription). */
export async function refreshDue(deps: RefreshSchedulerDeps): Promise<number | null> {
  const calendars = await deps.db.calendars.toArray();
  let next: number | null = null;
  for (const calendar of calendars) {
    const due = nextDueAt(calendar);
    if (due === null) continue;
    if (due <= deps.ctx.now()) {
      const outcome = await refreshSubscription(deps, calendar.id);
      deps.onRefreshed?.(calendar, outcome);
      const after = await deps.db.calendars.get(calendar.id);
      const again = after ? nextDueAt(after) : null;
      if (again !== null) next = next === null ? again : Math.min(next, again);
    } else {
      next = next === null ? due : Math.min(next, due);
    }
  }
  return next;
}

/** Starts the loop (first run at once); the returned function stops it. */
export function startSubscriptionRefresh(deps: RefreshSchedulerDeps): Cancel {
  let stopped = false;
  let cancelTimer: Cancel = () => undefined;
  const run = async (): Promise<void> => {
    let next: number | null = null;
    try {
      next = await refreshDue(deps);
    } catch (error) {
      deps.onError?.(error);
    } finally {
      if (!stopped) {
        const wait = next === null ? MAX_CHECK_INTERVAL_MS : next - deps.ctx.now();
        const delay = Math.max(1_000, Math.min(MAX_CHECK_INTERVAL_MS, wait));
        cancelTimer = deps.schedule(delay, () => {
          void run();
        });
      }
    }
  };
  void run();
  return () => {
    stopped = true;
    cancelTimer();
  };
}
