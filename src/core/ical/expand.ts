/**
 * Expands one iCalendar object into instances over a window: RRULE, RDATE, EXDATE, RECURRENCE-ID
 * overrides (docs/sync-rules.md rule 23), RANGE=THISANDFUTURE, orphan overrides and the value quirks of rule 25.
 * All-day and floating instances are placed in the viewer's zone.
 */
import type ICAL from 'ical.js';
import { loadCalendarObject, type CalendarObject } from './calendar-object';
import {
  isCancelled,
  isRecurringMaster,
  recurProperties,
  textProperty,
  timeProperty,
  timeValues,
} from './component-utils';
import { isFloatingTime, recurrenceIdText, timeToMs } from './ical-time';
import { endOf, spanOf, walkSeries, type SeriesOccurrence } from './series';

export interface ExpandedInstance {
  /** Original start as iCalendar text (UTC for zoned times); null for a non-recurring event. */
  readonly recurrenceId: string | null;
  /** Epoch ms. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
  readonly allDay: boolean;
  /** A date-time without zone (or with a zone nobody knows), placed in the viewer's zone. */
  readonly floating: boolean;
  readonly summary: string;
  readonly location: string;
}

export interface ExpandResult {
  readonly instances: ExpandedInstance[];
  readonly warnings: string[];
  /** True when a rule has neither COUNT nor UNTIL: the series was cut at the window's end. */
  readonly endless: boolean;
}

export interface ExpandWindow {
  readonly from: number;
  readonly to: number;
}

/** Hard cap on instances returned by one call. */
export const MAX_INSTANCES = 5_000;

function overlaps(instance: { start: number; end: number }, window: ExpandWindow): boolean {
  if (instance.start >= window.to) return false;
  return instance.end > window.from || (instance.end === instance.start && instance.start >= window.from);
}

function instanceOf(
  component: ICAL.Component,
  start: ICAL.Time,
  startMs: number,
  endMs: number,
  recurrenceId: string | null,
): ExpandedInstance {
  return {
    recurrenceId,
    start: startMs,
    end: endMs,
    allDay: start.isDate,
    floating: isFloatingTime(start),
    summary: textProperty(component, 'summary'),
    location: textProperty(component, 'location'),
  };
}

function single(
  component: ICAL.Component,
  viewerZone: string,
  recurrenceId: string | null,
): ExpandedInstance | null {
  const start = timeProperty(component, 'dtstart');
  if (!start) return null;
  const placed = endOf(start, spanOf(component), viewerZone);
  return instanceOf(component, start, placed.startMs, placed.endMs, recurrenceId);
}

function fromOccurrence(occurrence: SeriesOccurrence): ExpandedInstance {
  return instanceOf(
    occurrence.item,
    occurrence.start,
    occurrence.startMs,
    occurrence.endMs,
    occurrence.recurrenceIdText,
  );
}

/** How far past the window original starts must be walked so moved overrides are not missed. */
function walkLimit(object: CalendarObject, window: ExpandWindow, viewerZone: string): number {
  let limit = window.to;
  for (const override of object.overrides) {
    const id = timeProperty(override, 'recurrence-id');
    const start = timeProperty(override, 'dtstart');
    if (!id || !start) continue;
    const idMs = timeToMs(id, viewerZone);
    const shift = timeToMs(start, viewerZone) - idMs;
    limit = Math.max(limit, idMs + 1, window.to - shift);
  }
  return limit;
}

function expandSeries(
  object: CalendarObject,
  master: ICAL.Component,
  window: ExpandWindow,
  viewerZone: string,
  after: number,
  warnings: string[],
): ExpandedInstance[] {
  const inWindow: ExpandedInstance[] = [];
  const later: ExpandedInstance[] = [];
  const seen = new Set<string>();
  const limit = walkLimit(object, window, viewerZone);
  let complete = true;
  for (const occurrence of walkSeries(object, master, { placeIn: viewerZone, warnings })) {
    const originalMs = timeToMs(occurrence.recurrenceId, viewerZone);
    if (originalMs >= limit && (inWindow.length > 0 || later.length >= after)) {
      complete = false;
      break;
    }
    seen.add(occurrence.recurrenceIdText);
    if (occurrence.cancelled) continue;
    const instance = fromOccurrence(occurrence);
    if (overlaps(instance, window)) {
      if (inWindow.length >= MAX_INSTANCES) {
        warnings.push(`More than ${MAX_INSTANCES} instances in the window: the rest are left out`);
        complete = false;
        break;
      }
      inWindow.push(instance);
    } else if (instance.start >= window.to && later.length < after) {
      later.push(instance);
    }
  }
  // Overrides whose RECURRENCE-ID the rule never produces still happened: show them (rule 25).
  const exdates = new Set(timeValues(master, 'exdate').map(recurrenceIdText));
  for (const override of object.overrides) {
    const id = timeProperty(override, 'recurrence-id');
    if (!id || isCancelled(override)) continue;
    const text = recurrenceIdText(id);
    if (seen.has(text) || (!complete && timeToMs(id, viewerZone) >= limit) || exdates.has(text)) continue;
    const instance = single(override, viewerZone, text);
    if (instance && overlaps(instance, window)) inWindow.push(instance);
    else if (instance && instance.start >= window.to) later.push(instance);
  }
  const result = inWindow.length > 0 ? inWindow : later.sort((a, b) => a.start - b.start).slice(0, after);
  return result.sort((a, b) => a.start - b.start);
}

export interface ExpandOptions {
  readonly minInstancesAfterWindow?: number;
}

export function expandEvent(
  ics: string,
  window: ExpandWindow,
  viewerZone: string,
  options: ExpandOptions = {},
): ExpandResult {
  return expandCalendarObject(loadCalendarObject(ics), window, viewerZone, options);
}

/** `expandEvent` for an object already parsed (the sync and the importer parse each object once). */
export function expandCalendarObject(
  object: CalendarObject,
  window: ExpandWindow,
  viewerZone: string,
  options: ExpandOptions = {},
): ExpandResult {
  const warnings = [...object.warnings];
  const master = object.master;
  if (!master) {
    // Overrides whose master is elsewhere (or lost): each is an instance of its own (rule 25).
    const instances = object.overrides
      .filter((override) => !isCancelled(override))
      .map((override) => {
        const id = timeProperty(override, 'recurrence-id');
        return single(override, viewerZone, id ? recurrenceIdText(id) : null);
      })
      .filter((instance): instance is ExpandedInstance => instance !== null);
    return { instances, warnings, endless: false };
  }
  if (!isRecurringMaster(master)) {
    if (object.overrides.length > 0) warnings.push('Overrides of a non-recurring event are ignored');
    const instance = single(master, viewerZone, null);
    return { instances: instance ? [instance] : [], warnings, endless: false };
  }
  const after = Math.max(0, options.minInstancesAfterWindow ?? 1);
  const instances = expandSeries(object, master, window, viewerZone, after, warnings);
  const endless = recurProperties(master).some((recur) => recur.until === null && recur.count === null);
  return { instances, warnings, endless };
}
