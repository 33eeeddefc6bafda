/**
 * Starts the refresh loop of subscribed calendars on the page, once (src/core/subscriptions/
 * refresh-scheduler.ts): real time, setTimeout, and the proxied fetch. Started in the background at
 * start-up; a second call does nothing.
 */
import { startSubscriptionRefresh } from '../../core/subscriptions/refresh-scheduler';
import { db, pageContext } from '../../lib/db';
import { feedFetch } from './feed-fetch';

let started = false;

export function ensureSubscriptionRefresh(): void {
  if (started) return;
  started = true;
  startSubscriptionRefresh({
    db,
    fetch: feedFetch,
    ctx: pageContext(),
    schedule: (ms, fn) => {
      const timer = setTimeout(fn, ms);
      return () => {
        clearTimeout(timer);
      };
    },
  });
}
