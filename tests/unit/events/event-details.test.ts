/**
 * eventDetailsFromIcs (src/core/events/event-details.ts): what the agenda's details card reads of an
 * event, from its raw iCalendar: an Outlook-style series written in New York with an organizer listed
 * among the attendees, answers of every kind, four DISPLAY reminders (and an EMAIL one, not ours), a
 * Zoom CONFERENCE; one occurrence with its own override; a UTC event and an all-day one.
 */
import { describe, expect, it } from 'vitest';
import { loadEventDetails } from '../../../src/core/agenda/commands/load-event-details';
import { putEvent } from '../../../src/core/events/event-store';
import { eventDetailsFromIcs, GuestAnswer } from '../../../src/core/events/event-details';
import { freshDb, localCalendar, testContext } from '../data/helpers';
import { at, fixture } from '../ical/fixture';

const SERIES = fixture('details-new-york-series-guests-reminders-links.ics');

describe('eventDetailsFromIcs', () => {
  it('reads a series occurrence: its times, its zone, the repeat rule and the texts', () => {
    const details = eventDetailsFromIcs(SERIES, '20261203T140000Z', 'Europe/Zurich');
    expect(details.draft.title).toBe('Quarterly review');
    expect(details.start).toBe(at('2026-12-03T14:00:00Z'));
    expect(details.end).toBe(at('2026-12-03T15:30:00Z'));
    expect(details.eventZone).toBe('America/New_York');
    expect(details.draft.timing).toEqual({
      allDay: false,
      start: '2026-12-03T15:00',
      end: '2026-12-03T16:30',
      timeZone: 'Europe/Zurich',
    });
    expect(details.draft.repeat).toEqual({
      frequency: 'weekly',
      interval: 2,
      byDay: ['TH'],
      end: { kind: 'count', count: 6 },
    });
    expect(details.draft.location).toBe('Room 4 (see https://maps.example.com/hq?floor=3).');
    expect(details.draft.description.split('\n')).toHaveLength(3);
    expect(details.meeting).toEqual({ url: 'https://us02web.zoom.us/j/81234567890', provider: 'zoom' });
  });

  it('lists the organizer first, marked, with the answer they gave as an attendee; unknown answers await', () => {
    const { guests } = eventDetailsFromIcs(SERIES, '20261203T140000Z', 'Europe/Zurich');
    expect(guests).toEqual([
      {
        name: 'Ana Silva',
        email: 'ana@example.com',
        answer: GuestAnswer.accepted,
        organizer: true,
        optional: false,
      },
      {
        name: 'Ben Okafor',
        email: 'ben@example.com',
        answer: GuestAnswer.declined,
        organizer: false,
        optional: false,
      },
      {
        name: 'Chloé Martin',
        email: 'chloe@example.com',
        answer: GuestAnswer.tentative,
        organizer: false,
        optional: true,
      },
      {
        name: 'dan@example.com',
        email: 'dan@example.com',
        answer: GuestAnswer.needsAction,
        organizer: false,
        optional: false,
      },
      {
        name: 'Eve',
        email: 'eve@example.com',
        answer: GuestAnswer.needsAction,
        organizer: false,
        optional: false,
      },
    ]);
  });

  it('keeps the DISPLAY reminders in order (relative to start or end, absolute), not the e-mail one', () => {
    const { reminders } = eventDetailsFromIcs(SERIES, '20261203T140000Z', 'Europe/Zurich');
    expect(reminders).toEqual([
      { kind: 'relative', related: 'start', offsetMs: -15 * 60_000 },
      { kind: 'relative', related: 'start', offsetMs: -86_400_000 },
      { kind: 'relative', related: 'end', offsetMs: -10 * 60_000 },
      { kind: 'absolute', at: at('2026-12-02T16:00:00Z') },
    ]);
  });

  it('reads an overridden occurrence from its override alone (RFC 5545 §3.8.4.4)', () => {
    const details = eventDetailsFromIcs(SERIES, '20261217T140000Z', 'America/New_York');
    expect(details.draft.title).toBe('Quarterly review (moved)');
    expect(details.start).toBe(at('2026-12-17T19:00:00Z'));
    expect(details.reminders).toEqual([]);
    expect(details.meeting).toBeNull();
    expect(details.guests.map((g) => [g.name, g.answer, g.organizer])).toEqual([
      ['Ana Silva', null, true],
      ['Ben Okafor', GuestAnswer.accepted, false],
    ]);
  });

  it('gives no zone of its own to UTC, floating or all-day events', () => {
    const utc = SERIES.replace(
      'DTSTART;TZID=America/New_York:20261203T090000',
      'DTSTART:20261203T140000Z',
    ).replace('DTEND;TZID=America/New_York:20261203T103000', 'DTEND:20261203T153000Z');
    expect(utc).toContain('DTSTART:20261203T140000Z');
    expect(eventDetailsFromIcs(utc, null, 'Europe/Zurich').eventZone).toBeNull();
    const floating = eventDetailsFromIcs(fixture('floating-time.ics'), null, 'Europe/Zurich');
    expect(floating.eventZone).toBeNull();
    const allDay = eventDetailsFromIcs(fixture('all-day-multi-day.ics'), null, 'Europe/Zurich');
    expect(allDay.eventZone).toBeNull();
    expect(allDay.draft.timing.allDay).toBe(true);
  });
});

describe('loadEventDetails', () => {
  it('reads a stored event with its calendar and says whether that calendar refuses writes', async () => {
    const db = freshDb();
    const ctx = testContext('2026-11-25T12:00:00Z');
    const calendarId = await localCalendar(db, ctx);
    const eventId = await putEvent(db, { calendarId, ics: SERIES }, ctx);
    const loaded = await loadEventDetails(db, { eventId, recurrenceId: '20261203T140000Z' }, ctx);
    expect(loaded.calendarId).toBe(calendarId);
    expect(loaded.recurring).toBe(true);
    expect(loaded.readOnly).toBe(false);
    expect(loaded.details.guests).toHaveLength(5);
    await db.calendars.update(calendarId, { readOnly: true });
    const readOnly = await loadEventDetails(db, { eventId, recurrenceId: null }, ctx);
    expect(readOnly.readOnly).toBe(true);
    await expect(
      loadEventDetails(db, { eventId: 'gone' as typeof eventId, recurrenceId: null }, ctx),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });
});
