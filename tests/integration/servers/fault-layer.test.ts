// The fault layer against a tiny local upstream: each fault does what it says, on the requests it
// applies to, and a seed reproduces the same random faults.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultLayer, type FaultLayer } from '../../servers/fault-layer';
import { ALL_FAULTS, FaultKind, pickFault, type FaultPlan } from '../../servers/fault-plan';
import { seededRandom } from '../../servers/seeded-random';

const MULTISTATUS = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/cal/a.ics</d:href>
<d:propstat><d:prop><d:getetag>&quot;v1&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
</d:response><d:sync-token>t2</d:sync-token></d:multistatus>`;

let upstream: Server;
let upstreamUrl = '';
let layer: FaultLayer;
const seen: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''} ${Buffer.concat(chunks).length}`);
      if (req.method === 'PUT') {
        res.writeHead(201, { etag: '"v1"' });
        res.end();
      } else if (req.method === 'REPORT') {
        res.writeHead(207, { 'content-type': 'application/xml' });
        res.end(MULTISTATUS);
      } else {
        res.writeHead(200, { etag: '"v1"', 'content-type': 'text/calendar' });
        res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  layer = await startFaultLayer({ upstream: upstreamUrl, random: seededRandom(1), plan: { mode: 'none' } });
});

afterAll(async () => {
  await layer.stop();
  await new Promise<void>((resolve) => {
    upstream.close(() => {
      resolve();
    });
  });
});

const syncBody = (token: string) =>
  `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`;

async function once(fault: FaultKind | null, method: string, body?: string): Promise<Response> {
  layer.setPlan({ mode: 'schedule', faults: [fault] });
  return fetch(`${layer.url}/cal/a.ics`, { method, ...(body !== undefined ? { body } : {}) });
}

describe('fault layer', () => {
  it('passes requests through unchanged without a fault', async () => {
    seen.length = 0;
    const response = await once(null, 'PUT', 'BEGIN:VCALENDAR');
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(seen).toEqual(['PUT /cal/a.ics 15']);
  });

  it('drops the connection before forwarding (the upstream sees nothing)', async () => {
    seen.length = 0;
    await expect(once(FaultKind.dropRequest, 'PUT', 'x')).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  it('drops the connection after the upstream applied the request', async () => {
    seen.length = 0;
    await expect(once(FaultKind.dropResponse, 'PUT', 'x')).rejects.toThrow();
    expect(seen).toEqual(['PUT /cal/a.ics 1']);
  });

  it('answers 500, 503 with Retry-After and 412 on PUT without forwarding', async () => {
    seen.length = 0;
    expect((await once(FaultKind.error500, 'GET')).status).toBe(500);
    const unavailable = await once(FaultKind.unavailable503, 'GET');
    expect(unavailable.status).toBe(503);
    const retryAfter = unavailable.headers.get('retry-after') ?? '';
    expect(/^\d+$/.test(retryAfter) || !Number.isNaN(Date.parse(retryAfter))).toBe(true);
    expect((await once(FaultKind.precondition412, 'PUT', 'x')).status).toBe(412);
    expect(seen).toEqual([]);
  });

  it('truncates a body: the client fails while reading it', async () => {
    const response = await once(FaultKind.truncatedBody, 'REPORT', syncBody('t1'));
    expect(response.status).toBe(207);
    await expect(response.text()).rejects.toThrow();
  });

  it('rewrites etags to stale ones in headers and in multistatus bodies', async () => {
    const got = await once(FaultKind.staleEtag, 'GET');
    expect(got.headers.get('etag')).toMatch(/^"stale-/);
    const report = await once(FaultKind.staleEtag, 'REPORT', syncBody('t1'));
    const text = await report.text();
    expect(text).toContain('&quot;stale-');
    expect(text).not.toContain('&quot;v1&quot;');
  });

  it('answers a token sync with 403 valid-sync-token, but not an initial sync', async () => {
    const invalid = await once(FaultKind.invalidSyncToken, 'REPORT', syncBody('t1'));
    expect(invalid.status).toBe(403);
    expect(await invalid.text()).toContain('valid-sync-token');
    expect((await once(FaultKind.invalidSyncToken, 'REPORT', syncBody(''))).status).toBe(207);
  });

  it('strips the ETag of a successful PUT only', async () => {
    const put = await once(FaultKind.putWithoutEtag, 'PUT', 'x');
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBeNull();
    expect((await once(FaultKind.putWithoutEtag, 'GET')).headers.get('etag')).toBe('"v1"');
  });

  it('counts requests, forwards and faults', async () => {
    const before = layer.stats();
    await once(FaultKind.error500, 'GET');
    const after = layer.stats();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.forwarded).toBe(before.forwarded);
    expect(after.faults[FaultKind.error500]).toBe((before.faults[FaultKind.error500] ?? 0) + 1);
    expect(after.recent.at(-1)).toEqual({
      method: 'GET',
      path: '/cal/a.ics',
      fault: FaultKind.error500,
      status: 500,
    });
  });
});

describe('random plans', () => {
  const plan: FaultPlan = {
    mode: 'random',
    rates: Object.fromEntries(ALL_FAULTS.map((kind) => [kind, 0.05])),
  };
  const draw = (seed: number) => {
    const random = seededRandom(seed);
    return Array.from({ length: 300 }, (_, i) =>
      pickFault(plan, { method: i % 3 === 0 ? 'PUT' : 'REPORT', tokenSync: i % 2 === 0 }, i, random),
    );
  };

  it('replays the same faults from the same seed and differs for another', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('injects every kind at roughly its rate, each only where it applies', () => {
    const faults = draw(7);
    const hits = faults.filter((fault) => fault !== null).length;
    expect(hits).toBeGreaterThan(40);
    expect(hits).toBeLessThan(200);
    faults.forEach((fault, i) => {
      if (fault === FaultKind.precondition412 || fault === FaultKind.putWithoutEtag) expect(i % 3).toBe(0);
      if (fault === FaultKind.invalidSyncToken) expect(i % 2).toBe(0);
    });
  });
});
