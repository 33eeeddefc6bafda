/**
 * A deliberately plain WebDAV/CalDAV client for tests: `fetch` plus the few XML bodies the tests send,
 * and a small multistatus reader. Tests use it to act "on the server" (the other user's client) and to
 * read the server's truth, without going through the code under test.
 */
import { parseMultistatus, type DavResponse } from './multistatus';

export interface DavAuth {
  readonly username: string;
  readonly password: string;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const XML = 'application/xml; charset=utf-8';

export function basicAuth(auth: DavAuth): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const bodies = {
  mkcalendar: (displayName: string) =>
    `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>${escapeXml(displayName)}</D:displayname>
  <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
  </D:prop></D:set>
</C:mkcalendar>`,
  syncCollection: (token: string) =>
    `<?xml version="1.0" encoding="utf-8"?>
<D:sync-collection xmlns:D="DAV:">
  <D:sync-token>${escapeXml(token)}</D:sync-token>
  <D:sync-level>1</D:sync-level>
  <D:prop><D:getetag/></D:prop>
</D:sync-collection>`,
  propfindEtags: `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:resourcetype/></D:prop></D:propfind>`,
  propfindCollection: `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">
  <D:prop><D:sync-token/><CS:getctag/><D:displayname/><D:resourcetype/></D:prop>
</D:propfind>`,
  /** The least a client synced by token asks to know whether anything changed. */
  propfindToken: `<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop><D:sync-token/></D:prop></D:propfind>`,
  calendarQueryAll: `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>`,
  multiget: (hrefs: readonly string[]) =>
    `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  ${hrefs.map((href) => `<D:href>${escapeXml(href)}</D:href>`).join('\n  ')}
</C:calendar-multiget>`,
} as const;

export interface DavClientOptions {
  readonly auth: DavAuth;
  readonly fetch?: FetchLike;
}

export interface DavResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface ServerObject {
  readonly href: string;
  readonly etag: string | null;
  readonly ics: string;
}

export function createDavClient(options: DavClientOptions) {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const authorization = basicAuth(options.auth);

  async function request(
    method: string,
    url: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<DavResult> {
    const headers: Record<string, string> = { Authorization: authorization, ...init.headers };
    if (init.body !== undefined && headers['Content-Type'] === undefined) headers['Content-Type'] = XML;
    const response = await doFetch(url, {
      method,
      headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async function multistatus(
    method: string,
    url: string,
    body: string,
    depth: string,
  ): Promise<DavResponse[]> {
    const result = await request(method, url, { body, headers: { Depth: depth } });
    if (result.status !== 207)
      throw new Error(`${method} ${url} answered ${result.status}: ${result.text.slice(0, 300)}`);
    return parseMultistatus(result.text).responses;
  }

  return {
    request,
    mkcalendar: (url: string, name: string) => request('MKCALENDAR', url, { body: bodies.mkcalendar(name) }),
    put: (url: string, ics: string, condition: Record<string, string> = {}) =>
      request('PUT', url, {
        body: ics,
        headers: { 'Content-Type': 'text/calendar; charset=utf-8', ...condition },
      }),
    get: (url: string) => request('GET', url),
    delete: (url: string, condition: Record<string, string> = {}) =>
      request('DELETE', url, { headers: condition }),
    move: (from: string, to: string) =>
      request('MOVE', from, { headers: { Destination: to, Overwrite: 'F' } }),
    syncCollection: async (url: string, token: string) => {
      const result = await request('REPORT', url, {
        body: bodies.syncCollection(token),
        headers: { Depth: '1' },
      });
      return { ...result, parsed: result.status === 207 ? parseMultistatus(result.text) : null };
    },
    /** The collection's current sync token (RFC 6578 DAV:sync-token property). */
    syncToken: async (url: string): Promise<string | null> => {
      const [own] = await multistatus('PROPFIND', url, bodies.propfindCollection, '0');
      return own?.props.get('sync-token') ?? null;
    },
    /** Every calendar object in the collection with its body: the server's truth, in one request. */
    listObjects: async (url: string): Promise<ServerObject[]> => {
      const responses = await multistatus('REPORT', url, bodies.calendarQueryAll, '1');
      return responses
        .filter((response) => response.props.has('calendar-data'))
        .map((response) => ({
          href: response.href,
          etag: response.props.get('getetag') ?? null,
          ics: response.props.get('calendar-data') ?? '',
        }));
    },
  };
}

export type DavClient = ReturnType<typeof createDavClient>;
