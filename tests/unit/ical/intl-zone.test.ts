import { describe, expect, it } from 'vitest';
import { utcToWallClock, wallClockToUtc, zoneOffsetAt } from '../../../src/core/ical/intl-zone';

/** The offset straight from Intl, uncached: what the cached lookups must agree with. */
function intlOffset(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(utcMs);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

const QUARTER = 15 * 60_000;

describe('zone offsets cached per day and per quarter hour', () => {
  it.each([
    // Spring forward and fall back, in zones east and west of Greenwich, a half-hour zone and a
    // southern-hemisphere one; the transition days and the days around them.
    ['Europe/Paris', '2026-03-28T00:00:00Z'],
    ['Europe/Paris', '2026-10-24T00:00:00Z'],
    ['America/New_York', '2026-03-07T00:00:00Z'],
    ['America/New_York', '2026-10-31T00:00:00Z'],
    ['Australia/Adelaide', '2026-04-03T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-03T00:00:00Z'],
  ])('%s agrees with Intl at every quarter hour from %s for three days', (zone, from) => {
    const start = Date.parse(from);
    for (let at = start; at < start + 3 * 86_400_000; at += QUARTER) {
      // Off the quarter hour too: the minute before a transition and the one after it.
      for (const instant of [at, at + 60_000, at + QUARTER - 60_000]) {
        expect(zoneOffsetAt(zone, instant), new Date(instant).toISOString()).toBe(intlOffset(zone, instant));
      }
    }
  });

  it('places wall-clock times across a spring-forward day (a gap moves forward, others round-trip)', () => {
    const zone = 'Europe/Paris';
    expect(new Date(wallClockToUtc(zone, wall(2026, 3, 29, 1, 30))).toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
    expect(new Date(wallClockToUtc(zone, wall(2026, 3, 29, 2, 30))).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(new Date(wallClockToUtc(zone, wall(2026, 3, 29, 3, 30))).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(utcToWallClock(zone, Date.parse('2026-03-29T12:00:00Z'))).toEqual(wall(2026, 3, 29, 14, 0));
  });
});

function wall(year: number, month: number, day: number, hour: number, minute: number) {
  return { year, month, day, hour, minute, second: 0 };
}
