/**
 * What a client can write on an event (the "Update event" page's request-body table plus the few
 * create-only properties), as the store keeps it. Content objects are never mutated: an edit makes a
 * new one, so a delta round's snapshot of an instance stays what it was when the round began.
 */
import type { JsonObject } from '../json';

export interface DateTimeTimeZone {
  /** `2017-04-15T12:00:00.0000000`, on the wall clock of `timeZone`. */
  readonly dateTime: string;
  /** As the client gave it: a Windows name, an IANA name or `UTC`. */
  readonly timeZone: string;
}

export interface EmailAddress {
  readonly name: string;
  readonly address: string;
}

export interface ResponseStatus {
  readonly response: string;
  readonly time: string;
}

export interface Attendee {
  readonly type: string;
  readonly status: ResponseStatus;
  readonly emailAddress: EmailAddress;
}

export interface ItemBody {
  readonly contentType: 'html' | 'text';
  readonly content: string;
}

export interface EventContent {
  readonly subject: string;
  readonly body: ItemBody;
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
  readonly isAllDay: boolean;
  /** A location object as Graph shapes it (`displayName`, `locationType`, `uniqueIdType`, …). */
  readonly location: JsonObject;
  readonly locations: readonly JsonObject[];
  readonly attendees: readonly Attendee[];
  readonly organizer: { readonly emailAddress: EmailAddress };
  readonly isOnlineMeeting: boolean;
  readonly onlineMeetingProvider: string;
  readonly onlineMeeting: { readonly joinUrl: string } | null;
  readonly reminderMinutesBeforeStart: number;
  readonly isReminderOn: boolean;
  readonly showAs: string;
  readonly sensitivity: string;
  readonly importance: string;
  readonly categories: readonly string[];
  readonly isCancelled: boolean;
  readonly responseRequested: boolean;
  readonly allowNewTimeProposals: boolean;
  readonly hideAttendees: boolean;
}

/** `0001-01-01T00:00:00Z`: Graph's "never" for response times. */
export const NEVER = '0001-01-01T00:00:00Z';

export const EMPTY_LOCATION: JsonObject = {
  displayName: '',
  locationType: 'default',
  uniqueIdType: 'unknown',
  address: {},
  coordinates: {},
};

export function defaultContent(
  organizer: EmailAddress,
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
): EventContent {
  return {
    subject: '',
    body: { contentType: 'html', content: '' },
    start,
    end,
    isAllDay: false,
    location: EMPTY_LOCATION,
    locations: [],
    attendees: [],
    organizer: { emailAddress: organizer },
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeeting: null,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    showAs: 'busy',
    sensitivity: 'normal',
    importance: 'normal',
    categories: [],
    isCancelled: false,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
  };
}
