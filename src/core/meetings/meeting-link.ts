/**
 * The link to join an event's online meeting (issue 11: "Join"), read from its iCalendar text: a
 * CONFERENCE property (RFC 7986 §5.11; what graph-content-to-ical.ts writes for Graph's
 * `onlineMeeting.joinUrl`, and what other clients write), X-MICROSOFT-SKYPETEAMSMEETINGURL or
 * X-GOOGLE-CONFERENCE, else a well-known meeting service's link in URL, LOCATION or DESCRIPTION
 * (meeting-provider.ts). Only http(s) links are returned, parsed by the WHATWG URL parser, so a
 * `javascript:` or `tel:` value never becomes a button. An occurrence with its own override is read
 * from that override alone (RFC 5545 §3.8.4.4: it replaces the instance).
 */
import type ICAL from 'ical.js';
import { loadCalendarObject } from '../ical/calendar-object';
import { findOverride } from '../ical/series-edit';
import { httpUrl, linksInText } from './http-url';
import { MeetingProvider, providerOfUrl } from './meeting-provider';

export interface MeetingLink {
  /** An absolute http: or https: URL, normalised by the URL parser. */
  readonly url: string;
  readonly provider: MeetingProvider;
}

const valuesOf = (component: ICAL.Component, name: string): string[] =>
  component
    .getAllProperties(name)
    .map((property) => property.getFirstValue())
    .filter((value): value is string => typeof value === 'string');

/** A link given as a meeting link (CONFERENCE and the vendors' own properties): any http(s) host. */
function declared(url: URL): MeetingLink {
  return { url: url.href, provider: providerOfUrl(url) ?? MeetingProvider.other };
}

/** A link found in free text counts only on a meeting service's host, and not at its root. */
function recognised(url: URL | null): MeetingLink | null {
  if (url === null || url.pathname === '/' || url.pathname === '') return null;
  const provider = providerOfUrl(url);
  return provider === null ? null : { url: url.href, provider };
}

function meetingInText(text: string): MeetingLink | null {
  for (const link of linksInText(text)) {
    const found = recognised(link.url);
    if (found) return found;
  }
  return null;
}

/** The meeting link of one VEVENT (a master, or an override for its occurrence), or null. */
export function meetingLinkOfComponent(vevent: ICAL.Component): MeetingLink | null {
  const conferences = vevent.getAllProperties('conference').flatMap((property) => {
    const value = property.getFirstValue();
    const url = typeof value === 'string' ? httpUrl(value) : null;
    if (url === null) return [];
    // ical.js types one value; a FEATURE list (FEATURE=AUDIO,VIDEO) comes as an array.
    const feature: unknown = property.getParameter('feature');
    const features = (
      Array.isArray(feature) ? feature.join(',') : typeof feature === 'string' ? feature : ''
    ).toUpperCase();
    return [{ url, video: features.includes('VIDEO') }];
  });
  const conference = conferences.find((entry) => entry.video) ?? conferences[0];
  if (conference) return declared(conference.url);
  for (const name of ['x-microsoft-skypeteamsmeetingurl', 'x-google-conference']) {
    for (const value of valuesOf(vevent, name)) {
      const url = httpUrl(value);
      if (url) return declared(url);
    }
  }
  for (const value of valuesOf(vevent, 'url')) {
    const found = recognised(httpUrl(value));
    if (found) return found;
  }
  for (const name of ['location', 'description']) {
    for (const value of valuesOf(vevent, name)) {
      const found = meetingInText(value);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The meeting link of an event, or of one of its occurrences (`recurrenceId` as the occurrence table
 * stores it); null when it has none. Throws AppError `malformed-ics` for text that is not one event.
 */
export function meetingLink(
  event: { readonly ics: string },
  recurrenceId: string | null = null,
): MeetingLink | null {
  const object = loadCalendarObject(event.ics);
  const override = recurrenceId !== null ? findOverride(object, recurrenceId) : null;
  const component = override ?? object.master ?? object.overrides[0];
  return component ? meetingLinkOfComponent(component) : null;
}
