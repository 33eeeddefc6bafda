/**
 * The Microsoft Graph JSON we read and write for calendars, with the property names and enum values
 * exactly as Microsoft documents them ("event", "dateTimeTimeZone", "patternedRecurrence",
 * "recurrencePattern", "recurrenceRange", "attendee", "emailAddress", "responseStatus", "location",
 * "physicalAddress", "outlookGeoCoordinates", "itemBody", "onlineMeetingInfo" and "calendar" resource
 * types; "event: delta" for pages and `@removed`). Import them through graph-types.ts.
 *
 * A read shape is what Graph sends: properties it may leave out (a trimmed delta row of an occurrence
 * carries only ids, type and times; `$select`) are optional; enum values are normalised to Graph's
 * lower camel case; `recurrence` always has every pattern and range property (Graph's `0` and
 * `0001-01-01` where one does not apply).
 */
// ---- enums ------------------------------------------------------------------------------------

export const GraphEventType = {
  singleInstance: 'singleInstance',
  occurrence: 'occurrence',
  exception: 'exception',
  seriesMaster: 'seriesMaster',
} as const;
export type GraphEventType = (typeof GraphEventType)[keyof typeof GraphEventType];

export const PatternType = {
  daily: 'daily',
  weekly: 'weekly',
  absoluteMonthly: 'absoluteMonthly',
  relativeMonthly: 'relativeMonthly',
  absoluteYearly: 'absoluteYearly',
  relativeYearly: 'relativeYearly',
} as const;
export type PatternType = (typeof PatternType)[keyof typeof PatternType];

export const DayOfWeek = {
  sunday: 'sunday',
  monday: 'monday',
  tuesday: 'tuesday',
  wednesday: 'wednesday',
  thursday: 'thursday',
  friday: 'friday',
  saturday: 'saturday',
} as const;
export type DayOfWeek = (typeof DayOfWeek)[keyof typeof DayOfWeek];

export const WeekIndex = {
  first: 'first',
  second: 'second',
  third: 'third',
  fourth: 'fourth',
  last: 'last',
} as const;
export type WeekIndex = (typeof WeekIndex)[keyof typeof WeekIndex];

export const RangeType = { endDate: 'endDate', noEnd: 'noEnd', numbered: 'numbered' } as const;
export type RangeType = (typeof RangeType)[keyof typeof RangeType];

export const AttendeeType = { required: 'required', optional: 'optional', resource: 'resource' } as const;
export type AttendeeType = (typeof AttendeeType)[keyof typeof AttendeeType];

export const ResponseType = {
  none: 'none',
  organizer: 'organizer',
  tentativelyAccepted: 'tentativelyAccepted',
  accepted: 'accepted',
  declined: 'declined',
  notResponded: 'notResponded',
} as const;
export type ResponseType = (typeof ResponseType)[keyof typeof ResponseType];

export const FreeBusyStatus = {
  free: 'free',
  tentative: 'tentative',
  busy: 'busy',
  oof: 'oof',
  workingElsewhere: 'workingElsewhere',
  unknown: 'unknown',
} as const;
export type FreeBusyStatus = (typeof FreeBusyStatus)[keyof typeof FreeBusyStatus];

export const Sensitivity = {
  normal: 'normal',
  personal: 'personal',
  private: 'private',
  confidential: 'confidential',
} as const;
export type Sensitivity = (typeof Sensitivity)[keyof typeof Sensitivity];

export const Importance = { low: 'low', normal: 'normal', high: 'high' } as const;
export type Importance = (typeof Importance)[keyof typeof Importance];

export const BodyType = { text: 'text', html: 'html' } as const;
export type BodyType = (typeof BodyType)[keyof typeof BodyType];

export const CalendarColor = {
  auto: 'auto',
  lightBlue: 'lightBlue',
  lightGreen: 'lightGreen',
  lightOrange: 'lightOrange',
  lightGray: 'lightGray',
  lightYellow: 'lightYellow',
  lightTeal: 'lightTeal',
  lightPink: 'lightPink',
  lightBrown: 'lightBrown',
  lightRed: 'lightRed',
  maxColor: 'maxColor',
} as const;
export type CalendarColor = (typeof CalendarColor)[keyof typeof CalendarColor];

// ---- shapes -----------------------------------------------------------------------------------

/** "dateTimeTimeZone": `dateTime` on the wall clock of `timeZone` (a Windows or IANA name, `UTC`). */
export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

export interface RecurrencePattern {
  readonly type: PatternType;
  readonly interval: number;
  /** 1–12 for the yearly types, else 0. */
  readonly month: number;
  /** 1–31 for the absolute monthly and yearly types, else 0. */
  readonly dayOfMonth: number;
  readonly daysOfWeek: readonly DayOfWeek[];
  readonly firstDayOfWeek: DayOfWeek;
  readonly index: WeekIndex;
}

export interface RecurrenceRange {
  readonly type: RangeType;
  /** `YYYY-MM-DD`, the series' first day. */
  readonly startDate: string;
  /** `YYYY-MM-DD`, inclusive, in the series' zone; `0001-01-01` unless `type` is endDate. */
  readonly endDate: string;
  /** The zone of startDate and endDate; '' when Graph gave none. */
  readonly recurrenceTimeZone: string;
  /** 0 unless `type` is numbered. */
  readonly numberOfOccurrences: number;
}

export interface PatternedRecurrence {
  readonly pattern: RecurrencePattern;
  readonly range: RecurrenceRange;
}

export interface EmailAddress {
  readonly name: string;
  readonly address: string;
}

export interface ResponseStatus {
  readonly response: ResponseType;
  /** ISO timestamp; Graph's "never" is `0001-01-01T00:00:00Z`. */
  readonly time: string | null;
}

export interface Attendee {
  readonly type: AttendeeType;
  readonly status: ResponseStatus;
  readonly emailAddress: EmailAddress;
}

/** Attendees as a client writes them (Graph sets `status`). */
export interface AttendeeWrite {
  readonly type: AttendeeType;
  readonly emailAddress: EmailAddress;
}

export interface Recipient {
  readonly emailAddress: EmailAddress;
}

export interface PhysicalAddress {
  readonly street?: string;
  readonly city?: string;
  readonly state?: string;
  readonly countryOrRegion?: string;
  readonly postalCode?: string;
}

export interface OutlookGeoCoordinates {
  readonly latitude?: number;
  readonly longitude?: number;
  readonly accuracy?: number;
  readonly altitude?: number;
  readonly altitudeAccuracy?: number;
}

export interface Location {
  readonly displayName: string;
  readonly locationType?: string;
  readonly locationUri?: string;
  readonly locationEmailAddress?: string;
  readonly uniqueId?: string;
  readonly uniqueIdType?: string;
  readonly address?: PhysicalAddress;
  readonly coordinates?: OutlookGeoCoordinates;
}

export interface ItemBody {
  readonly contentType: BodyType;
  readonly content: string;
}

export interface OnlineMeetingInfo {
  readonly joinUrl: string | null;
  readonly conferenceId?: string;
  readonly tollNumber?: string;
}

/** An event as Graph sends it (GET, instances, calendarView, delta rows). */
export interface GraphEvent {
  readonly id: string;
  readonly '@odata.etag'?: string;
  readonly changeKey?: string;
  readonly type: GraphEventType;
  readonly seriesMasterId?: string | null;
  readonly iCalUId?: string;
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
  /** An occurrence's or exception's start in the series, an ISO timestamp (UTC). */
  readonly originalStart?: string;
  readonly originalStartTimeZone?: string;
  readonly originalEndTimeZone?: string;
  readonly isAllDay?: boolean;
  readonly subject?: string;
  readonly body?: ItemBody;
  readonly bodyPreview?: string;
  readonly location?: Location;
  readonly locations?: readonly Location[];
  readonly attendees?: readonly Attendee[];
  readonly organizer?: Recipient;
  readonly isOrganizer?: boolean;
  readonly responseStatus?: ResponseStatus;
  readonly recurrence?: PatternedRecurrence | null;
  readonly isOnlineMeeting?: boolean;
  readonly onlineMeetingProvider?: string;
  readonly onlineMeeting?: OnlineMeetingInfo | null;
  readonly onlineMeetingUrl?: string | null;
  readonly isReminderOn?: boolean;
  readonly reminderMinutesBeforeStart?: number;
  readonly showAs?: FreeBusyStatus;
  readonly sensitivity?: Sensitivity;
  readonly importance?: Importance;
  readonly categories?: readonly string[];
  readonly isCancelled?: boolean;
  readonly responseRequested?: boolean;
  readonly allowNewTimeProposals?: boolean;
  readonly hideAttendees?: boolean;
  readonly transactionId?: string | null;
  readonly webLink?: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
}

/**
 * What a client writes on an event ("Update event" request body; every property we map, so that
 * changedFields compares like with like). A PATCH sends `Partial<GraphEventWrite>`; a create adds
 * `transactionId` (GraphEventCreate).
 */
export interface GraphEventWrite {
  readonly subject: string;
  readonly body: ItemBody;
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
  readonly isAllDay: boolean;
  /** Graph: setting `location` alone replaces `locations` with that one; we always send both. */
  readonly location: Location;
  readonly locations: readonly Location[];
  readonly attendees: readonly AttendeeWrite[];
  readonly recurrence: PatternedRecurrence | null;
  readonly isOnlineMeeting: boolean;
  readonly isReminderOn: boolean;
  readonly reminderMinutesBeforeStart: number;
  readonly showAs: FreeBusyStatus;
  readonly sensitivity: Sensitivity;
  readonly importance: Importance;
  readonly categories: readonly string[];
  readonly responseRequested: boolean;
  readonly allowNewTimeProposals: boolean;
  readonly hideAttendees: boolean;
}

export interface GraphEventCreate extends GraphEventWrite {
  /** The same for every attempt of one create, so Graph answers a retry with the first event. */
  readonly transactionId: string;
}

/** A delta row that says an event left the window or was deleted ("event: delta"). */
export interface GraphRemoved {
  readonly id: string;
  readonly '@removed': { readonly reason: 'changed' | 'deleted' };
}

export type GraphDeltaRow =
  | { readonly kind: 'event'; readonly event: GraphEvent }
  | { readonly kind: 'removed'; readonly removed: GraphRemoved };

/** One page of a delta round: rows still unread (each is read by itself, so one bad row is skipped). */
export interface GraphDeltaPage {
  readonly value: readonly unknown[];
  readonly '@odata.nextLink'?: string;
  readonly '@odata.deltaLink'?: string;
}

/** A page of a plain collection (`/me/calendars`, `/instances`, `calendarView`). */
export interface GraphCollectionPage {
  readonly value: readonly unknown[];
  readonly '@odata.nextLink'?: string;
}

export interface GraphCalendar {
  readonly id: string;
  readonly name: string;
  readonly color: CalendarColor;
  /** `#RRGGBB`, or '' when the user chose none (then `color` names it). */
  readonly hexColor: string;
  readonly isDefaultCalendar: boolean;
  readonly canEdit: boolean;
  readonly changeKey?: string;
  readonly owner?: { readonly name: string; readonly address: string };
}
