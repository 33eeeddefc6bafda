// docs/sync-rules.md rule 31.
// The real Node proxy server in front of a real local DAV-shaped server: allowed DAV traffic passes
// unchanged both ways; the connection goes to the checked address; limits hold on real sockets; the
// SSRF targets are refused with private access on for exactly the DAV server's 127.0.0.1:PORT, and off.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProxyConfig, type ProxyConfig } from '../../../workers/proxy/config';
import type { LogFields } from '../../../workers/proxy/logger';
import { startProxyServer, type ProxyServer } from '../../../workers/proxy/node-server';
import type { LookupFn } from '../../../workers/proxy/upstream';
import { ssrfAllowlist, ssrfDns, ssrfTargets } from '../../unit/proxy/ssrf-targets';
import { startRecordingServer, type RecordingServer } from './recording-dav-server';

const origin = 'http://127.0.0.1:4173';
const auth = 'Basic dGVzdDpzdXBlci1zZWNyZXQ=';
const multistatus = `<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:response><d:href>/cal/home/</d:href><d:propstat><d:prop><d:getctag>42</d:getctag></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>`;

let dav: RecordingServer;
let proxy: ProxyServer;
const logs: string[] = [];
let lookupCount = 0;

beforeAll(async () => {
  dav = await startRecordingServer();
  proxy = await startProxyServer({
    port: 0,
    config: {
      ...defaultProxyConfig,
      allowedHosts: [`127.0.0.1:${dav.port}`, `dav.test:${dav.port}`],
      allowedOrigins: [origin],
      allowPrivate: true,
      upstreamTimeoutMs: 300,
      maxRequestBytes: 64 * 1024,
      maxResponseBytes: 64 * 1024,
    },
    deps: {
      // dav.test exists only here: reaching it proves the connection used the checked address.
      lookup: (hostname) => {
        lookupCount++;
        return hostname === 'dav.test'
          ? Promise.resolve(
              lookupCount === 1
                ? [{ address: '127.0.0.1', family: 4 }]
                : [{ address: '10.0.0.1', family: 4 }],
            )
          : Promise.reject(new Error('ENOTFOUND'));
      },
      logger: {
        info: (event: string, fields: LogFields) => logs.push(JSON.stringify({ event, ...fields })),
        warn: (event: string, fields: LogFields) => logs.push(JSON.stringify({ event, ...fields })),
      },
    },
  });
  dav.route('/cal/home/', (received, res) => {
    if (received.method === 'PROPFIND' || received.method === 'REPORT') {
      res.writeHead(207, {
        'Content-Type': 'application/xml; charset=utf-8',
        DAV: '1, 2, 3, calendar-access, extended-mkcol',
        'Set-Cookie': 'oc_sessionPassphrase=server-secret',
      });
      res.end(multistatus);
    } else res.writeHead(405).end();
  });
  dav.route('/cal/home/event.ics', (received, res) => {
    if (received.method === 'PUT') {
      const matches = received.headers['if-match'] === '"v1"';
      res.writeHead(matches ? 204 : 412, matches ? { ETag: '"v2"' } : {}).end();
    } else if (received.method === 'DELETE') res.writeHead(204).end();
    else if (received.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/calendar',
        ETag: '"v2"',
        'Last-Modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
      });
      res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    } else res.writeHead(405).end();
  });
  dav.route('/slow', () => {
    // Never answers: the proxy's timeout must.
  });
  dav.route('/huge', (_received, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('z'.repeat(100 * 1024));
  });
  dav.route('/to-private', (_received, res) => {
    res.writeHead(302, { Location: 'http://10.0.0.1/' }).end();
  });
});

afterAll(async () => {
  await proxy.close();
  await dav.close();
});

function through(target: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Origin', origin);
  return fetch(`${proxy.url}/proxy?url=${encodeURIComponent(target)}`, { ...init, headers });
}

const base = () => `http://127.0.0.1:${dav.port}`;
const last = () => dav.received[dav.received.length - 1];

describe('DAV traffic through the proxy', () => {
  it('passes a PROPFIND with Depth and an XML body, and its 207 multistatus back', async () => {
    const body = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getctag/></d:prop></d:propfind>';
    const response = await through(`${base()}/cal/home/`, {
      method: 'PROPFIND',
      body,
      headers: {
        Depth: '1',
        'Content-Type': 'application/xml; charset=utf-8',
        Authorization: auth,
        Cookie: 'a=b',
      },
    });
    expect(response.status).toBe(207);
    expect(await response.text()).toBe(multistatus);
    expect(response.headers.get('dav')).toBe('1, 2, 3, calendar-access, extended-mkcol');
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const received = last();
    expect(received?.method).toBe('PROPFIND');
    expect(received?.body).toBe(body);
    expect(received?.headers.depth).toBe('1');
    expect(received?.headers.authorization).toBe(auth);
    expect(received?.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(received?.headers.cookie).toBeUndefined();
    expect(received?.headers.origin).toBeUndefined();
    expect(received?.headers.host).toBe(`127.0.0.1:${dav.port}`);
  });

  it('passes a REPORT (calendar-query) unchanged', async () => {
    const body =
      '<c:calendar-query xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></c:calendar-query>';
    const response = await through(`${base()}/cal/home/`, {
      method: 'REPORT',
      body,
      headers: { Depth: '1', 'Content-Type': 'application/xml' },
    });
    expect(response.status).toBe(207);
    expect(last()).toMatchObject({ method: 'REPORT', body });
  });

  it('passes a PUT with If-Match and returns the new ETag; a stale If-Match gets the 412', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const ok = await through(`${base()}/cal/home/event.ics`, {
      method: 'PUT',
      body: ics,
      headers: { 'If-Match': '"v1"', 'Content-Type': 'text/calendar; charset=utf-8' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('etag')).toBe('"v2"');
    expect(last()).toMatchObject({ method: 'PUT', body: ics });
    expect(last()?.headers['if-match']).toBe('"v1"');
    const stale = await through(`${base()}/cal/home/event.ics`, {
      method: 'PUT',
      body: ics,
      headers: { 'If-Match': '"v0"' },
    });
    expect(stale.status).toBe(412);
  });

  it('passes a DELETE and a GET with ETag and Last-Modified', async () => {
    const deleted = await through(`${base()}/cal/home/event.ics`, {
      method: 'DELETE',
      headers: { 'If-Match': '"v2"' },
    });
    expect(deleted.status).toBe(204);
    expect(last()?.method).toBe('DELETE');
    const got = await through(`${base()}/cal/home/event.ics`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"v2"');
    expect(got.headers.get('last-modified')).toBe('Tue, 24 Nov 2026 10:00:00 GMT');
    expect(await got.text()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('connects to the checked address with the original Host, resolving once', async () => {
    lookupCount = 0;
    const response = await through(`http://dav.test:${dav.port}/cal/home/`, {
      method: 'PROPFIND',
      headers: { Depth: '0' },
    });
    expect(response.status).toBe(207);
    expect(lookupCount).toBe(1);
    expect(last()?.headers.host).toBe(`dav.test:${dav.port}`);
  });

  it('never logs the Authorization value or cookies', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toContain('dGVzdDpzdXBlci1zZWNyZXQ=');
      expect(line).not.toContain('server-secret');
    }
  });
});

describe('refusals on real sockets', () => {
  it('times out a silent server with 504', async () => {
    const response = await through(`${base()}/slow`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: 'upstream-timeout' });
  });

  it('cuts off an oversize answer with 502', async () => {
    const response = await through(`${base()}/huge`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: 'response-too-large' });
  });

  it('refuses a redirect to a private address', async () => {
    const response = await through(`${base()}/to-private`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: 'redirect-not-allowed' });
  });

  it('refuses a declared oversize body with 413', async () => {
    const response = await through(`${base()}/cal/home/event.ics`, {
      method: 'PUT',
      body: 'x'.repeat(70 * 1024),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a port that is not allowed and a private target even with private access on', async () => {
    expect((await through('http://127.0.0.1:1/')).status).toBe(403);
    expect((await through('http://192.168.1.1/')).status).toBe(403);
  });

  it('answers a CONNECT with 405 and keeps serving', async () => {
    const { status } = await rawRequest('CONNECT', '127.0.0.1:80');
    expect(status).toBe(405);
    expect(
      (await through(`${base()}/cal/home/`, { method: 'PROPFIND', headers: { Depth: '0' } })).status,
    ).toBe(207);
  });

  it.each(['TRACE', 'CONNECT', 'MOVE'])('refuses %s with 405', async (method) => {
    const { status, body } = await rawRequest(
      method,
      method === 'CONNECT' ? '127.0.0.1:80' : `/proxy?url=${base()}/`,
    );
    expect(status).toBe(405);
    expect(JSON.parse(body)).toMatchObject({ error: 'method-not-allowed' });
  });
});

describe.each([
  { mode: 'private access on for exactly the DAV server’s 127.0.0.1:PORT', allowPrivate: true },
  { mode: 'private access off', allowPrivate: false },
])('SSRF targets on real sockets, $mode', ({ allowPrivate }) => {
  let guarded: ProxyServer;
  const lookup: LookupFn = (hostname) => {
    const addresses = ssrfDns[hostname];
    return addresses
      ? Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))
      : Promise.reject(new Error('ENOTFOUND'));
  };

  beforeAll(async () => {
    const config: ProxyConfig = {
      ...defaultProxyConfig,
      allowedHosts: ssrfAllowlist(dav.port),
      allowedOrigins: [origin],
      allowPrivate,
      upstreamTimeoutMs: 300,
      rateLimit: { burst: 10_000, perSecond: 1_000 },
    };
    guarded = await startProxyServer({ port: 0, config, deps: { lookup } });
  });

  afterAll(async () => {
    await guarded.close();
  });

  const via = (target: string) =>
    fetch(`${guarded.url}/proxy?url=${encodeURIComponent(target)}`, {
      method: 'PROPFIND',
      headers: { Origin: origin, Depth: '0' },
    });

  it('refuses every target, and none reaches a server', async () => {
    const before = dav.received.length;
    const outcomes: string[] = [];
    for (const target of ssrfTargets) {
      const response = await via(target.url(dav.port));
      await response.arrayBuffer();
      const kind = response.headers.get('x-proxy-error');
      const verdict = kind === null ? 'REACHED' : kind === target.kind ? 'refused' : `WRONG REFUSAL ${kind}`;
      outcomes.push(`${verdict} ${target.name}: ${response.status}`);
    }
    expect(outcomes.filter((line) => !line.startsWith('refused '))).toEqual([]);
    expect(outcomes).toHaveLength(ssrfTargets.length);
    expect(ssrfTargets.length).toBeGreaterThanOrEqual(34);
    expect(dav.received.length).toBe(before);
  });

  it(`reaches the DAV server's own 127.0.0.1:PORT only with private access on`, async () => {
    const before = dav.received.length;
    const response = await via(`http://127.0.0.1:${dav.port}/cal/home/`);
    expect(response.status).toBe(allowPrivate ? 207 : 403);
    expect(dav.received.length).toBe(before + (allowPrivate ? 1 : 0));
  });
});

/** node:http, because fetch cannot send TRACE or CONNECT. */
function rawRequest(method: string, path: string): Promise<{ status: number; body: string }> {
  const target = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: target.hostname,
      port: target.port,
      method,
      path,
      headers: { Origin: origin },
    });
    const finish = (status: number, stream: NodeJS.ReadableStream) => {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        resolve({ status, body });
      });
    };
    req.on('response', (res) => {
      finish(res.statusCode ?? 0, res);
    });
    // CONNECT answers arrive on the 'connect' event with the raw socket.
    req.on('connect', (res, socket, head) => {
      let body = head.toString('utf8');
      socket.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      socket.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
