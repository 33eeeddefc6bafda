/**
 * The instances of a calendar in a time window, as calendarView and its delta list them ("List
 * calendarView", "event: delta"): single instances, occurrences and exceptions overlapping the
 * window, never series masters; cancelled occurrences are gone. A series' expansion is cached by
 * the master's change key, which every edit of the series (exceptions and cancellations included)
 * changes.
 */
import { expandSeries } from '../recurrence/expand-series';
import { exceptionView, occurrenceView, recordView, seriesTiming, type EventView } from './event-view';
import type { EventRecord } from './records';

interface CachedSeries {
  readonly key: string;
  readonly views: readonly EventView[];
}

const cache = new WeakMap<EventRecord, CachedSeries>();

export function overlaps(startMs: number, endMs: number, fromMs: number, toMs: number): boolean {
  return startMs < toMs && (endMs > fromMs || (endMs === startMs && startMs >= fromMs));
}

/** Occurrences and exceptions of a series overlapping [fromMs, toMs), by start. */
export function seriesInstances(master: EventRecord, fromMs: number, toMs: number): readonly EventView[] {
  const key = `${master.changeKey}|${fromMs}|${toMs}`;
  const hit = cache.get(master);
  if (hit?.key === key) return hit.views;
  const timing = seriesTiming(master);
  if (!timing) return [];
  const views: EventView[] = [];
  for (const occurrence of expandSeries(timing, fromMs, toMs)) {
    const excepted = master.exceptions.has(occurrence.originalStartMs);
    if (!excepted && !master.cancelled.has(occurrence.originalStartMs))
      views.push(occurrenceView(master, occurrence));
  }
  for (const exception of master.exceptions.values()) {
    if (overlaps(exception.timing.startMs, exception.timing.endMs, fromMs, toMs)) {
      views.push(exceptionView(master, exception));
    }
  }
  views.sort((a, b) => a.timing.startMs - b.timing.startMs || (a.id < b.id ? -1 : 1));
  cache.set(master, { key, views });
  return views;
}

/** Every instance of the calendar's events overlapping the window, by start. */
export function instancesInWindow(
  events: Iterable<EventRecord>,
  calendarId: string,
  fromMs: number,
  toMs: number,
): EventView[] {
  const found: EventView[] = [];
  for (const record of events) {
    if (record.calendarId !== calendarId) continue;
    if (record.recurrence) found.push(...seriesInstances(record, fromMs, toMs));
    else if (overlaps(record.timing.startMs, record.timing.endMs, fromMs, toMs))
      found.push(recordView(record));
  }
  return found.sort((a, b) => a.timing.startMs - b.timing.startMs || (a.id < b.id ? -1 : 1));
}
