/**
 * Reads a create or update body into the properties it sets, checking each one's type and enum
 * values ("Update event" request-body table, event resource property table). Unknown and read-only
 * properties are ignored, as Graph does for most of them; `isCancelled` is accepted so a seed can
 * stand for an organizer's cancel action.
 */
import { GraphErrors, fail, ok, type Result } from '../graph-error';
import { isJsonObject, readKey, type JsonObject, type JsonValue } from '../json';
import { formatGraphDateTime, parseWall } from '../time/wall-clock';
import { resolveZone } from '../time/zones';
import { NEVER, type Attendee, type DateTimeTimeZone, type EventContent } from './event-content';

export interface EventPatch {
  readonly content: Partial<EventContent>;
  /** Absent: untouched; null: removed; otherwise the raw value, read against the start zone later. */
  readonly recurrence?: JsonValue;
  readonly transactionId?: string;
}

const ENUMS = {
  showAs: ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'],
  sensitivity: ['normal', 'personal', 'private', 'confidential'],
  importance: ['low', 'normal', 'high'],
  onlineMeetingProvider: ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'],
} as const;
const BOOLEANS = [
  'isAllDay',
  'isOnlineMeeting',
  'isReminderOn',
  'isCancelled',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
] as const;

type Reader = (value: JsonValue) => Result<Partial<EventContent>>;
const invalid = (name: string) => fail(GraphErrors.bodyRead(`Invalid value for property '${name}'.`));

function dateTimeTimeZone(name: 'start' | 'end'): Reader {
  return (value) => {
    if (!isJsonObject(value)) return invalid(name);
    const dateTime = readKey(value, 'dateTime');
    const timeZone = readKey(value, 'timeZone') ?? 'UTC';
    const wall = typeof dateTime === 'string' ? parseWall(dateTime.replace(/Z$/i, '')) : null;
    if (!wall || typeof timeZone !== 'string') return invalid(name);
    if (!resolveZone(timeZone)) return fail(GraphErrors.timeZoneNotSupported(timeZone));
    const read: DateTimeTimeZone = { dateTime: formatGraphDateTime(wall), timeZone };
    return ok({ [name]: read });
  };
}

function emailAddress(value: JsonValue | undefined): { name: string; address: string } | null {
  if (!isJsonObject(value)) return null;
  const address = readKey(value, 'address');
  const name = readKey(value, 'name');
  if (typeof address !== 'string') return null;
  return { name: typeof name === 'string' ? name : address, address };
}

function attendee(value: JsonValue): Attendee | null {
  if (!isJsonObject(value)) return null;
  const email = emailAddress(readKey(value, 'emailAddress'));
  const type = readKey(value, 'type') ?? 'required';
  const status = readKey(value, 'status');
  if (!email || typeof type !== 'string') return null;
  const response = isJsonObject(status) ? readKey(status, 'response') : undefined;
  const time = isJsonObject(status) ? readKey(status, 'time') : undefined;
  return {
    type: type.charAt(0).toLowerCase() + type.slice(1),
    status: {
      response: typeof response === 'string' ? response.charAt(0).toLowerCase() + response.slice(1) : 'none',
      time: typeof time === 'string' ? time : NEVER,
    },
    emailAddress: email,
  };
}

/** A location as Graph echoes it: `locationType` and `uniqueIdType` filled in. */
export function locationJson(value: JsonObject): JsonObject {
  const displayName = readKey(value, 'displayName');
  const name = typeof displayName === 'string' ? displayName : '';
  return {
    ...value,
    displayName: name,
    locationType: readKey(value, 'locationType') ?? 'default',
    uniqueIdType: readKey(value, 'uniqueIdType') ?? (name === '' ? 'unknown' : 'private'),
    ...(name === '' ? {} : { uniqueId: name }),
  };
}

const READERS: Record<string, Reader> = {
  subject: (value) => (typeof value === 'string' ? ok({ subject: value }) : invalid('subject')),
  body: (value) => {
    if (!isJsonObject(value)) return invalid('body');
    const type = readKey(value, 'contentType') ?? 'html';
    const content = readKey(value, 'content') ?? '';
    if (typeof type !== 'string' || typeof content !== 'string') return invalid('body');
    const contentType = type.toLowerCase() === 'text' ? 'text' : 'html';
    return ok({ body: { contentType, content } });
  },
  start: dateTimeTimeZone('start'),
  end: dateTimeTimeZone('end'),
  location: (value) => (isJsonObject(value) ? ok({ location: locationJson(value) }) : invalid('location')),
  locations: (value) => {
    const items = Array.isArray(value) ? (value as readonly JsonValue[]).filter(isJsonObject) : null;
    return items && items.length === (value as readonly JsonValue[]).length
      ? ok({ locations: items.map(locationJson) })
      : invalid('locations');
  },
  attendees: (value) => {
    const read = Array.isArray(value) ? (value as readonly JsonValue[]).map(attendee) : [null];
    const attendees = read.filter((item): item is Attendee => item !== null);
    return attendees.length === read.length ? ok({ attendees }) : invalid('attendees');
  },
  organizer: (value) => {
    const email = isJsonObject(value) ? emailAddress(readKey(value, 'emailAddress')) : null;
    return email ? ok({ organizer: { emailAddress: email } }) : invalid('organizer');
  },
  reminderMinutesBeforeStart: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0
      ? ok({ reminderMinutesBeforeStart: value })
      : invalid('reminderMinutesBeforeStart'),
  categories: (value) => {
    const items = Array.isArray(value) ? (value as readonly JsonValue[]) : [null];
    const names = items.filter((item): item is string => typeof item === 'string');
    return names.length === items.length ? ok({ categories: names }) : invalid('categories');
  },
};
for (const name of BOOLEANS) {
  READERS[name] = (value) => (typeof value === 'boolean' ? ok({ [name]: value }) : invalid(name));
}
for (const [name, allowed] of Object.entries(ENUMS)) {
  READERS[name] = (value) => {
    const found = allowed.find(
      (item) => typeof value === 'string' && item.toLowerCase() === value.toLowerCase(),
    );
    return found === undefined ? invalid(name) : ok({ [name]: found });
  };
}

/** The properties a create (POST) or update (PATCH) body sets. */
export function readEventPatch(body: unknown): Result<EventPatch> {
  if (!isJsonObject(body)) return fail(GraphErrors.bodyRead('The request body must be a JSON object.'));
  let content: Partial<EventContent> = {};
  let recurrence: JsonValue | undefined;
  let transactionId: string | undefined;
  for (const [key, value] of Object.entries(body)) {
    const name = Object.keys(READERS).find((known) => known.toLowerCase() === key.toLowerCase());
    if (name !== undefined) {
      const read = READERS[name]?.(value);
      if (read && !read.ok) return read;
      if (read) content = { ...content, ...read.value };
    } else if (key.toLowerCase() === 'recurrence') {
      recurrence = value;
    } else if (key.toLowerCase() === 'transactionid') {
      if (typeof value !== 'string') return invalid('transactionId');
      transactionId = value;
    }
  }
  if (content.location && !content.locations) {
    content = { ...content, locations: content.location['displayName'] === '' ? [] : [content.location] };
  } else if (content.locations && !content.location) {
    const names = content.locations
      .map((item) => item['displayName'])
      .filter((name): name is string => typeof name === 'string' && name !== '');
    content = { ...content, location: locationJson({ displayName: names.join('; ') }) };
  }
  return ok({
    content,
    ...(recurrence !== undefined ? { recurrence } : {}),
    ...(transactionId !== undefined ? { transactionId } : {}),
  });
}
