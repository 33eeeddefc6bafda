/**
 * The details card's words, from the event's details (src/core/events/event-details.ts): when (in the
 * viewer's zone, on the locale's clock), the event's own zone when it
 * differs, the repeat rule, reminders and guests. Pure: the language comes in as `t` and an Intl locale,
 * which carries the 12 / 24-hour setting as its hour cycle (intlLocale(), "en-GB-u-hc-h12").
 */
import type { EventDetails, EventGuest } from '../../../core/events/event-details';
import { GuestAnswer } from '../../../core/events/event-details';
import type { RepeatRule, Weekday } from '../../../core/ical/event-draft';
import type { AlarmTrigger } from '../../../core/reminders/alarm-spec';
import type { Params } from '../../../lib/i18n/locale';
import type { EventCardMessageKey } from './event-card-messages';

export type Translate = (key: EventCardMessageKey, params?: Params) => string;

export interface CardFormat {
  readonly t: Translate;
  /** An Intl locale (`en-GB`, `fr`, `en-GB-u-hc-h12` for a 12-hour clock chosen in Settings). */
  readonly locale: string;
  readonly viewerZone: string;
}

/** Noon UTC of a `YYYY-MM-DD` date: formatted in UTC it shows that date whatever the zone. */
function civilNoon(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

/** Hours and minutes on the locale's clock (its hour cycle included). */
const CLOCK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

const LONG_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/** "Thursday 3 December 2026, 09:00 – 10:30", or the dates of an all-day event ("All day" added). */
export function whenText(details: EventDetails, format: CardFormat): string {
  const timing = details.draft.timing;
  if (timing.allDay) {
    const dates = new Intl.DateTimeFormat(format.locale, { ...LONG_DATE, timeZone: 'UTC' });
    const text =
      timing.startDate === timing.endDate
        ? dates.format(civilNoon(timing.startDate))
        : dates.formatRange(civilNoon(timing.startDate), civilNoon(timing.endDate));
    return `${text} · ${format.t('allDay')}`;
  }
  return new Intl.DateTimeFormat(format.locale, {
    ...LONG_DATE,
    ...CLOCK,
    timeZone: format.viewerZone,
  }).formatRange(details.start, details.end);
}

/**
 * The same times in the event's own zone ("Thu 3 Dec, 03:00 – 04:30 New York Time") when it is written
 * in a zone other than the viewer's and the clocks there differ; null otherwise (all-day, floating or
 * UTC events, or a zone with the viewer's offsets at that time).
 */
export function eventZoneText(details: EventDetails, format: CardFormat): string | null {
  const zone = details.eventZone;
  if (details.draft.timing.allDay || zone === null || zone === format.viewerZone) return null;
  const wall = (timeZone: string): string =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
    }).format(details.start);
  if (wall(zone) === wall(format.viewerZone)) return null;
  return new Intl.DateTimeFormat(format.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...CLOCK,
    timeZone: zone,
    timeZoneName: 'longGeneric',
  }).formatRange(details.start, details.end);
}

const WEEKDAY_SAMPLE: Readonly<Record<Weekday, string>> = {
  // Days of a week known to start on a Monday (2026-01-05), at noon UTC.
  MO: '2026-01-05',
  TU: '2026-01-06',
  WE: '2026-01-07',
  TH: '2026-01-08',
  FR: '2026-01-09',
  SA: '2026-01-10',
  SU: '2026-01-11',
};

const isOne = (count: number, locale: string): boolean =>
  new Intl.PluralRules(locale).select(count) === 'one';

function ruleWords(rule: RepeatRule, t: Translate): string {
  const n = rule.interval;
  switch (rule.frequency) {
    case 'daily':
      return n === 1 ? t('repeatDaily') : t('repeatEveryDays', { count: n });
    case 'weekly':
      return n === 1 ? t('repeatWeekly') : t('repeatEveryWeeks', { count: n });
    case 'monthly':
      return n === 1 ? t('repeatMonthly') : t('repeatEveryMonths', { count: n });
    case 'yearly':
      return n === 1 ? t('repeatYearly') : t('repeatEveryYears', { count: n });
  }
}

/** "Every 2 weeks (Monday and Wednesday), until 31 December 2026"; null for a single event. */
export function repeatText(details: EventDetails, recurring: boolean, format: CardFormat): string | null {
  const rule = details.draft.repeat;
  const { t, locale } = format;
  if (!rule) return recurring ? t('repeatCustom') : null;
  let text = ruleWords(rule, t);
  if (rule.frequency === 'weekly' && rule.byDay.length > 0) {
    const names = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const days = rule.byDay.map((day) => names.format(civilNoon(WEEKDAY_SAMPLE[day])));
    text = t('repeatOnDays', { rule: text, days: new Intl.ListFormat(locale).format(days) });
  }
  const end = rule.end;
  if (end.kind === 'until') {
    const date = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return t('repeatUntil', { rule: text, date: date.format(civilNoon(end.date)) });
  }
  if (end.kind === 'count')
    return isOne(end.count, locale)
      ? t('repeatOnce', { rule: text })
      : t('repeatTimes', { rule: text, count: end.count });
  return text;
}

const UNITS = [
  { unit: 'week', ms: 7 * 86_400_000 },
  { unit: 'day', ms: 86_400_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
] as const;

/** "15 minutes", "1 day", "2 hours": the largest unit the offset is a whole number of. */
function amountText(ms: number, locale: string): string {
  const size = Math.abs(ms);
  const { unit, ms: step } = UNITS.find((candidate) => size % candidate.ms === 0) ?? UNITS[3];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(
    Math.round(size / step),
  );
}

/** One reminder in words: "15 minutes before", "At the start", "1 hour before the end", "On 3 Dec…". */
export function reminderText(trigger: AlarmTrigger, format: CardFormat): string {
  const { t, locale } = format;
  if (trigger.kind === 'absolute') {
    const time = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...CLOCK,
      timeZone: format.viewerZone,
    }).format(trigger.at);
    return t('reminderAt', { time });
  }
  const offset = trigger.offsetMs;
  const amount = amountText(offset, locale);
  if (trigger.related === 'end') {
    if (offset === 0) return t('reminderAtEnd');
    return t(offset < 0 ? 'reminderBeforeEnd' : 'reminderAfterEnd', { amount });
  }
  if (offset === 0) return t('reminderAtStart');
  return t(offset < 0 ? 'reminderBefore' : 'reminderAfterStart', { amount });
}

const ANSWER_KEYS = {
  [GuestAnswer.accepted]: 'answerAccepted',
  [GuestAnswer.declined]: 'answerDeclined',
  [GuestAnswer.tentative]: 'answerTentative',
  [GuestAnswer.needsAction]: 'answerNeedsAction',
  [GuestAnswer.delegated]: 'answerDelegated',
} as const satisfies Record<GuestAnswer, EventCardMessageKey>;

export interface GuestLine {
  readonly name: string;
  /** The address, when the name shown is not already it. */
  readonly email: string | null;
  readonly answer: GuestAnswer | null;
  /** "Yes", "Awaiting reply"…; null for an organizer whose answer is not written. */
  readonly answerText: string | null;
  /** "Organizer", "optional": what else to say of the guest. */
  readonly notes: readonly string[];
}

export function guestLines(guests: readonly EventGuest[], t: Translate): GuestLine[] {
  return guests.map((guest) => ({
    name: guest.name,
    email: guest.email !== null && guest.email !== guest.name ? guest.email : null,
    answer: guest.answer,
    answerText: guest.answer === null ? null : t(ANSWER_KEYS[guest.answer]),
    notes: [...(guest.organizer ? [t('organizer')] : []), ...(guest.optional ? [t('optional')] : [])],
  }));
}

/** "3 guests" / "1 guest", by the language's plural rule. */
export function guestCountText(count: number, format: CardFormat): string {
  return isOne(count, format.locale) ? format.t('guestCountOne') : format.t('guestCount', { count });
}
