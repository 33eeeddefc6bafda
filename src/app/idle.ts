import { afterPaint } from '../lib/after-paint';

/** Work that waits this long at most for the page to go idle (a page kept busy still gets it done). */
const IDLE_TIMEOUT_MS = 3_000;

/**
 * Runs `task` once the page has painted and then gone idle, so start-up chores (background tasks, the
 * service worker's registration) never compete with the first paint or FullCalendar's first render.
 */
export function whenIdle(task: () => void): void {
  afterPaint(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(task, 0);
  });
}
