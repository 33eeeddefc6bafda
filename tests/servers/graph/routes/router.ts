/**
 * Finds the route of a path. Literal segments match case-insensitively (`/me/calendarview` works,
 * as on Graph); parameters keep their case, since ids are case-sensitive. An unknown path answers
 * 400 "Resource not found for the segment", a known path with another method 405.
 */
import { GraphErrors, type GraphError } from '../graph-error';
import type { Route } from './route';

export type RouteMatch =
  | { readonly ok: true; readonly route: Route; readonly params: Record<string, string> }
  | { readonly ok: false; readonly error: GraphError };

function segmentsOf(path: string): string[] | null {
  try {
    return path
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter((part) => part !== '');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part.toLowerCase() !== segment.toLowerCase()) return null;
  }
  return params;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = segmentsOf(path);
  if (!segments) return { ok: false, error: GraphErrors.badRequest('The request path is not valid.') };
  let pathKnown = false;
  for (const candidate of routes) {
    const params = matchPattern(candidate.pattern, segments);
    if (!params) continue;
    if (candidate.method === method) return { ok: true, route: candidate, params };
    pathKnown = true;
  }
  if (pathKnown) return { ok: false, error: GraphErrors.methodNotAllowed() };
  return { ok: false, error: GraphErrors.segmentNotFound(segments[segments.length - 1] ?? '') };
}
