import { describe, expect, it } from 'vitest';
import type { CalendarId, EventId, OccurrenceId } from '../../../src/core/model/ids';
import type { OccurrenceRecord } from '../../../src/core/model/occurrence';
import {
  agendaEventProps,
  readableTextColor,
  toCalendarEvent,
} from '../../../src/pages/agenda/to-calendar-event';

function occurrence(patch: Partial<OccurrenceRecord>): OccurrenceRecord {
  return {
    id: 'e1|single' as OccurrenceId,
    eventId: 'e1' as EventId,
    calendarId: 'c1' as CalendarId,
    start: Date.UTC(2026, 2, 10, 9, 0),
    end: Date.UTC(2026, 2, 10, 10, 0),
    duration: 3_600_000,
    allDay: false,
    floating: false,
    recurrenceId: null,
    summary: 'Standup',
    location: 'Room 4',
    ...patch,
  };
}

const personal = { color: '#1f6feb', readOnly: false };

describe('toCalendarEvent', () => {
  it('titles an untitled occurrence "(No title)" in the language asked, so no view shows a bare time', () => {
    expect(toCalendarEvent(occurrence({ summary: '' }), personal, 'Europe/Zurich').title).toBe('(No title)');
    expect(toCalendarEvent(occurrence({ summary: ' ' }), personal, 'Europe/Zurich', 'fr').title).toBe(
      '(Sans titre)',
    );
    expect(toCalendarEvent(occurrence({}), personal, 'Europe/Zurich', 'fr').title).toBe('Standup');
  });

  it('keeps a timed occurrence as instants, coloured by its calendar', () => {
    const input = toCalendarEvent(occurrence({}), personal, 'Europe/Zurich');
    expect(input).toMatchObject({
      id: 'e1|single',
      title: 'Standup',
      allDay: false,
      start: Date.UTC(2026, 2, 10, 9, 0),
      end: Date.UTC(2026, 2, 10, 10, 0),
      color: '#1f6feb',
      contrastColor: '#ffffff',
      editable: true,
    });
    expect(input.extendedProps).toEqual({
      occurrenceId: 'e1|single',
      eventId: 'e1',
      recurrenceId: null,
      calendarId: 'c1',
      location: 'Room 4',
      recurring: false,
      readOnly: false,
    });
  });

  it('turns an all-day occurrence into dates in the viewer zone, end exclusive', () => {
    // 12–13 March in Tokyo: midnights there are 15:00 UTC the day before.
    const allDay = occurrence({
      allDay: true,
      start: Date.UTC(2026, 2, 11, 15, 0),
      end: Date.UTC(2026, 2, 13, 15, 0),
      duration: 2 * 86_400_000,
    });
    const input = toCalendarEvent(allDay, personal, 'Asia/Tokyo');
    expect(input).toMatchObject({ allDay: true, start: '2026-03-12', end: '2026-03-14' });
    // Read in New York the same instants fall on other days, as they should for a materialised zone.
    expect(toCalendarEvent(allDay, personal, 'America/New_York')).toMatchObject({
      start: '2026-03-11',
      end: '2026-03-13',
    });
  });

  it('gives a zero-length all-day occurrence one day', () => {
    const midnight = Date.UTC(2026, 5, 1, 22, 0); // 2 June 00:00 in Zurich (summer time)
    const input = toCalendarEvent(
      occurrence({ allDay: true, start: midnight, end: midnight, duration: 0 }),
      personal,
      'Europe/Zurich',
    );
    expect(input).toMatchObject({ start: '2026-06-02', end: '2026-06-03' });
  });

  it('marks recurring instances and read-only calendars', () => {
    const input = toCalendarEvent(
      occurrence({ id: 'e1|20260310T090000Z' as OccurrenceId, recurrenceId: '20260310T090000Z' }),
      { color: '#ffe08a', readOnly: true },
      'UTC',
    );
    expect(input.editable).toBe(false);
    expect(input.contrastColor).toBe('#000000');
    expect(agendaEventProps(input.extendedProps as Record<string, unknown>)).toMatchObject({
      recurring: true,
      recurrenceId: '20260310T090000Z',
      readOnly: true,
    });
  });
});

describe('agendaEventProps', () => {
  it('rejects props that are not ours', () => {
    expect(agendaEventProps({})).toBeNull();
    expect(
      agendaEventProps({ occurrenceId: 'a|single', eventId: 'a', calendarId: 'c', recurrenceId: 3 }),
    ).toBeNull();
  });
});

describe('readableTextColor', () => {
  it('picks black on light and white on dark backgrounds', () => {
    expect(readableTextColor('#ffffff')).toBe('#000000');
    expect(readableTextColor('#1a7f37')).toBe('#ffffff');
    expect(readableTextColor('not a colour')).toBe('#ffffff');
  });
});
