/**
 * What the harness compares in a calendar object: the fields an edit can change, read the same way
 * from a local record and from a server's (possibly re-serialised) text. Times become epoch ms so a
 * TZID time and its UTC spelling compare equal; DTSTAMP, LAST-MODIFIED, CREATED, SEQUENCE and PRODID
 * are left out (docs/sync-rules.md rule 2).
 */
import ICAL from 'ical.js';
import { loadCalendarObject } from '../../../src/core/ical/calendar-object';
import { timeToMs } from '../../../src/core/ical/ical-time';

/**
 * The fields the oracle tracks per UID. `instances` holds one value per edited or cancelled
 * occurrence of a series (`title:…` of an override, `cancelled:<ms>` of an EXDATE): the Graph
 * case's series edits (run-graph-case.ts); the CalDAV case tracks the first two only.
 */
export const TrackedField = { summary: 'SUMMARY', start: 'DTSTART', instances: 'INSTANCES' } as const;
export type TrackedField = (typeof TrackedField)[keyof typeof TrackedField];

const ZONE = 'UTC';

function timeText(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) return '';
  return String(timeToMs(value, ZONE));
}

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : value === null ? '' : String(value);
}

function projectComponent(component: ICAL.Component): string {
  const exdates = component
    .getAllProperties('exdate')
    .flatMap((property): unknown[] => property.getValues())
    .map((value) => (value instanceof ICAL.Time ? String(timeToMs(value, ZONE)) : String(value)))
    .sort();
  return JSON.stringify([
    timeText(component, 'recurrence-id') || 'master',
    text(component, 'summary'),
    text(component, 'location'),
    text(component, 'description'),
    timeText(component, 'dtstart'),
    timeText(component, 'dtend') || text(component, 'duration'),
    component
      .getAllProperties('rrule')
      .map((property) => String(property.getFirstValue()))
      .join('|'),
    exdates.join(','),
    text(component, 'status'),
  ]);
}

export interface ObjectFields {
  readonly uid: string;
  readonly summary: string;
  /** DTSTART of the master as epoch ms, as text. */
  readonly start: string;
  /** Canonical content, comparable across servers. */
  readonly projection: string;
  /** Edited occurrences (`title:<summary>`) and cancelled ones (`cancelled:<epoch ms>`), sorted. */
  readonly instances: readonly string[];
}

export const instanceTitle = (summary: string) => `title:${summary}`;
export const instanceCancelled = (originalStartMs: number) => `cancelled:${originalStartMs}`;

export function fieldsOf(ics: string): ObjectFields {
  const object = loadCalendarObject(ics);
  const components = object.vcalendar.getAllSubcomponents('vevent');
  const main = object.master ?? components[0];
  const overrides = components.filter((component) => component.hasProperty('recurrence-id'));
  const cancelled = main
    ? main
        .getAllProperties('exdate')
        .flatMap((property): unknown[] => property.getValues())
        .flatMap((value) => (value instanceof ICAL.Time ? [timeToMs(value, ZONE)] : []))
    : [];
  return {
    uid: object.uid,
    summary: main ? text(main, 'summary') : '',
    start: main ? timeText(main, 'dtstart') : '',
    projection: components.map(projectComponent).sort().join('\n'),
    instances: [
      ...overrides.map((override) => instanceTitle(text(override, 'summary'))),
      ...cancelled.map(instanceCancelled),
    ].sort(),
  };
}

/** The field's values: one for SUMMARY and DTSTART, one per edited or cancelled occurrence for INSTANCES. */
export function fieldValues(fields: ObjectFields, field: TrackedField): readonly string[] {
  if (field === TrackedField.instances) return fields.instances;
  return [field === TrackedField.summary ? fields.summary : fields.start];
}

/** The value of a single-valued field (SUMMARY, DTSTART). */
export function fieldValue(fields: ObjectFields, field: Exclude<TrackedField, 'INSTANCES'>): string {
  return field === TrackedField.summary ? fields.summary : fields.start;
}
