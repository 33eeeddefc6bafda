import { describe, expect, it } from 'vitest';
import { formatCount, relativeTime } from '../../../src/components/sync/relative-time';

const now = Date.parse('2026-11-02T09:00:00Z');
const MIN = 60_000;

describe('"Synced 2 minutes ago"', () => {
  it('says nothing (the caller says "just now") within a few seconds', () => {
    expect(relativeTime(now - 10_000, now, 'en')).toBeNull();
  });

  it('counts minutes, hours and days in the locale', () => {
    expect(relativeTime(now - 2 * MIN, now, 'en')).toBe('2 minutes ago');
    expect(relativeTime(now - 50_000, now, 'en')).toBe('1 minute ago');
    expect(relativeTime(now - 3 * 60 * MIN, now, 'en')).toBe('3 hours ago');
    expect(relativeTime(now - 24 * 60 * MIN, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 2 * MIN, now, 'fr')).toBe('il y a 2 minutes');
  });

  it('says when a retry comes, in the future', () => {
    expect(relativeTime(now + 5 * MIN, now, 'en')).toBe('in 5 minutes');
    expect(relativeTime(now + 2 * 60 * MIN, now, 'fr')).toBe('dans 2 heures');
  });

  it('writes progress counts as the locale groups digits ("1,200 of 5,000")', () => {
    expect(`${formatCount(1200, 'en')} of ${formatCount(5000, 'en')}`).toBe('1,200 of 5,000');
    expect(formatCount(1200, 'fr')).toBe('1\u202f200');
  });
});
