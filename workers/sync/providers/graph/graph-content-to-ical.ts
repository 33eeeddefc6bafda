/**
 * What an event says besides its times, written onto a VEVENT (docs/sync-rules.md rule 42: nothing
 * Graph gives is dropped). Graph ids and etags are not written: they live in the event's indexed
 * fields. ical-content-to-graph.ts reads every property written here back.
 *
 * | Graph | iCalendar |
 * |---|---|
 * | subject | SUMMARY |
 * | body (HTML) | DESCRIPTION as text, X-ALT-DESC;FMTTYPE=text/html with the HTML |
 * | body (text) | DESCRIPTION |
 * | location | LOCATION (details as X- parameters, location-params.ts), GEO |
 * | locations | one X-ALMANAC-GRAPH-LOCATION each |
 * | attendees | ATTENDEE with CN, ROLE (required REQ-, optional OPT-PARTICIPANT; resource NON-PARTICIPANT and CUTYPE=RESOURCE), PARTSTAT, RSVP |
 * | organizer | ORGANIZER with CN |
 * | onlineMeeting.joinUrl, onlineMeetingUrl | CONFERENCE (RFC 7986) with FEATURE and LABEL, X-MICROSOFT-SKYPETEAMSMEETINGURL |
 * | isOnlineMeeting, onlineMeetingProvider | X-ALMANAC-GRAPH-ONLINE-MEETING with the provider |
 * | isReminderOn, reminderMinutesBeforeStart | a DISPLAY VALARM (reminder-alarm.ts); when off, X-ALMANAC-GRAPH-REMINDER-MINUTES |
 * | showAs | TRANSP, X-MICROSOFT-CDO-BUSYSTATUS |
 * | sensitivity | CLASS (personal: PRIVATE and X-ALMANAC-GRAPH-SENSITIVITY) |
 * | importance | PRIORITY (high 1, normal 5, low 9) |
 * | categories | CATEGORIES |
 * | isCancelled | STATUS:CANCELLED |
 * | allowNewTimeProposals false | X-MICROSOFT-DISALLOW-COUNTER:TRUE |
 * | hideAttendees | X-ALMANAC-GRAPH-HIDE-ATTENDEES |
 * | responseRequested false | X-ALMANAC-GRAPH-RESPONSE-REQUESTED:FALSE and RSVP=FALSE on attendees |
 * | webLink | URL |
 * | createdDateTime, lastModifiedDateTime | CREATED and DTSTAMP, LAST-MODIFIED |
 */
import ICAL from 'ical.js';
import { compile } from 'html-to-text';
import { writeReminder } from '../../../../src/core/ical/reminder-alarm';
import { utcTime } from '../../../../src/core/ical/event-writer';
import type { Attendee, FreeBusyStatus, GraphEvent, Importance, Location, ResponseType } from './graph-types';
import { timestampInstant } from './graph-time';
import { LOCATIONS_PROPERTY, writeLocation } from './location-params';

export const Prop = {
  altDesc: 'x-alt-desc',
  busyStatus: 'x-microsoft-cdo-busystatus',
  teamsUrl: 'x-microsoft-skypeteamsmeetingurl',
  disallowCounter: 'x-microsoft-disallow-counter',
  onlineMeeting: 'x-almanac-graph-online-meeting',
  sensitivity: 'x-almanac-graph-sensitivity',
  hideAttendees: 'x-almanac-graph-hide-attendees',
  reminderMinutes: 'x-almanac-graph-reminder-minutes',
  responseRequested: 'x-almanac-graph-response-requested',
  locations: LOCATIONS_PROPERTY,
} as const;

export const PARTSTAT: Readonly<Record<ResponseType, string>> = {
  none: 'NEEDS-ACTION',
  notResponded: 'NEEDS-ACTION',
  organizer: 'ACCEPTED',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentativelyAccepted: 'TENTATIVE',
};

export const BUSY_STATUS: Readonly<Record<FreeBusyStatus, string>> = {
  free: 'FREE',
  tentative: 'TENTATIVE',
  busy: 'BUSY',
  oof: 'OOF',
  workingElsewhere: 'WORKINGELSEWHERE',
  unknown: 'UNKNOWN',
};

export const PRIORITY: Readonly<Record<Importance, number>> = { high: 1, normal: 5, low: 9 };

const MEETING_LABEL: Readonly<Record<string, string>> = {
  teamsForBusiness: 'Microsoft Teams',
  skypeForBusiness: 'Skype for Business',
  skypeForConsumer: 'Skype',
};

/** html-to-text's converter, built once: `convert` builds its selector tree again on every call
 *  (most of a first sync's body conversion time); the library's `compile` is its answer for many. */
let bodyConverter: ((html: string) => string) | null = null;

/** Graph's HTML body as plain text (links kept after their words), for DESCRIPTION. */
export function htmlBodyText(html: string): string {
  bodyConverter ??= compile({ wordwrap: false });
  return bodyConverter(html).trim();
}

/** A text property that escapes its value (X- properties are otherwise written raw by ical.js). */
function addText(vevent: ICAL.Component, name: string, value: string): ICAL.Property {
  const property = new ICAL.Property(name);
  property.resetType('text');
  property.setValue(value);
  vevent.addProperty(property);
  return property;
}

function addUri(vevent: ICAL.Component, name: string, value: string): ICAL.Property {
  const property = new ICAL.Property(name);
  property.resetType('uri');
  property.setValue(value);
  vevent.addProperty(property);
  return property;
}

function mailto(address: string): string {
  return `mailto:${address}`;
}

function writeAttendee(vevent: ICAL.Component, attendee: Attendee, rsvp: boolean | undefined): void {
  const { address, name } = attendee.emailAddress;
  if (address === '') return;
  const property = new ICAL.Property('attendee');
  property.resetType('cal-address');
  property.setValue(mailto(address));
  if (name !== '') property.setParameter('cn', name);
  if (attendee.type === 'resource') {
    property.setParameter('cutype', 'RESOURCE');
    property.setParameter('role', 'NON-PARTICIPANT');
  } else {
    property.setParameter('role', attendee.type === 'optional' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT');
  }
  property.setParameter('partstat', PARTSTAT[attendee.status.response]);
  if (rsvp !== undefined) property.setParameter('rsvp', rsvp ? 'TRUE' : 'FALSE');
  vevent.addProperty(property);
}

function writeLocations(vevent: ICAL.Component, event: GraphEvent): void {
  const location: Location | undefined = event.location;
  if (location && (location.displayName !== '' || Object.keys(location).length > 1)) {
    const property = new ICAL.Property('location');
    writeLocation(property, location);
    vevent.addProperty(property);
    const { latitude, longitude } = location.coordinates ?? {};
    if (latitude !== undefined && longitude !== undefined) {
      vevent.addPropertyWithValue('geo', [latitude, longitude]);
    }
  }
  for (const entry of event.locations ?? []) {
    const property = new ICAL.Property(Prop.locations);
    writeLocation(property, entry);
    vevent.addProperty(property);
  }
}

function writeMeeting(vevent: ICAL.Component, event: GraphEvent): void {
  const joinUrl = event.onlineMeeting?.joinUrl ?? event.onlineMeetingUrl ?? null;
  const provider = event.onlineMeetingProvider ?? 'unknown';
  if (joinUrl !== null && joinUrl !== '') {
    const conference = addUri(vevent, 'conference', joinUrl);
    conference.setParameter('feature', 'VIDEO');
    conference.setParameter('label', `Join ${MEETING_LABEL[provider] ?? 'the online meeting'}`);
    addUri(vevent, Prop.teamsUrl, joinUrl);
  }
  if (event.isOnlineMeeting === true) addText(vevent, Prop.onlineMeeting, provider);
}

function writeTimestamps(vevent: ICAL.Component, event: GraphEvent, fallbackMs: number): void {
  const created =
    event.createdDateTime !== undefined ? timestampInstant(event.createdDateTime, 'createdDateTime') : null;
  const modified =
    event.lastModifiedDateTime !== undefined
      ? timestampInstant(event.lastModifiedDateTime, 'lastModifiedDateTime')
      : null;
  vevent.addPropertyWithValue('dtstamp', utcTime(created ?? modified ?? fallbackMs));
  if (created !== null) vevent.addPropertyWithValue('created', utcTime(created));
  if (modified !== null) vevent.addPropertyWithValue('last-modified', utcTime(modified));
}

/**
 * Writes every property but UID, the times, RRULE and RECURRENCE-ID. `fallbackMs` stamps DTSTAMP
 * when Graph gave neither timestamp (a trimmed row), so the text stays the same for the same input.
 */
export function writeGraphContent(vevent: ICAL.Component, event: GraphEvent, fallbackMs: number): void {
  writeTimestamps(vevent, event, fallbackMs);
  if (event.subject !== undefined && event.subject !== '')
    vevent.addPropertyWithValue('summary', event.subject);
  const body = event.body;
  if (body && body.content !== '') {
    if (body.contentType === 'html') {
      addText(vevent, 'description', htmlBodyText(body.content));
      addText(vevent, Prop.altDesc, body.content).setParameter('fmttype', 'text/html');
    } else {
      addText(vevent, 'description', body.content);
    }
  }
  writeLocations(vevent, event);
  if (event.organizer && event.organizer.emailAddress.address !== '') {
    const organizer = new ICAL.Property('organizer');
    organizer.resetType('cal-address');
    organizer.setValue(mailto(event.organizer.emailAddress.address));
    if (event.organizer.emailAddress.name !== '')
      organizer.setParameter('cn', event.organizer.emailAddress.name);
    vevent.addProperty(organizer);
  }
  for (const attendee of event.attendees ?? []) writeAttendee(vevent, attendee, event.responseRequested);
  writeMeeting(vevent, event);
  if (event.showAs !== undefined) {
    vevent.addPropertyWithValue('transp', event.showAs === 'free' ? 'TRANSPARENT' : 'OPAQUE');
    addText(vevent, Prop.busyStatus, BUSY_STATUS[event.showAs]);
  }
  if (event.sensitivity !== undefined) {
    const personal = event.sensitivity === 'personal';
    vevent.addPropertyWithValue(
      'class',
      event.sensitivity === 'normal' ? 'PUBLIC' : personal ? 'PRIVATE' : event.sensitivity.toUpperCase(),
    );
    if (personal) addText(vevent, Prop.sensitivity, 'personal');
  }
  if (event.importance !== undefined) vevent.addPropertyWithValue('priority', PRIORITY[event.importance]);
  if (event.categories && event.categories.length > 0) {
    const categories = new ICAL.Property('categories');
    categories.setValues([...event.categories]);
    vevent.addProperty(categories);
  }
  if (event.isCancelled === true) vevent.addPropertyWithValue('status', 'CANCELLED');
  if (event.allowNewTimeProposals === false) addText(vevent, Prop.disallowCounter, 'TRUE');
  if (event.hideAttendees === true) addText(vevent, Prop.hideAttendees, 'TRUE');
  if (event.responseRequested === false) addText(vevent, Prop.responseRequested, 'FALSE');
  if (event.webLink !== undefined && event.webLink !== '') addUri(vevent, 'url', event.webLink);
  if (event.isReminderOn === true) writeReminder(vevent, event.reminderMinutesBeforeStart ?? 15);
  else if (event.reminderMinutesBeforeStart !== undefined) {
    // Off, but Outlook keeps the minutes it would use when turned back on.
    addText(vevent, Prop.reminderMinutes, String(event.reminderMinutesBeforeStart));
  }
}
