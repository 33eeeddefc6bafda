/**
 * When an open page looks for reminders next: at the next one's fire time, but at least every
 * MAX_WAIT_MS (a sleeping laptop delays timers; a late wake-up then still fires what was missed, via
 * the catch-up from the last check) and never in a busy loop.
 */
export const MAX_WAIT_MS = 15 * 60_000;
export const MIN_WAIT_MS = 1_000;

export function nextCheckDelay(nextFireAt: number | null, now: number): number {
  const until = nextFireAt === null ? MAX_WAIT_MS : nextFireAt - now;
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, until));
}
