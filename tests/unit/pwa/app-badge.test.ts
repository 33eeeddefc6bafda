import { describe, expect, it } from 'vitest';
import { endOfDay, remainingToday } from '../../../src/lib/pwa/app-badge';

describe('the app badge', () => {
  it('ends the day at the viewer’s midnight', () => {
    const now = Date.parse('2026-03-10T22:30:00Z');
    expect(new Date(endOfDay(now, 'Europe/Zurich')).toISOString()).toBe('2026-03-10T23:00:00.000Z');
    expect(new Date(endOfDay(now, 'America/New_York')).toISOString()).toBe('2026-03-11T04:00:00.000Z');
  });

  it('counts the instances that have not ended', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const ends = [
      '2026-03-10T11:00:00Z',
      '2026-03-10T12:00:00Z',
      '2026-03-10T12:30:00Z',
      '2026-03-11T00:00:00Z',
    ];
    expect(
      remainingToday(
        ends.map((end) => ({ end: Date.parse(end) })),
        now,
      ),
    ).toBe(2);
  });
});
