import { createSignal, onCleanup, type Accessor } from 'solid-js';

const MINUTE_MS = 60_000;

/**
 * The current time as a signal that ticks at each minute boundary, so views that depend on "now"
 * (what is in progress, what is "Today") re-evaluate as time passes. Timers are throttled in hidden
 * tabs, so it also ticks when the tab becomes visible again. Released with the owner.
 */
export function createMinuteClock(): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (): void => {
    clearTimeout(timer);
    const current = Date.now();
    setNow(current);
    timer = setTimeout(schedule, MINUTE_MS - (current % MINUTE_MS) + 50);
  };
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') schedule();
  };

  schedule();
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });
  return now;
}
