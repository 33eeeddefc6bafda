/**
 * Talking to the Graph test server over real HTTP, as a client would: authenticated fetch, JSON
 * reading, following a delta round's links to its deltaLink.
 */
import type { GraphServer, JsonObject, JsonValue } from '../../../servers/graph/index';

/** Where a client talks to: a started server, or one running as its own process (main.ts). */
export type GraphEndpoint = Pick<GraphServer, 'baseUrl' | 'token'>;

export interface CallOptions {
  readonly method?: string;
  readonly body?: unknown;
  readonly prefer?: string;
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
}

/** `path` is below /v1.0 (`/me/events`) or an absolute link the server handed out. */
export function call(server: GraphEndpoint, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Prefer: options.prefer ?? 'IdType="ImmutableId"',
    ...options.headers,
  };
  const token = options.token === undefined ? server.token : options.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(path.startsWith('http') ? path : `${server.baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
}

export async function callJson(
  server: GraphEndpoint,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; json: JsonObject; response: Response }> {
  const response = await call(server, path, options);
  const text = await response.text();
  return { status: response.status, json: text === '' ? {} : (JSON.parse(text) as JsonObject), response };
}

export const rows = (page: JsonObject): JsonObject[] => (page['value'] as JsonObject[] | undefined) ?? [];

export function str(value: JsonValue | undefined): string {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${JSON.stringify(value)}`);
  return value;
}

export interface DeltaRound {
  readonly pages: JsonObject[];
  readonly rows: JsonObject[];
  readonly deltaLink: string;
}

/** Follows nextLinks from `url` until a deltaLink; fails on any non-200 answer. */
export async function deltaRound(server: GraphEndpoint, url: string, prefer?: string): Promise<DeltaRound> {
  const pages: JsonObject[] = [];
  let next: string | undefined = url;
  for (let guard = 0; next !== undefined && guard < 10_000; guard += 1) {
    const { status, json }: { status: number; json: JsonObject } = await callJson(
      server,
      next,
      prefer !== undefined ? { prefer } : {},
    );
    if (status !== 200) throw new Error(`delta page answered ${status}: ${JSON.stringify(json)}`);
    pages.push(json);
    const deltaLink = json['@odata.deltaLink'];
    if (typeof deltaLink === 'string') return { pages, rows: pages.flatMap(rows), deltaLink };
    next = json['@odata.nextLink'] as string | undefined;
  }
  throw new Error('delta round ended without a deltaLink');
}

export const deltaPath = (from: string, to: string) =>
  `/me/calendarView/delta?startDateTime=${from}&endDateTime=${to}`;
