import { describe, expect, it } from 'vitest';
import { updateCalendar } from '../../../src/core/calendars/calendar-repo';
import { putEvent } from '../../../src/core/events/event-store';
import { catchUpWindow, claimDueReminders, MAX_CATCH_UP_MS } from '../../../src/core/reminders/catch-up';
import { findReminders } from '../../../src/core/reminders/reminder-range';
import { snoozeReminder, SNOOZE_MS } from '../../../src/core/reminders/snooze';
import { at, freshDb, localCalendar, testContext } from '../data/helpers';

const iso = (ms: number): string => new Date(ms).toISOString();

function withAlarm(lines: string[], trigger: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Almanac tests//EN',
    'BEGIN:VEVENT',
    'DTSTAMP:20260101T000000Z',
    ...lines,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'DESCRIPTION:Reminder',
    trigger,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const weeklyZurich = withAlarm(
  [
    'UID:weekly',
    'SUMMARY:Standup',
    'DTSTART;TZID=Europe/Zurich:20260310T090000',
    'DTEND;TZID=Europe/Zurich:20260310T093000',
    'RRULE:FREQ=WEEKLY;COUNT=4',
  ],
  'TRIGGER:-PT10M',
);

describe('reminders from the database', () => {
  it('fires each instance of a weekly series, across the DST change, in the event zone', async () => {
    const ctx = testContext('2026-03-01T00:00:00Z');
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    await putEvent(db, { calendarId, ics: weeklyZurich }, ctx);
    const due = await findReminders(db, at('2026-03-01T00:00:00Z'), at('2026-04-30T00:00:00Z'));
    // 09:00 Zurich is 08:00Z in winter and 07:00Z after 29 March.
    expect(due.map((r) => iso(r.fireAt))).toEqual([
      '2026-03-10T07:50:00.000Z',
      '2026-03-17T07:50:00.000Z',
      '2026-03-24T07:50:00.000Z',
      '2026-03-31T06:50:00.000Z',
    ]);
    expect(due[0]?.summary).toBe('Standup');
  });

  it('places an all-day alarm at the viewer’s midnight', async () => {
    const ctx = testContext('2026-03-01T00:00:00Z', 'America/New_York');
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const ics = withAlarm(
      ['UID:trip', 'SUMMARY:Trip', 'DTSTART;VALUE=DATE:20260312', 'DTEND;VALUE=DATE:20260313'],
      'TRIGGER:-P1D',
    );
    await putEvent(db, { calendarId, ics }, ctx);
    const due = await findReminders(db, at('2026-03-01T00:00:00Z'), at('2026-03-31T00:00:00Z'));
    // Midnight 12 March in New York (EDT from 8 March) is 04:00Z; a day before is 11 March 04:00Z.
    expect(due.map((r) => iso(r.fireAt))).toEqual(['2026-03-11T04:00:00.000Z']);
    expect(due[0]?.allDay).toBe(true);
  });

  it('ignores hidden calendars', async () => {
    const ctx = testContext('2026-03-01T00:00:00Z');
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    await putEvent(db, { calendarId, ics: weeklyZurich }, ctx);
    await updateCalendar(db, calendarId, { visible: false });
    expect(await findReminders(db, at('2026-03-01T00:00:00Z'), at('2026-04-30T00:00:00Z'))).toEqual([]);
  });

  it('claims each due reminder once, whoever checks, and brings back a snoozed one', async () => {
    const ctx = testContext('2026-03-01T00:00:00Z');
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    await putEvent(db, { calendarId, ics: weeklyZurich }, ctx);
    const now = at('2026-03-10T08:00:00Z');
    const first = await claimDueReminders(db, now);
    expect(first.map((r) => iso(r.fireAt))).toEqual(['2026-03-10T07:50:00.000Z']);
    expect(await claimDueReminders(db, now)).toEqual([]);
    const [shown] = first;
    if (!shown) throw new Error('expected a reminder');
    await snoozeReminder(db, shown, now);
    const again = await claimDueReminders(db, now + SNOOZE_MS);
    expect(again.map((r) => r.summary)).toEqual(['Standup']);
    expect(again[0]?.fireAt).toBe(now + SNOOZE_MS);
  });

  it('looks back to the last check, at most MAX_CATCH_UP_MS', () => {
    const now = at('2026-03-10T12:00:00Z');
    expect(catchUpWindow(null, now)).toEqual({ from: now - MAX_CATCH_UP_MS, to: now });
    expect(catchUpWindow(now - 60_000, now)).toEqual({ from: now - 60_000, to: now });
    expect(catchUpWindow(now - 10 * MAX_CATCH_UP_MS, now).from).toBe(now - MAX_CATCH_UP_MS);
  });
});
