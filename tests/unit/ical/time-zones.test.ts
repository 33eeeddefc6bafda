// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import { utcToWallClock, wallClockToUtc, zoneOffsetAt } from '../../../src/core/ical/intl-zone';
import { normalizeTzid, resolveIanaZone } from '../../../src/core/ical/time-zones';
import { windowsZoneCount, windowsZoneToIana } from '../../../src/core/ical/windows-zones';
import { at } from './fixture';

const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('windows zones', () => {
  it('rule 24: maps the common Windows names (CLDR windowsZones) to IANA', () => {
    expect(windowsZoneCount()).toBeGreaterThanOrEqual(135);
    expect(windowsZoneToIana('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(windowsZoneToIana('Romance Standard Time')).toBe('Europe/Paris');
    expect(windowsZoneToIana('Eastern Standard Time')).toBe('America/New_York');
    expect(windowsZoneToIana('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(windowsZoneToIana('GMT Standard Time')).toBe('Europe/London');
    expect(windowsZoneToIana('Central European Standard Time')).toBe('Europe/Warsaw');
    expect(windowsZoneToIana('Tokyo Standard Time')).toBe('Asia/Tokyo');
    expect(windowsZoneToIana('UTC')).toBe('Etc/UTC');
    expect(windowsZoneToIana('w. europe standard time')).toBe('Europe/Berlin');
    expect(windowsZoneToIana('Nowhere Standard Time')).toBeNull();
  });
});

describe('TZID resolution', () => {
  it('rule 24: strips vendor prefixes and quotes, maps Windows names, rejects unknown names', () => {
    expect(normalizeTzid('/mozilla.org/20050126_1/Europe/Zurich')).toBe('Europe/Zurich');
    expect(normalizeTzid('/softwarestudio.org/Olson_20011030_5/America/New_York')).toBe('America/New_York');
    expect(normalizeTzid('"Europe/Paris"')).toBe('Europe/Paris');
    expect(resolveIanaZone('/mozilla.org/20050126_1/Europe/Zurich')).toBe('Europe/Zurich');
    expect(resolveIanaZone('Romance Standard Time')).toBe('Europe/Paris');
    expect(resolveIanaZone('Z')).toBe('UTC');
    expect(resolveIanaZone('(UTC+01:00) Amsterdam, Berlin')).toBeNull();
  });
});

describe('Intl zone arithmetic', () => {
  it('converts wall clocks both ways', () => {
    expect(wallClockToUtc('Europe/Zurich', wall(2026, 1, 15, 9))).toBe(at('2026-01-15T08:00:00Z'));
    expect(wallClockToUtc('Europe/Zurich', wall(2026, 7, 15, 9))).toBe(at('2026-07-15T07:00:00Z'));
    expect(wallClockToUtc('Asia/Kolkata', wall(2026, 7, 15, 9))).toBe(at('2026-07-15T03:30:00Z'));
    expect(utcToWallClock('America/New_York', at('2026-03-08T13:00:00Z'))).toEqual(wall(2026, 3, 8, 9));
    expect(zoneOffsetAt('Australia/Lord_Howe', at('2026-01-15T00:00:00Z'))).toBe(11 * 3_600_000);
  });

  it('a wall time in the spring-forward gap is shifted forward', () => {
    // 02:30 does not exist in Zurich on 2026-03-29: it becomes 03:30 CEST.
    expect(wallClockToUtc('Europe/Zurich', wall(2026, 3, 29, 2, 30))).toBe(at('2026-03-29T01:30:00Z'));
    expect(wallClockToUtc('America/New_York', wall(2026, 3, 8, 2, 30))).toBe(at('2026-03-08T07:30:00Z'));
  });

  it('a wall time in the fall-back overlap takes the first instance', () => {
    expect(wallClockToUtc('Europe/Zurich', wall(2026, 10, 25, 2, 30))).toBe(at('2026-10-25T00:30:00Z'));
    expect(wallClockToUtc('America/New_York', wall(2026, 11, 1, 1, 30))).toBe(at('2026-11-01T05:30:00Z'));
  });
});
