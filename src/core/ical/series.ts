/**
 * Walks the occurrences of a recurring master in order of their original start, with overrides
 * applied (docs/sync-rules.md rule 23: `Event.iterator()` expands RRULE/RDATE/EXDATE only, so each occurrence
 * goes through `getOccurrenceDetails`, which also applies RANGE=THISANDFUTURE overrides). Rule dates
 * that do not exist (30 February) are dropped, not rolled over: `valid-rule-dates.ts`.
 */
import ICAL from 'ical.js';
import type { CalendarObject } from './calendar-object';
import { isCancelled, recurProperties, timeProperty, timeValues } from './component-utils';
import { isFloatingTime, parseRecurrenceIdText, recurrenceIdText, timeToMs, wallOf } from './ical-time';
import { wallClockToUtc } from './intl-zone';
import { keepValidRuleDates } from './valid-rule-dates';
import { formatIcalDate, wallToNumber } from './wall-clock';

/** Guard against rules that never produce (or produce absurdly many) instances. */
export const MAX_ITERATIONS = 100_000;

export interface SeriesOccurrence {
  /** The original start: the occurrence's RECURRENCE-ID. */
  readonly recurrenceId: ICAL.Time;
  readonly recurrenceIdText: string;
  readonly start: ICAL.Time;
  /** Wall-clock end; null for zoned times, whose end is only the instant `endMs` (saves a clone). */
  readonly end: ICAL.Time | null;
  readonly startMs: number;
  readonly endMs: number;
  /** The component whose fields apply: the master, an override, or a THISANDFUTURE override. */
  readonly item: ICAL.Component;
  readonly source: 'master' | 'override' | 'range';
  readonly cancelled: boolean;
  /** 0-based position in the series (EXDATE'd instances do not count). */
  readonly index: number;
}

interface Span {
  readonly nominal: ICAL.Duration;
  /** Exact length for zoned DTSTART/DTEND pairs (RFC 5545: the same exact duration for each instance). */
  readonly exactMs: number | null;
}

export function spanOf(component: ICAL.Component): Span {
  const start = timeProperty(component, 'dtstart');
  const end = timeProperty(component, 'dtend');
  const duration = component.getFirstPropertyValue('duration');
  if (start && end) {
    const zoned = !start.isDate && !isFloatingTime(start) && !isFloatingTime(end) && !end.isDate;
    const exactMs = zoned ? Math.max(0, (end.toUnixTime() - start.toUnixTime()) * 1000) : null;
    return { nominal: end.subtractDate(start), exactMs };
  }
  if (duration instanceof ICAL.Duration) return { nominal: duration, exactMs: null };
  return { nominal: ICAL.Duration.fromData({ days: start?.isDate === true ? 1 : 0 }), exactMs: null };
}

/** End of an instance starting at `start` with the span of its component. */
export function endOf(
  start: ICAL.Time,
  span: Span,
  placeIn: string,
): { end: ICAL.Time | null; startMs: number; endMs: number } {
  const startMs = timeToMs(start, placeIn);
  const exact = start.isDate || isFloatingTime(start) ? null : span.exactMs;
  if (exact !== null) return { end: null, startMs, endMs: startMs + exact };
  const end = start.clone();
  end.addDuration(span.nominal);
  return { end, startMs, endMs: Math.max(startMs, timeToMs(end, placeIn)) };
}

/**
 * A date UNTIL against a date-time DTSTART means "through that day"; a floating UNTIL against a zoned
 * DTSTART is read in DTSTART's zone. ical.js would compare both as UTC and drop the last instance.
 */
function normaliseUntil(master: ICAL.Component, dtstart: ICAL.Time): void {
  if (dtstart.isDate) return;
  for (const recur of recurProperties(master)) {
    const until = recur.until;
    if (!until) continue;
    if (until.isDate) {
      recur.until = ICAL.Time.fromData(
        { ...wallOf(until), hour: 23, minute: 59, second: 59, isDate: false },
        dtstart.zone,
      );
    } else if (isFloatingTime(until) && !isFloatingTime(dtstart)) {
      recur.until = ICAL.Time.fromData({ ...wallOf(until), isDate: false }, dtstart.zone);
    }
  }
}

export interface WalkOptions {
  /** Zone where dates and floating times are placed. */
  readonly placeIn: string;
  readonly warnings: string[];
}

export function* walkSeries(
  object: CalendarObject,
  master: ICAL.Component,
  options: WalkOptions,
): Generator<SeriesOccurrence> {
  const event = new ICAL.Event(master, { exceptions: [...object.overrides] });
  const dtstart = event.startDate;
  normaliseUntil(master, dtstart);
  keepValidRuleDates(master, (rule) => {
    options.warnings.push(`Recurrence rule ${rule.toString()} gives no date that exists: it was stopped`);
  });
  const overridesById = new Map<string, ICAL.Component>();
  for (const override of object.overrides) {
    const id = timeProperty(override, 'recurrence-id');
    if (id) overridesById.set(recurrenceIdText(id), override);
  }
  const excluded = new Set<string>();
  const excludedDays = new Set<string>();
  for (const time of timeValues(master, 'exdate')) {
    if (time.isDate && !dtstart.isDate) excludedDays.add(formatIcalDate(wallOf(time)));
    else excluded.add(recurrenceIdText(time));
  }
  const spans = new Map<ICAL.Component, Span>();
  const span = (component: ICAL.Component): Span => {
    let known = spans.get(component);
    if (!known) {
      known = spanOf(component);
      spans.set(component, known);
    }
    return known;
  };
  const hasOverrides = object.overrides.length > 0;
  const iterator = event.iterator();
  let index = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    let next: unknown;
    try {
      // Typed as always returning a Time; it returns undefined once the series is complete.
      next = iterator.next();
    } catch (error) {
      options.warnings.push(
        `Recurrence rule stopped: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    if (!(next instanceof ICAL.Time)) return;
    const id = recurrenceIdText(next);
    if (excluded.has(id) || excludedDays.has(formatIcalDate(wallOf(next)))) continue;
    // Without overrides every occurrence is the master's: skip the lookup (the hot path).
    const details = hasOverrides ? event.getOccurrenceDetails(next) : { item: event, startDate: next };
    let item = details.item.component;
    let source: SeriesOccurrence['source'] = item === master ? 'master' : 'range';
    let start = details.startDate;
    const direct = overridesById.get(id);
    if (direct) {
      item = direct;
      source = 'override';
      start = timeProperty(direct, 'dtstart') ?? start;
    }
    const placed = endOf(start, span(item), options.placeIn);
    yield {
      recurrenceId: next,
      recurrenceIdText: id,
      start,
      ...placed,
      item,
      source,
      cancelled: source === 'override' && isCancelled(item),
      index,
    };
    index += 1;
  }
  options.warnings.push(`Stopped after ${MAX_ITERATIONS} recurrence steps`);
}

/** Epoch ms a RECURRENCE-ID text stands for (dates and floating times placed in `placeIn`). */
export function recurrenceIdMs(text: string, placeIn: string): number | null {
  const parsed = parseRecurrenceIdText(text);
  if (!parsed) return null;
  return parsed.kind === 'utc' ? wallToNumber(parsed.wall) : wallClockToUtc(placeIn, parsed.wall);
}

/** The occurrence with this RECURRENCE-ID text, walking no further than needed; null if none. */
export function findOccurrence(
  object: CalendarObject,
  master: ICAL.Component,
  recurrenceId: string,
  placeIn: string,
): SeriesOccurrence | null {
  const targetMs = recurrenceIdMs(recurrenceId, placeIn);
  if (targetMs === null) return null;
  for (const occurrence of walkSeries(object, master, { placeIn, warnings: [] })) {
    if (occurrence.recurrenceIdText === recurrenceId) return occurrence;
    if (timeToMs(occurrence.recurrenceId, placeIn) > targetMs + DAY_MS) return null;
  }
  return null;
}

const DAY_MS = 86_400_000;
