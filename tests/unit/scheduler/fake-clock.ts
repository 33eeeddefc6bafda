import type { Cancel, Schedule } from '../../../src/core/sync/timers';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

/** A clock and timers the test moves by hand: `advance` fires what falls due, in time order. */
export interface FakeClock {
  readonly now: () => number;
  readonly schedule: Schedule;
  /** Delays of the timers still pending, from now, sorted. */
  pendingDelays(): number[];
  advance(ms: number): void;
}

export function createFakeClock(start: number): FakeClock {
  let now = start;
  let seq = 0;
  const timers = new Set<Timer>();
  return {
    now: () => now,
    schedule(ms, fn): Cancel {
      const timer = { at: now + ms, seq: seq++, fn };
      timers.add(timer);
      return () => {
        timers.delete(timer);
      };
    },
    pendingDelays: () => [...timers].map((t) => t.at - now).sort((a, b) => a - b),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!due) break;
        timers.delete(due);
        now = due.at;
        due.fn();
      }
      now = end;
    },
  };
}
