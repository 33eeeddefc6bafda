import type { EventDraft } from '../../core/ical/event-draft';
import type { FcSpan } from './fc-dates';
import { DEFAULT_TIMED_MINUTES } from './fc-dates';
import { addDays, addMinutes, wallClockInZone } from './zoned-time';

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function emptyDraft(timing: EventDraft['timing']): EventDraft {
  return { title: '', location: '', description: '', timing, repeat: null };
}

function timedDraft(start: string, zone: string, minutes: number): EventDraft {
  return emptyDraft({ allDay: false, start, end: addMinutes(start, minutes), timeZone: zone });
}

/** FullCalendar's time-grid slot (its default `slotDuration`): a click on the grid selects one. */
const SLOT_MINUTES = 30;

/** The next full hour after `now` in `zone`, as `YYYY-MM-DDTHH:mm` (10:00 → 11:00, 10:20 → 11:00). */
export function nextFullHour(now: number, zone: string): string {
  const wall = wallClockInZone(now, zone);
  return addMinutes(`${wall.slice(0, 13)}:00`, 60);
}

/**
 * A new event's defaults: the next full hour, `minutes` long (Settings' default duration), in the
 * viewer's zone. When the agenda shows another day than today, the same hour on that day.
 */
export function defaultNewDraft(
  now: number,
  zone: string,
  onDate?: string,
  minutes: number = DEFAULT_TIMED_MINUTES,
): EventDraft {
  const next = nextFullHour(now, zone);
  const start =
    onDate !== undefined && DATE.test(onDate) && onDate !== wallClockInZone(now, zone).slice(0, 10)
      ? `${onDate}${next.slice(10)}`
      : next;
  return timedDraft(start, zone, minutes);
}

/**
 * A draft for a slot or range the user selected in the calendar (end exclusive, as FullCalendar gives
 * it). A single slot is a click: the event gets the default duration (`minutes`) from there.
 */
export function draftFromSelection(
  span: FcSpan,
  zone: string,
  minutes: number = DEFAULT_TIMED_MINUTES,
): EventDraft {
  if (span.allDay) {
    const startDate = span.startStr.slice(0, 10);
    const lastDay = span.endStr === '' ? startDate : addDays(span.endStr.slice(0, 10), -1);
    return emptyDraft({ allDay: true, startDate, endDate: lastDay >= startDate ? lastDay : startDate });
  }
  const start = span.startStr.slice(0, 16);
  const selected = span.endStr === '' ? start : span.endStr.slice(0, 16);
  const oneSlot = selected <= addMinutes(start, SLOT_MINUTES);
  return emptyDraft({
    allDay: false,
    start,
    end: oneSlot ? addMinutes(start, minutes) : selected,
    timeZone: zone,
  });
}

/**
 * `?new=1` → the defaults; `?new=YYYY-MM-DDTHH:mm` → the default duration from then;
 * `?new=YYYY-MM-DD` → that all-day.
 */
export function draftFromNewParam(
  param: string,
  now: number,
  zone: string,
  minutes: number = DEFAULT_TIMED_MINUTES,
): EventDraft {
  try {
    if (WALL_CLOCK.test(param)) return timedDraft(param, zone, minutes);
    if (DATE.test(param)) return emptyDraft({ allDay: true, startDate: addDays(param, 0), endDate: param });
  } catch {
    // Not a real date (2026-02-30T10:00): fall back to the defaults rather than failing the page.
  }
  return defaultNewDraft(now, zone, undefined, minutes);
}
