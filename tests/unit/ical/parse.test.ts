// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import { AppError, ErrorKind } from '../../../src/core/errors';
import { parseCalendarObject, splitCalendarObjects } from '../../../src/core/ical/parse';
import { expandEvent } from '../../../src/core/ical/expand';
import { at, fixture } from './fixture';

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseCalendarObject', () => {
  it('reads uid, summary, recurrence and component count', () => {
    expect(parseCalendarObject(fixture('recurrence-id-utc-vs-tzid.ics'))).toEqual({
      uid: 'utc-rid@example.org',
      summary: 'Review',
      recurring: true,
      componentCount: 2,
    });
    expect(parseCalendarObject(fixture('windows-zone-w-europe.ics'))).toMatchObject({
      recurring: false,
      componentCount: 1,
    });
  });

  it('rule 25: an override without master is recurring and named by the override', () => {
    expect(parseCalendarObject(fixture('override-without-master.ics'))).toEqual({
      uid: 'orphan@example.org',
      summary: 'Invited to one occurrence',
      recurring: true,
      componentCount: 1,
    });
  });

  it.each([
    ['malformed-no-colon.ics', /^Line 6: invalid line/],
    ['malformed-no-vevent.ics', /^No VEVENT in the object$/],
    ['malformed-different-uids.ics', /^Components with different UIDs: one@example.org, two@example.org$/],
    ['malformed-bad-date.ics', /^Line 7: DTSTART: invalid value/],
    ['malformed-unterminated.ics', /has no matching END/],
  ])('%s throws malformed-ics with a clear message', (name, message) => {
    const error = errorOf(() => parseCalendarObject(fixture(name)));
    expect(error.kind).toBe(ErrorKind.malformedIcs);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(message);
  });

  it('rejects text that is not iCalendar at all', () => {
    expect(errorOf(() => parseCalendarObject('<html><body>Login</body></html>')).kind).toBe(
      ErrorKind.malformedIcs,
    );
    expect(errorOf(() => parseCalendarObject('')).message).toMatch(/no VCALENDAR/);
  });
});

describe('splitCalendarObjects', () => {
  it('splits one file into one VCALENDAR per UID with the VTIMEZONEs it uses; a broken entry is an error', () => {
    const { objects, errors } = splitCalendarObjects(fixture('import-several-with-one-broken.ics'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.kind).toBe(ErrorKind.malformedIcs);
    expect(errors[0]?.message).toMatch(/^Line 45: DTSTART: invalid value/);
    expect(errors[0]?.detail).toBe('SUMMARY:Broken entry');
    expect(objects).toHaveLength(3);
    const parsed = objects.map(parseCalendarObject);
    expect(parsed.map((object) => [object.uid, object.componentCount])).toEqual([
      ['series@example.org', 2],
      ['single@example.org', 1],
      [expect.stringMatching(/^import-[0-9a-f]{8}@almanac$/), 1],
    ]);
    const [series, single] = objects;
    expect(series).toContain('TZID:Europe/Zurich');
    expect(series).not.toContain('America/New_York');
    expect(series).not.toContain('METHOD');
    expect(single).not.toContain('VTIMEZONE');
    const instances = expandEvent(
      series ?? '',
      { from: at('2026-11-01T00:00:00Z'), to: at('2026-12-01T00:00:00Z') },
      'UTC',
    ).instances;
    expect(instances.map((instance) => instance.summary)).toEqual(['Series', 'Series (moved)', 'Series']);
  });

  it('keeps going after an entry that never ends', () => {
    const text = fixture('import-several-with-one-broken.ics').replace(
      'END:VEVENT\r\nBEGIN:VEVENT\r\nUID:single',
      'BEGIN:VEVENT\r\nUID:single',
    );
    const { objects, errors } = splitCalendarObjects(text);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/VEVENT has no END:VEVENT/),
      expect.stringMatching(/DTSTART/),
    ]);
    expect(objects.map((object) => parseCalendarObject(object).uid)).toContain('single@example.org');
  });

  it('reports a file without events', () => {
    expect(splitCalendarObjects('not a calendar').errors).toHaveLength(1);
  });
});
