import type { OccurrenceRecord } from '../../core/model/occurrence';
import { formatClock, formatDateClock, formatDateSpan, isoDateInZone } from '../../lib/format-time';

export interface WhenLabels {
  /** "All day" */
  readonly allDay: string;
  /** "All day, 26 – 28 Nov" for an all-day event over several days. */
  readonly allDaySpan: (span: string) => string;
}

export interface WhenFormat {
  readonly timeZone: string;
  readonly locale: string;
  /** The day the item is listed under (`YYYY-MM-DD`): a start on another day shows its date. */
  readonly listedOn: string;
  readonly labels: WhenLabels;
}

/** The last day an instance covers: `end` is exclusive, so an end at midnight belongs to the day before. */
function lastDay(occurrence: OccurrenceRecord, timeZone: string): string {
  const inclusiveEnd = occurrence.end > occurrence.start ? occurrence.end - 1 : occurrence.start;
  return isoDateInZone(inclusiveEnd, timeZone);
}

/**
 * When an occurrence happens, for the upcoming list: "14:00 – 15:00", "22:00 – 27 Nov, 06:00" when it
 * ends on another day, "All day", or "All day, 26 – 28 Nov" for several days. Times are in the
 * viewer's zone and the locale's clock (24-hour or AM/PM).
 */
export function formatWhen(occurrence: OccurrenceRecord, format: WhenFormat): string {
  const { timeZone, locale, labels, listedOn } = format;
  const first = isoDateInZone(occurrence.start, timeZone);
  const last = lastDay(occurrence, timeZone);
  if (occurrence.allDay) {
    return first === last ? labels.allDay : labels.allDaySpan(formatDateSpan(first, last, locale));
  }
  const start =
    first === listedOn
      ? formatClock(occurrence.start, locale, timeZone)
      : formatDateClock(occurrence.start, locale, timeZone);
  if (occurrence.end <= occurrence.start) return start;
  const end =
    last === first
      ? formatClock(occurrence.end, locale, timeZone)
      : formatDateClock(occurrence.end, locale, timeZone);
  return `${start} – ${end}`;
}
