/**
 * Runs a request's route with its preferences read, and reports the preferences applied
 * (`Preference-Applied`, as "Get event" shows for `outlook.timezone`).
 */
import type { GraphRequest, GraphResponse } from '../http/graph-request';
import { parsePrefer } from '../http/prefer';
import { RequestKind } from '../http/request-kind';
import { deltaRoutes } from '../routes/delta-routes';
import { eventRoutes } from '../routes/event-routes';
import { mailboxRoutes } from '../routes/mailbox-routes';
import type { GraphContext, Route } from '../routes/route';
import { matchRoute, type RouteMatch } from '../routes/router';
import { resolveZone } from '../time/zones';

export const ROUTES: readonly Route[] = [...mailboxRoutes, ...eventRoutes, ...deltaRoutes];

export const isBatchPath = (path: string) => path.replace(/\/+$/, '').toLowerCase() === '/$batch';

export function classify(method: string, path: string): { kind: RequestKind; match: RouteMatch | null } {
  if (isBatchPath(path)) return { kind: RequestKind.batch, match: null };
  const match = matchRoute(ROUTES, method, path);
  return { kind: match.ok ? match.route.kind : RequestKind.unknown, match };
}

export async function dispatch(
  context: GraphContext,
  request: GraphRequest,
  match: RouteMatch,
  baseUrl: string,
): Promise<GraphResponse> {
  if (!match.ok) return { status: match.error.status, error: match.error };
  const prefer = parsePrefer(request.headers['prefer']);
  const zone = prefer.timeZone === null ? null : resolveZone(prefer.timeZone);
  const read = { zone, bodyType: prefer.bodyType, userMail: context.store.user.mail };
  const response = await match.route.handler(context, {
    ...request,
    params: match.params,
    prefer,
    read,
    baseUrl,
  });
  const applied = [
    response.headers?.['Preference-Applied'],
    zone ? `outlook.timezone="${zone.name}"` : undefined,
    prefer.bodyType ? `outlook.body-content-type="${prefer.bodyType}"` : undefined,
    prefer.immutableId ? 'IdType="ImmutableId"' : undefined,
  ].filter((value): value is string => value !== undefined);
  if (applied.length === 0) return response;
  return { ...response, headers: { ...(response.headers ?? {}), 'Preference-Applied': applied.join(', ') } };
}
