import { AppError, ErrorKind, isAppError } from '../errors';
import { expandEvent } from '../ical/expand';
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

/** Expands one event into the occurrence rows to store for it. Throws AppError 'malformed-ics'. */
export function materializeEvent(
  event: Materialisable,
  window: TimeRange,
  viewerZone: string,
): OccurrenceRecord[] {
  let expanded: ReturnType<typeof expandEvent>;
  try {
    expanded = expandEvent(event.ics, event.recurring ? window : ALL_TIME, viewerZone, {
      minInstancesAfterWindow: MIN_INSTANCES_AFTER_WINDOW,
    });
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
  return expanded.instances.map((instance) => ({
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
