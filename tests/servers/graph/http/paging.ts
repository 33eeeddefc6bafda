/**
 * Server-driven paging of plain collections ("Paging Microsoft Graph data in your app"): a page of
 * `$top` or `Prefer: odata.maxpagesize` items (10 by default), and an `@odata.nextLink` carrying
 * `$skip` for the rest. Delta rounds page their own way (delta/).
 */
import type { JsonObject, JsonValue } from '../json';
import { param } from './graph-request';
import type { RouteRequest } from './route-request';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

export function pageSize(request: RouteRequest): number {
  const top = Number(param(request.query, '$top') ?? NaN);
  const wanted = Number.isInteger(top) && top > 0 ? top : (request.prefer.maxPageSize ?? DEFAULT_PAGE);
  return Math.min(wanted, MAX_PAGE);
}

/** `{ value, @odata.nextLink? }` for one page of `items`, with `context` as `@odata.context`. */
export function pagedCollection(
  request: RouteRequest,
  context: string,
  items: readonly JsonValue[],
): JsonObject {
  const skip = Math.max(0, Number(param(request.query, '$skip') ?? 0) || 0);
  const size = pageSize(request);
  const page = items.slice(skip, skip + size);
  const body: Record<string, JsonValue> = { '@odata.context': context, value: page };
  if (skip + size < items.length) {
    const query = new URLSearchParams();
    for (const [key, value] of request.query) {
      if (!['$skip', '$top'].includes(key.toLowerCase())) query.append(key, value);
    }
    const rest = [...query].map(([key, value]) => `&${key}=${encodeURIComponent(value)}`).join('');
    body['@odata.nextLink'] = `${request.baseUrl}${request.path}?$top=${size}&$skip=${skip + size}${rest}`;
  }
  return body;
}
