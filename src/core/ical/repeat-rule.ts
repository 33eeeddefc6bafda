/**
 * The editor's repeat rule ↔ RRULE. The editor shows a simplified view (frequency, interval, weekly
 * days, end); parts it cannot show (BYSETPOS, BYMONTHDAY, …) are kept when the frequency stays.
 */
import ICAL from 'ical.js';
import { WEEKDAYS, type RepeatRule, type Weekday } from './event-draft';
import { recurProperties } from './component-utils';
import { isFloatingTime, timeFromWall, wallOf } from './ical-time';
import { utcToWallClock, wallClockToUtc } from './intl-zone';
import { formatIsoDate, numberToWall, parseIsoDate, type WallClock } from './wall-clock';

const FREQUENCIES = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', YEARLY: 'yearly' } as const;

function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

/** The master's rule as the editor shows it; null when it has none the editor can show. */
export function repeatFromMaster(
  master: ICAL.Component,
  dtstart: ICAL.Time,
  zone: string,
): RepeatRule | null {
  const rules = recurProperties(master);
  const recur = rules[0];
  if (rules.length !== 1 || !recur) return null;
  const frequency = FREQUENCIES[recur.freq as keyof typeof FREQUENCIES] as
    RepeatRule['frequency'] | undefined;
  if (frequency === undefined) return null;
  const byDay = frequency === 'weekly' ? (recur.parts.BYDAY ?? []).filter(isWeekday) : [];
  let end: RepeatRule['end'] = { kind: 'never' };
  if (recur.count !== null) end = { kind: 'count', count: recur.count };
  else if (recur.until) {
    const until = recur.until;
    const wall: WallClock =
      until.isDate || isFloatingTime(until) || dtstart.isDate || isFloatingTime(dtstart)
        ? wallOf(until)
        : utcToWallClock(zone, until.toUnixTime() * 1000);
    end = { kind: 'until', date: formatIsoDate(wall) };
  }
  return { frequency, interval: recur.interval, byDay: WEEKDAYS.filter((day) => byDay.includes(day)), end };
}

export function sameRepeat(a: RepeatRule | null, b: RepeatRule | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How the start of the series is written, which decides the form of UNTIL. */
export type UntilForm =
  | { readonly kind: 'date' }
  | { readonly kind: 'floating' }
  | { readonly kind: 'zoned'; readonly zone: string };

/** UNTIL for "last day on which an occurrence may start": a DATE, or the end of that day (UTC). */
export function untilFromDate(date: string, form: UntilForm): ICAL.Time | null {
  const day = parseIsoDate(date);
  if (!day) return null;
  if (form.kind === 'date') return timeFromWall(day, ICAL.Timezone.localTimezone, true);
  const endOfDay = { ...day, hour: 23, minute: 59, second: 59 };
  if (form.kind === 'floating') return timeFromWall(endOfDay, ICAL.Timezone.localTimezone);
  return timeFromWall(numberToWall(wallClockToUtc(form.zone, endOfDay)), ICAL.Timezone.utcTimezone);
}

/** An RRULE for the editor's rule; `base` lends the parts the editor does not show when it fits. */
export function recurFromRepeat(repeat: RepeatRule, form: UntilForm, base: ICAL.Recur | null): ICAL.Recur {
  const freq = repeat.frequency.toUpperCase() as 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  const recur = base && base.freq === freq ? base.clone() : new ICAL.Recur({ freq });
  recur.interval = Math.max(1, Math.trunc(repeat.interval));
  if (freq === 'WEEKLY') {
    if (repeat.byDay.length > 0) recur.setComponent('BYDAY', [...repeat.byDay]);
    else delete recur.parts.BYDAY;
  }
  recur.count = null;
  recur.until = null;
  if (repeat.end.kind === 'count') recur.count = Math.max(1, Math.trunc(repeat.end.count));
  if (repeat.end.kind === 'until') recur.until = untilFromDate(repeat.end.date, form);
  return recur;
}
