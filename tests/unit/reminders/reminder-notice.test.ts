import { describe, expect, it } from 'vitest';
import type { EventId } from '../../../src/core/model/ids';
import type { DueReminder } from '../../../src/core/reminders/due-reminders';
import { MAX_WAIT_MS, MIN_WAIT_MS, nextCheckDelay } from '../../../src/core/reminders/next-check';
import {
  noticeLocale,
  readNoticeData,
  reminderNotice,
  SNOOZE_ACTION,
} from '../../../src/core/reminders/reminder-notice';

const reminder: DueReminder = {
  key: 'e1|single|0|1',
  fireAt: Date.parse('2026-03-10T07:50:00Z'),
  eventId: 'e1' as EventId,
  occurrenceId: 'e1|20260310T080000Z',
  start: Date.parse('2026-03-10T08:00:00Z'),
  end: Date.parse('2026-03-10T08:30:00Z'),
  allDay: false,
  summary: 'Standup',
  location: 'Room 1',
};

describe('the reminder notification', () => {
  it('names the event, its time in the viewer’s zone and place, and opens it in the agenda day', () => {
    const notice = reminderNotice(reminder, 'Europe/Zurich', 'en');
    expect(notice.title).toBe('Standup');
    expect(notice.body).toMatch(/09:00.*09:30.*· Room 1$/);
    expect(notice.data.url).toBe('/agenda/day/2026-03-10?event=e1%7C20260310T080000Z');
    expect(notice.actions.map((a) => a.action)).toEqual([SNOOZE_ACTION]);
    expect(readNoticeData(JSON.parse(JSON.stringify(notice.data)))).toEqual(notice.data);
  });

  it('writes its times on the 12- or 24-hour clock chosen in Settings', () => {
    expect(reminderNotice(reminder, 'Europe/Zurich', 'en', 'h12').body).toMatch(
      /^9:00\s?–\s?9:30\sAM · Room 1$/,
    );
    expect(reminderNotice(reminder, 'Europe/Zurich', 'fr', 'h24').body).toMatch(/^09:00.*09:30 · Room 1$/);
  });

  it('speaks French, says all day, and dates the link in the viewer’s zone', () => {
    const allDay = {
      ...reminder,
      allDay: true,
      summary: '',
      location: '',
      start: Date.parse('2026-03-12T05:00:00Z'),
    };
    const notice = reminderNotice(allDay, 'America/New_York', 'fr');
    expect(notice.title).toBe('(Sans titre)');
    expect(notice.body).toBe('Toute la journée');
    expect(notice.data.url.startsWith('/agenda/day/2026-03-12?')).toBe(true);
    expect(notice.actions[0]?.title).toBe('Rappeler dans 10 min');
  });

  it('follows the language setting, else the browser', () => {
    expect(noticeLocale('fr', ['en-US'])).toBe('fr');
    expect(noticeLocale('auto', ['de-DE', 'fr-CH'])).toBe('fr');
    expect(noticeLocale('auto', ['de-DE'])).toBe('en');
  });

  it('refuses data that is not ours', () => {
    expect(readNoticeData({ url: 'https://evil.example/', reminder })).toBeNull();
    expect(readNoticeData(null)).toBeNull();
  });
});

describe('when an open page checks next', () => {
  const now = Date.parse('2026-03-10T07:00:00Z');
  it('wakes at the next reminder, at least every MAX_WAIT_MS, never in a busy loop', () => {
    expect(nextCheckDelay(now + 60_000, now)).toBe(60_000);
    expect(nextCheckDelay(null, now)).toBe(MAX_WAIT_MS);
    expect(nextCheckDelay(now + 10 * MAX_WAIT_MS, now)).toBe(MAX_WAIT_MS);
    expect(nextCheckDelay(now - 5_000, now)).toBe(MIN_WAIT_MS);
  });
});
