/**
 * What a VEVENT says besides its times and rule, as the Graph fields a client writes (the reverse of
 * graph-content-to-ical.ts, whose table lists each property). Body: X-ALT-DESC's HTML while
 * DESCRIPTION is still that HTML's text, else DESCRIPTION as a text body (the app edits DESCRIPTION
 * only, so an edited description wins over a stale HTML copy). Attendees keep their type; Graph sets
 * their responses. Organizer, cancellation and the join URL are Graph's to set: they are read back
 * only to keep the round trip, never written.
 */
import ICAL from 'ical.js';
import { readReminder } from '../../../../src/core/ical/reminder-alarm';
import {
  AttendeeType,
  FreeBusyStatus,
  Importance,
  Sensitivity,
  type AttendeeWrite,
  type GraphEventWrite,
  type ItemBody,
  type Location,
} from './graph-types';
import { BUSY_STATUS, Prop, htmlBodyText } from './graph-content-to-ical';
import { readLocation } from './location-params';

/** The fields of GraphEventWrite that are not times or the rule. */
export type GraphContentWrite = Omit<GraphEventWrite, 'start' | 'end' | 'isAllDay' | 'recurrence'>;

/** Graph's reminder when none is set (the "event resource type" default). */
const DEFAULT_REMINDER_MINUTES = 15;

function text(vevent: ICAL.Component, name: string): string | null {
  const value: unknown = vevent.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : null;
}

function param(property: ICAL.Property, name: string): string | null {
  const value: unknown = property.getParameter(name);
  return typeof value === 'string' ? value : null;
}

function readBody(vevent: ICAL.Component): ItemBody {
  const description = text(vevent, 'description') ?? '';
  const alt = vevent.getFirstProperty(Prop.altDesc);
  const html = alt ? String(alt.getFirstValue() ?? '') : '';
  const isHtml = alt !== null && (param(alt, 'fmttype') ?? '').toLowerCase() === 'text/html';
  if (isHtml && html !== '' && htmlBodyText(html) === description.trim())
    return { contentType: 'html', content: html };
  return { contentType: 'text', content: description };
}

function address(value: unknown): string {
  return typeof value === 'string' ? value.replace(/^mailto:/i, '') : '';
}

function readAttendee(property: ICAL.Property): AttendeeWrite {
  const cutype = (param(property, 'cutype') ?? '').toUpperCase();
  const role = (param(property, 'role') ?? '').toUpperCase();
  const type =
    cutype === 'RESOURCE' || cutype === 'ROOM'
      ? AttendeeType.resource
      : role === 'OPT-PARTICIPANT' || role === 'NON-PARTICIPANT'
        ? AttendeeType.optional
        : AttendeeType.required;
  return {
    type,
    emailAddress: { name: param(property, 'cn') ?? '', address: address(property.getFirstValue()) },
  };
}

function readShowAs(vevent: ICAL.Component): FreeBusyStatus {
  const status = (text(vevent, Prop.busyStatus) ?? '').toUpperCase();
  const found = (Object.keys(BUSY_STATUS) as FreeBusyStatus[]).find((key) => BUSY_STATUS[key] === status);
  if (found !== undefined) return found;
  return (text(vevent, 'transp') ?? '').toUpperCase() === 'TRANSPARENT'
    ? FreeBusyStatus.free
    : FreeBusyStatus.busy;
}

function readSensitivity(vevent: ICAL.Component): Sensitivity {
  if (text(vevent, Prop.sensitivity) === 'personal') return Sensitivity.personal;
  switch ((text(vevent, 'class') ?? '').toUpperCase()) {
    case 'PRIVATE':
      return Sensitivity.private;
    case 'CONFIDENTIAL':
      return Sensitivity.confidential;
    default:
      return Sensitivity.normal;
  }
}

/** RFC 5545 §3.8.1.9: 1–4 high, 5 (and 0, undefined) normal, 6–9 low. */
function readImportance(vevent: ICAL.Component): Importance {
  const priority: unknown = vevent.getFirstPropertyValue('priority');
  if (typeof priority !== 'number' || priority === 0 || priority === 5) return Importance.normal;
  return priority < 5 ? Importance.high : Importance.low;
}

function readCategories(vevent: ICAL.Component): string[] {
  return vevent
    .getAllProperties('categories')
    .flatMap((property) => property.getValues() as unknown[])
    .filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * LOCATION with its details, and every X-ALMANAC-GRAPH-LOCATION. The app edits LOCATION's text only:
 * when it names none of the locations it was written with, the place changed and the old place's
 * address, coordinates and ids no longer describe it, so only the new name is kept.
 */
function readLocations(vevent: ICAL.Component): { location: Location; locations: Location[] } {
  const property = vevent.getFirstProperty('location');
  const locations = vevent.getAllProperties(Prop.locations).map(readLocation);
  const location = property ? readLocation(property) : { displayName: '' };
  const renamed =
    locations.length > 0 && !locations.some((entry) => entry.displayName === location.displayName);
  return { location: renamed ? { displayName: location.displayName } : location, locations };
}

function keptReminderMinutes(vevent: ICAL.Component): number {
  const kept = text(vevent, Prop.reminderMinutes);
  const minutes = Number(kept);
  return kept !== null && Number.isInteger(minutes) && minutes >= 0 ? minutes : DEFAULT_REMINDER_MINUTES;
}

export function readGraphContent(vevent: ICAL.Component): GraphContentWrite {
  const reminder = readReminder(vevent);
  const attendees = vevent.getAllProperties('attendee');
  const rsvp = attendees.map((property) => param(property, 'rsvp')).find((value) => value !== null);
  return {
    subject: text(vevent, 'summary') ?? '',
    body: readBody(vevent),
    ...readLocations(vevent),
    attendees: attendees.map(readAttendee).filter((attendee) => attendee.emailAddress.address !== ''),
    isOnlineMeeting: vevent.hasProperty(Prop.onlineMeeting) || vevent.hasProperty('conference'),
    isReminderOn: reminder !== null,
    reminderMinutesBeforeStart: reminder ?? keptReminderMinutes(vevent),
    showAs: readShowAs(vevent),
    sensitivity: readSensitivity(vevent),
    importance: readImportance(vevent),
    categories: readCategories(vevent),
    responseRequested: rsvp?.toUpperCase() !== 'FALSE' && !vevent.hasProperty(Prop.responseRequested),
    allowNewTimeProposals: (text(vevent, Prop.disallowCounter) ?? '').toUpperCase() !== 'TRUE',
    hideAttendees: (text(vevent, Prop.hideAttendees) ?? '').toUpperCase() === 'TRUE',
  };
}

/** Whether a VEVENT is cancelled (STATUS:CANCELLED). */
export function isCancelledComponent(vevent: ICAL.Component): boolean {
  return (text(vevent, 'status') ?? '').toUpperCase() === 'CANCELLED';
}
