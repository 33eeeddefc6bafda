// docs/sync-rules.md rule 31.
// Table of hostile requests: each must be refused with its status and kind, with a reason in plain
// words, and must never reach the upstream.
import { describe, expect, it } from 'vitest';
import { createHarness, davResponse, proxyRequest, publicV4, refusalOf } from './proxy-harness';

interface Case {
  readonly name: string;
  readonly target: string | null;
  readonly status: number;
  readonly error: string;
  readonly reason: RegExp;
  readonly init?: Parameters<typeof proxyRequest>[1];
}

const address = (name: string, target: string, reason: RegExp): Case => ({
  name,
  target,
  status: 403,
  error: 'address-not-allowed',
  reason,
});

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
    reason: /Port 22/,
  },
  {
    name: 'redis port',
    target: 'https://dav.example.com:6379/',
    status: 403,
    error: 'port-not-allowed',
    reason: /6379/,
  },
  {
    name: 'host not allowlisted',
    target: 'https://internal.corp.example/',
    status: 403,
    error: 'host-not-allowed',
    reason: /internal\.corp\.example is not in/,
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
  // Every IPv4 spelling of loopback (WHATWG URL parsing turns each into 127.0.0.1).
  address('loopback dotted', 'http://127.0.0.1/', /127\.0\.0\.1 is a loopback/),
  address('loopback decimal', 'http://2130706433/', /127\.0\.0\.1 is a loopback/),
  address('loopback octal', 'http://0177.0.0.1/', /127\.0\.0\.1 is a loopback/),
  address('loopback hex', 'http://0x7f.0.0.1/', /127\.0\.0\.1 is a loopback/),
  address('loopback short', 'http://127.1/', /127\.0\.0\.1 is a loopback/),
  address('loopback elsewhere in 127/8', 'http://127.53.1.2/', /loopback/),
  address('IPv6 loopback', 'http://[::1]/', /::1 is a loopback/),
  address(
    'IPv4-mapped loopback (dotted)',
    'http://[::ffff:127.0.0.1]/',
    /IPv4-mapped form of 127\.0\.0\.1.*loopback/,
  ),
  address('IPv4-mapped loopback (hex)', 'http://[::ffff:7f00:1]/', /IPv4-mapped form of 127\.0\.0\.1/),
  address('IPv4-compatible loopback', 'http://[::127.0.0.1]/', /reserved/),
  address('unspecified IPv4', 'http://0.0.0.0/', /unspecified/),
  address('unspecified IPv4 short', 'http://0/', /0\.0\.0\.0 is an unspecified/),
  address('unspecified IPv6', 'http://[::]/', /unspecified/),
  // Private, shared, link-local, unique-local, multicast.
  address('private 10/8', 'http://10.0.0.1/', /private/),
  address('private 172.16/12', 'http://172.31.255.254/', /private/),
  address('private 192.168/16', 'https://192.168.1.1/', /private/),
  address('CGNAT 100.64/10', 'http://100.64.0.1/', /CGNAT/),
  address('link-local IPv4', 'http://169.254.10.10/', /link-local/),
  address('link-local IPv6', 'http://[fe80::1]/', /link-local/),
  address('unique-local fc00::/7', 'http://[fd12:3456::1]/', /unique-local/),
  address('multicast IPv4', 'http://224.0.0.1/', /multicast/),
  address('multicast IPv6', 'http://[ff02::1]/', /multicast/),
  address('broadcast', 'http://255.255.255.255/', /reserved/),
  address('documentation range', 'http://192.0.2.10/', /reserved/),
  // Metadata services.
  address('AWS/GCP/Azure metadata', 'http://169.254.169.254/latest/meta-data/', /metadata/),
  address('AWS IPv6 metadata', 'http://[fd00:ec2::254]/', /metadata/),
  address('GCP metadata name', 'http://metadata.google.internal/computeMetadata/v1/', /metadata service/),
  // IPv6 forms embedding a private IPv4.
  address('NAT64 of 10.0.0.1', 'http://[64:ff9b::10.0.0.1]/', /NAT64 form of 10\.0\.0\.1.*private/),
  address('NAT64 of loopback', 'http://[64:ff9b::7f00:1]/', /NAT64 form of 127\.0\.0\.1/),
  address('6to4 of 192.168.1.1', 'http://[2002:c0a8:101::1]/', /6to4 form of 192\.168\.1\.1.*private/),
  address('6to4 of metadata', 'http://[2002:a9fe:a9fe::]/', /6to4 form of 169\.254\.169\.254.*metadata/),
  // Allowed names that resolve to forbidden addresses.
  {
    name: 'allowed name resolving to a private address',
    target: 'https://evil.example/',
    status: 403,
    error: 'address-not-allowed',
    reason: /evil\.example resolves to 10\.1\.2\.3 is a private/,
  },
  {
    name: 'allowed name resolving to public and loopback',
    target: 'https://rebind.example.com/',
    status: 403,
    error: 'address-not-allowed',
    reason: /resolves to 127\.0\.0\.1/,
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
    reason: /https:\/\/attacker\.example may not/,
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
    reason: /\(none\)/,
    init: { origin: null },
  },
  {
    name: 'no origin, a navigation from the same origin (a link to the proxy)',
    target: 'https://dav.example.com/cal/',
    status: 403,
    error: 'origin-not-allowed',
    reason: /\(none\)/,
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
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
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
