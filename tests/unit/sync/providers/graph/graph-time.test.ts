/**
 * Graph's times and zones (docs/sync-rules.md rule 45): UTC instants placed in the event's zone
 * (Windows names through CLDR), a legacy custom zone falling back, Windows names written back.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { intlTimezone } from '../../../../../src/core/ical/time-zones';
import { ianaToWindowsZone } from '../../../../../src/core/ical/windows-zones';
import {
  eventZone,
  graphInstant,
  timestampInstant,
  toGraphTime,
} from '../../../../../workers/sync/providers/graph/graph-time';
import { GraphShapeError, readGraphEvent } from '../../../../../workers/sync/providers/graph/graph-types';

const event = (fields: Record<string, unknown>) =>
  readGraphEvent({
    id: 'e',
    start: { dateTime: '2025-07-01T07:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2025-07-01T08:00:00.0000000', timeZone: 'UTC' },
    ...fields,
  });

describe('graph-time', () => {
  it('reads instants in UTC, Windows and IANA zones, and ISO timestamps with offsets', () => {
    const utc = Date.UTC(2025, 6, 1, 7);
    expect(graphInstant({ dateTime: '2025-07-01T07:00:00.0000000', timeZone: 'UTC' })).toBe(utc);
    expect(graphInstant({ dateTime: '2025-07-01T09:00:00', timeZone: 'W. Europe Standard Time' })).toBe(utc);
    expect(graphInstant({ dateTime: '2025-07-01T03:00:00', timeZone: 'America/New_York' })).toBe(utc);
    expect(timestampInstant('2025-07-01T07:00:00Z', 'originalStart')).toBe(utc);
    expect(timestampInstant('2025-07-01T09:00:00+02:00', 'originalStart')).toBe(utc);
    expect(() => timestampInstant('yesterday', 'originalStart')).toThrow(GraphShapeError);
  });

  it("places an event in its original zone, else its series' zone, else the zone its times came in", () => {
    expect(eventZone(event({ originalStartTimeZone: 'Tokyo Standard Time' }), 'start')).toBe('Asia/Tokyo');
    expect(
      eventZone(
        event({
          originalStartTimeZone: 'tzone://Microsoft/Custom',
          recurrence: {
            pattern: { type: 'daily', interval: 1 },
            range: { type: 'noEnd', startDate: '2025-07-01', recurrenceTimeZone: 'Pacific Standard Time' },
          },
        }),
        'start',
      ),
    ).toBe('America/Los_Angeles');
    expect(eventZone(event({ originalStartTimeZone: 'tzone://Microsoft/Custom' }), 'start')).toBe('UTC');
    expect(
      eventZone(
        event({ originalStartTimeZone: 'India Standard Time', originalEndTimeZone: 'GMT Standard Time' }),
        'end',
      ),
    ).toBe('Europe/London');
  });

  it('writes times on their own wall clock with the Windows name, dates and UTC as Graph wants them', () => {
    const paris = ICAL.Time.fromData(
      { year: 2025, month: 7, day: 1, hour: 9, minute: 0, second: 0 },
      intlTimezone('Europe/Paris'),
    );
    expect(toGraphTime(paris, 'Europe/Paris')).toEqual({
      dateTime: '2025-07-01T09:00:00',
      timeZone: 'Romance Standard Time',
    });
    expect(toGraphTime(ICAL.Time.fromDateString('2025-07-01'), null)).toEqual({
      dateTime: '2025-07-01T00:00:00',
      timeZone: 'UTC',
    });
    expect(toGraphTime(ICAL.Time.fromDateTimeString('2025-07-01T07:00:00Z'), null)).toEqual({
      dateTime: '2025-07-01T07:00:00',
      timeZone: 'UTC',
    });
    expect([
      ianaToWindowsZone('America/New_York'),
      ianaToWindowsZone('UTC'),
      ianaToWindowsZone('Nowhere/Else'),
    ]).toEqual(['Eastern Standard Time', 'UTC', null]);
  });
});
