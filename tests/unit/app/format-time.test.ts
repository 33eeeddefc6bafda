import { describe, expect, it } from 'vitest';
import { addDays, formatBytes, formatDayHeading, isoDateInZone } from '../../../src/lib/format-time';

const normalise = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('dates in a zone', () => {
  it('gives the civil date of an instant in the zone', () => {
    const instant = Date.parse('2026-11-24T23:30:00Z');
    expect(isoDateInZone(instant, 'Europe/Zurich')).toBe('2026-11-25');
    expect(isoDateInZone(instant, 'America/Los_Angeles')).toBe('2026-11-24');
  });

  it('adds civil days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('formatDayHeading', () => {
  it('names the weekday and date in the locale, whatever the process zone', () => {
    expect(formatDayHeading('2026-11-26', 'en-GB', '2026-11-24')).toBe('Thursday 26 November');
    expect(formatDayHeading('2026-11-26', 'fr-FR', '2026-11-24')).toBe('jeudi 26 novembre');
  });

  it('leaves the year out across New Year, and adds it for dates most of a year ahead', () => {
    expect(formatDayHeading('2027-01-04', 'en-GB', '2026-12-30')).toBe('Monday 4 January');
    expect(formatDayHeading('2027-11-25', 'en-GB', '2026-11-24')).toMatch(/^Thursday,? 25 November 2027$/);
  });
});

describe('formatBytes', () => {
  it('picks the unit and follows the locale', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(12 * 1024 * 1024, 'en')).toBe('12 MB');
    expect(normalise(formatBytes(1.25 * 1024 ** 3, 'fr'))).toBe('1,3 Go');
  });
});
