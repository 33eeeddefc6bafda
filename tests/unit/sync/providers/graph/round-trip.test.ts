/**
 * Graph → iCalendar → Graph gives back every field we map (docs/sync-rules.md rules 42 and 45), and
 * the iCalendar text says it the way other clients read it.
 */
import { describe, expect, it } from 'vitest';
import { loadCalendarObject } from '../../../../../src/core/ical/calendar-object';
import { readReminder } from '../../../../../src/core/ical/reminder-alarm';
import { singleToIcal } from '../../../../../workers/sync/providers/graph/graph-to-ical';
import { graphInstant } from '../../../../../workers/sync/providers/graph/graph-time';
import {
  readGraphEvent,
  type GraphEvent,
  type GraphEventWrite,
} from '../../../../../workers/sync/providers/graph/graph-types';
import { icalToGraph } from '../../../../../workers/sync/providers/graph/ical-to-graph';
import { graphFixture } from './fixtures';

/** What Graph gave, as the fields a client writes. */
function asWritten(event: GraphEvent): Omit<GraphEventWrite, 'start' | 'end'> {
  return {
    subject: event.subject ?? '',
    body: event.body ?? { contentType: 'text', content: '' },
    isAllDay: event.isAllDay ?? false,
    location: event.location ?? { displayName: '' },
    locations: event.locations ?? [],
    attendees: (event.attendees ?? []).map(({ type, emailAddress }) => ({ type, emailAddress })),
    recurrence: event.recurrence ?? null,
    isOnlineMeeting: event.isOnlineMeeting ?? false,
    isReminderOn: event.isReminderOn ?? false,
    reminderMinutesBeforeStart: event.reminderMinutesBeforeStart ?? 15,
    showAs: event.showAs ?? 'busy',
    sensitivity: event.sensitivity ?? 'normal',
    importance: event.importance ?? 'normal',
    categories: event.categories ?? [],
    responseRequested: event.responseRequested ?? true,
    allowNewTimeProposals: event.allowNewTimeProposals ?? true,
    hideAttendees: event.hideAttendees ?? false,
  };
}

function roundTrip(name: string): { event: GraphEvent; ics: string; back: GraphEventWrite } {
  const event = readGraphEvent(graphFixture(name));
  const ics = singleToIcal(event);
  const written = icalToGraph(ics);
  expect(written.overrides).toEqual([]);
  expect(written.cancelled).toEqual([]);
  return { event, ics, back: written.event };
}

describe('Graph → iCalendar → Graph', () => {
  it('a Teams meeting with an HTML body, two locations, three kinds of attendee and a personal sensitivity', () => {
    const { event, ics, back } = roundTrip('single-teams-meeting-html-body');
    const { start, end, ...rest } = back;
    expect(rest).toEqual(asWritten(event));
    // Pacific time, written back with the Windows name Graph gave.
    expect(start).toEqual({ dateTime: '2025-05-15T12:00:00', timeZone: 'Pacific Standard Time' });
    expect(graphInstant(end)).toBe(graphInstant(event.end));
    expect(ics).toContain('DTSTART;TZID=America/Los_Angeles:20250515T120000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
  });

  it('an all-day event over three days, a text body, reminder off but its minutes kept', () => {
    const { event, ics, back } = roundTrip('single-all-day-three-days-text-body');
    const { start, end, ...rest } = back;
    expect(rest).toEqual(asWritten(event));
    expect([start, end]).toEqual([
      { dateTime: '2025-06-10T00:00:00', timeZone: 'UTC' },
      { dateTime: '2025-06-13T00:00:00', timeZone: 'UTC' },
    ]);
    expect(ics).toMatch(/^DTSTART;VALUE=DATE:20250610\r?$/m);
    expect(ics).toMatch(/^DTEND;VALUE=DATE:20250613\r?$/m);
    expect(ics).not.toContain('BEGIN:VALARM');
  });
});

describe('the iCalendar text', () => {
  const { ics } = roundTrip('single-teams-meeting-html-body');
  const vevent = loadCalendarObject(ics).master;
  if (!vevent) throw new Error('no VEVENT');
  const value = (name: string): unknown => vevent.getFirstPropertyValue(name);
  const param = (name: string, parameter: string): unknown =>
    vevent.getFirstProperty(name)?.getParameter(parameter);

  it('keeps the iCalUId as UID and neither the Graph id nor the etag', () => {
    expect(value('uid')).toBe(
      '040000008200E00074C5B7101A82E00800000000DA2B357D94A5D501000000000000000010000000C6A7C5BE5A0D1545A7E4DE1C3C4BBD7E',
    );
    expect(ics).not.toContain('AAMkAGI1AAAt9AHjAAA=');
    expect(ics).not.toContain('ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ');
  });

  it('gives the body as text in DESCRIPTION and as HTML in X-ALT-DESC', () => {
    expect(value('description')).toBe(
      'Does noon work for you? Bring the "Q2" plan & ideas.\n\nSee the plan [https://contoso.com/plan].',
    );
    expect(param('x-alt-desc', 'fmttype')).toBe('text/html');
  });

  it('says where: LOCATION with its address, GEO, every entry of locations', () => {
    expect(value('location')).toBe("Harry's Bar");
    expect(param('location', 'x-street')).toBe('1 Main St., "North" wing');
    expect(String(value('geo'))).toBe('47.6062,-122.3321');
    expect(
      vevent.getAllProperties('x-almanac-graph-location').map((property) => property.getFirstValue()),
    ).toEqual(["Harry's Bar", 'Conf Room 3; Fourth Coffee']);
  });

  it('says who: attendees with CN, ROLE and PARTSTAT; the organizer', () => {
    const attendees = vevent
      .getAllProperties('attendee')
      .map((property) => [
        property.getFirstValue(),
        property.getParameter('cn'),
        property.getParameter('role'),
        property.getParameter('partstat'),
        property.getParameter('cutype'),
      ]);
    expect(attendees).toEqual([
      ['mailto:samanthab@contoso.com', 'Samantha Booth', 'REQ-PARTICIPANT', 'ACCEPTED', undefined],
      ['mailto:danas@contoso.com', 'Dana Swope', 'OPT-PARTICIPANT', 'TENTATIVE', undefined],
      ['mailto:room3@contoso.com', 'Conf Room 3', 'NON-PARTICIPANT', 'NEEDS-ACTION', 'RESOURCE'],
    ]);
    expect([value('organizer'), param('organizer', 'cn')]).toEqual([
      'mailto:MeganB@contoso.com',
      'Megan Bowen',
    ]);
  });

  it('gives the join URL as CONFERENCE and the Teams property, the reminder as a VALARM', () => {
    expect(value('conference')).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect([param('conference', 'feature'), param('conference', 'label')]).toEqual([
      'VIDEO',
      'Join Microsoft Teams',
    ]);
    expect(value('x-microsoft-skypeteamsmeetingurl')).toBe(value('conference'));
    expect(readReminder(vevent)).toBe(30);
  });

  it('maps show-as, sensitivity, importance, categories and the timestamps', () => {
    expect([value('transp'), value('x-microsoft-cdo-busystatus')]).toEqual(['OPAQUE', 'TENTATIVE']);
    expect([value('class'), value('x-almanac-graph-sensitivity')]).toEqual(['PRIVATE', 'personal']);
    expect(value('priority')).toBe(1);
    expect(vevent.getFirstProperty('categories')?.getValues()).toEqual(['Red category', 'Project Falcon']);
    expect(String(value('created'))).toBe('2025-04-28T16:20:51Z');
    expect(String(value('last-modified'))).toBe('2025-04-28T16:21:12Z');
    expect(value('x-microsoft-disallow-counter')).toBe('TRUE');
  });

  it('marks a cancelled event', () => {
    const event = readGraphEvent({
      ...(graphFixture('single-all-day-three-days-text-body') as object),
      isCancelled: true,
    });
    expect(singleToIcal(event)).toMatch(/^STATUS:CANCELLED\r?$/m);
  });
});
