import type { EventDraft, RepeatFrequency, RepeatRule, Weekday } from '../../core/ical/event-draft';
import { WEEKDAYS } from '../../core/ical/event-draft';
import { addDays, addMinutes, daysBetween, isoWeekday, minutesBetween } from './zoned-time';

export type RepeatChoice = 'none' | RepeatFrequency;
export type EndsChoice = 'never' | 'count' | 'until';

/**
 * The editor's fields exactly as typed (strings, so a half-typed number is never lost). Converted to an
 * EventDraft on save; validateDraft then says what is wrong.
 */
export interface EditorForm {
  readonly title: string;
  readonly location: string;
  readonly description: string;
  readonly allDay: boolean;
  readonly startDate: string;
  readonly startTime: string;
  readonly endDate: string;
  readonly endTime: string;
  /** The zone wall-clock times are in (kept from the event; the viewer's zone for new ones). */
  readonly timeZone: string;
  readonly calendarId: string;
  readonly repeat: RepeatChoice;
  readonly interval: string;
  readonly byDay: readonly Weekday[];
  readonly ends: EndsChoice;
  readonly count: string;
  readonly untilDate: string;
  /** Minutes before the start (0 = at the start), null = none (ReminderField.tsx). */
  readonly reminder: number | null;
}

const DEFAULT_START_TIME = '09:00';
const DEFAULT_END_TIME = '10:00';

export function draftToForm(draft: EventDraft, calendarId: string, viewerZone: string): EditorForm {
  const timing = draft.timing;
  const times = timing.allDay
    ? {
        startDate: timing.startDate,
        startTime: DEFAULT_START_TIME,
        endDate: timing.endDate,
        endTime: DEFAULT_END_TIME,
        timeZone: viewerZone,
      }
    : {
        startDate: timing.start.slice(0, 10),
        startTime: timing.start.slice(11, 16),
        endDate: timing.end.slice(0, 10),
        endTime: timing.end.slice(11, 16),
        timeZone: timing.timeZone,
      };
  const repeat = draft.repeat;
  const end = repeat?.end ?? { kind: 'never' as const };
  return {
    title: draft.title,
    location: draft.location,
    description: draft.description,
    allDay: timing.allDay,
    ...times,
    calendarId,
    repeat: repeat?.frequency ?? 'none',
    interval: String(repeat?.interval ?? 1),
    byDay: repeat?.byDay ?? [],
    ends: end.kind,
    count: end.kind === 'count' ? String(end.count) : '10',
    untilDate: end.kind === 'until' ? end.date : '',
    reminder: draft.reminder ?? null,
  };
}

/** Text to number; blank or partial input becomes NaN, which validateDraft reports. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function repeatOf(form: EditorForm): RepeatRule | null {
  if (form.repeat === 'none') return null;
  const end: RepeatRule['end'] =
    form.ends === 'count'
      ? { kind: 'count', count: toNumber(form.count) }
      : form.ends === 'until'
        ? { kind: 'until', date: form.untilDate }
        : { kind: 'never' };
  return {
    frequency: form.repeat,
    interval: toNumber(form.interval),
    byDay: form.repeat === 'weekly' ? WEEKDAYS.filter((day) => form.byDay.includes(day)) : [],
    end,
  };
}

export function formToDraft(form: EditorForm): EventDraft {
  return {
    title: form.title.trim(),
    location: form.location.trim(),
    description: form.description,
    timing: form.allDay
      ? { allDay: true, startDate: form.startDate, endDate: form.endDate }
      : {
          allDay: false,
          start: `${form.startDate}T${form.startTime}`,
          end: `${form.endDate}T${form.endTime}`,
          timeZone: form.timeZone,
        },
    repeat: repeatOf(form),
    reminder: form.reminder,
  };
}

/**
 * Moves the start and keeps the duration: the end follows by the same number of days (all-day) or
 * wall-clock minutes. When the old span cannot be read (a field is blank), only the start changes.
 */
export function withStart(form: EditorForm, next: { startDate?: string; startTime?: string }): EditorForm {
  const moved = { ...form, ...next };
  try {
    if (form.allDay) {
      const days = daysBetween(form.startDate, form.endDate);
      return { ...moved, endDate: addDays(moved.startDate, Math.max(days, 0)) };
    }
    const minutes = minutesBetween(`${form.startDate}T${form.startTime}`, `${form.endDate}T${form.endTime}`);
    const end = addMinutes(`${moved.startDate}T${moved.startTime}`, Math.max(minutes, 0));
    return { ...moved, endDate: end.slice(0, 10), endTime: end.slice(11, 16) };
  } catch {
    return moved;
  }
}

/** Weekly repeat with no day ticked yet: tick the start's weekday, so the checkboxes show what will happen. */
export function withRepeat(form: EditorForm, repeat: RepeatChoice): EditorForm {
  if (repeat !== 'weekly' || form.byDay.length > 0) return { ...form, repeat };
  try {
    const day = WEEKDAYS[isoWeekday(form.startDate) - 1];
    return { ...form, repeat, byDay: day ? [day] : [] };
  } catch {
    return { ...form, repeat };
  }
}

export function toggleWeekday(form: EditorForm, day: Weekday, on: boolean): EditorForm {
  const others = form.byDay.filter((d) => d !== day);
  return { ...form, byDay: on ? WEEKDAYS.filter((d) => d === day || others.includes(d)) : others };
}
