/**
 * Validators for one Graph event and its parts (docs/sync-rules.md rules 42 and 45): each throws
 * GraphShapeError naming the wrong property (its path from the event, e.g.
 * `recurrence.pattern.type`) and the event's id, so the caller reports and skips that one event and
 * the round goes on. Import them through graph-types.ts.
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
import {
  GraphEventType,
  PatternType,
  DayOfWeek,
  WeekIndex,
  RangeType,
  AttendeeType,
  ResponseType,
  FreeBusyStatus,
  Sensitivity,
  Importance,
  BodyType,
  type DateTimeTimeZone,
  type PatternedRecurrence,
  type RecurrencePattern,
  type RecurrenceRange,
  type EmailAddress,
  type ResponseStatus,
  type Attendee,
  type Location,
  type ItemBody,
  type OnlineMeetingInfo,
  type GraphEvent,
} from './graph-shapes';

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

export function readEmailAddress(json: JsonRecord, path: string): EmailAddress {
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

export function asRecord(value: unknown, path: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphShapeError(path, 'is not a JSON object');
  }
  return value as JsonRecord;
}
