import { describe, expect, it } from 'vitest';
import { visibleDates, visibleRange } from '../../../src/pages/agenda/visible-range';

describe('the range a view shows, from the URL', () => {
  it('is the day, or the week holding the date from the locale’s first day', () => {
    expect(visibleDates('day', '2026-11-24', 1)).toEqual({ start: '2026-11-24', end: '2026-11-25' });
    // Tuesday 24 November 2026: Monday 23 to Sunday 29, or Sunday 22 to Saturday 28.
    expect(visibleDates('week', '2026-11-24', 1)).toEqual({ start: '2026-11-23', end: '2026-11-30' });
    expect(visibleDates('list', '2026-11-24', 0)).toEqual({ start: '2026-11-22', end: '2026-11-29' });
    // A Monday is its own week's start; a Sunday ends the Monday-first week.
    expect(visibleDates('week', '2026-11-23', 1).start).toBe('2026-11-23');
    expect(visibleDates('week', '2026-11-29', 1).start).toBe('2026-11-23');
    expect(visibleDates('week', '2026-03-01', 1)).toEqual({ start: '2026-02-23', end: '2026-03-02' });
  });

  it('is six whole weeks for a month, from the week holding the 1st', () => {
    // 1 November 2026 is a Sunday.
    expect(visibleDates('month', '2026-11-24', 1)).toEqual({ start: '2026-10-26', end: '2026-12-07' });
    expect(visibleDates('month', '2026-11-24', 0)).toEqual({ start: '2026-11-01', end: '2026-12-13' });
    // 1 February 2027 is a Monday: the grid starts on it.
    expect(visibleDates('month', '2027-02-10', 1)).toEqual({ start: '2027-02-01', end: '2027-03-15' });
  });

  it('runs from midnight to midnight in the viewer’s zone, across a DST change', () => {
    // Monday 23 to Sunday 29 March 2026: Europe/Zurich moves to summer time on the Sunday.
    const range = visibleRange('week', '2026-03-25', 1, 'Europe/Zurich');
    expect(new Date(range.from).toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(new Date(range.to).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
