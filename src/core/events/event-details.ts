/**
 * What the agenda's details card shows of one event or occurrence, read from its raw iCalendar by
 * ical.js (nothing parsed by hand): the editor's fields (title, location, description, times in the
 * viewer's zone, repeat rule), the instants, the event's own zone, its DISPLAY reminders, its guests
 * with their answers (RFC 5545 §3.8.4.1 ATTENDEE with PARTSTAT, §3.8.4.3 ORGANIZER) and its meeting
 * link. An occurrence with an override is read from that override (RFC 5545 §3.8.4.4).
 */
import type ICAL from 'ical.js';
import { loadCalendarObject } from '../ical/calendar-object';
import { draftFromIcs, placeOccurrence } from '../ical/draft-from-ics';
import type { EventDraft } from '../ical/event-draft';
import { placementOf } from '../ical/placement';
import { meetingLinkOfComponent, type MeetingLink } from '../meetings/meeting-link';
import type { AlarmTrigger } from '../reminders/alarm-spec';
import { alarmsOf } from '../reminders/read-alarms';

/** A guest's answer (PARTSTAT); anything else a server writes reads as not answered yet. */
export const GuestAnswer = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'tentative',
  needsAction: 'needs-action',
  delegated: 'delegated',
} as const;
export type GuestAnswer = (typeof GuestAnswer)[keyof typeof GuestAnswer];

export interface EventGuest {
  /** The CN, else the address; never empty. */
  readonly name: string;
  readonly email: string | null;
  /** Null for an organizer who is not also listed as an attendee (no answer of theirs is known). */
  readonly answer: GuestAnswer | null;
  readonly organizer: boolean;
  /** ROLE=OPT-PARTICIPANT. */
  readonly optional: boolean;
}

export interface EventDetails {
  /** Title, location, description, times (zoned times in the viewer's zone) and repeat rule. */
  readonly draft: EventDraft;
  /** The occurrence's instants (epoch ms, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The IANA zone the event is written in, when it has one (not for dates, floating or UTC times). */
  readonly eventZone: string | null;
  readonly reminders: readonly AlarmTrigger[];
  /** The organizer first, then the attendees in the order they are written. */
  readonly guests: readonly EventGuest[];
  readonly meeting: MeetingLink | null;
}

const PARTSTATS: Readonly<Record<string, GuestAnswer>> = {
  ACCEPTED: GuestAnswer.accepted,
  DECLINED: GuestAnswer.declined,
  TENTATIVE: GuestAnswer.tentative,
  DELEGATED: GuestAnswer.delegated,
};

function parameter(property: ICAL.Property, name: string): string | null {
  const value: unknown = property.getParameter(name);
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

/** The address of a CAL-ADDRESS value (`mailto:ana@example.org` → `ana@example.org`), if it is one. */
function emailOf(property: ICAL.Property): string | null {
  const value = property.getFirstValue();
  if (typeof value !== 'string') return null;
  const address = value.trim().replace(/^mailto:/i, '');
  return address === '' ? null : address;
}

function guestOf(property: ICAL.Property, organizer: boolean): EventGuest | null {
  const email = emailOf(property);
  const name = parameter(property, 'cn')?.trim() || email;
  if (!name) return null;
  const partstat = parameter(property, 'partstat')?.toUpperCase() ?? '';
  return {
    name,
    email,
    answer: organizer ? null : (PARTSTATS[partstat] ?? GuestAnswer.needsAction),
    organizer,
    optional: parameter(property, 'role')?.toUpperCase() === 'OPT-PARTICIPANT',
  };
}

const sameAddress = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/** The organizer (marked) first, then the attendees; an organizer also listed keeps their answer. */
export function guestsOf(vevent: ICAL.Component): EventGuest[] {
  const organizerProperty = vevent.getFirstProperty('organizer');
  const organizer = organizerProperty ? guestOf(organizerProperty, true) : null;
  const attendees = vevent
    .getAllProperties('attendee')
    .map((property) => guestOf(property, false))
    .filter((guest): guest is EventGuest => guest !== null);
  if (!organizer) return attendees;
  const listed = attendees.find((guest) => sameAddress(guest.email, organizer.email));
  const first: EventGuest = listed ? { ...listed, organizer: true } : organizer;
  return [first, ...attendees.filter((guest) => guest !== listed)];
}

/**
 * The details of an event (`recurrenceId` null) or of one occurrence. Throws AppError `malformed-ics`
 * for text that is not one event, `not-found` for an occurrence the series does not have.
 */
export function eventDetailsFromIcs(
  ics: string,
  recurrenceId: string | null,
  viewerZone: string,
): EventDetails {
  const object = loadCalendarObject(ics);
  const placed = placeOccurrence(object, recurrenceId, viewerZone);
  const placement = placementOf(object, placed.item);
  return {
    draft: draftFromIcs(ics, recurrenceId, viewerZone),
    start: placed.startMs,
    end: Math.max(placed.endMs, placed.startMs),
    eventZone: placement.kind === 'zoned' ? placement.iana : null,
    reminders: alarmsOf(placed.item).map((alarm) => alarm.trigger),
    guests: guestsOf(placed.item),
    meeting: meetingLinkOfComponent(placed.item),
  };
}
