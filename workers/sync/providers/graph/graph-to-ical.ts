/**
 * Graph events → one iCalendar object each (docs/sync-rules.md rules 42 and 45): a single event, or a
 * series rebuilt from its master, its exceptions and the occurrences Graph still lists, so the
 * agenda, reminders, export and "this / following / all" treat it as any event.
 *
 * A series: UID is the master's iCalUId; DTSTART is the pattern's first occurrence at the master's
 * time of day in its zone (recurrence-to-rrule.ts); each exception (type `exception`, with
 * `originalStart`) becomes a RECURRENCE-ID override carrying its own fields over the master's; an
 * occurrence the rule makes but Graph no longer lists is cancelled → EXDATE. Graph lists instances
 * by their actual times and an exception cannot move onto or past a neighbour's day ("Update event",
 * ErrorOccurrenceCrossingBoundary), so an occurrence counts as cancelled only when the rule's
 * occurrences on either side of it also lie in the window (or it is the series' first or last and
 * lies a day inside the window): one near the window's edge may have moved out of it, and a wrong
 * EXDATE would be sent back as a deletion.
 */
import ICAL from 'ical.js';
import { newVCalendar } from '../../../../src/core/ical/compose';
import { writeTimeValue, type Placement } from '../../../../src/core/ical/event-writer';
import { expandEvent } from '../../../../src/core/ical/expand';
import { wallOf } from '../../../../src/core/ical/ical-time';
import { utcToWallClock } from '../../../../src/core/ical/intl-zone';
import { intlTimezone, resolveIanaZone } from '../../../../src/core/ical/time-zones';
import { ensureVtimezone } from '../../../../src/core/ical/vtimezone';
import { addDays, formatIcalDate, wallToNumber, type WallClock } from '../../../../src/core/ical/wall-clock';
import { writeGraphContent } from './graph-content-to-ical';
import { GraphShapeError } from './graph-json';
import type { GraphEvent, PatternedRecurrence } from './graph-types';
import {
  UTC,
  eventZone,
  graphDate,
  graphInstant,
  icalDate,
  icalTimeAt,
  timestampInstant,
} from './graph-time';
import { firstOccurrence, recurrenceToRecur } from './recurrence-to-rrule';

/** The delta window the instances were listed for, in epoch ms ([from, to)). */
export interface SeriesWindow {
  readonly from: number;
  readonly to: number;
}

export interface GraphSeries {
  readonly master: GraphEvent;
  /** The series' occurrences and exceptions Graph lists in the window (trimmed delta rows will do
   *  for occurrences; exceptions need their fields and `originalStart`). */
  readonly instances: readonly GraphEvent[];
  readonly window: SeriesWindow;
}

const DAY_MS = 86_400_000;
/** The longest gap between two occurrences of a pattern: how far around the window to look for an
 *  occurrence's neighbours. */
function neighbourReach(recurrence: PatternedRecurrence): number {
  const { type, interval } = recurrence.pattern;
  // A day of month missing from some months (31, 29 February) skips them: up to 62 days between
  // monthly occurrences, 4 years between yearly ones.
  const days = type === 'daily' ? 1 : type === 'weekly' ? 7 : type.endsWith('Monthly') ? 62 : 4 * 366;
  return (days * interval + 1) * DAY_MS;
}

function placement(iana: string): Placement {
  return iana === UTC ? { kind: 'utc' } : { kind: 'zoned', tzid: iana, zone: intlTimezone(iana), iana };
}

function setTime(
  vevent: ICAL.Component,
  name: string,
  time: ICAL.Time,
  iana: string,
  zones: Set<string>,
): void {
  const property = new ICAL.Property(name);
  vevent.addProperty(property);
  writeTimeValue(property, time, time.isDate ? { kind: 'date' } : placement(iana));
  if (!time.isDate && iana !== UTC) zones.add(iana);
}

function uidOf(event: GraphEvent): string {
  return event.iCalUId !== undefined && event.iCalUId !== '' ? event.iCalUId : event.id;
}

/** DTSTART and DTEND of an event as Graph placed it (all-day: its dates; else its zones). */
function writeOwnTimes(vevent: ICAL.Component, event: GraphEvent, zones: Set<string>): number {
  if (event.isAllDay === true) {
    setTime(vevent, 'dtstart', icalDate(graphDate(event.start, 'start')), UTC, zones);
    setTime(vevent, 'dtend', icalDate(graphDate(event.end, 'end')), UTC, zones);
    return wallToNumber(graphDate(event.start, 'start'));
  }
  const startMs = graphInstant(event.start, 'start');
  const endMs = graphInstant(event.end, 'end');
  const startZone = eventZone(event, 'start');
  const endZone = eventZone(event, 'end');
  setTime(vevent, 'dtstart', icalTimeAt(startMs, startZone), startZone, zones);
  setTime(vevent, 'dtend', icalTimeAt(endMs, endZone), endZone, zones);
  return startMs;
}

function finish(vcalendar: ICAL.Component, zones: Set<string>): string {
  for (const zone of zones) ensureVtimezone(vcalendar, zone);
  return vcalendar.toString();
}

/** One event that is not part of a series (type singleInstance). */
export function singleToIcal(event: GraphEvent): string {
  const vcalendar = newVCalendar();
  const zones = new Set<string>();
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', uidOf(event));
  const startMs = writeOwnTimes(vevent, event, zones);
  writeGraphContent(vevent, event, startMs);
  vcalendar.addSubcomponent(vevent);
  return finish(vcalendar, zones);
}

interface SeriesShape {
  readonly recurrence: PatternedRecurrence;
  readonly isAllDay: boolean;
  readonly zone: string;
  readonly dtstart: ICAL.Time;
  readonly dtend: ICAL.Time;
}

function seriesShape(master: GraphEvent): SeriesShape {
  const recurrence = master.recurrence;
  if (!recurrence) throw new GraphShapeError('recurrence', 'is missing on a series master', master.id);
  const isAllDay = master.isAllDay === true;
  const zone = isAllDay ? UTC : eventZone(master, 'start');
  if (isAllDay) {
    const start = graphDate(master.start, 'start');
    const days = Math.max(
      1,
      Math.round((wallToNumber(graphDate(master.end, 'end')) - wallToNumber(start)) / DAY_MS),
    );
    const dtstart = firstOccurrence(recurrence, { isAllDay, zone }, start) ?? icalDate(start);
    return { recurrence, isAllDay, zone, dtstart, dtend: icalDate(addDays(wallOf(dtstart), days)) };
  }
  const startMs = graphInstant(master.start, 'start');
  const durationMs = graphInstant(master.end, 'end') - startMs;
  const timeOfDay = utcToWallClock(zone, startMs);
  const dtstart = firstOccurrence(recurrence, { isAllDay, zone }, timeOfDay) ?? icalTimeAt(startMs, zone);
  const endZone = eventZone(master, 'end');
  return {
    recurrence,
    isAllDay,
    zone,
    dtstart,
    dtend: icalTimeAt(dtstart.toUnixTime() * 1000 + durationMs, endZone),
  };
}

/** The key an occurrence is known by: its date for all-day series, its instant otherwise. */
type SlotKey = string;

function slotKeyOfTime(ms: number): SlotKey {
  return String(ms);
}

function slotKeyOfDate(wall: WallClock): SlotKey {
  return formatIcalDate(wall);
}

/**
 * The slot an exception's `originalStart` names. For an all-day series Graph's instant may be
 * midnight in UTC or in the series' zone: the date that is one of the rule's slots wins.
 */
function exceptionSlot(
  exception: GraphEvent,
  shape: SeriesShape,
  slots: ReadonlySet<SlotKey>,
): { key: SlotKey; ms: number } {
  if (exception.originalStart === undefined) {
    throw new GraphShapeError('originalStart', 'is missing on an exception of a series', exception.id);
  }
  const ms = timestampInstant(exception.originalStart, 'originalStart');
  if (!shape.isAllDay) return { key: slotKeyOfTime(ms), ms };
  const zone = exception.originalStartTimeZone ?? UTC;
  const candidates = [
    utcToWallClock(UTC, ms),
    utcToWallClock(resolveIanaZone(zone) ?? UTC, ms),
    utcToWallClock(UTC, ms + DAY_MS / 2),
  ];
  const found = candidates.map(slotKeyOfDate).find((key) => slots.has(key));
  return { key: found ?? slotKeyOfDate(candidates[0] ?? utcToWallClock(UTC, ms)), ms };
}

function listedKey(instance: GraphEvent, shape: SeriesShape): SlotKey {
  return shape.isAllDay
    ? slotKeyOfDate(graphDate(instance.start, 'start'))
    : slotKeyOfTime(graphInstant(instance.start, 'start'));
}

/** The master's own fields with the exception's over them (an exception may come trimmed). */
function mergeException(master: GraphEvent, exception: GraphEvent): GraphEvent {
  const own = Object.fromEntries(Object.entries(exception).filter(([, value]) => value !== undefined));
  return { ...master, ...own, recurrence: null };
}

function recurrenceIdTime(ms: number, key: SlotKey, shape: SeriesShape): ICAL.Time {
  if (!shape.isAllDay) return icalTimeAt(ms, shape.zone);
  const wall = {
    year: Number(key.slice(0, 4)),
    month: Number(key.slice(4, 6)),
    day: Number(key.slice(6, 8)),
    hour: 0,
    minute: 0,
    second: 0,
  };
  return icalDate(wall);
}

/**
 * The rule's occurrences around the window, in order, kept compact (a plan is held for every series
 * of a round while it pages): all-day series know each by its date, the others by their start.
 */
interface RuleSlots {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly dates: readonly string[] | null;
}

/** Occurrences of the rule alone (no exceptions), around the window, by the app's own expansion. */
function ruleOccurrences(masterText: string, window: SeriesWindow, shape: SeriesShape): RuleSlots {
  const reach = neighbourReach(shape.recurrence);
  const around = { from: window.from - reach, to: window.to + reach };
  const { instances } = expandEvent(masterText, around, shape.isAllDay ? UTC : shape.zone, {
    minInstancesAfterWindow: 0,
  });
  return {
    starts: Float64Array.from(instances, (instance) => instance.start),
    ends: Float64Array.from(instances, (instance) => instance.end),
    dates: shape.isAllDay ? instances.map((instance) => instance.recurrenceId ?? '') : null,
  };
}

function slotKeyAt(slots: RuleSlots, index: number): SlotKey {
  return slots.dates ? (slots.dates[index] ?? '') : slotKeyOfTime(slots.starts[index] ?? 0);
}

function insideAt(slots: RuleSlots, index: number, window: SeriesWindow, margin: number): boolean {
  const start = slots.starts[index];
  const end = slots.ends[index];
  return (
    start !== undefined && end !== undefined && start >= window.from + margin && end <= window.to - margin
  );
}

/** The indexes of the rule's occurrences in the window that Graph does not list and that cannot
 *  have moved out. */
function cancelledSlots(
  slots: RuleSlots,
  listed: ReadonlySet<SlotKey>,
  shape: SeriesShape,
  window: SeriesWindow,
): number[] {
  const margin = shape.isAllDay ? DAY_MS + DAY_MS / 2 : 0;
  const edge = DAY_MS;
  const last = slots.starts.length - 1;
  const cancelled: number[] = [];
  for (let index = 0; index <= last; index += 1) {
    if (listed.has(slotKeyAt(slots, index))) continue;
    if (!insideAt(slots, index, window, margin)) continue;
    const beforeSafe =
      index > 0 ? insideAt(slots, index - 1, window, margin) : insideAt(slots, index, window, margin + edge);
    const afterSafe =
      index < last
        ? insideAt(slots, index + 1, window, margin)
        : insideAt(slots, index, window, margin + edge);
    if (beforeSafe && afterSafe) cancelled.push(index);
  }
  return cancelled;
}

/**
 * What a series' text needs of its master alone: its shape and the rule's occurrences around the
 * window (an expansion, the costly part). Made as soon as the master arrives, while the delta round
 * still pages, then used once by seriesToIcal with the instances the round listed.
 */
export interface SeriesPlan {
  readonly master: GraphEvent;
  readonly window: SeriesWindow;
  readonly shape: SeriesShape;
  readonly occurrences: RuleSlots;
}

function ruleVevent(master: GraphEvent, shape: SeriesShape, zones: Set<string>): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', uidOf(master));
  setTime(vevent, 'dtstart', shape.dtstart, shape.zone, zones);
  setTime(vevent, 'dtend', shape.dtend, eventZone(master, 'end'), zones);
  vevent.addPropertyWithValue(
    'rrule',
    recurrenceToRecur(shape.recurrence, { isAllDay: shape.isAllDay, zone: shape.zone }),
  );
  return vevent;
}

export function planSeries(master: GraphEvent, window: SeriesWindow): SeriesPlan {
  const shape = seriesShape(master);
  const zones = new Set<string>();
  const ruleOnlyCalendar = newVCalendar();
  ruleOnlyCalendar.addSubcomponent(ruleVevent(master, shape, zones));
  const ruleOnly = finish(ruleOnlyCalendar, zones);
  return { master, window, shape, occurrences: ruleOccurrences(ruleOnly, window, shape) };
}

/** A series: its master, RECURRENCE-ID overrides for its exceptions, EXDATE for its cancellations.
 *  `plan`: planSeries of the same master and window, made earlier. */
export function seriesToIcal(series: GraphSeries, plan?: SeriesPlan): string {
  const { master, instances, window } = series;
  const usable = plan?.master === master && plan.window.from === window.from && plan.window.to === window.to;
  const { shape, occurrences } = usable ? plan : planSeries(master, window);
  const uid = uidOf(master);
  const zones = new Set<string>();
  const vcalendar = newVCalendar();
  const vevent = ruleVevent(master, shape, zones);
  vcalendar.addSubcomponent(vevent);
  writeGraphContent(vevent, master, shape.dtstart.toUnixTime() * 1000);

  const slots = new Set(Array.from(occurrences.starts, (_, index) => slotKeyAt(occurrences, index)));
  const listed = new Set<SlotKey>();
  const overrides: ICAL.Component[] = [];
  for (const instance of instances) {
    if (instance.type === 'occurrence') listed.add(listedKey(instance, shape));
    if (instance.type !== 'exception') continue;
    const { key, ms } = exceptionSlot(instance, shape, slots);
    listed.add(key);
    const override = new ICAL.Component('vevent');
    override.addPropertyWithValue('uid', uid);
    setTime(override, 'recurrence-id', recurrenceIdTime(ms, key, shape), shape.zone, zones);
    const merged = mergeException(master, instance);
    const startMs = writeOwnTimes(override, { ...merged, isAllDay: shape.isAllDay }, zones);
    writeGraphContent(override, merged, startMs);
    overrides.push(override);
  }
  for (const index of cancelledSlots(occurrences, listed, shape, window)) {
    const key = slotKeyAt(occurrences, index);
    const time = recurrenceIdTime(occurrences.starts[index] ?? 0, key, shape);
    const exdate = new ICAL.Property('exdate');
    vevent.addProperty(exdate);
    writeTimeValue(exdate, time, time.isDate ? { kind: 'date' } : placement(shape.zone));
  }
  for (const override of overrides) vcalendar.addSubcomponent(override);
  return finish(vcalendar, zones);
}
