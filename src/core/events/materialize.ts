import { AppError, ErrorKind, isAppError } from '../errors';
import type { CalendarObject } from '../ical/calendar-object';
import { expandCalendarObject, expandEvent, type ExpandedInstance } from '../ical/expand';
import type { EventRecord } from '../model/event';
import { occurrenceId, type OccurrenceRecord } from '../model/occurrence';
import type { TimeRange } from '../occurrences/time-range';

/**
 * Instances stored after the window's end for every series, so "what is next" finds a series that
 * has nothing inside the window (a yearly event starting in five years, say).
 */
export const MIN_INSTANCES_AFTER_WINDOW = 1;

/**
 * Single (non-recurring) events are stored whatever their date: expanding them is one instance, and
 * the window then never has to revisit them. Years 1000–9000 keep ical.js inside its comfortable range.
 */
const ALL_TIME: TimeRange = { from: Date.UTC(1000, 0, 1), to: Date.UTC(9000, 0, 1) };

type Materialisable = Pick<EventRecord, 'id' | 'calendarId' | 'ics' | 'recurring'>;

/**
 * The instances to store for one event: a series over `window`, a single event whatever its date.
 * Throws AppError 'malformed-ics'. `parsed`: the event's `ics` already loaded (loadCalendarObject),
 * so it is not parsed again.
 */
export function expandForStorage(
  event: Pick<EventRecord, 'ics' | 'recurring'>,
  window: TimeRange,
  viewerZone: string,
  parsed?: CalendarObject,
): ExpandedInstance[] {
  try {
    const range = event.recurring ? window : ALL_TIME;
    const options = { minInstancesAfterWindow: MIN_INSTANCES_AFTER_WINDOW };
    const expanded = parsed
      ? expandCalendarObject(parsed, range, viewerZone, options)
      : expandEvent(event.ics, range, viewerZone, options);
    return expanded.instances;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError(
      {
        kind: ErrorKind.malformedIcs,
        message: error instanceof Error ? error.message : 'The event could not be expanded.',
        retryable: false,
      },
      { cause: error },
    );
  }
}

/** The occurrence rows of an event's instances. */
export function occurrenceRows(
  event: Pick<EventRecord, 'id' | 'calendarId'>,
  instances: readonly ExpandedInstance[],
): OccurrenceRecord[] {
  return instances.map((instance) => ({
    id: occurrenceId(event.id, instance.recurrenceId),
    eventId: event.id,
    calendarId: event.calendarId,
    start: instance.start,
    end: instance.end,
    duration: Math.max(0, instance.end - instance.start),
    allDay: instance.allDay,
    floating: instance.floating,
    recurrenceId: instance.recurrenceId,
    summary: instance.summary,
    location: instance.location,
  }));
}

/** Expands one event into the occurrence rows to store for it. Throws AppError 'malformed-ics'. */
export function materializeEvent(
  event: Materialisable,
  window: TimeRange,
  viewerZone: string,
  parsed?: CalendarObject,
): OccurrenceRecord[] {
  return occurrenceRows(event, expandForStorage(event, window, viewerZone, parsed));
}
