/**
 * One event: "Get event" (masters carry `recurrence`), "List instances", "Create event" (honouring
 * `transactionId`: a retried create returns the first event), "Update event" and "Delete event"
 * with `If-Match` on `@odata.etag` (412 `ErrorIrresolvableConflict` when stale: docs/sync-rules.md
 * rule 46).
 */
import { errorResponse, json, param } from '../http/graph-request';
import { pagedCollection } from '../http/paging';
import { RequestKind } from '../http/request-kind';
import type { RouteRequest } from '../http/route-request';
import { eventJson, selectProperties } from '../serialize/event-json';
import { GraphErrors } from '../graph-error';
import { calendarOf } from './mailbox-routes';
import { route, type GraphContext, type Route } from './route';
import { readWindow } from './window-params';

function select(request: RouteRequest): string[] | null {
  const value = param(request.query, '$select');
  return value === null ? null : value.split(',').map((name) => name.trim());
}

const entityContext = (context: GraphContext, request: RouteRequest) =>
  `${request.baseUrl}/$metadata#users('${context.store.user.id}')/events/$entity`;

function create(context: GraphContext, request: RouteRequest) {
  const calendar = calendarOf(context, request);
  if (!calendar) return errorResponse(GraphErrors.itemNotFound());
  if (request.bodyError !== undefined) return errorResponse(GraphErrors.bodyRead(request.bodyError));
  const made = context.store.createEvent(calendar.id, request.body);
  if (!made.ok) return errorResponse(made.error);
  return json(201, {
    '@odata.context': entityContext(context, request),
    ...eventJson(made.value.view, request.read),
  });
}

/** `iCalUId eq '…'` (quotes doubled inside), the one `$filter` this server reads on a listing. */
function iCalUIdFilter(request: RouteRequest): string | null {
  const match = /^\s*iCalUId\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(param(request.query, '$filter') ?? '');
  return match?.[1]?.replace(/''/g, "'") ?? null;
}

export const eventRoutes: readonly Route[] = [
  // "List events" of a calendar (singles and series masters), only as `$filter=iCalUId eq '…'`.
  route('GET', '/me/calendars/:calendarId/events', RequestKind.eventList, (context, request) => {
    const calendar = calendarOf(context, request);
    if (!calendar) return errorResponse(GraphErrors.itemNotFound());
    const uid = iCalUIdFilter(request);
    if (uid === null) {
      return errorResponse(
        GraphErrors.badRequest("This server lists events only with $filter=iCalUId eq '…'."),
      );
    }
    const rows = [...context.store.events.values()]
      .filter((record) => record.calendarId === calendar.id && record.iCalUId === uid)
      .flatMap((record) => {
        const view = context.store.view(record.id);
        return view.ok ? [selectProperties(eventJson(view.value, request.read), select(request))] : [];
      });
    const context_ = `${request.baseUrl}/$metadata#users('${context.store.user.id}')/events`;
    return json(200, pagedCollection(request, context_, rows));
  }),
  route('GET', '/me/events/:id', RequestKind.eventGet, (context, request) => {
    const view = context.store.view(request.params['id'] ?? '');
    if (!view.ok) return errorResponse(view.error);
    const body = selectProperties(eventJson(view.value, request.read), select(request));
    return json(200, { '@odata.context': entityContext(context, request), ...body });
  }),
  route('GET', '/me/events/:id/instances', RequestKind.instances, (context, request) => {
    const window = readWindow(request);
    if (!window.ok) return errorResponse(window.error);
    const views = context.store.instancesOf(
      request.params['id'] ?? '',
      window.value.fromMs,
      window.value.toMs,
    );
    if (!views.ok) return errorResponse(views.error);
    const rows = views.value.map((view) => selectProperties(eventJson(view, request.read), select(request)));
    const context_ = `${request.baseUrl}/$metadata#users('${context.store.user.id}')/events('${request.params['id'] ?? ''}')/instances`;
    return json(200, pagedCollection(request, context_, rows));
  }),
  route('POST', '/me/events', RequestKind.eventCreate, create),
  route('POST', '/me/calendar/events', RequestKind.eventCreate, create),
  route('POST', '/me/calendars/:calendarId/events', RequestKind.eventCreate, create),
  route('PATCH', '/me/events/:id', RequestKind.eventUpdate, (context, request) => {
    if (request.bodyError !== undefined) return errorResponse(GraphErrors.bodyRead(request.bodyError));
    const updated = context.store.updateEvent(
      request.params['id'] ?? '',
      request.body,
      request.headers['if-match'],
    );
    if (!updated.ok) return errorResponse(updated.error);
    return json(200, {
      '@odata.context': entityContext(context, request),
      ...eventJson(updated.value, request.read),
    });
  }),
  route('DELETE', '/me/events/:id', RequestKind.eventDelete, (context, request) => {
    const deleted = context.store.deleteEvent(request.params['id'] ?? '', request.headers['if-match']);
    return deleted.ok ? { status: 204 } : errorResponse(deleted.error);
  }),
];
