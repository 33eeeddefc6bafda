/**
 * Edits of an event or a recurring series, on the parsed components (docs/sync-rules.md rule 26): scope `all` edits the
 * master, `this` writes an override, `following` ends the series and starts a new one. Every property
 * the app does not edit survives; SEQUENCE, LAST-MODIFIED and DTSTAMP are updated.
 */
import ICAL from 'ical.js';
import { AppError, ErrorKind } from '../errors';
import { loadCalendarObject, type CalendarObject } from './calendar-object';
import { newVCalendar, untilFormOf } from './compose';
import { cloneComponent, isRecurringMaster, timeProperty } from './component-utils';
import { FLOATING, type EditScope, type EventDraft } from './event-draft';
import {
  draftTimes,
  setTimeProperty,
  stamp,
  utcTime,
  writeSpan,
  writeTexts,
  type Placement,
} from './event-writer';
import { choosePlacement, placementOf, samePlacement, shiftTime, wallDelta } from './placement';
import { findOccurrence, type SeriesOccurrence } from './series';
import {
  endSeriesBefore,
  filterTimes,
  findOverride,
  moveSeriesData,
  overridesFrom,
  ruleInstancesBefore,
  updateRule,
} from './series-edit';
import { ensureVtimezone, pruneVtimezones } from './vtimezone';
import { timeToMs } from './ical-time';
import { tzidOf } from './time-zones';

export { applyDelete } from './recurring-delete';

export interface EditInput {
  readonly draft: EventDraft;
  readonly scope: EditScope;
  readonly recurrenceId: string | null;
  readonly now: number;
  readonly newUid: string;
}

/** Where dates and floating times are placed while looking occurrences up (ids compare as text). */
const LOOKUP_ZONE = 'UTC';

const draftZone = (draft: EventDraft): string =>
  draft.timing.allDay || draft.timing.timeZone === FLOATING ? 'UTC' : draft.timing.timeZone;

export function notFound(recurrenceId: string): AppError {
  return new AppError({
    kind: ErrorKind.notFound,
    message: `No occurrence ${recurrenceId} in this event`,
    retryable: false,
  });
}

export function occurrenceOrThrow(
  object: CalendarObject,
  master: ICAL.Component,
  recurrenceId: string,
): SeriesOccurrence {
  const occurrence = findOccurrence(object, master, recurrenceId, LOOKUP_ZONE);
  if (!occurrence) throw notFound(recurrenceId);
  return occurrence;
}

function finish(vcalendar: ICAL.Component, placement: Placement): string {
  if (
    placement.kind === 'zoned' &&
    placement.iana !== null &&
    placement.zone !== ICAL.Timezone.localTimezone
  ) {
    ensureVtimezone(vcalendar, placement.iana);
  }
  pruneVtimezones(vcalendar);
  return vcalendar.toString();
}

/** Writes the draft onto one component (a single event or an override) in its own placement. */
function editComponent(
  object: CalendarObject,
  component: ICAL.Component,
  draft: EventDraft,
  now: number,
): string {
  const placement = choosePlacement(placementOf(object, component), draft.timing);
  const { start, end } = draftTimes(draft.timing, placement);
  writeTexts(component, draft);
  writeSpan(component, start, end, placement);
  stamp(component, now);
  return finish(object.vcalendar, placement);
}

/** Scope `all`: the master moves by the delta the edited occurrence moved (never onto its date). */
function editAll(object: CalendarObject, master: ICAL.Component, input: EditInput): string {
  const oldStart = timeProperty(master, 'dtstart');
  // A plain event that stays plain is a simple edit; one that gains a repeat goes through the rule path.
  if (!oldStart || (!isRecurringMaster(master) && input.draft.repeat === null)) {
    return editComponent(object, master, input.draft, input.now);
  }
  const current = placementOf(object, master);
  const placement = choosePlacement(current, input.draft.timing);
  const drafted = draftTimes(input.draft.timing, placement);
  const reference =
    input.recurrenceId === null ? null : findOccurrence(object, master, input.recurrenceId, LOOKUP_ZONE);
  const deltaMs = wallDelta(placement, reference?.start ?? oldStart, drafted.start);
  const newStart = reference ? shiftTime(oldStart, placement, deltaMs) : drafted.start;
  const length = wallDelta(placement, drafted.start, drafted.end);
  const newEnd = shiftTime(newStart, placement, length);
  updateRule(master, {
    draft: input.draft,
    oldStart,
    newStart,
    deltaMs,
    untilForm: untilFormOf(placement, draftZone(input.draft)),
    draftZone: draftZone(input.draft),
    usedCount: 0,
  });
  if (deltaMs !== 0 || !samePlacement(current, placement)) {
    moveSeriesData(master, object.overrides, placement, deltaMs, input.now);
  }
  if (!isRecurringMaster(master)) {
    for (const override of object.overrides) object.vcalendar.removeSubcomponent(override);
  }
  writeTexts(master, input.draft);
  writeSpan(master, newStart, newEnd, placement);
  stamp(master, input.now);
  return finish(object.vcalendar, placement);
}

/** Scope `this`: add or update the override of one occurrence; other instances never change. */
function editThis(
  object: CalendarObject,
  master: ICAL.Component,
  input: EditInput,
  recurrenceId: string,
): string {
  const existing = findOverride(object, recurrenceId);
  if (existing) return editComponent(object, existing, input.draft, input.now);
  const occurrence = occurrenceOrThrow(object, master, recurrenceId);
  const override = cloneComponent(occurrence.item);
  for (const name of ['rrule', 'rdate', 'exdate', 'exrule', 'recurrence-id'])
    override.removeAllProperties(name);
  const masterPlacement = placementOf(object, master);
  setTimeProperty(override, 'recurrence-id', occurrence.recurrenceId, masterPlacement);
  object.vcalendar.addSubcomponent(override);
  const withOverride = { ...object, overrides: [...object.overrides, override] };
  return editComponent(withOverride, override, input.draft, input.now);
}

/** Scope `following`: end this series before the occurrence and start a new one (`newUid`) there. */
function editFollowing(
  object: CalendarObject,
  master: ICAL.Component,
  input: EditInput,
  recurrenceId: string,
): { ics: string; split: string | null } {
  const occurrence = occurrenceOrThrow(object, master, recurrenceId);
  if (occurrence.index === 0)
    return { ics: editAll(object, master, { ...input, recurrenceId }), split: null };
  const oldStart = timeProperty(master, 'dtstart') ?? occurrence.recurrenceId;
  const next = cloneComponent(master);
  // The split occurrence's own override is replaced by the draft, which starts the new series.
  const moving = overridesFrom(object, occurrence.recurrenceId)
    .filter((override) => override !== occurrence.item)
    .map(cloneComponent);
  endSeriesBefore(object, master, occurrence.recurrenceId);
  stamp(master, input.now);
  const current = placementOf(object, master);
  const placement = choosePlacement(current, input.draft.timing);
  const drafted = draftTimes(input.draft.timing, placement);
  const deltaMs = wallDelta(placement, occurrence.start, drafted.start);
  const limit = timeToMs(occurrence.recurrenceId, LOOKUP_ZONE);
  filterTimes(next, 'rdate', (time) => timeToMs(time, LOOKUP_ZONE) >= limit);
  filterTimes(next, 'exdate', (time) => timeToMs(time, LOOKUP_ZONE) >= limit);
  updateRule(next, {
    draft: input.draft,
    oldStart,
    newStart: drafted.start,
    deltaMs,
    untilForm: untilFormOf(placement, draftZone(input.draft)),
    draftZone: draftZone(input.draft),
    usedCount: ruleInstancesBefore(next, oldStart, occurrence.recurrenceId),
  });
  const vcalendar = newVCalendar();
  next.updatePropertyWithValue('uid', input.newUid);
  next.updatePropertyWithValue('created', utcTime(input.now));
  vcalendar.addSubcomponent(next);
  if (isRecurringMaster(next)) {
    for (const override of moving) {
      override.updatePropertyWithValue('uid', input.newUid);
      vcalendar.addSubcomponent(override);
    }
    if (deltaMs !== 0 || !samePlacement(current, placement))
      moveSeriesData(next, moving, placement, deltaMs, input.now);
  }
  writeTexts(next, input.draft);
  writeSpan(next, drafted.start, drafted.end, placement);
  stamp(next, input.now, 0);
  copyVtimezones(object.vcalendar, vcalendar);
  return { ics: finish(object.vcalendar, current), split: finish(vcalendar, placement) };
}

function copyVtimezones(from: ICAL.Component, to: ICAL.Component): void {
  const used = new Set<string>();
  for (const vevent of to.getAllSubcomponents('vevent')) {
    for (const property of vevent.getAllProperties()) {
      const tzid = tzidOf(property);
      if (tzid !== null) used.add(tzid);
    }
  }
  const events = to.getAllSubcomponents('vevent');
  for (const event of events) to.removeSubcomponent(event);
  for (const vtimezone of from.getAllSubcomponents('vtimezone')) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && used.has(tzid)) to.addSubcomponent(cloneComponent(vtimezone));
  }
  for (const event of events) to.addSubcomponent(event);
}

export function applyEdit(ics: string, input: EditInput): { ics: string; split: string | null } {
  const object = loadCalendarObject(ics);
  const { master } = object;
  if (!master) {
    const target =
      (input.recurrenceId !== null ? findOverride(object, input.recurrenceId) : null) ?? object.overrides[0];
    if (!target) throw notFound(input.recurrenceId ?? 'master');
    return { ics: editComponent(object, target, input.draft, input.now), split: null };
  }
  const recurring = isRecurringMaster(master);
  if (!recurring || input.scope === 'all' || input.recurrenceId === null) {
    return { ics: editAll(object, master, input), split: null };
  }
  if (input.scope === 'this')
    return { ics: editThis(object, master, input, input.recurrenceId), split: null };
  return editFollowing(object, master, input, input.recurrenceId);
}
