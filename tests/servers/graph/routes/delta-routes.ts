/**
 * `calendarView/delta` for the primary calendar (v1.0, "event: delta") and per calendar (beta, and
 * used on v1.0 in the field: docs/sync-rules.md rule 40). The first call needs the window; each page
 * links on with `$skiptoken`, the last with `$deltatoken`; both links repeat the path the client
 * used and carry everything else in the token. Switchable: 410 Gone with `Location` to the initial
 * query ("Synchronization reset") and `syncStateNotFound` ("Token duration"); by the request's
 * planned fault also replays, duplicates, empty pages and a processing delay (control/fault-plan.ts).
 */
import { GraphFaultKind } from '../control/fault-plan';
import type { DeltaBehaviour } from '../control/fault-switches';
import { GraphErrors } from '../graph-error';
import type { JsonValue } from '../json';
import { errorResponse, json, param, type GraphResponse } from '../http/graph-request';
import { RequestKind } from '../http/request-kind';
import type { RouteRequest } from '../http/route-request';
import { deltaRowJson, removedRowJson } from '../serialize/event-json';
import { formatTimestamp } from '../time/wall-clock';
import type { DeltaRound, DeltaScope, DeltaState } from '../delta/delta-memory';
import { DEFAULT_DELTA_PAGE, paginate } from '../delta/delta-pages';
import { roundRows } from '../delta/delta-round';
import { decodeDeltaToken, encodeDeltaToken } from '../delta/delta-token';
import { calendarOf } from './mailbox-routes';
import { route, type GraphContext, type Route } from './route';
import { readWindow } from './window-params';

const MAX_PAGE = 1000;

/** The switched-on delta behaviour, with what the request's planned fault adds (control/fault-plan.ts). */
function behaviourFor(context: GraphContext, request: RouteRequest): DeltaBehaviour {
  const switched = context.faults.delta;
  switch (request.fault) {
    case GraphFaultKind.replay:
      return { ...switched, replay: true };
    case GraphFaultKind.duplicates:
      return { ...switched, duplicates: true };
    case GraphFaultKind.emptyPages:
      return { ...switched, emptyPages: Math.max(switched.emptyPages, 2) };
    default:
      return switched;
  }
}

function startRound(
  context: GraphContext,
  request: RouteRequest,
  scope: DeltaScope,
  base: DeltaState | null,
): DeltaRound {
  const behaviour = behaviourFor(context, request);
  // "Processing delays": none of the changes since the base state is visible yet; the state this
  // round leaves is the base's again, so the next round from its deltaLink reports them.
  const delayed = base !== null && request.fault === GraphFaultKind.processingDelay;
  const rows = delayed
    ? { entries: [], known: base.known, version: base.version, emitted: base.emitted }
    : roundRows(context.store, scope, base, behaviour);
  const size = Math.min(request.prefer.maxPageSize ?? DEFAULT_DELTA_PAGE, MAX_PAGE);
  const round: DeltaRound = {
    id: context.delta.nextId('r'),
    scope,
    pages: paginate(rows.entries, size, behaviour),
    known: rows.known,
    version: rows.version,
    emitted: rows.emitted,
    stateId: null,
  };
  context.delta.addRound(round);
  return round;
}

function servePage(
  context: GraphContext,
  request: RouteRequest,
  round: DeltaRound,
  index: number,
): GraphResponse {
  const page = round.pages[index];
  if (!page) return errorResponse(GraphErrors.syncStateNotFound(400));
  const { scope } = round;
  const link = (kind: 'skip' | 'delta', ref: string, pageIndex: number) =>
    encodeDeltaToken({
      kind,
      ref,
      page: pageIndex,
      calendarId: scope.calendarId,
      fromMs: scope.fromMs,
      toMs: scope.toMs,
    });
  const body: Record<string, JsonValue> = {
    '@odata.context': `${request.baseUrl}/$metadata#Collection(event)`,
  };
  if (index === round.pages.length - 1) {
    if (round.stateId === null) {
      round.stateId = context.delta.nextId('s');
      context.delta.addState({
        id: round.stateId,
        scope,
        known: round.known,
        version: round.version,
        emitted: round.emitted,
      });
    }
    body['@odata.deltaLink'] =
      `${request.baseUrl}${scope.path}?$deltatoken=${link('delta', round.stateId, 0)}`;
  } else {
    body['@odata.nextLink'] =
      `${request.baseUrl}${scope.path}?$skiptoken=${link('skip', round.id, index + 1)}`;
  }
  body['value'] = page.map((entry) =>
    entry.kind === 'row' ? deltaRowJson(entry.view, request.read) : removedRowJson(entry.id),
  );
  const applied =
    request.prefer.maxPageSize !== null
      ? { 'Preference-Applied': `odata.maxpagesize=${request.prefer.maxPageSize}` }
      : undefined;
  return json(200, body, applied);
}

function plannedReset(
  request: RouteRequest,
): { kind: 'gone' } | { kind: 'syncStateNotFound'; status: number } | null {
  if (request.fault === GraphFaultKind.gone410) return { kind: 'gone' };
  if (request.fault === GraphFaultKind.syncStateNotFound) return { kind: 'syncStateNotFound', status: 400 };
  return null;
}

function delta(context: GraphContext, request: RouteRequest): GraphResponse {
  const calendar = calendarOf(context, request);
  if (!calendar) return errorResponse(GraphErrors.itemNotFound());
  const token = param(request.query, '$skiptoken') ?? param(request.query, '$deltatoken');
  // An empty $deltatoken is the initial query too ("Synchronization reset").
  if (token === null || token === '') {
    const window = readWindow(request);
    if (!window.ok) return errorResponse(window.error);
    const scope = { calendarId: calendar.id, path: request.path, ...window.value };
    return servePage(context, request, startRound(context, request, scope, null), 0);
  }
  const data = decodeDeltaToken(token);
  if (!data || data.calendarId !== calendar.id) {
    return errorResponse(
      GraphErrors.badRequest('The $skiptoken or $deltatoken is not valid for this resource.'),
    );
  }
  const reset = context.faults.takeDeltaReset() ?? plannedReset(request);
  if (reset?.kind === 'gone') {
    const initial = `?startDateTime=${formatTimestamp(data.fromMs)}&endDateTime=${formatTimestamp(data.toMs)}`;
    return errorResponse(GraphErrors.resyncRequired(`${request.baseUrl}${request.path}${initial}`));
  }
  if (reset) return errorResponse(GraphErrors.syncStateNotFound(reset.status));
  if (data.kind === 'skip') {
    const round = context.delta.round(data.ref);
    return round
      ? servePage(context, request, round, data.page)
      : errorResponse(GraphErrors.syncStateNotFound(400));
  }
  const state = context.delta.state(data.ref);
  if (!state) return errorResponse(GraphErrors.syncStateNotFound(400));
  return servePage(context, request, startRound(context, request, state.scope, state), 0);
}

export const deltaRoutes: readonly Route[] = [
  route('GET', '/me/calendarView/delta', RequestKind.delta, delta),
  route('GET', '/me/calendar/calendarView/delta', RequestKind.delta, delta),
  route('GET', '/me/calendars/:calendarId/calendarView/delta', RequestKind.delta, delta),
];
