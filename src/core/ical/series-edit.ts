/**
 * Operations on a parsed series used by recurring edits and deletes: move it (with its EXDATEs,
 * RDATEs, overrides and UNTIL), end it before an occurrence, write its rule from the editor.
 */
import ICAL from 'ical.js';
import type { CalendarObject } from './calendar-object';
import { recurProperties, timeProperty } from './component-utils';
import type { EventDraft } from './event-draft';
import { setTimeProperty, stamp, type Placement } from './event-writer';
import { isFloatingTime, recurrenceIdText, timeFromWall, timeToMs, wallOf } from './ical-time';
import { DAY_MS, shiftProperty, shiftTime } from './placement';
import { recurFromRepeat, repeatFromMaster, sameRepeat, type UntilForm } from './repeat-rule';
import { addDays, numberToWall, weekdayIndex } from './wall-clock';
import { ValidDatesIterator } from './valid-rule-dates';
import { WEEKDAYS } from './event-draft';

/** Overrides whose RECURRENCE-ID is this occurrence or later. */
export function overridesFrom(object: CalendarObject, from: ICAL.Time): ICAL.Component[] {
  const fromMs = timeToMs(from, 'UTC');
  return object.overrides.filter((override) => {
    const id = timeProperty(override, 'recurrence-id');
    return id !== null && timeToMs(id, 'UTC') >= fromMs;
  });
}

export function findOverride(object: CalendarObject, recurrenceId: string): ICAL.Component | null {
  return (
    object.overrides.find((override) => {
      const id = timeProperty(override, 'recurrence-id');
      return id !== null && recurrenceIdText(id) === recurrenceId;
    }) ?? null
  );
}

/** Keeps only the values of a multi-valued time property that pass `keep`; drops empty ones. */
export function filterTimes(
  component: ICAL.Component,
  name: string,
  keep: (time: ICAL.Time) => boolean,
): void {
  for (const property of component.getAllProperties(name)) {
    const values = property.getValues() as unknown[];
    const kept = values.filter((value) => {
      const time = value instanceof ICAL.Period ? value.start : value;
      return !(time instanceof ICAL.Time) || keep(time);
    });
    if (kept.length === 0) component.removeProperty(property);
    else if (kept.length !== values.length) property.setValues(kept);
  }
}

/** The last moment before `occurrence` in the form UNTIL must take for this DTSTART. */
function untilBefore(occurrence: ICAL.Time): ICAL.Time {
  if (occurrence.isDate)
    return timeFromWall(addDays(wallOf(occurrence), -1), ICAL.Timezone.localTimezone, true);
  if (isFloatingTime(occurrence)) {
    return timeFromWall(numberToWall(timeToMs(occurrence, 'UTC') - 1000), ICAL.Timezone.localTimezone);
  }
  return timeFromWall(numberToWall(occurrence.toUnixTime() * 1000 - 1000), ICAL.Timezone.utcTimezone);
}

/** Ends the series the instance before `occurrence`: UNTIL (COUNT becomes UNTIL), later data dropped. */
export function endSeriesBefore(object: CalendarObject, master: ICAL.Component, occurrence: ICAL.Time): void {
  const until = untilBefore(occurrence);
  for (const property of master.getAllProperties('rrule')) {
    const recur = property.getFirstValue();
    if (!(recur instanceof ICAL.Recur)) continue;
    const next = recur.clone();
    next.count = null;
    if (!next.until || next.until.compare(until) > 0) next.until = until;
    property.setValue(next);
  }
  const limit = timeToMs(occurrence, 'UTC');
  filterTimes(master, 'rdate', (time) => timeToMs(time, 'UTC') < limit);
  filterTimes(master, 'exdate', (time) => timeToMs(time, 'UTC') < limit);
  for (const override of overridesFrom(object, occurrence)) object.vcalendar.removeSubcomponent(override);
}

/** True when an override only changed fields, not its time (its DTSTART is its RECURRENCE-ID). */
function keepsItsTime(override: ICAL.Component): boolean {
  const id = timeProperty(override, 'recurrence-id');
  const start = timeProperty(override, 'dtstart');
  return id !== null && start !== null && recurrenceIdText(id) === recurrenceIdText(start);
}

/**
 * Moves what hangs off the series start by a wall-clock delta into `placement`: EXDATE, RDATE and the
 * overrides' RECURRENCE-IDs (overrides that were not moved on their own move along).
 */
export function moveSeriesData(
  master: ICAL.Component,
  overrides: readonly ICAL.Component[],
  placement: Placement,
  deltaMs: number,
  now: number,
): void {
  for (const name of ['exdate', 'rdate']) {
    for (const property of master.getAllProperties(name)) shiftProperty(property, placement, deltaMs);
  }
  for (const override of overrides) {
    const id = timeProperty(override, 'recurrence-id');
    if (!id) continue;
    if (keepsItsTime(override)) {
      for (const name of ['dtstart', 'dtend']) {
        const time = timeProperty(override, name);
        if (time) setTimeProperty(override, name, shiftTime(time, placement, deltaMs), placement);
      }
    }
    setTimeProperty(override, 'recurrence-id', shiftTime(id, placement, deltaMs), placement);
    stamp(override, now);
  }
}

export interface RuleUpdate {
  readonly draft: EventDraft;
  readonly oldStart: ICAL.Time;
  readonly newStart: ICAL.Time;
  readonly deltaMs: number;
  readonly untilForm: UntilForm;
  /** Shown zone of the draft, used to read the old rule the way the editor showed it. */
  readonly draftZone: string;
  /** Instances of the old series before this one (a split's new series uses up that much COUNT). */
  readonly usedCount: number;
}

/** Writes the editor's rule; an unchanged rule keeps the original RRULE with all its parts. */
export function updateRule(master: ICAL.Component, update: RuleUpdate): void {
  const { draft } = update;
  const original = repeatFromMaster(master, update.oldStart, update.draftZone);
  const rules = master.getAllProperties('rrule');
  // Nothing the editor can show (RDATE-only, HOURLY, …) and nothing chosen: keep what is there.
  if (draft.repeat === null && original === null) return;
  if (draft.repeat === null) {
    for (const name of ['rrule', 'rdate', 'exdate', 'exrule']) master.removeAllProperties(name);
    return;
  }
  if (sameRepeat(draft.repeat, original)) {
    for (const property of rules) {
      const recur = property.getFirstValue();
      if (!(recur instanceof ICAL.Recur)) continue;
      const next = recur.clone();
      if (next.count !== null && update.usedCount > 0)
        next.count = Math.max(1, next.count - update.usedCount);
      if (next.until && update.deltaMs !== 0) {
        if (next.until.isDate) next.until.adjust(Math.round(update.deltaMs / DAY_MS), 0, 0, 0);
        else next.until.adjust(0, 0, 0, update.deltaMs / 1000);
      }
      followWeekday(next, update.oldStart, update.newStart);
      property.setValue(next);
    }
    return;
  }
  const base = recurProperties(master)[0] ?? null;
  let repeat = draft.repeat;
  if (
    repeat.end.kind === 'count' &&
    original?.end.kind === 'count' &&
    original.end.count === repeat.end.count
  ) {
    repeat = { ...repeat, end: { kind: 'count', count: Math.max(1, repeat.end.count - update.usedCount) } };
  }
  master.removeAllProperties('rrule');
  master.addPropertyWithValue('rrule', recurFromRepeat(repeat, update.untilForm, base));
}

/** A weekly rule on the start's weekday follows the start when it moves to another day. */
function followWeekday(recur: ICAL.Recur, oldStart: ICAL.Time, newStart: ICAL.Time): void {
  const days = recur.parts.BYDAY;
  if (recur.freq !== 'WEEKLY' || days?.length !== 1) return;
  const oldDay = WEEKDAYS[weekdayIndex(wallOf(oldStart))];
  const newDay = WEEKDAYS[weekdayIndex(wallOf(newStart))];
  if (days[0] === oldDay && newDay !== undefined && newDay !== oldDay) recur.setComponent('BYDAY', [newDay]);
}

/**
 * How many instances of the master's RRULE fall before `before`: what a split has used of COUNT.
 * RFC 5545 counts EXDATE'd instances too, and neither RDATEs nor dates that do not exist (30 February),
 * so this walks the rule alone, through `ValidDatesIterator`.
 */
export function ruleInstancesBefore(master: ICAL.Component, dtstart: ICAL.Time, before: ICAL.Time): number {
  const recur = recurProperties(master)[0];
  if (!recur || recur.count === null) return 0;
  const iterator = new ValidDatesIterator(recur, dtstart);
  let used = 0;
  while (used < recur.count) {
    const next: unknown = iterator.next();
    if (!(next instanceof ICAL.Time) || next.compare(before) >= 0) break;
    used += 1;
  }
  return used;
}
