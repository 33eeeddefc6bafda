import { describe, expect, it } from 'vitest';
import { createEventIcs } from '../../../src/core/ical/compose';
import type { EventDraft } from '../../../src/core/ical/event-draft';
import { expandEvent } from '../../../src/core/ical/expand';
import { parseCalendarObject } from '../../../src/core/ical/parse';
import { at, iso } from './fixture';

const NOW = at('2026-11-20T10:00:00Z');
const WINDOW = { from: at('2026-01-01T00:00:00Z'), to: at('2028-01-01T00:00:00Z') };

const timed: EventDraft = {
  title: 'Planning',
  location: 'Room 1',
  description: 'Line one\nLine two, with; punctuation',
  timing: { allDay: false, start: '2026-11-24T09:00', end: '2026-11-24T10:30', timeZone: 'Europe/Zurich' },
  repeat: null,
};

describe('createEventIcs', () => {
  it('writes a complete VCALENDAR with stamps, TZID and a VTIMEZONE for the zone', () => {
    const ics = createEventIcs(timed, { uid: 'new-1@almanac', now: NOW });
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('PRODID:-//Almanac//EN');
    expect(ics).toContain('VERSION:2.0');
    expect(ics).toContain('UID:new-1@almanac');
    expect(ics).toContain('DTSTAMP:20261120T100000Z');
    expect(ics).toContain('CREATED:20261120T100000Z');
    expect(ics).toContain('LAST-MODIFIED:20261120T100000Z');
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('DTSTART;TZID=Europe/Zurich:20261124T090000');
    expect(ics).toContain('DTEND;TZID=Europe/Zurich:20261124T103000');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich');
    expect(ics.slice(ics.indexOf('BEGIN:VEVENT'))).not.toContain('RRULE');
    const parsed = parseCalendarObject(ics);
    expect(parsed).toEqual({
      uid: 'new-1@almanac',
      summary: 'Planning',
      recurring: false,
      componentCount: 1,
    });
    const [instance] = expandEvent(ics, WINDOW, 'UTC').instances;
    expect(instance).toMatchObject({
      start: at('2026-11-24T08:00:00Z'),
      end: at('2026-11-24T09:30:00Z'),
      location: 'Room 1',
    });
  });

  it('writes VALUE=DATE for all-day events with an exclusive DTEND and a DATE UNTIL', () => {
    const ics = createEventIcs(
      {
        ...timed,
        timing: { allDay: true, startDate: '2026-12-28', endDate: '2026-12-30' },
        repeat: { frequency: 'yearly', interval: 1, byDay: [], end: { kind: 'until', date: '2029-12-28' } },
      },
      { uid: 'all-day@almanac', now: NOW },
    );
    expect(ics).toContain('DTSTART;VALUE=DATE:20261228');
    expect(ics).toContain('DTEND;VALUE=DATE:20261231');
    expect(ics).toContain('RRULE:FREQ=YEARLY;UNTIL=20291228');
    expect(ics).not.toContain('VTIMEZONE');
    const instances = expandEvent(
      ics,
      { from: WINDOW.from, to: at('2031-01-01T00:00:00Z') },
      'Europe/Zurich',
    ).instances;
    expect(instances.map((instance) => instance.recurrenceId)).toEqual([
      '20261228',
      '20271228',
      '20281228',
      '20291228',
    ]);
  });

  it('writes a weekly BYDAY rule with UNTIL in UTC at the end of the last day in the zone', () => {
    const ics = createEventIcs(
      {
        ...timed,
        repeat: {
          frequency: 'weekly',
          interval: 2,
          byDay: ['TU', 'TH'],
          end: { kind: 'until', date: '2026-12-10' },
        },
      },
      { uid: 'weekly@almanac', now: NOW },
    );
    expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261210T225959Z');
    const instances = expandEvent(ics, WINDOW, 'Europe/Zurich').instances;
    expect(instances.map((instance) => iso(instance.start))).toEqual([
      '2026-11-24T08:00:00.000Z',
      '2026-11-26T08:00:00.000Z',
      '2026-12-08T08:00:00.000Z',
      '2026-12-10T08:00:00.000Z',
    ]);
  });

  it('writes COUNT, floating times without TZID, and UTC times with Z', () => {
    const floating = createEventIcs(
      {
        ...timed,
        timing: { allDay: false, start: '2026-11-24T08:00', end: '2026-11-24T08:15', timeZone: 'floating' },
        repeat: { frequency: 'daily', interval: 1, byDay: [], end: { kind: 'count', count: 3 } },
      },
      { uid: 'floating@almanac', now: NOW },
    );
    expect(floating).toContain('DTSTART:20261124T080000\r\n');
    expect(floating).toContain('RRULE:FREQ=DAILY;COUNT=3');
    expect(floating).not.toContain('VTIMEZONE');
    const utc = createEventIcs(
      {
        ...timed,
        timing: { allDay: false, start: '2026-11-24T08:00', end: '2026-11-24T09:00', timeZone: 'UTC' },
      },
      { uid: 'utc@almanac', now: NOW },
    );
    expect(utc).toContain('DTSTART:20261124T080000Z');
  });

  it('escapes text so it round-trips', () => {
    const ics = createEventIcs(timed, { uid: 'text@almanac', now: NOW });
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two\\, with\\; punctuation');
  });
});
