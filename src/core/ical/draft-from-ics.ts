/**
 * The editor's fields for an event (recurrenceId null: the master) or for one occurrence (its
 * override if any, else the master's fields at that instance's time). Zoned times are shown in the
 * viewer's zone; floating times stay floating; the all-day end date is inclusive.
 */
import type ICAL from 'ical.js';
import { AppError, ErrorKind } from '../errors';
import { loadCalendarObject, type CalendarObject } from './calendar-object';
import { isRecurringMaster, textProperty, timeProperty } from './component-utils';
import { FLOATING, type EventDraft, type EventTiming } from './event-draft';
import { isFloatingTime, recurrenceIdText, wallOf } from './ical-time';
import { utcToWallClock } from './intl-zone';
import { readReminder } from './reminder-alarm';
import { repeatFromMaster } from './repeat-rule';
import { endOf, findOccurrence, spanOf } from './series';
import { addDays, formatIsoDate, formatIsoLocal } from './wall-clock';

interface Placed {
  readonly item: ICAL.Component;
  readonly start: ICAL.Time;
  readonly end: ICAL.Time | null;
  readonly startMs: number;
  readonly endMs: number;
}

export function timingOf(placed: Placed, viewerZone: string): EventTiming {
  const { start } = placed;
  const end = placed.end ?? start;
  if (start.isDate) {
    const first = wallOf(start);
    const last = addDays(wallOf(end), -1);
    const endDate = formatIsoDate(last) < formatIsoDate(first) ? formatIsoDate(first) : formatIsoDate(last);
    return { allDay: true, startDate: formatIsoDate(first), endDate };
  }
  if (isFloatingTime(start)) {
    return {
      allDay: false,
      start: formatIsoLocal(wallOf(start)),
      end: formatIsoLocal(wallOf(end)),
      timeZone: FLOATING,
    };
  }
  return {
    allDay: false,
    start: formatIsoLocal(utcToWallClock(viewerZone, placed.startMs)),
    end: formatIsoLocal(utcToWallClock(viewerZone, placed.endMs)),
    timeZone: viewerZone,
  };
}

function placeComponent(item: ICAL.Component, viewerZone: string): Placed {
  const start = timeProperty(item, 'dtstart');
  if (!start)
    throw new AppError({ kind: ErrorKind.malformedIcs, message: 'VEVENT has no DTSTART', retryable: false });
  return { item, start, ...endOf(start, spanOf(item), viewerZone) };
}

function notFound(recurrenceId: string): AppError {
  return new AppError({
    kind: ErrorKind.notFound,
    message: `No occurrence ${recurrenceId} in this event`,
    retryable: false,
  });
}

/** The component and times of the master or of one occurrence. */
export function placeOccurrence(
  object: CalendarObject,
  recurrenceId: string | null,
  viewerZone: string,
): Placed {
  const { master } = object;
  const override = object.overrides.find((candidate) => {
    const id = timeProperty(candidate, 'recurrence-id');
    return id !== null && recurrenceIdText(id) === recurrenceId;
  });
  if (recurrenceId === null || !master || !isRecurringMaster(master)) {
    const item = recurrenceId === null ? (master ?? object.overrides[0]) : (override ?? master);
    if (!item) throw notFound(recurrenceId ?? 'master');
    return placeComponent(item, viewerZone);
  }
  const occurrence = findOccurrence(object, master, recurrenceId, viewerZone);
  if (occurrence) return occurrence;
  if (override) return placeComponent(override, viewerZone);
  throw notFound(recurrenceId);
}

export function draftFromIcs(ics: string, recurrenceId: string | null, viewerZone: string): EventDraft {
  const object = loadCalendarObject(ics);
  const placed = placeOccurrence(object, recurrenceId, viewerZone);
  const master = object.master;
  const masterStart = master ? timeProperty(master, 'dtstart') : null;
  const repeat =
    master && masterStart && isRecurringMaster(master)
      ? repeatFromMaster(master, masterStart, viewerZone)
      : null;
  return {
    title: textProperty(placed.item, 'summary'),
    location: textProperty(placed.item, 'location'),
    description: textProperty(placed.item, 'description'),
    timing: timingOf(placed, viewerZone),
    repeat,
    reminder: readReminder(placed.item),
  };
}
