// What passes through, and how: header allowlists both ways, CORS, the checked address used for the
// connection (DNS rebinding), redirects followed and re-checked, and logs free of secrets.
import { describe, expect, it } from 'vitest';
import { appOrigin, createHarness, davResponse, proxyRequest, publicV4, publicV6 } from './proxy-harness';

const secret = 'Basic YWxpY2U6czNjcjN0LXBhc3N3b3Jk';

describe('request forwarding', () => {
  it('accepts a same-origin GET without Origin (feed subscriptions) and forwards its validators', async () => {
    const harness = createHarness();
    const response = await harness.send(
      proxyRequest('https://dav.example.com/feed.ics', {
        origin: null,
        headers: {
          'Sec-Fetch-Site': 'same-origin',
          'Sec-Fetch-Mode': 'cors',
          'If-None-Match': '"v1"',
          'If-Modified-Since': 'Sun, 01 Nov 2026 00:00:00 GMT',
        },
      }),
    );
    expect(response.headers.get('x-proxy-error')).toBeNull();
    const [call] = harness.upstreamCalls;
    expect(call?.headers.get('if-none-match')).toBe('"v1"');
    expect(call?.headers.get('if-modified-since')).toBe('Sun, 01 Nov 2026 00:00:00 GMT');
  });

  it('forwards allowlisted headers and the body, drops cookies and everything else', async () => {
    const harness = createHarness();
    const body = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>';
    await harness.send(
      proxyRequest('https://dav.example.com/cal/?x=1', {
        method: 'PROPFIND',
        body,
        headers: {
          Authorization: secret,
          Depth: '1',
          'Content-Type': 'application/xml; charset=utf-8',
          Prefer: 'return=minimal',
          Cookie: 'session=stolen',
          'X-Forwarded-For': '10.0.0.1',
          Referer: 'http://127.0.0.1:4173/agenda',
          'Proxy-Authorization': 'Basic eDp5',
        },
      }),
    );
    const [call] = harness.upstreamCalls;
    expect(call?.url.href).toBe('https://dav.example.com/cal/?x=1');
    expect(call?.method).toBe('PROPFIND');
    expect(new TextDecoder().decode(call?.body ?? new Uint8Array())).toBe(body);
    expect(Object.fromEntries(call?.headers.entries() ?? [])).toEqual({
      authorization: secret,
      depth: '1',
      'content-type': 'application/xml; charset=utf-8',
      prefer: 'return=minimal',
      'user-agent': 'Almanac-CalDAV-Proxy/0.1',
    });
  });

  it('connects to the address it checked, resolving once (DNS rebinding)', async () => {
    const answers = [[publicV4], ['127.0.0.1']];
    const harness = createHarness({ dns: { 'dav.example.com': () => answers.shift() ?? ['10.0.0.1'] } });
    const response = await harness.send(proxyRequest('https://dav.example.com/cal/', { method: 'PROPFIND' }));
    expect(response.status).toBe(207);
    expect(harness.lookups).toEqual(['dav.example.com']);
    expect(harness.upstreamCalls[0]).toMatchObject({ address: publicV4, family: 4 });
    expect(harness.upstreamCalls[0]?.url.hostname).toBe('dav.example.com');
  });

  it('connects to an IPv6 answer with family 6', async () => {
    const harness = createHarness();
    await harness.send(proxyRequest('https://caldav.fastmail.com/dav/', { method: 'PROPFIND' }));
    expect(harness.upstreamCalls[0]).toMatchObject({ address: publicV6, family: 6 });
  });

  it('does not send a body with GET, HEAD or DELETE', async () => {
    const harness = createHarness();
    await harness.send(
      proxyRequest('https://dav.example.com/cal/a.ics', { method: 'DELETE', headers: { 'If-Match': '"7"' } }),
    );
    expect(harness.upstreamCalls[0]?.body).toBeNull();
    expect(harness.upstreamCalls[0]?.headers.get('if-match')).toBe('"7"');
  });
});

describe('response forwarding', () => {
  it('returns status and body unchanged with allowlisted headers; drops Set-Cookie and WWW-Authenticate', async () => {
    const harness = createHarness({
      upstream: () =>
        davResponse(207, {
          ETag: '"abc"',
          DAV: '1, 2, 3, calendar-access',
          'Set-Cookie': 'session=1; HttpOnly',
          'WWW-Authenticate': 'Basic realm="x"',
          Server: 'Apache',
          'X-Powered-By': 'PHP',
        }),
    });
    const response = await harness.send(proxyRequest('https://dav.example.com/cal/', { method: 'PROPFIND' }));
    expect(response.status).toBe(207);
    expect(response.headers.get('etag')).toBe('"abc"');
    expect(response.headers.get('dav')).toBe('1, 2, 3, calendar-access');
    for (const dropped of ['set-cookie', 'www-authenticate', 'server', 'x-powered-by']) {
      expect(response.headers.get(dropped)).toBeNull();
    }
    expect(await response.text()).toContain('<d:getetag>"1"</d:getetag>');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('makes a Location absolute against the server URL', async () => {
    const harness = createHarness({ upstream: () => davResponse(201, { Location: '../b.ics' }, '') });
    const response = await harness.send(
      proxyRequest('https://dav.example.com/cal/x/a.ics', { method: 'PUT', body: 'x' }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('https://dav.example.com/cal/b.ics');
  });

  it('returns no body for HEAD and 204', async () => {
    const harness = createHarness({ upstream: () => davResponse(204, {}, '') });
    const response = await harness.send(
      proxyRequest('https://dav.example.com/cal/a.ics', { method: 'DELETE' }),
    );
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('answers 502 on a status fetch cannot represent', async () => {
    const harness = createHarness({ upstream: () => davResponse(600) });
    const response = await harness.send(proxyRequest('https://dav.example.com/', { method: 'GET' }));
    expect(response.status).toBe(502);
  });
});

describe('redirects', () => {
  it('follows a same-origin redirect, keeping method, body and Authorization, and reports the final URL', async () => {
    const harness = createHarness({
      upstream: (request) =>
        request.url.pathname === '/.well-known/caldav'
          ? davResponse(301, { Location: '/remote.php/dav/' }, '')
          : davResponse(207),
    });
    const response = await harness.send(
      proxyRequest('https://dav.example.com/.well-known/caldav', {
        method: 'PROPFIND',
        body: '<propfind/>',
        headers: { Authorization: secret, Depth: '0' },
      }),
    );
    expect(response.status).toBe(207);
    expect(response.headers.get('x-proxy-final-url')).toBe('https://dav.example.com/remote.php/dav/');
    const second = harness.upstreamCalls[1];
    expect(second?.method).toBe('PROPFIND');
    expect(second?.headers.get('authorization')).toBe(secret);
    expect(new TextDecoder().decode(second?.body ?? new Uint8Array())).toBe('<propfind/>');
  });

  it('drops Authorization when a redirect leaves the origin, and turns 303 into GET', async () => {
    const harness = createHarness({
      upstream: (request) =>
        request.url.hostname === 'dav.example.com'
          ? davResponse(303, { Location: 'https://caldav.fastmail.com/done' }, '')
          : davResponse(200, {}, 'ok'),
    });
    await harness.send(
      proxyRequest('https://dav.example.com/outbox', {
        method: 'POST',
        body: 'BEGIN:VCALENDAR',
        headers: { Authorization: secret, 'Content-Type': 'text/calendar' },
      }),
    );
    const second = harness.upstreamCalls[1];
    expect(second?.method).toBe('GET');
    expect(second?.body).toBeNull();
    expect(second?.headers.get('authorization')).toBeNull();
    expect(second?.headers.get('content-type')).toBeNull();
    expect(second?.address).toBe(publicV6);
  });
});

describe('CORS', () => {
  it('echoes an allowed origin, never *, never credentials, and exposes the DAV headers', async () => {
    const harness = createHarness({ upstream: () => davResponse(207, { ETag: '"1"' }) });
    const response = await harness.send(proxyRequest('https://dav.example.com/', { method: 'PROPFIND' }));
    expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
    const exposed = response.headers.get('access-control-expose-headers') ?? '';
    for (const name of ['ETag', 'DAV', 'Location', 'Retry-After']) expect(exposed).toContain(name);
  });

  it('answers a preflight without contacting the server', async () => {
    const harness = createHarness();
    const response = await harness.send(
      proxyRequest('https://dav.example.com/', {
        method: 'OPTIONS',
        headers: { 'Access-Control-Request-Method': 'PROPFIND', 'Access-Control-Request-Headers': 'depth' },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(response.headers.get('access-control-allow-methods')).toContain('REPORT');
    expect(response.headers.get('access-control-allow-headers')).toContain('depth');
    expect(response.headers.get('access-control-allow-headers')).not.toContain('cookie');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(harness.upstreamCalls).toHaveLength(0);
  });

  it('forwards a DAV OPTIONS (no Access-Control-Request-Method) to the server', async () => {
    const harness = createHarness({
      upstream: () => davResponse(200, { DAV: '1, calendar-access', Allow: 'OPTIONS, PROPFIND' }, ''),
    });
    const response = await harness.send(proxyRequest('https://dav.example.com/', { method: 'OPTIONS' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('dav')).toBe('1, calendar-access');
    expect(harness.upstreamCalls).toHaveLength(1);
  });

  it('gives refusals CORS headers only for allowed origins', async () => {
    const harness = createHarness();
    const allowed = await harness.send(proxyRequest('ftp://x/', { method: 'GET' }));
    expect(allowed.headers.get('access-control-allow-origin')).toBe(appOrigin);
    const foreign = await harness.send(
      proxyRequest('https://dav.example.com/', { origin: 'https://evil.example' }),
    );
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('logging', () => {
  it('logs one line per request without Authorization, cookies, query strings or bodies', async () => {
    const harness = createHarness({
      upstream: () => davResponse(207, { 'Set-Cookie': 'sid=server-cookie' }),
    });
    await harness.send(
      proxyRequest('https://dav.example.com/cal/?token=query-secret', {
        method: 'PROPFIND',
        body: '<body-secret/>',
        headers: { Authorization: secret, Cookie: 'sid=client-cookie' },
      }),
    );
    await harness.send(
      proxyRequest('https://10.0.0.1/', { method: 'GET', headers: { Authorization: secret } }),
    );
    expect(harness.logs).toHaveLength(2);
    expect(harness.logs[0]?.fields).toMatchObject({
      method: 'PROPFIND',
      host: 'dav.example.com',
      path: '/cal/',
      status: 207,
    });
    expect(harness.logs[1]?.fields).toMatchObject({ refusal: 'private-address-not-allowed', status: 403 });
    const text = JSON.stringify(harness.logs);
    for (const leaked of [
      secret,
      'YWxpY2U6',
      'client-cookie',
      'server-cookie',
      'query-secret',
      'body-secret',
    ]) {
      expect(text).not.toContain(leaked);
    }
  });

  it('answers /health, and /proxy/health where it is served beside the app', async () => {
    const harness = createHarness();
    for (const path of ['/health', '/proxy/health']) {
      const response = await harness.send(new Request(`http://proxy.test${path}`));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
    expect((await harness.send(new Request('http://proxy.test/proxy/healthz'))).status).toBe(404);
  });
});
