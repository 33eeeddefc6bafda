import type { EventDraft } from '../../core/ical/event-draft';
import type { FcSpan } from './fc-dates';
import { DEFAULT_TIMED_MINUTES } from './fc-dates';
import { addDays, addMinutes, wallClockInZone } from './zoned-time';

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function emptyDraft(timing: EventDraft['timing']): EventDraft {
  return { title: '', location: '', description: '', timing, repeat: null };
}

function timedDraft(start: string, zone: string): EventDraft {
  return emptyDraft({ allDay: false, start, end: addMinutes(start, DEFAULT_TIMED_MINUTES), timeZone: zone });
}

/** The next full hour after `now` in `zone`, as `YYYY-MM-DDTHH:mm` (10:00 → 11:00, 10:20 → 11:00). */
export function nextFullHour(now: number, zone: string): string {
  const wall = wallClockInZone(now, zone);
  return addMinutes(`${wall.slice(0, 13)}:00`, 60);
}

/**
 * A new event's defaults: the next full hour, one hour long, in the viewer's zone. When the agenda shows
 * another day than today, the same hour on that day.
 */
export function defaultNewDraft(now: number, zone: string, onDate?: string): EventDraft {
  const next = nextFullHour(now, zone);
  const start =
    onDate !== undefined && DATE.test(onDate) && onDate !== wallClockInZone(now, zone).slice(0, 10)
      ? `${onDate}${next.slice(10)}`
      : next;
  return timedDraft(start, zone);
}

/** A draft for a slot or range the user selected in the calendar (end exclusive, as FullCalendar gives it). */
export function draftFromSelection(span: FcSpan, zone: string): EventDraft {
  if (span.allDay) {
    const startDate = span.startStr.slice(0, 10);
    const lastDay = span.endStr === '' ? startDate : addDays(span.endStr.slice(0, 10), -1);
    return emptyDraft({ allDay: true, startDate, endDate: lastDay >= startDate ? lastDay : startDate });
  }
  const start = span.startStr.slice(0, 16);
  const end = span.endStr === '' ? addMinutes(start, DEFAULT_TIMED_MINUTES) : span.endStr.slice(0, 16);
  return emptyDraft({
    allDay: false,
    start,
    end: end > start ? end : addMinutes(start, DEFAULT_TIMED_MINUTES),
    timeZone: zone,
  });
}

/** `?new=1` → the defaults; `?new=YYYY-MM-DDTHH:mm` → one hour from then; `?new=YYYY-MM-DD` → that all-day. */
export function draftFromNewParam(param: string, now: number, zone: string): EventDraft {
  try {
    if (WALL_CLOCK.test(param)) return timedDraft(param, zone);
    if (DATE.test(param)) return emptyDraft({ allDay: true, startDate: addDays(param, 0), endDate: param });
  } catch {
    // Not a real date (2026-02-30T10:00): fall back to the defaults rather than failing the page.
  }
  return defaultNewDraft(now, zone);
}
