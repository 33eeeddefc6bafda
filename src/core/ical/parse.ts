/**
 * Identity of an iCalendar object for storage (UID, summary, recurring), read once at the edge.
 * Bad input throws an `AppError` of kind `malformed-ics` with the line at fault.
 */
import { loadCalendarObject, type CalendarObject } from './calendar-object';

export { splitCalendarObjects } from './split-calendar-objects';

export interface ParsedCalendarObject {
  readonly uid: string;
  /** Summary of the master, or of the first component when only overrides are present. */
  readonly summary: string;
  /** A master with RRULE or RDATE, or any RECURRENCE-ID override. */
  readonly recurring: boolean;
  /** Number of VEVENTs (master + overrides). */
  readonly componentCount: number;
}

export function parseCalendarObject(ics: string): ParsedCalendarObject {
  return describeCalendarObject(loadCalendarObject(ics));
}

/** `parseCalendarObject` of an object already loaded (kept to expand it without a second parse). */
export function describeCalendarObject(object: CalendarObject): ParsedCalendarObject {
  const first = object.master ?? object.overrides[0];
  const summary = first?.getFirstPropertyValue('summary');
  const master = object.master;
  return {
    uid: object.uid,
    summary: typeof summary === 'string' ? summary : '',
    recurring:
      object.overrides.length > 0 ||
      (master !== null && (master.hasProperty('rrule') || master.hasProperty('rdate'))),
    componentCount: object.vcalendar.getAllSubcomponents('vevent').length,
  };
}
