/**
 * CORS as Graph answers a browser: `Access-Control-Allow-Origin: *` and the exposed headers shown in
 * Graph's own sample responses ("Get profilePhoto": `ETag, Location, Preference-Applied,
 * Content-Range, request-id, client-request-id`). `Retry-After` is not among them: a page cannot
 * read it (microsoft-graph-docs-contrib issue 2011); a test may expose more. Graph does not document
 * its preflight answer; this one allows what the browser asks for and lets it cache the answer.
 */
export const GRAPH_EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Preference-Applied',
  'Content-Range',
  'request-id',
  'client-request-id',
] as const;

export const PREFLIGHT_MAX_AGE_SECONDS = 3600;

export function corsHeaders(exposed: readonly string[]): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': exposed.join(', ') };
}

export function preflightHeaders(requestHeaders: Readonly<Record<string, string>>): Record<string, string> {
  const asked = requestHeaders['access-control-request-headers'];
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      asked ?? 'Authorization, Content-Type, Prefer, If-Match, client-request-id',
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}
