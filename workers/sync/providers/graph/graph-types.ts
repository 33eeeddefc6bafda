/**
 * The Microsoft Graph JSON we read and write for calendars, with the property names and enum values
 * exactly as Microsoft documents them ("event", "dateTimeTimeZone", "patternedRecurrence",
 * "recurrencePattern", "recurrenceRange", "attendee", "emailAddress", "responseStatus", "location",
 * "physicalAddress", "outlookGeoCoordinates", "itemBody", "onlineMeetingInfo" and "calendar" resource
 * types; "event: delta" for pages and `@removed`), and the validators that read them at the edge
 * (docs/sync-rules.md rules 42 and 45).
 *
 * A read shape is what Graph sends: properties it may leave out (a trimmed delta row of an occurrence
 * carries only ids, type and times; `$select`) are optional; enum values are normalised to Graph's
 * lower camel case; `recurrence` always has every pattern and range property (Graph's `0` and
 * `0001-01-01` where one does not apply). A validator throws GraphShapeError naming the property that
 * is wrong, so the caller reports and skips that one event and the round goes on.
 */
import { resolveIanaZone } from '../../../../src/core/ical/time-zones';
import {
  GraphShapeError,
  readArray,
  readBoolean,
  readEnum,
  readInteger,
  readNumber,
  readObject,
  readString,
  type JsonRecord,
} from './graph-json';

export { GraphShapeError } from './graph-json';

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

// ---- validators -------------------------------------------------------------------------------

const GRAPH_NO_DATE = '0001-01-01';
const DATE = /^\d{4}-\d{2}-\d{2}/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function readDateTimeTimeZone(json: JsonRecord, path: string): DateTimeTimeZone {
  const dateTime = readString(json, 'dateTime', path);
  if (!DATE_TIME.test(dateTime)) {
    throw new GraphShapeError(`${path}.dateTime`, `is not a date and time: ${JSON.stringify(dateTime)}`);
  }
  const timeZone = readString(json, 'timeZone', path);
  if (resolveIanaZone(timeZone) === null) {
    throw new GraphShapeError(`${path}.timeZone`, `is not a time zone we know: ${JSON.stringify(timeZone)}`);
  }
  return { dateTime, timeZone };
}

function readDate(json: JsonRecord, key: string, path: string): string {
  const value = readString(json, key, path);
  if (!DATE.test(value))
    throw new GraphShapeError(`${path}.${key}`, `is not a date: ${JSON.stringify(value)}`);
  return value.slice(0, 10);
}

export function readRecurrence(json: JsonRecord, path = 'recurrence'): PatternedRecurrence {
  const rawPattern = readObject(json, 'pattern', path);
  const rawRange = readObject(json, 'range', path);
  const p = `${path}.pattern`;
  const type = readEnum(rawPattern, 'type', PatternType, p);
  const pattern: RecurrencePattern = {
    type,
    interval: readInteger(rawPattern, 'interval', p, { min: 1, fallback: 1 }),
    month: readInteger(rawPattern, 'month', p, { min: 0, max: 12, fallback: 0 }),
    dayOfMonth: readInteger(rawPattern, 'dayOfMonth', p, { min: 0, max: 31, fallback: 0 }),
    daysOfWeek: (readArray(rawPattern, 'daysOfWeek', p, { optional: true }) ?? []).map((day, i) => {
      const found = Object.values(DayOfWeek).find(
        (name) => typeof day === 'string' && name === day.toLowerCase(),
      );
      if (!found)
        throw new GraphShapeError(
          `${p}.daysOfWeek[${i}]`,
          `is not a day of the week: ${JSON.stringify(day)}`,
        );
      return found;
    }),
    firstDayOfWeek: readEnum(rawPattern, 'firstDayOfWeek', DayOfWeek, p, DayOfWeek.sunday),
    index: readEnum(rawPattern, 'index', WeekIndex, p, WeekIndex.first),
  };
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays && pattern.daysOfWeek.length === 0) {
    throw new GraphShapeError(`${p}.daysOfWeek`, `is required for a ${type} pattern`);
  }
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && pattern.dayOfMonth === 0) {
    throw new GraphShapeError(`${p}.dayOfMonth`, `is required for a ${type} pattern`);
  }
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && pattern.month === 0) {
    throw new GraphShapeError(`${p}.month`, `is required for a ${type} pattern`);
  }
  const r = `${path}.range`;
  const rangeType = readEnum(rawRange, 'type', RangeType, r);
  const range: RecurrenceRange = {
    type: rangeType,
    startDate: readDate(rawRange, 'startDate', r),
    endDate: rangeType === 'endDate' ? readDate(rawRange, 'endDate', r) : GRAPH_NO_DATE,
    recurrenceTimeZone:
      readString(rawRange, 'recurrenceTimeZone', r, { optional: true, nullable: true }) ?? '',
    numberOfOccurrences:
      rangeType === 'numbered' ? readInteger(rawRange, 'numberOfOccurrences', r, { min: 1 }) : 0,
  };
  return { pattern, range };
}

function readEmailAddress(json: JsonRecord, path: string): EmailAddress {
  return {
    name: readString(json, 'name', path, { optional: true, nullable: true }) ?? '',
    address: readString(json, 'address', path, { optional: true, nullable: true }) ?? '',
  };
}

function readResponseStatus(json: JsonRecord, path: string): ResponseStatus {
  return {
    response: readEnum(json, 'response', ResponseType, path, ResponseType.none),
    time: readString(json, 'time', path, { optional: true, nullable: true }) ?? null,
  };
}

function readAttendee(json: JsonRecord, path: string): Attendee {
  const status = readObject(json, 'status', path, { optional: true });
  return {
    type: readEnum(json, 'type', AttendeeType, path, AttendeeType.required),
    status: status
      ? readResponseStatus(status, `${path}.status`)
      : { response: ResponseType.none, time: null },
    emailAddress: readEmailAddress(readObject(json, 'emailAddress', path), `${path}.emailAddress`),
  };
}

const ADDRESS_KEYS = ['street', 'city', 'state', 'countryOrRegion', 'postalCode'] as const;
const COORDINATE_KEYS = ['latitude', 'longitude', 'accuracy', 'altitude', 'altitudeAccuracy'] as const;
const LOCATION_TEXT_KEYS = [
  'locationType',
  'locationUri',
  'locationEmailAddress',
  'uniqueId',
  'uniqueIdType',
] as const;

export function readLocation(json: JsonRecord, path = 'location'): Location {
  const location: Record<string, unknown> = {
    displayName: readString(json, 'displayName', path, { optional: true, nullable: true }) ?? '',
  };
  for (const key of LOCATION_TEXT_KEYS) {
    const value = readString(json, key, path, { optional: true, nullable: true });
    // Graph's "nothing" values (`default`, `unknown`) are left out, so an empty location reads as one.
    if (
      value &&
      !(key === 'locationType' && value === 'default') &&
      !(key === 'uniqueIdType' && value === 'unknown')
    ) {
      location[key] = value;
    }
  }
  const rawAddress = readObject(json, 'address', path, { optional: true });
  if (rawAddress) {
    const address: Record<string, string> = {};
    for (const key of ADDRESS_KEYS) {
      const value = readString(rawAddress, key, `${path}.address`, { optional: true, nullable: true });
      if (value) address[key] = value;
    }
    if (Object.keys(address).length > 0) location['address'] = address;
  }
  const rawCoordinates = readObject(json, 'coordinates', path, { optional: true });
  if (rawCoordinates) {
    const coordinates: Record<string, number> = {};
    for (const key of COORDINATE_KEYS) {
      const value = readNumber(rawCoordinates, key, `${path}.coordinates`, { optional: true });
      if (value !== undefined) coordinates[key] = value;
    }
    if (Object.keys(coordinates).length > 0) location['coordinates'] = coordinates;
  }
  // Built key by key from validated values above; the record has exactly Location's shape.
  return location as unknown as Location;
}

function readBody(json: JsonRecord, path: string): ItemBody {
  return {
    contentType: readEnum(json, 'contentType', BodyType, path, BodyType.text),
    content: readString(json, 'content', path, { optional: true, nullable: true }) ?? '',
  };
}

function readOnlineMeeting(json: JsonRecord, path: string): OnlineMeetingInfo {
  const conferenceId = readString(json, 'conferenceId', path, { optional: true, nullable: true });
  const tollNumber = readString(json, 'tollNumber', path, { optional: true, nullable: true });
  return {
    joinUrl: readString(json, 'joinUrl', path, { optional: true, nullable: true }) ?? null,
    ...(conferenceId ? { conferenceId } : {}),
    ...(tollNumber ? { tollNumber } : {}),
  };
}

function readTimestamp(json: JsonRecord, key: string, path: string): string | undefined {
  const value = readString(json, key, path, { optional: true, nullable: true });
  if (value === undefined || value === null) return undefined;
  if (!TIMESTAMP.test(value))
    throw new GraphShapeError(`${path}.${key}`, `is not a timestamp: ${JSON.stringify(value)}`);
  return value;
}

/** Copies `key` into `into` when the reader found it (exactOptionalPropertyTypes: no `undefined` values). */
function put(into: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) into[key] = value;
}

/**
 * Reads one event as Graph sends it. Throws GraphShapeError naming the wrong property (its path from
 * the event, e.g. `recurrence.pattern.type`) and the event's id when it had one.
 */
export function readGraphEvent(json: unknown): GraphEvent {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new GraphShapeError('event', 'is not a JSON object');
  }
  const raw = json as JsonRecord;
  const id = readString(raw, 'id', 'event');
  try {
    return readEventBody(raw, id);
  } catch (error) {
    if (error instanceof GraphShapeError && error.eventId === null) throw error.forEvent(id);
    throw error;
  }
}

function readEventBody(raw: JsonRecord, id: string): GraphEvent {
  const e = 'event';
  const event: Record<string, unknown> = {
    id,
    type: readEnum(raw, 'type', GraphEventType, e, GraphEventType.singleInstance),
    start: readDateTimeTimeZone(readObject(raw, 'start', e), 'start'),
    end: readDateTimeTimeZone(readObject(raw, 'end', e), 'end'),
  };
  put(event, '@odata.etag', readString(raw, '@odata.etag', e, { optional: true }));
  put(event, 'changeKey', readString(raw, 'changeKey', e, { optional: true }));
  put(event, 'seriesMasterId', readString(raw, 'seriesMasterId', e, { optional: true, nullable: true }));
  put(event, 'iCalUId', readString(raw, 'iCalUId', e, { optional: true }));
  put(event, 'originalStart', readTimestamp(raw, 'originalStart', e));
  for (const key of [
    'originalStartTimeZone',
    'originalEndTimeZone',
    'subject',
    'bodyPreview',
    'onlineMeetingProvider',
    'webLink',
  ] as const) {
    put(event, key, readString(raw, key, e, { optional: true, nullable: true }) ?? undefined);
  }
  for (const key of [
    'isAllDay',
    'isOrganizer',
    'isOnlineMeeting',
    'isReminderOn',
    'isCancelled',
    'responseRequested',
    'allowNewTimeProposals',
    'hideAttendees',
  ] as const) {
    put(event, key, readBoolean(raw, key, e, { optional: true }));
  }
  put(event, 'createdDateTime', readTimestamp(raw, 'createdDateTime', e));
  put(event, 'lastModifiedDateTime', readTimestamp(raw, 'lastModifiedDateTime', e));
  put(event, 'transactionId', readString(raw, 'transactionId', e, { optional: true, nullable: true }));
  put(event, 'onlineMeetingUrl', readString(raw, 'onlineMeetingUrl', e, { optional: true, nullable: true }));
  if (raw['reminderMinutesBeforeStart'] !== undefined) {
    put(event, 'reminderMinutesBeforeStart', readInteger(raw, 'reminderMinutesBeforeStart', e, { min: 0 }));
  }
  if (raw['showAs'] !== undefined) put(event, 'showAs', readEnum(raw, 'showAs', FreeBusyStatus, e));
  if (raw['sensitivity'] !== undefined)
    put(event, 'sensitivity', readEnum(raw, 'sensitivity', Sensitivity, e));
  if (raw['importance'] !== undefined) put(event, 'importance', readEnum(raw, 'importance', Importance, e));
  const categories = readArray(raw, 'categories', e, { optional: true });
  if (categories) {
    put(
      event,
      'categories',
      categories.map((value, i) => {
        if (typeof value !== 'string') throw new GraphShapeError(`categories[${i}]`, 'is not text');
        return value;
      }),
    );
  }
  const body = readObject(raw, 'body', e, { optional: true });
  if (body) event['body'] = readBody(body, 'body');
  const location = readObject(raw, 'location', e, { optional: true });
  if (location) event['location'] = readLocation(location);
  const locations = readArray(raw, 'locations', e, { optional: true });
  if (locations)
    event['locations'] = locations.map((item, i) =>
      readLocation(asRecord(item, `locations[${i}]`), `locations[${i}]`),
    );
  const attendees = readArray(raw, 'attendees', e, { optional: true });
  if (attendees)
    event['attendees'] = attendees.map((item, i) =>
      readAttendee(asRecord(item, `attendees[${i}]`), `attendees[${i}]`),
    );
  const organizer = readObject(raw, 'organizer', e, { optional: true });
  if (organizer) {
    event['organizer'] = {
      emailAddress: readEmailAddress(
        readObject(organizer, 'emailAddress', 'organizer'),
        'organizer.emailAddress',
      ),
    };
  }
  const responseStatus = readObject(raw, 'responseStatus', e, { optional: true });
  if (responseStatus) event['responseStatus'] = readResponseStatus(responseStatus, 'responseStatus');
  const onlineMeeting = readObject(raw, 'onlineMeeting', e, { optional: true, nullable: true });
  if (onlineMeeting !== undefined)
    event['onlineMeeting'] = onlineMeeting ? readOnlineMeeting(onlineMeeting, 'onlineMeeting') : null;
  const recurrence = readObject(raw, 'recurrence', e, { optional: true, nullable: true });
  if (recurrence !== undefined) event['recurrence'] = recurrence ? readRecurrence(recurrence) : null;
  // Built property by property from validated values above; the record has exactly GraphEvent's shape.
  return event as unknown as GraphEvent;
}

function asRecord(value: unknown, path: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphShapeError(path, 'is not a JSON object');
  }
  return value as JsonRecord;
}

/** One row of a delta page: an event, or a removal. */
export function readGraphDeltaRow(json: unknown): GraphDeltaRow {
  const raw = asRecord(json, 'row');
  const removed = raw['@removed'];
  if (removed !== undefined) {
    const id = readString(raw, 'id', 'row');
    const reason = readString(asRecord(removed, '@removed'), 'reason', '@removed', { optional: true });
    return {
      kind: 'removed',
      removed: { id, '@removed': { reason: reason === 'changed' ? 'changed' : 'deleted' } },
    };
  }
  return { kind: 'event', event: readGraphEvent(raw) };
}

function readLink(raw: JsonRecord, key: string, path: string): string | undefined {
  const link = readString(raw, key, path, { optional: true, nullable: true });
  return link ?? undefined;
}

export function readGraphDeltaPage(json: unknown): GraphDeltaPage {
  const raw = asRecord(json, 'page');
  const value = readArray(raw, 'value', 'page');
  const next = readLink(raw, '@odata.nextLink', 'page');
  const delta = readLink(raw, '@odata.deltaLink', 'page');
  if (next === undefined && delta === undefined) {
    throw new GraphShapeError('page', 'has neither @odata.nextLink nor @odata.deltaLink');
  }
  return {
    value,
    ...(next !== undefined ? { '@odata.nextLink': next } : {}),
    ...(delta !== undefined ? { '@odata.deltaLink': delta } : {}),
  };
}

export function readGraphCollectionPage(json: unknown): GraphCollectionPage {
  const raw = asRecord(json, 'page');
  const next = readLink(raw, '@odata.nextLink', 'page');
  return {
    value: readArray(raw, 'value', 'page'),
    ...(next !== undefined ? { '@odata.nextLink': next } : {}),
  };
}

export function readGraphCalendar(json: unknown): GraphCalendar {
  const raw = asRecord(json, 'calendar');
  const c = 'calendar';
  const owner = readObject(raw, 'owner', c, { optional: true, nullable: true });
  const changeKey = readString(raw, 'changeKey', c, { optional: true, nullable: true });
  return {
    id: readString(raw, 'id', c),
    name: readString(raw, 'name', c, { optional: true, nullable: true }) ?? '',
    color: readEnum(raw, 'color', CalendarColor, c, CalendarColor.auto),
    hexColor: readString(raw, 'hexColor', c, { optional: true, nullable: true }) ?? '',
    isDefaultCalendar: readBoolean(raw, 'isDefaultCalendar', c, { optional: true }) ?? false,
    canEdit: readBoolean(raw, 'canEdit', c, { optional: true }) ?? false,
    ...(changeKey ? { changeKey } : {}),
    ...(owner ? { owner: readEmailAddress(owner, 'calendar.owner') } : {}),
  };
}
