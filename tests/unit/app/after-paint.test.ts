import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../src/lib/after-paint';

type Entry = { name: string; identifier?: string };

/** A PerformanceObserver whose entries the test delivers; one instance at a time. */
class FakeObserver {
  static supportedEntryTypes = ['paint', 'element'];
  static current: FakeObserver | null = null;
  type = '';
  disconnected = false;
  constructor(private readonly callback: (list: { getEntries: () => Entry[] }) => void) {
    FakeObserver.current = this;
  }
  observe(options: { type: string }): void {
    this.type = options.type;
  }
  disconnect(): void {
    this.disconnected = true;
  }
  deliver(entries: Entry[]): void {
    this.callback({ getEntries: () => entries });
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeObserver.current = null;
  vi.stubGlobal('PerformanceObserver', FakeObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('work deferred until content is on screen', () => {
  it('runs once, in a task of its own, after the first contentful paint', () => {
    const task = vi.fn();
    afterPaint(task);
    const observer = FakeObserver.current;
    expect(observer?.type).toBe('paint');
    observer?.deliver([{ name: 'first-paint' }]);
    vi.advanceTimersByTime(0);
    expect(task).not.toHaveBeenCalled();
    observer?.deliver([{ name: 'first-contentful-paint' }]);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    expect(observer?.disconnected).toBe(true);
    observer?.deliver([{ name: 'first-contentful-paint' }]);
    vi.runAllTimers();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('waits for the named element’s paint when given one', () => {
    const task = vi.fn();
    afterPaint(task, 'agenda-range-title');
    const observer = FakeObserver.current;
    expect(observer?.type).toBe('element');
    observer?.deliver([{ name: 'text-paint', identifier: 'other' }]);
    vi.advanceTimersByTime(0);
    expect(task).not.toHaveBeenCalled();
    observer?.deliver([{ name: 'text-paint', identifier: 'agenda-range-title' }]);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting after two seconds (a hidden page never paints)', () => {
    const task = vi.fn();
    afterPaint(task);
    vi.advanceTimersByTime(1_999);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers();
    expect(task).toHaveBeenCalledTimes(1);
  });
});
