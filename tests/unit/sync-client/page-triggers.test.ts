import { describe, expect, it } from 'vitest';
import type { CalendarId } from '../../../src/core/model/ids';
import { FOCUS_THROTTLE_MS, startPageTriggers, type OutboxHead } from '../../../src/core/sync/page-triggers';
import type { SyncReason, SyncTarget } from '../../../src/core/sync/sync-api';

function fakePage() {
  let now = 1_000_000;
  const listeners = {
    focus: new Set<() => void>(),
    visible: new Set<() => void>(),
    online: new Set<() => void>(),
  };
  const outbox = new Set<(head: OutboxHead | null) => void>();
  const calls: [SyncTarget, SyncReason][] = [];
  const subscribe = (set: Set<() => void>) => (fn: () => void) => {
    set.add(fn);
    return () => set.delete(fn);
  };
  const stop = startPageTriggers({
    onFocus: subscribe(listeners.focus),
    onVisible: subscribe(listeners.visible),
    onOnline: subscribe(listeners.online),
    watchOutboxHead: (fn) => {
      outbox.add(fn);
      return () => outbox.delete(fn);
    },
    syncNow: (target, reason) => {
      calls.push([target, reason]);
      return Promise.resolve();
    },
    now: () => now,
  });
  const fire = (set: Set<() => void>) => {
    for (const fn of set) fn();
  };
  return {
    calls,
    stop,
    listeners,
    advance: (ms: number) => (now += ms),
    focus: () => {
      fire(listeners.focus);
    },
    visible: () => {
      fire(listeners.visible);
    },
    online: () => {
      fire(listeners.online);
    },
    outbox: (head: OutboxHead | null) => {
      for (const fn of outbox) fn(head);
    },
    outboxWatchers: () => outbox.size,
  };
}

const all = { kind: 'all' };
const cal = (id: string) => ({ seq: 0, calendarId: id as CalendarId });

describe('page sync triggers', () => {
  it('syncs everything at start', () => {
    expect(fakePage().calls).toEqual([[all, 'start']]);
  });

  it('syncs on focus and visibility, at most once per throttle window', () => {
    const page = fakePage();
    page.focus();
    page.advance(FOCUS_THROTTLE_MS);
    page.focus();
    page.visible();
    page.advance(FOCUS_THROTTLE_MS);
    page.visible();
    expect(page.calls).toEqual([
      [all, 'start'],
      [all, 'focus'],
      [all, 'focus'],
    ]);
  });

  it('always syncs when the network comes back', () => {
    const page = fakePage();
    page.online();
    page.online();
    expect(page.calls.map(([, reason]) => reason)).toEqual(['start', 'online', 'online']);
  });

  it('syncs the changed calendar when one outbox entry appears, all when several did', () => {
    const page = fakePage();
    page.outbox({ ...cal('a'), seq: 4 }); // already pending at start: the start sync pushes it
    page.outbox({ ...cal('b'), seq: 5 });
    page.outbox(null); // pushed: nothing to do
    page.outbox({ ...cal('c'), seq: 8 });
    page.outbox({ ...cal('c'), seq: 7 }); // the newest was pushed first: not a new change
    expect(page.calls).toEqual([
      [all, 'start'],
      [{ kind: 'calendar', calendarId: 'b' }, 'local-change'],
      [all, 'local-change'],
    ]);
  });

  it('pushes the first entry that appears in an outbox that was empty at start', () => {
    const page = fakePage();
    page.outbox(null); // the live query's first answer: nothing pending
    page.outbox({ ...cal('a'), seq: 1 });
    page.outbox(null);
    page.outbox({ ...cal('a'), seq: 2 });
    expect(page.calls).toEqual([
      [all, 'start'],
      [all, 'local-change'],
      [{ kind: 'calendar', calendarId: 'a' }, 'local-change'],
    ]);
  });

  it('removes every listener when stopped', () => {
    const page = fakePage();
    page.stop();
    expect([...Object.values(page.listeners)].map((set) => set.size)).toEqual([0, 0, 0]);
    expect(page.outboxWatchers()).toBe(0);
  });
});
