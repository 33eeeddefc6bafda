// docs/sync-rules.md rule 31.
// Table of hostile requests: each must be refused with its status and kind, with a reason in plain
// words, and must never reach the upstream.
import { describe, expect, it } from 'vitest';
import { createHarness, davResponse, proxyRequest, publicV4, refusalOf } from './proxy-harness';
import { ssrfAllowlist, ssrfDns, ssrfTargets } from './ssrf-targets';

interface Case {
  readonly name: string;
  readonly target: string | null;
  readonly status: number;
  readonly error: string;
  readonly reason: RegExp;
  readonly init?: Parameters<typeof proxyRequest>[1];
}

const cases: readonly Case[] = [
  // The url parameter itself.
  { name: 'missing url', target: null, status: 400, error: 'missing-url', reason: /\/proxy\?url=/ },
  { name: 'empty url', target: '', status: 400, error: 'missing-url', reason: /absolute URL/ },
  { name: 'not a URL', target: 'not a url', status: 400, error: 'invalid-url', reason: /absolute URL/ },
  { name: 'relative URL', target: '/remote.php/dav', status: 400, error: 'invalid-url', reason: /absolute/ },
  {
    name: 'over-long URL',
    target: `https://dav.example.com/${'a'.repeat(9000)}`,
    status: 400,
    error: 'invalid-url',
    reason: /longer than/,
  },
  // Schemes, credentials, ports, hosts.
  {
    name: 'file scheme',
    target: 'file:///etc/passwd',
    status: 400,
    error: 'scheme-not-allowed',
    reason: /not file/,
  },
  {
    name: 'ftp scheme',
    target: 'ftp://dav.example.com/',
    status: 400,
    error: 'scheme-not-allowed',
    reason: /ftp/,
  },
  {
    name: 'gopher scheme',
    target: 'gopher://dav.example.com:70/',
    status: 400,
    error: 'scheme-not-allowed',
    reason: /gopher/,
  },
  {
    name: 'data scheme',
    target: 'data:text/plain,hi',
    status: 400,
    error: 'scheme-not-allowed',
    reason: /data/,
  },
  {
    name: 'credentials in userinfo',
    target: 'https://alice:secret@dav.example.com/',
    status: 400,
    error: 'credentials-in-url',
    reason: /Authorization/,
  },
  {
    name: 'ssh port',
    target: 'http://dav.example.com:22/',
    status: 403,
    error: 'port-not-allowed',
    reason:
      /Port 22 of dav\.example\.com is not allowed: add dav\.example\.com:22 to ALMANAC_PROXY_ALLOWED_HOSTS/,
  },
  {
    name: 'redis port',
    target: 'https://dav.example.com:6379/',
    status: 403,
    error: 'port-not-allowed',
    reason: /6379/,
  },
  {
    name: 'https on port 80 (a host entry allows its scheme’s own port only)',
    target: 'https://dav.example.com:80/',
    status: 403,
    error: 'port-not-allowed',
    reason: /Port 80/,
  },
  {
    name: 'http on port 443',
    target: 'http://dav.example.com:443/',
    status: 403,
    error: 'port-not-allowed',
    reason: /Port 443/,
  },
  {
    name: 'a port listed for another host',
    target: 'https://dav.example.com:8443/',
    status: 403,
    error: 'port-not-allowed',
    reason: /dav\.example\.com:8443/,
  },
  {
    name: 'host not allowlisted',
    target: 'https://internal.corp.example/',
    status: 403,
    error: 'host-not-allowed',
    reason:
      /internal\.corp\.example is not in the proxy's list of allowed servers: add internal\.corp\.example to/,
  },
  {
    name: 'host not allowlisted, on another port',
    target: 'https://internal.corp.example:8443/',
    status: 403,
    error: 'host-not-allowed',
    reason: /add internal\.corp\.example:8443 to ALMANAC_PROXY_ALLOWED_HOSTS/,
  },
  {
    name: 'an allowlisted name with a trailing dot',
    target: 'https://dav.example.com./',
    status: 403,
    error: 'host-not-allowed',
    reason: /dav\.example\.com\. is not in/,
  },
  {
    name: 'allowlisted name as a prefix of another domain',
    target: 'https://caldav.fastmail.com.attacker.example/',
    status: 403,
    error: 'host-not-allowed',
    reason: /not in the proxy's list/,
  },
  {
    name: 'wildcard does not cover the apex',
    target: 'https://icloud.com/',
    status: 403,
    error: 'host-not-allowed',
    reason: /icloud\.com/,
  },
  {
    name: 'name that does not resolve',
    target: 'https://caldav.icloud.com/',
    status: 502,
    error: 'dns-failed',
    reason: /could not be resolved/,
  },
  // Methods, origins, bodies.
  ...['MOVE', 'COPY', 'LOCK', 'PATCH', 'SEARCH'].map((method): Case => ({
    name: `method ${method}`,
    target: 'https://dav.example.com/cal/',
    status: 405,
    error: 'method-not-allowed',
    reason: new RegExp(`${method} is not forwarded`),
    init: { method },
  })),
  {
    name: 'origin not allowed',
    target: 'https://dav.example.com/cal/',
    status: 403,
    error: 'origin-not-allowed',
    reason: /https:\/\/attacker\.example may not use this proxy: add it to ALMANAC_PROXY_ORIGINS/,
    init: { origin: 'https://attacker.example' },
  },
  {
    name: 'origin "null" (sandboxed frame)',
    target: 'https://dav.example.com/cal/',
    status: 403,
    error: 'origin-not-allowed',
    reason: /null may not/,
    init: { origin: 'null' },
  },
  {
    name: 'no origin (navigation or non-browser client)',
    target: 'https://dav.example.com/cal/',
    status: 403,
    error: 'origin-not-allowed',
    reason: /without Origin/,
    init: { origin: null },
  },
  {
    name: 'no origin, a navigation from the same origin (a link to the proxy)',
    target: 'https://dav.example.com/cal/',
    status: 403,
    error: 'origin-not-allowed',
    reason: /without Origin/,
    init: { origin: null, headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'navigate' } },
  },
  {
    name: 'preflight for a method that is not forwarded',
    target: 'https://dav.example.com/cal/',
    status: 405,
    error: 'method-not-allowed',
    reason: /MOVE is not forwarded/,
    init: { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'MOVE' } },
  },
  {
    name: 'declared body over the limit',
    target: 'https://dav.example.com/cal/a.ics',
    status: 413,
    error: 'body-too-large',
    reason: /larger than 1024 bytes/,
    init: { method: 'PUT', body: 'x'.repeat(2000) },
  },
];

describe('hostile requests', () => {
  it('has at least 25 cases besides the SSRF targets', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('refuses $name', async ({ target, status, error, reason, init }) => {
    const harness = createHarness({
      dns: { 'evil.example': ['10.1.2.3'], 'rebind.example.com': [publicV4, '127.0.0.1'] },
    });
    const response = await harness.send(proxyRequest(target, { method: 'PROPFIND', ...init }));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('x-proxy-error')).toBe(error);
    const body = await refusalOf(response);
    expect(body.error).toBe(error);
    expect(body.reason).toMatch(reason);
    expect(harness.upstreamCalls).toHaveLength(0);
  });
});

const testPort = 5232;

describe.each([
  { mode: `private access on for exactly 127.0.0.1:${testPort}`, allowPrivate: true },
  { mode: 'private access off', allowPrivate: false },
])('SSRF targets, $mode', ({ allowPrivate }) => {
  const harness = () =>
    createHarness({ config: { allowedHosts: ssrfAllowlist(testPort), allowPrivate }, dns: ssrfDns });

  it('has at least 34 targets', () => {
    expect(ssrfTargets.length).toBeGreaterThanOrEqual(34);
  });

  it.each(ssrfTargets)('refuses $name ($kind)', async ({ url, kind }) => {
    const proxy = harness();
    const response = await proxy.send(proxyRequest(url(testPort), { method: 'PROPFIND' }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('x-proxy-error')).toBe(kind);
    expect(proxy.upstreamCalls).toHaveLength(0);
  });

  it(`reaches http://127.0.0.1:${testPort}/ itself only with private access on`, async () => {
    const proxy = harness();
    const response = await proxy.send(
      proxyRequest(`http://127.0.0.1:${testPort}/cal/`, { method: 'PROPFIND' }),
    );
    expect(response.status).toBe(allowPrivate ? 207 : 403);
    expect(proxy.upstreamCalls).toHaveLength(allowPrivate ? 1 : 0);
  });
});

describe('refusals say what to change', () => {
  it('names the host, port, address and the entry that would allow a private target', async () => {
    const harness = createHarness({
      dns: { 'nas.lan': ['192.168.1.20'] },
      config: { allowedHosts: ['nas.lan'] },
    });
    const response = await harness.send(
      proxyRequest('https://nas.lan/remote.php/dav', { method: 'PROPFIND' }),
    );
    expect(response.status).toBe(403);
    expect(await refusalOf(response)).toEqual({
      error: 'private-address-not-allowed',
      reason:
        'nas.lan resolves to 192.168.1.20, a private address: the proxy reaches it only with ' +
        'ALMANAC_PROXY_ALLOW_PRIVATE=1 and nas.lan:443 in ALMANAC_PROXY_ALLOWED_HOSTS.',
      host: 'nas.lan',
      port: 443,
      entry: 'nas.lan:443',
      address: '192.168.1.20',
    });
  });

  it('says what an embedded IPv4 address is in one sentence', async () => {
    const harness = createHarness();
    const response = await harness.send(proxyRequest('http://[::ffff:7f00:1]/', { method: 'PROPFIND' }));
    expect((await refusalOf(response)).reason).toBe(
      '[::ffff:7f00:1] is the IPv4-mapped form of 127.0.0.1, a loopback address: the proxy reaches it ' +
        'only with ALMANAC_PROXY_ALLOW_PRIVATE=1 and [::ffff:7f00:1]:80 in ALMANAC_PROXY_ALLOWED_HOSTS.',
    );
  });

  it('gives the usual spelling of an address written another way', async () => {
    const harness = createHarness();
    const response = await harness.send(proxyRequest('http://192.168.1.010:5232/', { method: 'PROPFIND' }));
    expect(response.status).toBe(400);
    expect(await refusalOf(response)).toMatchObject({
      error: 'address-spelling-not-allowed',
      reason: expect.stringMatching(/write it as 192\.168\.1\.8\.$/) as string,
      address: '192.168.1.8',
      port: 5232,
    });
  });

  it('names the port and the entry for a listed host on another port', async () => {
    const harness = createHarness();
    const response = await harness.send(
      proxyRequest('https://dav.example.com:8443/', { method: 'PROPFIND' }),
    );
    expect(await refusalOf(response)).toMatchObject({
      error: 'port-not-allowed',
      host: 'dav.example.com',
      port: 8443,
      entry: 'dav.example.com:8443',
    });
  });
});

describe('hostile requests that need more than one step', () => {
  it('refuses a streamed body that passes the limit without declaring its length', async () => {
    const harness = createHarness();
    const chunk = new TextEncoder().encode('y'.repeat(600));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = proxyRequest('https://dav.example.com/cal/a.ics', {
      method: 'PUT',
      body,
      duplex: 'half',
    });
    const response = await harness.send(request);
    expect(response.status).toBe(413);
    expect((await refusalOf(response)).error).toBe('body-too-large');
    expect(harness.upstreamCalls).toHaveLength(0);
  });

  it('refuses past the rate limit with Retry-After, per client, and refills with time', async () => {
    const harness = createHarness();
    const send = (ip: string) =>
      harness.send(proxyRequest('https://dav.example.com/cal/', { method: 'PROPFIND' }), { clientIp: ip });
    for (let i = 0; i < 5; i++) expect((await send('198.51.100.7')).status).toBe(207);
    const refused = await send('198.51.100.7');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refusalOf(refused)).toEqual({
      error: 'rate-limited',
      reason: expect.stringMatching(/1 s/) as string,
    });
    expect((await send('198.51.100.8')).status).toBe(207);
    harness.advance(1000);
    expect((await send('198.51.100.7')).status).toBe(207);
  });

  it('refuses a redirect to a private address', async () => {
    const harness = createHarness({
      upstream: () => davResponse(301, { Location: 'http://192.168.0.10/admin' }, ''),
    });
    const response = await harness.send(
      proxyRequest('https://dav.example.com/.well-known/caldav', { method: 'PROPFIND' }),
    );
    expect(response.status).toBe(502);
    const body = await refusalOf(response);
    expect(body.error).toBe('redirect-not-allowed');
    expect(body.reason).toMatch(/192\.168\.0\.10 is a private address/);
    expect(harness.upstreamCalls).toHaveLength(1);
  });

  it('refuses a redirect to a name that resolves to loopback', async () => {
    const harness = createHarness({
      dns: { 'evil.example': ['127.0.0.1'] },
      upstream: () => davResponse(307, { Location: 'https://evil.example/x' }, ''),
    });
    const response = await harness.send(proxyRequest('https://dav.example.com/', { method: 'PROPFIND' }));
    expect(response.status).toBe(502);
    expect((await refusalOf(response)).reason).toMatch(/evil\.example resolves to 127\.0\.0\.1/);
    expect(harness.upstreamCalls).toHaveLength(1);
  });

  it('refuses a redirect to a host that is not allowlisted or a scheme that is not http(s)', async () => {
    for (const location of [
      'https://elsewhere.example/',
      'file:///etc/passwd',
      'https://dav.example.com:8443/',
    ]) {
      const harness = createHarness({ upstream: () => davResponse(302, { Location: location }, '') });
      const response = await harness.send(proxyRequest('https://dav.example.com/', { method: 'GET' }));
      expect(response.status).toBe(502);
      expect((await refusalOf(response)).error).toBe('redirect-not-allowed');
    }
  });

  it('re-checks the spelling of a redirect to the allowed loopback address, and keeps a relative one', async () => {
    for (const [location, status] of [
      [`http://127.1:${testPort}/x`, 502],
      [`//0x7f000001:${testPort}/x`, 502],
      [`\\\\127.1:${testPort}\\x`, 502],
      [`http://127.0.0.1:${testPort + 1}/x`, 502],
      ['/x', 207],
      ['http:/x', 207],
    ] as const) {
      let hop = 0;
      const harness = createHarness({
        config: { allowedHosts: [`127.0.0.1:${testPort}`], allowPrivate: true },
        upstream: () => (hop++ === 0 ? davResponse(302, { Location: location }, '') : davResponse()),
      });
      const response = await harness.send(
        proxyRequest(`http://127.0.0.1:${testPort}/`, { method: 'PROPFIND' }),
      );
      expect(response.status, location).toBe(status);
      expect(harness.upstreamCalls, location).toHaveLength(status === 207 ? 2 : 1);
      if (status === 502) expect((await refusalOf(response)).error).toBe('redirect-not-allowed');
    }
  });

  it('refuses a fourth redirect', async () => {
    let hop = 0;
    const harness = createHarness({
      upstream: () => davResponse(302, { Location: `/hop${++hop}` }, ''),
    });
    const response = await harness.send(proxyRequest('https://dav.example.com/', { method: 'GET' }));
    expect(response.status).toBe(502);
    expect(await refusalOf(response)).toEqual({
      error: 'too-many-redirects',
      reason: 'The server redirected more than 3 times.',
    });
    expect(harness.upstreamCalls).toHaveLength(4);
  });

  it('answers 504 on an upstream timeout, 502 when unreachable or too large', async () => {
    const { UpstreamFailure } = await import('../../../workers/proxy/upstream');
    for (const [kind, status, error] of [
      ['timeout', 504, 'upstream-timeout'],
      ['unreachable', 502, 'upstream-unreachable'],
      ['too-large', 502, 'response-too-large'],
    ] as const) {
      const harness = createHarness({
        upstream: () => {
          throw new UpstreamFailure(kind, 'detail');
        },
      });
      const response = await harness.send(proxyRequest('https://dav.example.com/', { method: 'GET' }));
      expect(response.status).toBe(status);
      expect((await refusalOf(response)).error).toBe(error);
    }
  });

  it('answers 404 outside /proxy', async () => {
    const harness = createHarness();
    const response = await harness.send(new Request('http://proxy.test/https://dav.example.com/'));
    expect(response.status).toBe(404);
    expect((await refusalOf(response)).error).toBe('not-found');
  });
});
