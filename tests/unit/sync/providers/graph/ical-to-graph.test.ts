/**
 * iCalendar → what Graph is sent (docs/sync-rules.md rules 42 and 45): a series' exceptions by their
 * original start and its cancellations, times with Windows zone names, and only the changed fields
 * for a PATCH.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createEventIcs } from '../../../../../src/core/ical/compose';
import { draftFromIcs } from '../../../../../src/core/ical/draft-from-ics';
import { applyEdit } from '../../../../../src/core/ical/recurring-edit';
import { seriesToIcal, singleToIcal } from '../../../../../workers/sync/providers/graph/graph-to-ical';
import { readGraphEvent, type GraphEvent } from '../../../../../workers/sync/providers/graph/graph-types';
import { changedFields, icalToGraph } from '../../../../../workers/sync/providers/graph/ical-to-graph';
import { graphFixture } from './fixtures';

const utc = (iso: string) => Date.parse(iso);

const MASTER: GraphEvent = readGraphEvent({
  id: 'AAMkMaster=',
  type: 'seriesMaster',
  iCalUId: '040000008200E00074C5B7101A82E008000000005E1F0C3F',
  subject: 'Standup',
  originalStartTimeZone: 'Romance Standard Time',
  originalEndTimeZone: 'Romance Standard Time',
  start: { dateTime: '2025-03-03T08:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2025-03-03T08:15:00.0000000', timeZone: 'UTC' },
  isReminderOn: true,
  reminderMinutesBeforeStart: 5,
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
    range: {
      type: 'numbered',
      startDate: '2025-03-03',
      numberOfOccurrences: 8,
      recurrenceTimeZone: 'Romance Standard Time',
    },
  },
});

/** Mondays 09:00 in Paris: 08:00 UTC before 30 March, 07:00 UTC after. */
const MONDAYS = [
  '2025-03-03T08:00',
  '2025-03-10T08:00',
  '2025-03-17T08:00',
  '2025-03-24T08:00',
  '2025-03-31T07:00',
  '2025-04-07T07:00',
  '2025-04-14T07:00',
  '2025-04-21T07:00',
];

function occurrence(start: string): GraphEvent {
  const end = new Date(utc(`${start}Z`) + 15 * 60_000).toISOString().slice(0, 19);
  return readGraphEvent({
    id: `occ-${start}`,
    type: 'occurrence',
    seriesMasterId: MASTER.id,
    start: { dateTime: `${start}:00.0000000`, timeZone: 'UTC' },
    end: { dateTime: `${end}.0000000`, timeZone: 'UTC' },
  });
}

describe('icalToGraph', () => {
  // The 3rd Monday moved to 10:00 with a new subject, the 5th cancelled (not listed).
  const moved = readGraphEvent({
    id: 'AAMkException=',
    type: 'exception',
    seriesMasterId: MASTER.id,
    subject: 'Standup (late)',
    originalStart: '2025-03-17T08:00:00Z',
    originalStartTimeZone: 'Romance Standard Time',
    start: { dateTime: '2025-03-17T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2025-03-17T09:15:00.0000000', timeZone: 'UTC' },
  });
  const instances = [...MONDAYS.filter((_, n) => n !== 2 && n !== 4).map(occurrence), moved];
  const ics = seriesToIcal({
    master: MASTER,
    instances,
    window: { from: utc('2025-01-01T00:00:00Z'), to: utc('2026-01-01T00:00:00Z') },
  });
  const written = icalToGraph(ics);

  it('gives the master with its recurrence and Windows zone names', () => {
    expect(written.event.start).toEqual({
      dateTime: '2025-03-03T09:00:00',
      timeZone: 'Romance Standard Time',
    });
    expect(written.event.end).toEqual({ dateTime: '2025-03-03T09:15:00', timeZone: 'Romance Standard Time' });
    expect(written.event.recurrence).toEqual(MASTER.recurrence);
    expect([written.event.isReminderOn, written.event.reminderMinutesBeforeStart]).toEqual([true, 5]);
  });

  it('gives each exception by its original start, with its own fields over the master', () => {
    expect(written.overrides).toHaveLength(1);
    const [override] = written.overrides;
    expect(override?.originalStart).toBe(utc('2025-03-17T08:00:00Z'));
    expect(override?.event).toMatchObject({
      subject: 'Standup (late)',
      start: { dateTime: '2025-03-17T10:00:00', timeZone: 'Romance Standard Time' },
      recurrence: null,
      reminderMinutesBeforeStart: 5,
    });
  });

  it('gives the cancelled occurrence by its original start (summer time: 07:00 UTC)', () => {
    expect(written.cancelled).toEqual([utc('2025-03-31T07:00:00Z')]);
  });

  it('takes a cancelled override as a cancellation too, and a date EXDATE as midnight UTC', () => {
    const vcalendar = ICAL.Component.fromString(
      singleToIcal(
        readGraphEvent({
          ...(graphFixture('single-all-day-three-days-text-body') as object),
          recurrence: null,
        }),
      ),
    );
    const vevent = vcalendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString('FREQ=WEEKLY;COUNT=4'));
    vevent.addPropertyWithValue('exdate', ICAL.Time.fromDateString('2025-06-17'));
    const cancelledOverride = new ICAL.Component('vevent');
    cancelledOverride.addPropertyWithValue('uid', vevent.getFirstPropertyValue('uid'));
    cancelledOverride.addPropertyWithValue('recurrence-id', ICAL.Time.fromDateString('2025-06-24'));
    cancelledOverride.addPropertyWithValue('dtstart', ICAL.Time.fromDateString('2025-06-24'));
    cancelledOverride.addPropertyWithValue('status', 'CANCELLED');
    vcalendar.addSubcomponent(cancelledOverride);
    const result = icalToGraph(vcalendar.toString());
    expect(result.cancelled).toEqual([utc('2025-06-17T00:00:00Z'), utc('2025-06-24T00:00:00Z')]);
    expect(result.overrides).toEqual([]);
    expect(result.event.recurrence?.pattern).toMatchObject({ type: 'weekly', daysOfWeek: ['tuesday'] });
  });

  it("reads an event written by the app's own editor", () => {
    const ics = createEventIcs(
      {
        title: 'Yoga',
        location: 'Studio 2',
        description: 'Mats provided.',
        timing: {
          allDay: false,
          start: '2025-10-20T18:30',
          end: '2025-10-20T19:30',
          timeZone: 'America/New_York',
        },
        repeat: {
          frequency: 'weekly',
          interval: 1,
          byDay: ['MO', 'WE'],
          end: { kind: 'until', date: '2025-12-31' },
        },
        reminder: 10,
      },
      { uid: 'yoga@almanac', now: Date.UTC(2025, 9, 1) },
    );
    const { event } = icalToGraph(ics);
    expect(event).toMatchObject({
      subject: 'Yoga',
      body: { contentType: 'text', content: 'Mats provided.' },
      location: { displayName: 'Studio 2' },
      start: { dateTime: '2025-10-20T18:30:00', timeZone: 'Eastern Standard Time' },
      end: { dateTime: '2025-10-20T19:30:00', timeZone: 'Eastern Standard Time' },
      isReminderOn: true,
      reminderMinutesBeforeStart: 10,
    });
    expect(event.recurrence).toEqual({
      pattern: {
        type: 'weekly',
        interval: 1,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: ['monday', 'wednesday'],
        firstDayOfWeek: 'monday',
        index: 'first',
      },
      range: {
        type: 'endDate',
        startDate: '2025-10-20',
        endDate: '2025-12-31',
        recurrenceTimeZone: 'Eastern Standard Time',
        numberOfOccurrences: 0,
      },
    });
  });

  it('a series ended by "this and following" ends the day before the split: Graph keeps the whole endDate', () => {
    const series = createEventIcs(
      {
        title: 'Standup',
        location: '',
        description: '',
        timing: {
          allDay: false,
          start: '2026-03-02T09:00',
          end: '2026-03-02T09:15',
          timeZone: 'Europe/Zurich',
        },
        repeat: { frequency: 'weekly', interval: 1, byDay: ['MO'], end: { kind: 'count', count: 8 } },
      },
      { uid: 'standup@almanac', now: Date.UTC(2026, 0, 1) },
    );
    // Split at Monday 30 March, 09:00 in Zurich (07:00 UTC, summer time): UNTIL is a second before.
    const draft = draftFromIcs(series, '20260330T070000Z', 'Europe/Zurich');
    const { ics } = applyEdit(series, {
      draft: { ...draft, title: 'Standup v2' },
      scope: 'following',
      recurrenceId: '20260330T070000Z',
      now: Date.UTC(2026, 2, 1),
      newUid: 'standup-2@almanac',
    });
    expect(icalToGraph(ics).event.recurrence?.range).toMatchObject({
      type: 'endDate',
      startDate: '2026-03-02',
      endDate: '2026-03-29', // not the 30th: Graph would keep that day's occurrence
    });
  });

  it('refuses text that is not an event, saying why', () => {
    expect(() => icalToGraph('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toThrow(/No VEVENT/);
    expect(() => icalToGraph('not iCalendar')).toThrow();
  });
});

describe('icalToGraph after an edit in the app', () => {
  const ics = singleToIcal(readGraphEvent(graphFixture('single-teams-meeting-html-body')));
  const edit = (name: string, value: string): string => {
    const vcalendar = ICAL.Component.fromString(ics);
    vcalendar.getFirstSubcomponent('vevent')?.updatePropertyWithValue(name, value);
    return vcalendar.toString();
  };

  it('keeps the HTML body while its text is unchanged, and sends the edited text when it changed', () => {
    expect(icalToGraph(ics).event.body.contentType).toBe('html');
    expect(icalToGraph(edit('description', 'Noon is fine.')).event.body).toEqual({
      contentType: 'text',
      content: 'Noon is fine.',
    });
  });

  it("drops the old place's address when the location's name changed", () => {
    const { location, locations } = icalToGraph(edit('location', 'Fourth Coffee')).event;
    expect(location).toEqual({ displayName: 'Fourth Coffee' });
    expect(locations.map((entry) => entry.displayName)).toEqual([
      "Harry's Bar",
      'Conf Room 3; Fourth Coffee',
    ]);
    expect(icalToGraph(ics).event.location.address?.city).toBe('Seattle');
  });
});

describe('changedFields', () => {
  const base = icalToGraph(
    singleToIcal(readGraphEvent(graphFixture('single-teams-meeting-html-body'))),
  ).event;

  it('a subject change sends the subject alone', () => {
    expect(changedFields(base, { ...base, subject: 'Lunch, moved' })).toEqual({ subject: 'Lunch, moved' });
  });

  it('a time change sends start, end and isAllDay together', () => {
    const start = { dateTime: '2025-05-15T13:00:00', timeZone: 'Pacific Standard Time' };
    expect(changedFields(base, { ...base, start })).toEqual({ start, end: base.end, isAllDay: false });
  });

  it('a location change sends location alone (Graph then replaces locations with it)', () => {
    const location = { displayName: 'Fourth Coffee' };
    expect(changedFields(base, { ...base, location })).toEqual({ location });
  });

  it('a change of locations sends location with it', () => {
    const locations = [{ displayName: 'Fourth Coffee' }, { displayName: 'Room 2' }];
    expect(changedFields(base, { ...base, locations })).toEqual({ locations, location: base.location });
  });

  it('an attendee added sends the whole attendee list', () => {
    const attendees = [
      ...base.attendees,
      { type: 'required' as const, emailAddress: { name: 'Alex Wilber', address: 'AlexW@contoso.com' } },
    ];
    expect(changedFields(base, { ...base, attendees })).toEqual({ attendees });
  });

  it('nothing changed, nothing sent', () => {
    expect(changedFields(base, structuredClone(base))).toEqual({});
  });
});
