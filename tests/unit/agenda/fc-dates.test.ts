import { describe, expect, it } from 'vitest';
import { instantOfFcString, moveTimesFromSpan } from '../../../src/pages/agenda/fc-dates';

describe('instantOfFcString', () => {
  it('reads strings with an offset as instants and bare wall clocks in the zone', () => {
    expect(instantOfFcString('2026-03-10T10:00:00+01:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 2, 10, 9));
    expect(instantOfFcString('2026-03-10T10:00:00Z', 'Europe/Zurich')).toBe(Date.UTC(2026, 2, 10, 10));
    expect(instantOfFcString('2026-03-10T10:00:00', 'Europe/Zurich')).toBe(Date.UTC(2026, 2, 10, 9));
    expect(instantOfFcString('2026-07-01', 'Europe/Zurich')).toBe(Date.UTC(2026, 5, 30, 22));
  });
});

describe('moveTimesFromSpan (drag and resize → moveOccurrence)', () => {
  it('keeps a timed drop as its instants', () => {
    expect(
      moveTimesFromSpan(
        { startStr: '2026-03-29T01:30:00+01:00', endStr: '2026-03-29T03:30:00+02:00', allDay: false },
        'Europe/Zurich',
      ),
    ).toEqual({ start: Date.UTC(2026, 2, 29, 0, 30), end: Date.UTC(2026, 2, 29, 1, 30), allDay: false });
  });

  it('turns an all-day drop into midnights in the viewer zone, end exclusive', () => {
    expect(
      moveTimesFromSpan({ startStr: '2026-03-28', endStr: '2026-03-30', allDay: true }, 'Europe/Zurich'),
    ).toEqual({ start: Date.UTC(2026, 2, 27, 23), end: Date.UTC(2026, 2, 29, 22), allDay: true });
  });

  it('fills a missing end: one day for all-day, one hour for timed', () => {
    expect(moveTimesFromSpan({ startStr: '2026-03-10', endStr: '', allDay: true }, 'UTC')).toEqual({
      start: Date.UTC(2026, 2, 10),
      end: Date.UTC(2026, 2, 11),
      allDay: true,
    });
    expect(moveTimesFromSpan({ startStr: '2026-03-10T08:00:00Z', endStr: '', allDay: false }, 'UTC')).toEqual(
      {
        start: Date.UTC(2026, 2, 10, 8),
        end: Date.UTC(2026, 2, 10, 9),
        allDay: false,
      },
    );
  });
});
