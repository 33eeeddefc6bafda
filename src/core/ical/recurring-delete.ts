/**
 * Deleting an event, one occurrence (`this`: an EXDATE in DTSTART's own form, its override dropped)
 * or an occurrence and the rest of the series (`following`: UNTIL before it).
 */
import ICAL from 'ical.js';
import { loadCalendarObject, type CalendarObject } from './calendar-object';
import { isCancelled, isRecurringMaster } from './component-utils';
import type { EditScope } from './event-draft';
import { stamp, writeTimeValue } from './event-writer';
import { placementOf } from './placement';
import { findOccurrence, walkSeries } from './series';
import { endSeriesBefore, findOverride } from './series-edit';
import { pruneVtimezones } from './vtimezone';
import { AppError, ErrorKind } from '../errors';

export interface DeleteInput {
  readonly scope: EditScope;
  readonly recurrenceId: string | null;
  readonly now: number;
}

export type DeleteResult = { readonly ics: string } | { readonly deleteAll: true };

const DELETE_ALL: DeleteResult = { deleteAll: true };

/** True when the (re-read) series still has an instance to show. */
function hasInstances(ics: string): boolean {
  const object = loadCalendarObject(ics);
  if (!object.master) return object.overrides.some((override) => !isCancelled(override));
  if (!isRecurringMaster(object.master)) return true;
  for (const occurrence of walkSeries(object, object.master, { placeIn: 'UTC', warnings: [] })) {
    if (!occurrence.cancelled) return true;
  }
  return false;
}

function removeOverride(object: CalendarObject, recurrenceId: string): boolean {
  const override = findOverride(object, recurrenceId);
  if (override) object.vcalendar.removeSubcomponent(override);
  return override !== null;
}

function finish(object: CalendarObject): DeleteResult {
  pruneVtimezones(object.vcalendar);
  const ics = object.vcalendar.toString();
  return hasInstances(ics) ? { ics } : DELETE_ALL;
}

export function applyDelete(ics: string, input: DeleteInput): DeleteResult {
  const object = loadCalendarObject(ics);
  const { master } = object;
  const { recurrenceId } = input;
  if (input.scope === 'all' || recurrenceId === null) return DELETE_ALL;
  if (!master) {
    // Only overrides are here (their master lives elsewhere): drop the one asked for.
    if (!removeOverride(object, recurrenceId)) return DELETE_ALL;
    return object.vcalendar.getAllSubcomponents('vevent').length === 0 ? DELETE_ALL : finish(object);
  }
  if (!isRecurringMaster(master)) return DELETE_ALL;
  const occurrence = findOccurrence(object, master, recurrenceId, 'UTC');
  if (!occurrence) {
    if (removeOverride(object, recurrenceId)) return finish(object);
    throw new AppError({
      kind: ErrorKind.notFound,
      message: `No occurrence ${recurrenceId} in this event`,
      retryable: false,
    });
  }
  if (input.scope === 'following') {
    if (occurrence.index === 0) return DELETE_ALL;
    endSeriesBefore(object, master, occurrence.recurrenceId);
  } else {
    const exdate = master.addProperty(new ICAL.Property('exdate'));
    writeTimeValue(exdate, occurrence.recurrenceId, placementOf(object, master));
    removeOverride(object, recurrenceId);
  }
  stamp(master, input.now);
  return finish(object);
}
