/**
 * What a reminder notification says and where its click leads, the same from a page and from the
 * service worker: title = the event, body = when (in the viewer's zone) and where, a "Snooze 10 min"
 * action, and the agenda's day view with the event open (`/agenda/day/<date>?event=<occurrence id>`,
 * as the dashboard widget links to it).
 */
import { displayTitle } from '../events/display-title';
import { utcToWallClock } from '../ical/intl-zone';
import { formatIsoDate } from '../ical/wall-clock';
import type { ClockSetting } from '../settings/settings';
import type { DueReminder } from './due-reminders';

export const SNOOZE_ACTION = 'snooze';

export type NoticeLocale = 'en' | 'fr';

const WORDS = {
  en: { allDay: 'All day', snooze: 'Snooze 10 min' },
  fr: { allDay: 'Toute la journée', snooze: 'Rappeler dans 10 min' },
} as const satisfies Record<NoticeLocale, Record<string, string>>;

export interface ReminderNotice {
  readonly title: string;
  readonly body: string;
  /** One notification per reminder: showing it again replaces it. */
  readonly tag: string;
  readonly actions: readonly { readonly action: string; readonly title: string }[];
  readonly data: ReminderNoticeData;
}

/** Carried by the notification to the click and snooze handlers. */
export interface ReminderNoticeData {
  readonly url: string;
  readonly reminder: DueReminder;
}

/** The language setting ('auto' | 'en' | 'fr') and the browser's languages → the notice's language. */
export function noticeLocale(setting: string, browserLanguages: readonly string[]): NoticeLocale {
  if (setting === 'en' || setting === 'fr') return setting;
  const first = browserLanguages.find((tag) => /^(en|fr)\b/i.test(tag));
  return first?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function reminderUrl(reminder: DueReminder, zone: string): string {
  const date = formatIsoDate(utcToWallClock(zone, reminder.start));
  return `/agenda/day/${date}?event=${encodeURIComponent(reminder.occurrenceId)}`;
}

/**
 * The notification for a reminder. Times follow the 12 / 24-hour setting (`clock`, Settings ›
 * Agenda); automatic keeps the 24-hour "09:00 – 10:00" the notices have always shown, since the
 * notice's language carries no region to choose by.
 */
export function reminderNotice(
  reminder: DueReminder,
  zone: string,
  locale: NoticeLocale,
  clock: ClockSetting = 'auto',
): ReminderNotice {
  const words = WORDS[locale];
  const hour12 = clock === 'h12';
  const when = reminder.allDay
    ? words.allDay
    : new Intl.DateTimeFormat(locale, {
        hour: hour12 ? 'numeric' : '2-digit',
        minute: '2-digit',
        hour12,
        timeZone: zone,
      }).formatRange(reminder.start, Math.max(reminder.start, reminder.end));
  return {
    title: displayTitle(reminder.summary, locale),
    body: reminder.location === '' ? when : `${when} · ${reminder.location}`,
    tag: `almanac-reminder:${reminder.key}`,
    actions: [{ action: SNOOZE_ACTION, title: words.snooze }],
    data: { url: reminderUrl(reminder, zone), reminder },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a notification's data back (it round-trips through the browser: check it). */
export function readNoticeData(value: unknown): ReminderNoticeData | null {
  if (!isObject(value) || typeof value['url'] !== 'string' || !value['url'].startsWith('/')) return null;
  const reminder = value['reminder'];
  if (!isObject(reminder) || typeof reminder['key'] !== 'string' || typeof reminder['start'] !== 'number')
    return null;
  return { url: value['url'], reminder: reminder as unknown as DueReminder };
}
