/**
 * Events as JSON, with the property names and shapes of "event resource type" and the create-event
 * response: full events for GET, instances, calendarView and singleInstance rows of delta; the
 * trimmed rows delta gives occurrences and exceptions (only id, etag, seriesMasterId, type, start,
 * end: docs/sync-rules.md rule 42); `@removed` rows ("event: delta"). Times are in UTC unless the
 * request prefers `outlook.timezone`; all-day events are dates at midnight, never converted.
 */
import type { JsonObject } from '../json';
import { recurrenceJson } from '../recurrence/patterned-recurrence';
import { NEVER } from '../store/event-content';
import { EventType, type EventView } from '../store/event-view';
import { etagOf } from '../store/ids';
import { dateOnly, formatGraphDateTime, formatTimestamp } from '../time/wall-clock';
import { UTC_ZONE, utcToWall, type Zone } from '../time/zones';
import { bodyJson, bodyPreview } from './body-json';

export interface ReadPreferences {
  /** `Prefer: outlook.timezone`, when it names a zone Graph knows. */
  readonly zone: Zone | null;
  /** `Prefer: outlook.body-content-type`. */
  readonly bodyType: 'html' | 'text' | null;
  /** The mailbox owner's address (for `isOrganizer` and `responseStatus`). */
  readonly userMail: string;
}

const EVENT_TYPE = '#microsoft.graph.event';

function timeJson(view: EventView, which: 'start' | 'end', prefer: ReadPreferences): JsonObject {
  const { timing } = view;
  if (timing.isAllDay) {
    const wall = which === 'start' ? timing.startWall : timing.endWall;
    return { dateTime: formatGraphDateTime(dateOnly(wall)), timeZone: prefer.zone?.name ?? 'UTC' };
  }
  const zone = prefer.zone ?? UTC_ZONE;
  const ms = which === 'start' ? timing.startMs : timing.endMs;
  return { dateTime: formatGraphDateTime(utcToWall(ms, zone.iana)), timeZone: zone.name };
}

export function webLink(id: string): string {
  return `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;
}

export function eventJson(view: EventView, prefer: ReadPreferences): JsonObject {
  const { content } = view;
  const isOrganizer = content.organizer.emailAddress.address.toLowerCase() === prefer.userMail.toLowerCase();
  const isInstance = view.type === EventType.occurrence || view.type === EventType.exception;
  return {
    '@odata.etag': etagOf(view.changeKey),
    id: view.id,
    createdDateTime: formatTimestamp(view.createdDateTime),
    lastModifiedDateTime: formatTimestamp(view.lastModifiedDateTime),
    changeKey: view.changeKey,
    categories: [...content.categories],
    ...(view.transactionId !== null ? { transactionId: view.transactionId } : {}),
    originalStartTimeZone: view.timing.startZoneWindows,
    originalEndTimeZone: view.timing.endZoneWindows,
    iCalUId: view.iCalUId,
    reminderMinutesBeforeStart: content.reminderMinutesBeforeStart,
    isReminderOn: content.isReminderOn,
    hasAttachments: false,
    subject: content.subject,
    bodyPreview: bodyPreview(content.body),
    importance: content.importance,
    sensitivity: content.sensitivity,
    isAllDay: content.isAllDay,
    isCancelled: content.isCancelled,
    isOrganizer,
    responseRequested: content.responseRequested,
    seriesMasterId: view.seriesMasterId,
    showAs: content.showAs,
    type: view.type,
    webLink: webLink(view.id),
    onlineMeetingUrl: null,
    isOnlineMeeting: content.isOnlineMeeting,
    onlineMeetingProvider: content.onlineMeetingProvider,
    allowNewTimeProposals: content.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: content.hideAttendees,
    ...(isInstance && view.originalStartMs !== null
      ? { originalStart: formatTimestamp(view.originalStartMs) }
      : {}),
    responseStatus: { response: isOrganizer ? 'organizer' : 'none', time: NEVER },
    body: { ...bodyJson(content.body, prefer.bodyType) },
    start: timeJson(view, 'start', prefer),
    end: timeJson(view, 'end', prefer),
    location: content.location,
    locations: [...content.locations],
    recurrence: view.recurrence ? recurrenceJson(view.recurrence) : null,
    attendees: content.attendees.map((attendee) => ({
      type: attendee.type,
      status: { ...attendee.status },
      emailAddress: { ...attendee.emailAddress },
    })),
    organizer: { emailAddress: { ...content.organizer.emailAddress } },
    onlineMeeting: content.onlineMeeting ? { joinUrl: content.onlineMeeting.joinUrl } : null,
  };
}

/** A delta row: the full event for a single instance, the trimmed form for a series' instances. */
export function deltaRowJson(view: EventView, prefer: ReadPreferences): JsonObject {
  if (view.type === EventType.singleInstance)
    return { '@odata.type': EVENT_TYPE, ...eventJson(view, prefer) };
  return {
    '@odata.type': EVENT_TYPE,
    '@odata.etag': etagOf(view.changeKey),
    id: view.id,
    seriesMasterId: view.seriesMasterId,
    type: view.type,
    start: timeJson(view, 'start', prefer),
    end: timeJson(view, 'end', prefer),
  };
}

export function removedRowJson(id: string): JsonObject {
  return { '@odata.type': EVENT_TYPE, id, '@removed': { reason: 'deleted' } };
}

/** `$select`: the listed properties (case-insensitive), always with `@odata.etag` and `id`. */
export function selectProperties(json: JsonObject, select: readonly string[] | null): JsonObject {
  if (!select) return json;
  const wanted = new Set(['@odata.etag', 'id', ...select.map((name) => name.toLowerCase())]);
  return Object.fromEntries(Object.entries(json).filter(([key]) => wanted.has(key.toLowerCase())));
}
