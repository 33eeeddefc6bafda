import type { CalendarOptions } from 'fullcalendar';
import { utcToWallClock } from '../../core/ical/intl-zone';
import { wallToNumber } from '../../core/ical/wall-clock';
import type { Settings } from '../../core/settings/settings';
import { firstDayFor } from '../../core/settings/week-start';
import { uses12HourClock } from '../../lib/format-time';
import { firstDayOfWeek } from './week-start';

/** The agenda's options that follow Settings › Preferences, applied live (calendar-instance.ts). */
export interface AgendaPreferences {
  /** 0 = Sunday, as FullCalendar's `firstDay`. */
  readonly firstDay: number;
  readonly hour12: boolean;
  readonly weekNumbers: boolean;
  /** An IANA zone shown beside the calendar's own in the week and day views' time column. */
  readonly secondTimeZone: string | null;
  /**
   * Minutes to add to a time in the calendar's zone to get the second zone's, in the middle of the
   * range shown (a week across a DST change shows the difference of most of its days, and a day view
   * that day's at noon); 0 without a second zone.
   */
  readonly secondZoneShift: number;
  /** The Intl locale time labels are written in ("en-GB", "fr-FR"). */
  readonly timeLocale: string;
}

/** The language's own preferences (no setting read): its first day and clock, no second zone. */
export function localePreferences(timeLocale: string): AgendaPreferences {
  return {
    firstDay: firstDayOfWeek(timeLocale) ?? 1,
    hour12: uses12HourClock(timeLocale),
    weekNumbers: false,
    secondTimeZone: null,
    secondZoneShift: 0,
    timeLocale,
  };
}

/** Minutes `zone`'s clock is ahead of UTC at `instant`. */
function offsetMinutes(zone: string, instant: number): number {
  return Math.round((wallToNumber(utcToWallClock(zone, instant)) - instant) / 60_000);
}

/** Minutes to add to a clock time in `zone` to read it in `second`, at `instant`. */
export function zoneShift(zone: string, second: string, instant: number): number {
  return offsetMinutes(second, instant) - offsetMinutes(zone, instant);
}

/**
 * The agenda's preferences from the settings, for the UI's Intl locale, the calendar's zone and the
 * range shown (the second zone's difference is read in its middle).
 */
export function agendaPreferences(
  settings: Pick<Settings, 'weekStart' | 'clock' | 'weekNumbers' | 'secondTimeZone'>,
  timeLocale: string,
  view: { readonly timeZone: string; readonly from: number; readonly to: number },
): AgendaPreferences {
  const second = settings.secondTimeZone;
  return {
    firstDay: firstDayFor(settings.weekStart, firstDayOfWeek(timeLocale)),
    hour12: settings.clock === 'auto' ? uses12HourClock(timeLocale) : settings.clock === 'h12',
    weekNumbers: settings.weekNumbers,
    secondTimeZone: second,
    secondZoneShift: second === null ? 0 : zoneShift(view.timeZone, second, (view.from + view.to) / 2),
    timeLocale,
  };
}

export function samePreferences(a: AgendaPreferences, b: AgendaPreferences): boolean {
  return (
    a.firstDay === b.firstDay &&
    a.hour12 === b.hour12 &&
    a.weekNumbers === b.weekNumbers &&
    a.secondTimeZone === b.secondTimeZone &&
    a.secondZoneShift === b.secondZoneShift &&
    a.timeLocale === b.timeLocale
  );
}

/** What FullCalendar passes to a function formatter (its type lives in a dependency of FullCalendar). */
type FormattingData = Parameters<
  Extract<NonNullable<CalendarOptions['slotHeaderFormat']>, (info: never) => string>
>[0];

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/**
 * The time grid's hour labels: "08:00" on a 24-hour clock, "8:00 AM" (as the locale writes it) on a
 * 12-hour one. A function, not a format object: for an object FullCalendar 7.1 builds a new
 * Intl.DateTimeFormat for every label at every render (the agenda's costliest start-up work on a
 * phone); here one formatter serves every label. The wall clock FullCalendar passes is already in the
 * calendar's zone, so it is formatted as UTC.
 */
export function slotLabelFormatter(hour12: boolean, timeLocale: string): (info: FormattingData) => string {
  if (!hour12) return (info) => `${twoDigits(info.date.hour)}:${twoDigits(info.date.minute)}`;
  const format = new Intl.DateTimeFormat(timeLocale, {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  });
  return (info) => format.format(Date.UTC(2000, 0, 1, info.date.hour, info.date.minute));
}

/** FullCalendar's time of day (a Duration) in minutes. */
type SlotTime = { readonly days: number; readonly milliseconds: number } | undefined;

/**
 * "15:00" / "3:00 PM": the second zone's clock for a slot's time of day (minutes after midnight in the
 * calendar's zone), `shift` minutes ahead of it.
 */
export function secondZoneFormatter(
  shift: number,
  hour12: boolean,
  timeLocale: string,
): (minutesOfDay: number) => string {
  const format = new Intl.DateTimeFormat(timeLocale, {
    timeZone: 'UTC',
    hour: hour12 ? 'numeric' : '2-digit',
    minute: '2-digit',
    hour12,
  });
  return (minutesOfDay) =>
    format.format(Date.UTC(2000, 0, 1, 0, (((minutesOfDay + shift) % 1440) + 1440) % 1440));
}

function minutesOf(time: SlotTime): number {
  return time === undefined ? 0 : time.days * 1440 + Math.round(time.milliseconds / 60_000);
}

/** "GMT-5", "CET": a zone's short name at `instant`, as the locale writes it. */
export function zoneShortName(zone: string, timeLocale: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat(timeLocale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(
    instant,
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

function span(className: string, text: string, title?: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  if (title !== undefined) element.title = title;
  return element;
}

/**
 * FullCalendar's options for the preferences. The second zone has no axis of its own in FullCalendar:
 * each hour label shows both times ("09:00" over "15:00"), and the all-day row's label names both
 * zones; without a second zone FullCalendar draws its own labels (`true`).
 */
export function preferenceOptions(prefs: AgendaPreferences, timeZone: string): CalendarOptions {
  const second = prefs.secondTimeZone;
  const secondTime =
    second === null ? null : secondZoneFormatter(prefs.secondZoneShift, prefs.hour12, prefs.timeLocale);
  return {
    firstDay: prefs.firstDay,
    weekNumbers: prefs.weekNumbers,
    eventTimeFormat: prefs.hour12
      ? { hour: 'numeric', minute: '2-digit', hour12: true }
      : { hour: '2-digit', minute: '2-digit', hour12: false },
    slotHeaderFormat: slotLabelFormatter(prefs.hour12, prefs.timeLocale),
    slotHeaderContent: (info) => {
      if (second === null || secondTime === null) return true;
      return {
        domNodes: [
          span('agenda-slot__main', info.text),
          span('agenda-slot__second', secondTime(minutesOf(info.time)), second),
        ],
      };
    },
    allDayHeaderContent: (info) => {
      if (second === null) return true;
      const now = new Date();
      return {
        domNodes: [
          span('agenda-slot__main', info.text),
          span(
            'agenda-slot__zones',
            `${zoneShortName(timeZone, prefs.timeLocale, now)} · ${zoneShortName(second, prefs.timeLocale, now)}`,
            `${timeZone} · ${second}`,
          ),
        ],
      };
    },
  };
}
