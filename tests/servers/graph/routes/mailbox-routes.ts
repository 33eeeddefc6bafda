/**
 * `/me` ("Get user"), `/me/calendars` ("List calendars", paged), one calendar, and calendarView
 * ("List calendarView": occurrences, exceptions and single instances of a window, full events, paged).
 */
import { errorResponse, json } from '../http/graph-request';
import { pagedCollection } from '../http/paging';
import { RequestKind } from '../http/request-kind';
import type { RouteRequest } from '../http/route-request';
import { eventJson } from '../serialize/event-json';
import { calendarJson, userJson } from '../serialize/resource-json';
import { GraphErrors } from '../graph-error';
import type { CalendarRecord } from '../store/records';
import { route, type GraphContext, type Route } from './route';
import { readWindow } from './window-params';

/** The calendar a `/me/calendars/:calendarId/…` or `/me/calendar/…` path names. */
export function calendarOf(context: GraphContext, request: RouteRequest): CalendarRecord | undefined {
  const id = request.params['calendarId'];
  return id === undefined ? context.store.defaultCalendar() : context.store.calendars.get(id);
}

function calendarView(context: GraphContext, request: RouteRequest) {
  const calendar = calendarOf(context, request);
  if (!calendar) return errorResponse(GraphErrors.itemNotFound());
  const window = readWindow(request);
  if (!window.ok) return errorResponse(window.error);
  const views = context.store.instancesInWindow(calendar.id, window.value.fromMs, window.value.toMs);
  const context_ = `${request.baseUrl}/$metadata#users('${context.store.user.id}')/calendarView`;
  return json(
    200,
    pagedCollection(
      request,
      context_,
      views.map((view) => eventJson(view, request.read)),
    ),
  );
}

export const mailboxRoutes: readonly Route[] = [
  route('GET', '/me', RequestKind.me, (context, request) =>
    json(200, {
      '@odata.context': `${request.baseUrl}/$metadata#users/$entity`,
      ...userJson(context.store.user),
    }),
  ),
  route('GET', '/me/calendars', RequestKind.calendars, (context, request) => {
    const calendars = [...context.store.calendars.values()].map(calendarJson);
    const context_ = `${request.baseUrl}/$metadata#users('${context.store.user.id}')/calendars`;
    return json(200, pagedCollection(request, context_, calendars));
  }),
  route('GET', '/me/calendars/:calendarId', RequestKind.calendar, (context, request) => {
    const calendar = calendarOf(context, request);
    return calendar ? json(200, calendarJson(calendar)) : errorResponse(GraphErrors.itemNotFound());
  }),
  route('GET', '/me/calendar', RequestKind.calendar, (context, request) =>
    json(200, calendarJson(calendarOf(context, request) ?? context.store.defaultCalendar())),
  ),
  route('GET', '/me/calendarView', RequestKind.calendarView, calendarView),
  route('GET', '/me/calendar/calendarView', RequestKind.calendarView, calendarView),
  route('GET', '/me/calendars/:calendarId/calendarView', RequestKind.calendarView, calendarView),
];
